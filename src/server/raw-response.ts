import type { PassThrough } from "node:stream";
import type { FastifyReply } from "fastify";

/**
 * Sends a file or a stream as it is (CSV, XLSX, PDF, iCalendar), past the JSON response
 * schemas: the route documents the 200 body as a string with its media type.
 */
export function sendRaw(reply: FastifyReply, contentType: string, payload: Buffer | string | PassThrough) {
  return reply.type(contentType).send(payload);
}
