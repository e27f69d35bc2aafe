import type { z } from "zod";
import type { Problem } from "../../../src/server/problem-details.js";

export interface FieldError {
  field: string;
  message: string;
}

/** A failed API call, read from the server's problem+json answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The server's explanation for people, when it gave one. */
  readonly detail: string | undefined;
  /** Field-level problems, e.g. `{ field: "workEmail", message: "Enter a work email…" }`. */
  readonly errors: FieldError[];
  /** On 409: the record as it now stands on the server. */
  readonly current: unknown;
  constructor(problem: Pick<Problem, "status" | "code" | "title" | "detail" | "errors" | "current">) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.current = problem.current;
  }

  /** The message for one field, matching `languages` to `languages.2` as well. */
  messageFor(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

type Method = "GET" | "POST" | "PUT" | "DELETE";
type Query = Record<string, string | number | boolean | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /**
   * Whether an ended session may be renewed in place (the sign-in dialog) and the request
   * retried. Off for the calls that decide whether anyone is signed in at all.
   */
  renewSession?: boolean;
}

let csrfToken: string | null = null;
let renewSession: (() => Promise<void>) | null = null;
let pendingRenewal: Promise<void> | null = null;

/** The session's CSRF token, sent with every write; set from the session and sign-in answers. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/**
 * While someone is signed in, the app registers how to renew an ended session (show the
 * sign-in dialog, resolve once signed in again). Calls that meet an ended session wait for it
 * and then run again, so nothing typed on the page is lost.
 */
export function setSessionRenewal(renew: (() => Promise<void>) | null) {
  renewSession = renew;
}

function urlFor(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function problemFrom(status: number, payload: unknown): ApiError {
  const fallback = {
    status,
    code: status === 0 ? "NETWORK" : "HTTP_ERROR",
    title: "Something went wrong",
    detail:
      status === 0
        ? "Cascade could not be reached. Check your connection and try again."
        : "Something went wrong on our side. Try again, and tell your administrator if it keeps happening.",
  };
  if (typeof payload !== "object" || payload === null) return new ApiError(fallback);
  const p = payload as Partial<Problem>;
  return new ApiError({
    status,
    code: typeof p.code === "string" ? p.code : fallback.code,
    title: typeof p.title === "string" ? p.title : fallback.title,
    detail: typeof p.detail === "string" ? p.detail : fallback.detail,
    errors: Array.isArray(p.errors) ? p.errors : [],
    current: p.current,
  });
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  // A bodiless POST must not claim a JSON body: the server would reject the empty payload.
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  try {
    return await fetch(urlFor(path, options.query), {
      method,
      credentials: "same-origin",
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch {
    throw problemFrom(0, null);
  }
}

async function readError(response: Response): Promise<ApiError> {
  const payload: unknown = await response.json().catch(() => null);
  return problemFrom(response.status, payload);
}

async function renewOnce(): Promise<void> {
  if (!renewSession) throw new Error("no session renewal registered");
  pendingRenewal ??= renewSession().finally(() => {
    pendingRenewal = null;
  });
  return pendingRenewal;
}

export async function apiRequest<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  let response = await send(method, path, options);
  if (!response.ok) {
    const error = await readError(response);
    const mayRenew = options.renewSession !== false && renewSession !== null;
    if (error.status !== 401 || error.code !== "UNAUTHENTICATED" || !mayRenew) throw error;
    await renewOnce();
    response = await send(method, path, options);
    if (!response.ok) throw await readError(response);
  }
  return schema.parse(await response.json());
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, query?: Query) => apiRequest("GET", path, schema, { query }),
  post: <S extends z.ZodType>(path: string, schema: S, body?: unknown) => apiRequest("POST", path, schema, { body }),
  put: <S extends z.ZodType>(path: string, schema: S, body: unknown) => apiRequest("PUT", path, schema, { body }),
};
