import { z } from "zod";

export const ZAuditQuery = z.object({
  action: z.enum(["create", "update", "delete", "read-confidential", "sign-in", "sign-out"]).optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(64).optional(),
  actorUserId: z.string().max(64).optional(),
  from: z.iso.datetime({ message: "Use a UTC time like 2026-01-31T00:00:00Z." }).optional(),
  to: z.iso.datetime({ message: "Use a UTC time like 2026-01-31T00:00:00Z." }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEvent = z.object({
  id: z.number().int(),
  occurredAt: z.string().describe("UTC"),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  summary: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const ZAuditPage = z.object({
  items: z.array(ZAuditEvent),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
