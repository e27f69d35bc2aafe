import { z } from "zod";

export const AUDIENCES = [
  "leaders",
  "supervisors",
  "social_workers",
  "partners",
  "licensing_workers",
  "case_aides",
  "foster_parents",
  "other_staff",
] as const;
export const ZAudience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof ZAudience>;
export const AUDIENCE_LABELS: Record<Audience, string> = {
  leaders: "Leaders (managers, executives)",
  supervisors: "Supervisors",
  social_workers: "Social workers",
  partners: "Community and Tribal partners",
  licensing_workers: "Licensing workers",
  case_aides: "Case aides",
  foster_parents: "Foster parents",
  other_staff: "Other staff",
};

export const ZTrainingModule = z.object({
  id: z.string(),
  title: z.string(),
  durationMinutes: z.number().int(),
  audiences: z.array(ZAudience),
  elementIds: z.array(z.string()),
  behaviorIds: z.array(z.string()),
});
export type TrainingModule = z.infer<typeof ZTrainingModule>;

export const ZCurriculum = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  modelId: z.string().nullable(),
  modelVersionNumber: z.number().int().nullable(),
  modules: z.array(ZTrainingModule),
  totalMinutes: z.number().int(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Curriculum = z.infer<typeof ZCurriculum>;

export const ZCurriculumList = z.object({ items: z.array(ZCurriculum) });

const ZModuleInput = z.object({
  id: z.string().max(64).optional().describe("Keep a module's id when editing; new modules get one"),
  title: z.string().trim().min(1, "Enter a title for the module.").max(200, "Use at most 200 characters."),
  durationMinutes: z
    .number({ message: "Enter the module's length in minutes." })
    .int("Use whole minutes.")
    .min(5, "A module lasts at least 5 minutes.")
    .max(2400, "Split modules longer than 40 hours."),
  audiences: z.array(ZAudience).min(1, "Choose at least one audience."),
  elementIds: z.array(z.string().max(64)).max(100).default([]),
  behaviorIds: z.array(z.string().max(64)).max(200).default([]),
});

export const ZCurriculumInput = z.object({
  title: z.string().trim().min(1, "Enter a title.").max(200, "Use at most 200 characters."),
  description: z.string().trim().max(4000).default(""),
  modules: z.array(ZModuleInput).max(100).default([]),
});
export type CurriculumInput = z.output<typeof ZCurriculumInput>;

export const ZCurriculumUpdate = ZCurriculumInput.extend({ version: z.number().int().positive() });
export type CurriculumUpdate = z.output<typeof ZCurriculumUpdate>;
