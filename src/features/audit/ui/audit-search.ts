import { z } from "zod";
import { ZAuditQuery } from "../audit.schema.js";

const isoDate = z.iso.date();

/**
 * The audit log's filters as they appear in the address bar. Dates are calendar days in the
 * agency's time zone; the page turns them into UTC instants for the API.
 */
export const ZAuditSearch = z.object({
  action: ZAuditQuery.shape.action.catch(undefined),
  entityType: z.string().max(50).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});
export type AuditSearch = z.infer<typeof ZAuditSearch>;
