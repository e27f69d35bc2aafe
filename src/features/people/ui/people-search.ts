import { z } from "zod";
import { SORTABLE_PERSON_FIELDS, ZJobRole, ZLevel } from "../person.schema.js";

/**
 * The People page's filters as they appear in the address bar. Every field is optional so the
 * address stays short (defaults are left out) and a mistyped value is dropped, not an error.
 */
export const ZPeopleSearch = z.object({
  q: z.string().optional().catch(undefined),
  orgUnitId: z.string().optional().catch(undefined),
  level: ZLevel.optional().catch(undefined),
  jobRole: ZJobRole.optional().catch(undefined),
  active: z.enum(["true", "false", "all"]).optional().catch(undefined),
  sort: z.enum(SORTABLE_PERSON_FIELDS).optional().catch(undefined),
  direction: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});
export type PeopleSearch = z.infer<typeof ZPeopleSearch>;
