import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, type FieldError } from "./errors.js";

/** RFC 9457 problem details, with field errors and (on 409) the record as it now stands. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  current: z.unknown().optional(),
});
export type Problem = z.infer<typeof ZProblem>;

const TITLES: Record<number, string> = {
  400: "Some fields need attention",
  401: "Sign-in required",
  403: "Not allowed",
  404: "Not found",
  409: "Changed by someone else",
  413: "Too large",
  415: "Unsupported content type",
  429: "Too many attempts",
  500: "Something went wrong",
};

function send(reply: FastifyReply, problem: Problem) {
  return reply.status(problem.status).type("application/problem+json").send(problem);
}

/** The value a validation issue points at, read from the part of the request that failed. */
function valueAt(request: FastifyRequest, context: unknown, path: string[]): unknown {
  const parts: Record<string, unknown> = {
    body: request.body,
    querystring: request.query,
    params: request.params,
    headers: request.headers,
  };
  let node = typeof context === "string" ? parts[context] : undefined;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.extra.retryAfterSeconds) reply.header("retry-after", String(error.extra.retryAfterSeconds));
    return send(reply, {
      type: `about:blank#${error.code.toLowerCase()}`,
      title: TITLES[error.status] ?? "Error",
      status: error.status,
      detail: error.message,
      code: error.code,
      ...(error.extra.fieldErrors ? { errors: error.extra.fieldErrors } : {}),
      ...(error.extra.current !== undefined ? { current: error.extra.current } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: unknown }).validationContext;
    const errors: FieldError[] = error.validation.map((v) => {
      const path = v.instancePath.split("/").filter(Boolean);
      // Zod words a missing field as a type error ("expected string, received undefined").
      const missing = v.keyword === "invalid_type" && valueAt(request, context, path) === undefined;
      return {
        field: path.join(".") || "(request)",
        message: missing ? "This field is required." : (v.message ?? "Invalid value."),
      };
    });
    return send(reply, {
      type: "about:blank#validation",
      title: TITLES[400] as string,
      status: 400,
      detail: "Some fields need attention.",
      code: "VALIDATION",
      errors,
    });
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, "response did not match its schema");
    return send(reply, { type: "about:blank", title: TITLES[500] as string, status: 500, code: "INTERNAL" });
  }
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    return send(reply, {
      type: "about:blank",
      title: TITLES[status] ?? "Bad request",
      status,
      detail: error.message,
      code: (error as FastifyError).code ?? "BAD_REQUEST",
    });
  }
  // Never leak internals: the log keeps the stack, the client gets a plain message.
  request.log.error({ err: error }, "unhandled error");
  return send(reply, {
    type: "about:blank",
    title: TITLES[500] as string,
    status: 500,
    detail: "Something went wrong on our side. Try again, and tell your administrator if it keeps happening.",
    code: "INTERNAL",
  });
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, {
    type: "about:blank#not_found",
    title: TITLES[404] as string,
    status: 404,
    detail: `No route ${request.method} ${request.url.split("?")[0]}.`,
    code: "NOT_FOUND",
  });
}
