/**
 * The training delivery check (SPEC §3): what an observer looks for while a session runs, so
 * the agency knows its training ran as intended and trainers get feedback on their own
 * practice. One checklist ships for every agency; items are keyed so ratings stay readable
 * when wording is improved. Pure, so scoring is unit-tested.
 */
export const DELIVERY_RATINGS = ["met", "partly", "not_met"] as const;
export type DeliveryRating = (typeof DELIVERY_RATINGS)[number];
export const DELIVERY_RATING_LABELS: Record<DeliveryRating, string> = {
  met: "Met",
  partly: "Partly",
  not_met: "Not met",
};

export const DELIVERY_SECTIONS = ["content_coverage", "format_sequencing", "delivery_quality"] as const;
export type DeliverySection = (typeof DELIVERY_SECTIONS)[number];

export interface ChecklistItem {
  key: string;
  section: DeliverySection;
  text: string;
}

export const DELIVERY_SECTION_LABELS: Record<DeliverySection, string> = {
  content_coverage: "Content coverage",
  format_sequencing: "Format and sequencing",
  delivery_quality: "Delivery quality",
};

export const DELIVERY_CHECKLIST: readonly ChecklistItem[] = [
  { key: "cc_elements", section: "content_coverage", text: "Every model element planned for the session was taught." },
  { key: "cc_examples", section: "content_coverage", text: "Each behavior came with an example from real casework." },
  {
    key: "cc_practice",
    section: "content_coverage",
    text: "Participants tried the behaviors out, not only heard about them.",
  },
  { key: "cc_accuracy", section: "content_coverage", text: "What was taught matched the published practice model." },
  { key: "fs_order", section: "format_sequencing", text: "Modules ran in the order the curriculum sets." },
  { key: "fs_time", section: "format_sequencing", text: "Each part got roughly the time the curriculum gives it." },
  { key: "fs_mix", section: "format_sequencing", text: "Talk, exercises and discussion alternated as planned." },
  {
    key: "fs_close",
    section: "format_sequencing",
    text: "The session ended with a recap and what comes next, coaching included.",
  },
  { key: "dq_engage", section: "delivery_quality", text: "Trainers drew everyone in, quieter participants too." },
  { key: "dq_questions", section: "delivery_quality", text: "Questions were answered clearly or noted for follow-up." },
  { key: "dq_shared", section: "delivery_quality", text: "Lead and co-trainers shared the work as agreed." },
  { key: "dq_respect", section: "delivery_quality", text: "Families and partners were spoken of with respect." },
];

export interface ItemRating {
  item: string;
  rating: DeliveryRating;
  comment: string;
}

/** Field errors for a set of ratings: every checklist item rated exactly once, nothing else. */
export function checklistErrors(ratings: readonly ItemRating[]): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const known = new Set(DELIVERY_CHECKLIST.map((i) => i.key));
  const seen = new Set<string>();
  ratings.forEach((r, i) => {
    if (!known.has(r.item)) errors.push({ field: `ratings.${i}.item`, message: "That item is not on the checklist." });
    else if (seen.has(r.item)) errors.push({ field: `ratings.${i}.item`, message: "This item is rated twice." });
    seen.add(r.item);
  });
  for (const item of DELIVERY_CHECKLIST) {
    if (!seen.has(item.key)) errors.push({ field: `ratings.${item.key}`, message: `Rate: ${item.text}` });
  }
  return errors;
}

export interface SectionScore {
  section: DeliverySection;
  label: string;
  met: number;
  items: number;
  /** Whole percent of the section's items rated Met; Partly and Not met count as not met. */
  metPercent: number;
}

export function sectionScores(ratings: readonly ItemRating[]): SectionScore[] {
  const byItem = new Map(ratings.map((r) => [r.item, r.rating]));
  return DELIVERY_SECTIONS.map((section) => {
    const items = DELIVERY_CHECKLIST.filter((i) => i.section === section);
    const met = items.filter((i) => byItem.get(i.key) === "met").length;
    return {
      section,
      label: DELIVERY_SECTION_LABELS[section],
      met,
      items: items.length,
      metPercent: Math.round((met / items.length) * 100),
    };
  });
}
