import { z } from "zod";

/** Which model and version the practice model page shows; both default to the newest publication. */
export const ZModelSearch = z.object({
  modelId: z.string().max(64).optional().catch(undefined),
  version: z.coerce.number().int().positive().optional().catch(undefined),
});
export type ModelSearch = z.infer<typeof ZModelSearch>;

/** Which two versions the comparison shows: numbers, or `draft`. */
export const ZCompareSearch = z.object({
  from: z.string().max(10).optional().catch(undefined),
  to: z.string().max(10).optional().catch(undefined),
});
export type CompareSearch = z.infer<typeof ZCompareSearch>;

/** Which printout the print page lays out. */
export const ZPrintSearch = z.object({
  kind: z.enum(["booklet", "element", "leadership"]).catch("booklet"),
  elementId: z.string().max(64).optional().catch(undefined),
  level: z.enum(["supervisor", "manager", "director"]).optional().catch(undefined),
});
export type PrintSearch = z.infer<typeof ZPrintSearch>;
