import { z } from "zod";

export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use a month like 2026-03.");

export const ZFocusParams = z.object({ orgUnitId: z.string().min(1).max(64), month: ZMonth });

export const ZFocusInput = z.object({
  /** An element or practice behavior of the model in use. */
  itemId: z.string().trim().min(1, "Choose an element or behavior.").max(64),
  note: z.string().trim().max(1000, "Use at most 1000 characters.").default(""),
  /** The version of the focus being replaced; leave out when the month has none yet. */
  version: z.number().int().positive().optional(),
});
export type FocusInput = z.output<typeof ZFocusInput>;

export const ZFocusClear = z.object({ version: z.coerce.number().int().positive() });

export const ZFocusItem = z.object({
  kind: z.enum(["element", "behavior"]),
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** The behavior's pocket wording, or the element's description. */
  text: z.string(),
  /** For a behavior: the element it belongs to. */
  elementName: z.string().nullable(),
});

export const ZFocus = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  month: z.string(),
  modelId: z.string(),
  versionNumber: z.number().int(),
  item: ZFocusItem,
  note: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Focus = z.infer<typeof ZFocus>;

export const ZMyFocus = z.object({
  month: z.string(),
  /** The focus of the person's own unit, or of the nearest unit above it that has one. */
  focus: ZFocus.nullable(),
  /** Which unit chose it. */
  unitName: z.string().nullable(),
});

export const ZFocusBoard = z.object({
  month: z.string(),
  /** The model in use, whose items can be chosen; null before anything is published. */
  model: z
    .object({
      modelId: z.string(),
      versionNumber: z.number().int(),
      elements: z.array(
        z.object({
          id: z.string(),
          code: z.string(),
          name: z.string(),
          behaviors: z.array(z.object({ id: z.string(), code: z.string(), shortName: z.string() })),
        }),
      ),
    })
    .nullable(),
  /** Each unit the person may set a focus for, with this month's focus. */
  units: z.array(z.object({ orgUnitId: z.string(), name: z.string(), kind: z.string(), focus: ZFocus.nullable() })),
});
export type FocusBoard = z.infer<typeof ZFocusBoard>;

export const ZFocusBoardQuery = z.object({ month: ZMonth.optional() });
