import { z } from "zod";
import { DELIVERY_RATINGS, DELIVERY_SECTIONS } from "./delivery-checklist.js";

export const ZDeliveryRating = z.enum(DELIVERY_RATINGS);

export const ZSectionScore = z.object({
  section: z.enum(DELIVERY_SECTIONS),
  label: z.string(),
  met: z.number().int(),
  items: z.number().int(),
  metPercent: z.number().int().describe("Whole percent of the section's items rated Met"),
});

export const ZDeliveryCheckSummary = z.object({
  id: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  sessionStartsAt: z.string().describe("UTC"),
  observerPersonId: z.string(),
  observerName: z.string(),
  trainerNames: z.array(z.string()),
  /** Null until the observer has recorded the checklist. */
  recordedAt: z.string().nullable(),
  scores: z.array(ZSectionScore).describe("Empty until recorded"),
  /** Whether the one asking may record or change the ratings. */
  canRecord: z.boolean(),
});
export type DeliveryCheckSummary = z.infer<typeof ZDeliveryCheckSummary>;

export const ZDeliveryCheck = ZDeliveryCheckSummary.extend({
  ratings: z.array(z.object({ item: z.string(), rating: ZDeliveryRating, comment: z.string() })),
  comment: z.string(),
  version: z.number().int(),
});
export type DeliveryCheck = z.infer<typeof ZDeliveryCheck>;

export const ZDeliveryCheckList = z.object({ items: z.array(ZDeliveryCheckSummary) });

export const ZDeliveryChecklist = z.object({
  ratings: z.array(z.object({ value: ZDeliveryRating, label: z.string() })),
  items: z.array(
    z.object({ key: z.string(), section: z.enum(DELIVERY_SECTIONS), sectionLabel: z.string(), text: z.string() }),
  ),
});

export const ZAssignObserverInput = z.object({
  observerPersonId: z.string().min(1, "Choose the observer.").max(64),
});
export type AssignObserverInput = z.output<typeof ZAssignObserverInput>;

export const ZDeliveryCheckInput = z.object({
  ratings: z
    .array(
      z.object({
        item: z.string().max(64),
        rating: ZDeliveryRating,
        comment: z.string().trim().max(1000, "Use at most 1000 characters.").default(""),
      }),
    )
    .max(50),
  comment: z.string().trim().max(4000, "Use at most 4000 characters.").default(""),
  version: z.number().int().positive(),
});
export type DeliveryCheckInput = z.output<typeof ZDeliveryCheckInput>;
