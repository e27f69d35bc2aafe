import { z } from "zod";
import { DEFAULT_COHORT_BOUNDS, DEFAULT_SESSIONS_PER_PERIOD } from "./planner-rules.js";

export const ZRolloutPeriod = z.object({
  label: z.string(),
  startDate: z.string().nullable().describe("First day of the period's month, when its label names one"),
});
export type RolloutPeriod = z.infer<typeof ZRolloutPeriod>;

export const ZPlannedUnit = z.object({
  id: z.string(),
  regionLabel: z.string(),
  unitLabel: z.string(),
  periodIndex: z.number().int().nullable().describe("Index into the plan's periods; null when not scheduled"),
  leadersPeriodIndex: z
    .number()
    .int()
    .nullable()
    .describe("When the unit's supervisor, manager and executives train; must be before periodIndex"),
  orgUnitId: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  /** Head count of the linked org unit (and the units below it); null while unlinked. */
  staff: z.number().int().nullable(),
  volunteer: z.boolean(),
  trainedOn: z
    .string()
    .nullable()
    .describe("The day the linked unit counts as actually trained by attendance; null until then"),
});
export type PlannedUnit = z.infer<typeof ZPlannedUnit>;

export const ZRuleFinding = z.object({
  rule: z.enum(["leaders_first", "cohort_size", "trainer_capacity", "unit_links"]),
  severity: z.enum(["problem", "warning"]),
  periodIndex: z.number().int().nullable(),
  message: z.string(),
});
export type PlanFinding = z.infer<typeof ZRuleFinding>;

export const ZPeriodProgress = z.object({
  periodIndex: z.number().int(),
  label: z.string(),
  startDate: z.string().nullable(),
  unitsTrained: z.number().int(),
  cumulativeUnits: z.number().int(),
  staffTrained: z.number().int().describe("Staff of the linked units trained in the period"),
  cumulativeStaff: z.number().int(),
  unlinkedUnits: z.number().int().describe("Units of the period whose staff are not counted yet"),
  actualCumulativeUnits: z
    .number()
    .int()
    .nullable()
    .describe(
      "Planned units actually trained by the period's end (half their current staff attended); null before the period starts",
    ),
});

export const ZRolloutSummary = z.object({ planId: z.string(), periods: z.array(ZPeriodProgress) });
export type RolloutSummary = z.infer<typeof ZRolloutSummary>;

const ZPlanSettings = z.object({
  cohortMin: z.number().int().min(1),
  cohortMax: z.number().int().min(1),
  cohortLimit: z.number().int().min(1),
  sessionsPerPeriod: z.number().int().min(1),
});

export const ZRolloutPlan = ZPlanSettings.extend({
  id: z.string(),
  name: z.string(),
  periods: z.array(ZRolloutPeriod),
  regions: z.array(z.string()),
  units: z.array(ZPlannedUnit),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type RolloutPlan = z.infer<typeof ZRolloutPlan>;

export const ZRolloutPlanDetail = ZRolloutPlan.extend({
  summary: z.array(ZPeriodProgress),
  findings: z.array(ZRuleFinding),
});

export const ZRolloutPlanListItem = z.object({
  id: z.string(),
  name: z.string(),
  periodCount: z.number().int(),
  firstPeriod: z.string().nullable(),
  lastPeriod: z.string().nullable(),
  unitCount: z.number().int(),
  linkedUnitCount: z.number().int(),
  updatedAt: z.string(),
});
export const ZRolloutPlanList = z.object({ items: z.array(ZRolloutPlanListItem) });

const name = z.string().trim().min(1, "Enter a name for the plan.").max(160, "Use at most 160 characters.");

/** Settings checked together: the bounds must nest (min ≤ max ≤ limit). */
function boundsNest<T extends z.infer<typeof ZPlanSettings>>(schema: z.ZodType<T>) {
  return schema
    .refine((s) => s.cohortMin <= s.cohortMax, {
      message: "The smallest cohort cannot be larger than the usual largest.",
      path: ["cohortMin"],
    })
    .refine((s) => s.cohortMax <= s.cohortLimit, {
      message: "The largest allowed cohort cannot be smaller than the usual largest.",
      path: ["cohortLimit"],
    });
}

export const ZRolloutImportInput = boundsNest(
  z.object({
    name,
    text: z
      .string()
      .min(1, "Paste the plan or choose a file.")
      .max(1_000_000, "The file is too large for a rollout plan.")
      .describe("The grid or long layout as CSV or tab-separated text"),
    cohortMin: z.number().int().min(1).default(DEFAULT_COHORT_BOUNDS.min),
    cohortMax: z.number().int().min(1).default(DEFAULT_COHORT_BOUNDS.max),
    cohortLimit: z.number().int().min(1).default(DEFAULT_COHORT_BOUNDS.limit),
    sessionsPerPeriod: z.number().int().min(1).default(DEFAULT_SESSIONS_PER_PERIOD),
  }),
);
export type RolloutImportInput = z.output<typeof ZRolloutImportInput>;

export const ZRolloutPlanUpdate = boundsNest(
  ZPlanSettings.extend({
    name,
    periods: z
      .array(z.string().trim().min(1, "Name the period.").max(40))
      .min(1, "A plan needs at least one period.")
      .max(60),
    regions: z
      .array(
        z.object({
          label: z.string().trim().min(1, "Name the region.").max(160),
          cells: z.array(z.string().max(500)).describe("One text per period, such as `Units 3-5`; blank for none"),
        }),
      )
      .min(1, "A plan needs at least one region.")
      .max(100),
    version: z.number().int().positive(),
  }),
);
export type RolloutPlanUpdate = z.output<typeof ZRolloutPlanUpdate>;

export const ZPlannedUnitUpdate = z.object({
  orgUnitId: z
    .string()
    .max(64)
    .transform((v) => v || null)
    .nullable(),
  volunteer: z.boolean(),
  leadersPeriodIndex: z.number().int().min(0).nullable(),
  version: z.number().int().positive().describe("The plan's version"),
});
export type PlannedUnitUpdate = z.output<typeof ZPlannedUnitUpdate>;

export const ZProposalQuery = z.object({
  volunteersFirst: z.enum(["true", "false"]).default("false").describe("Schedule units marked as volunteers first"),
});

export const ZProposal = z.object({
  placements: z.array(
    z.object({ unitId: z.string(), periodIndex: z.number().int(), leadersPeriodIndex: z.number().int() }),
  ),
  unscheduledUnitIds: z.array(z.string()),
  assumedUnitSize: z.number().int(),
  /** The rules checked against the proposal as if it were accepted. */
  findings: z.array(ZRuleFinding),
});
export type Proposal = z.infer<typeof ZProposal>;

export const ZProposalAccept = z.object({
  volunteersFirst: z.boolean().default(false),
  version: z.number().int().positive(),
});
