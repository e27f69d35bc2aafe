/**
 * Typed application errors. Services throw these; the HTTP layer turns them into
 * RFC 9457 problem+json responses (see problem-details.ts).
 */
export type AppErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "TOTP_REQUIRED"
  | "TOTP_SETUP_REQUIRED"
  | "CONFLICT"
  | "VALIDATION"
  | "RATE_LIMITED"
  | "CSRF";

const statusByCode: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  TOTP_REQUIRED: 401,
  TOTP_SETUP_REQUIRED: 403,
  CONFLICT: 409,
  VALIDATION: 400,
  RATE_LIMITED: 429,
  CSRF: 403,
};

export interface FieldError {
  /** Dotted path of the field, e.g. `name` or `languages.0`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly extra: { fieldErrors?: FieldError[]; current?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.status = statusByCode[code];
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "You do not have permission to do this.") => new AppError("FORBIDDEN", message);
export const fieldError = (field: string, message: string) =>
  new AppError("VALIDATION", "Some fields need attention.", { fieldErrors: [{ field, message }] });
export const staleVersion = (current: unknown) =>
  new AppError("CONFLICT", "Someone else changed this record since you opened it.", { current });
