import { z } from "zod";

/**
 * A practice model version is one JSON document: values, ordered elements with their
 * practice behaviors, leadership commitments and rating scales. Elements and behaviors
 * carry stable ids so later records (ratings, goals, modules) can point at a behavior id
 * together with the version they used.
 */
const ZItemId = z.uuid("Use a UUID.");
const ZCode = z
  .string()
  .trim()
  .min(1, "Enter a code.")
  .max(20, "Use at most 20 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use letters, digits, dots, dashes or underscores.");
const name = (max = 200) => z.string().trim().min(1, "Enter a name.").max(max, `Use at most ${max} characters.`);
const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

export const ZModelValue = z.object({ id: ZItemId, name: name(), description: text(4000) });

export const ZPracticeBehavior = z.object({
  id: ZItemId,
  code: ZCode,
  shortName: name(),
  description: text(4000),
  /** The condensed wording staff carry in their pocket. */
  pocketText: text(280),
});

export const ZElement = z.object({
  id: ZItemId,
  code: ZCode,
  name: name(),
  description: text(4000),
  behaviors: z.array(ZPracticeBehavior).max(100),
});

export const ZLeadershipBehavior = z.object({
  id: ZItemId,
  code: ZCode,
  name: name(),
  variants: z.object({ supervisor: text(2000), manager: text(2000), director: text(2000) }),
});

export const ZLeadershipCommitment = z.object({
  id: ZItemId,
  name: name(),
  behaviors: z.array(ZLeadershipBehavior).max(100),
});

export const ZRatingLevel = z.object({
  value: z.number().int().min(0).max(100),
  label: name(80),
  /** What the behavior looks like at this level. */
  anchor: text(2000),
});

export const ZRatingScale = z.object({
  id: ZItemId,
  name: name(),
  levels: z.array(ZRatingLevel).min(2, "A scale needs at least two levels.").max(10),
});

type Issue = { path: (string | number)[]; message: string };

/** Codes, ids and level values must not repeat; reports every repeat at its own path. */
function duplicatesIn(content: z.output<typeof ZModelContentShape>): Issue[] {
  const issues: Issue[] = [];
  const seen = (label: string) => {
    const first = new Map<string, string>();
    return (key: string, path: (string | number)[]) => {
      const k = key.toLowerCase();
      const earlier = first.get(k);
      if (earlier !== undefined) issues.push({ path, message: `${label} ${key} is already used at ${earlier}.` });
      else first.set(k, path.join("."));
    };
  };
  const ids = seen("The id");
  const elementCodes = seen("The element code");
  const behaviorCodes = seen("The behavior code");
  content.values.forEach((v, i) => {
    ids(v.id, ["values", i, "id"]);
  });
  content.elements.forEach((e, i) => {
    ids(e.id, ["elements", i, "id"]);
    elementCodes(e.code, ["elements", i, "code"]);
    e.behaviors.forEach((b, j) => {
      ids(b.id, ["elements", i, "behaviors", j, "id"]);
      behaviorCodes(b.code, ["elements", i, "behaviors", j, "code"]);
    });
  });
  content.leadership.forEach((c, i) => {
    ids(c.id, ["leadership", i, "id"]);
    c.behaviors.forEach((b, j) => {
      ids(b.id, ["leadership", i, "behaviors", j, "id"]);
      behaviorCodes(b.code, ["leadership", i, "behaviors", j, "code"]);
    });
  });
  content.scales.forEach((s, i) => {
    ids(s.id, ["scales", i, "id"]);
    const values = seen("The value");
    s.levels.forEach((l, j) => {
      values(String(l.value), ["scales", i, "levels", j, "value"]);
    });
  });
  return issues;
}

const ZModelContentShape = z.object({
  values: z.array(ZModelValue).max(50),
  /** In the order they are taught and printed. */
  elements: z.array(ZElement).max(50),
  leadership: z.array(ZLeadershipCommitment).max(50),
  scales: z.array(ZRatingScale).min(1, "A model needs at least one rating scale.").max(20),
});

export const ZModelContent = ZModelContentShape.superRefine((content, ctx) => {
  for (const issue of duplicatesIn(content)) ctx.addIssue({ code: "custom", ...issue });
});
export type ModelContent = z.output<typeof ZModelContent>;

export const MODEL_TEMPLATES = ["family-centered", "core-practice", "blank"] as const;
export const ZModelTemplate = z.enum(MODEL_TEMPLATES);
export type ModelTemplate = z.infer<typeof ZModelTemplate>;

export const ZModelInput = z.object({
  name: name(160),
  description: text(4000).default(""),
  template: ZModelTemplate.default("blank"),
});
export type ModelInput = z.output<typeof ZModelInput>;

/** A model's name and description belong to the model, not to a version, so they stay editable. */
export const ZModelUpdate = z.object({
  name: name(160),
  description: text(4000).default(""),
  version: z.number().int().positive(),
});
export type ModelUpdate = z.output<typeof ZModelUpdate>;

export const ZPublishedVersionSummary = z.object({
  number: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
});

export const ZModel = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** The newest published version's number, or null before the first publication. */
  latestPublishedNumber: z.number().int().nullable(),
  /** Whether a draft is open; always false for people who may not edit. */
  hasDraft: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Model = z.infer<typeof ZModel>;

export const ZModelList = z.object({ items: z.array(ZModel) });

export const ZModelDetail = ZModel.extend({
  versions: z.array(ZPublishedVersionSummary),
  draft: z.object({ id: z.string(), version: z.number().int(), updatedAt: z.string() }).nullable(),
});

export const ZModelVersion = z.object({
  id: z.string(),
  modelId: z.string(),
  /** Null while the version is a draft. */
  number: z.number().int().nullable(),
  status: z.enum(["draft", "published"]),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  content: ZModelContent,
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ModelVersion = z.infer<typeof ZModelVersion>;

export const ZVersionList = z.object({ items: z.array(ZPublishedVersionSummary) });

export const ZDraftUpdate = z.object({ content: ZModelContent, version: z.number().int().positive() });
export type DraftUpdate = z.output<typeof ZDraftUpdate>;

export const ZPublishInput = z.object({ version: z.number().int().positive() });

/** The file agencies exchange: a format marker and schema version, so readers can refuse what they don't know. */
export const MODEL_EXPORT_FORMAT = "cascade-practice-model";
export const MODEL_EXPORT_SCHEMA_VERSION = 1;
export const ZModelExport = z.object({
  format: z.literal(MODEL_EXPORT_FORMAT),
  schemaVersion: z.literal(MODEL_EXPORT_SCHEMA_VERSION),
  model: z.object({ name: name(160), description: text(4000) }),
  source: z
    .object({ versionNumber: z.number().int().positive(), publishedAt: z.string().max(40) })
    .nullable()
    .default(null),
  content: ZModelContent,
});
export type ModelExport = z.output<typeof ZModelExport>;

export const ZModelImport = z.object({
  document: z.unknown().describe("A model file as GET …/export returns it"),
});

/** A published version's number, or `draft` for the open draft (editors only). */
export const ZVersionRef = z.union([z.literal("draft"), z.coerce.number().int().positive()]);

export const ZCompareQuery = z.object({ from: ZVersionRef, to: ZVersionRef });

export const ZContentChange = z.object({
  section: z.enum(["values", "elements", "behaviors", "commitments", "leadershipBehaviors", "scales"]),
  kind: z.enum(["added", "removed", "changed", "moved"]),
  id: z.string(),
  label: z.string(),
  fields: z.array(z.string()),
});

export const ZModelComparison = z.object({
  from: z.union([z.literal("draft"), z.number().int()]),
  to: z.union([z.literal("draft"), z.number().int()]),
  before: ZModelContent,
  after: ZModelContent,
  changes: z.array(ZContentChange),
});
export type ModelComparison = z.infer<typeof ZModelComparison>;

export const LEADERSHIP_LEVELS = ["supervisor", "manager", "director"] as const;
export const ZLeadershipLevel = z.enum(LEADERSHIP_LEVELS);
export type LeadershipLevel = z.infer<typeof ZLeadershipLevel>;

/**
 * Which printout: the whole pocket booklet, one element's one-pager (`elementId`), or the
 * leadership behaviors of one level (`level`).
 */
export const BOOKLET_KINDS = ["booklet", "element", "leadership"] as const;
export const ZBookletQuery = z.object({
  kind: z.enum(BOOKLET_KINDS).default("booklet"),
  elementId: z.string().min(1).max(64).optional(),
  level: ZLeadershipLevel.optional(),
});
export type BookletQuery = z.infer<typeof ZBookletQuery>;
