import type { Db } from "../../db/types.js";
import { findOrgUnitsOfAgency } from "../org/org-unit.repo.js";
import { DEFAULT_COHORT_BOUNDS } from "../training/planner-rules.js";
import { parseRolloutPlan } from "../training/rollout-import.js";
import { createOrgUnitMatcher } from "../training/rollout-links.js";
import { insertPlannedUnits, insertRolloutPlan, type PlannedUnitRow } from "../training/rollout-plan.repo.js";
import { insertEnrollments, insertSession, insertTrainers, updateAttendance } from "../training/session.repo.js";
import { formatUnitList } from "../training/unit-lists.js";
import { seedDemoTrainingSurvey } from "./demo-training-survey.js";

/**
 * The demo agency's two-year rollout, in progress: the seeds' sample schedule (16 + 24 + 30
 * units in three regions, a period every two months) moved to start in January 2026. Each
 * unit's leaders train in the period before it; the first period's units have no leaders'
 * period yet, so the leaders-first check has something real to explain.
 */
const UNITS_PER_PERIOD: Record<string, number[]> = {
  "Wexler County/ Region 1": [2, 3, 3, 3, 3, 2],
  "Wexler County/ Region 2": [3, 3, 3, 3, 3, 3, 3, 3],
  "Wexler County/ Region 3": [3, 3, 3, 3, 3, 3, 2, 3, 3, 4],
};
const PERIODS = [
  "Jan '26",
  "Mar '26",
  "May '26",
  "July '26",
  "Sep '26",
  "Nov '26",
  "Jan '27",
  "Mar '27",
  "May '27",
  "July '27",
];

/** The schedule as an agency would paste it from its spreadsheet. */
export function demoRolloutGridText(): string {
  const rows = [["County/Office", ...PERIODS].join("\t")];
  for (const [region, counts] of Object.entries(UNITS_PER_PERIOD)) {
    let next = 1;
    const cells = PERIODS.map((_, p) => {
      const count = counts[p] ?? 0;
      const labels = Array.from({ length: count }, (_, i) => `Unit ${next + i}`);
      next += count;
      return formatUnitList(labels);
    });
    rows.push([region, ...cells].join("\t"));
  }
  return `${rows.join("\n")}\n`;
}

/** Who trains and who is trained in the demo's sessions. */
export interface DemoTrainingPeople {
  trainerId: string;
  coTrainerId: string | null;
  /** Region 1 Unit 1's staff: trained in January, with one absent and one leaving early. */
  firstUnitStaffIds: string[];
  /** Region 1 Unit 3's staff: enrolled in the next session, not held yet. */
  upcomingStaffIds: string[];
}

/**
 * One session held (attendance recorded) and one coming up, trained by the demo trainer, so the
 * session pages and the trainer's attendance form have something real to show.
 */
async function seedDemoSessions(db: Db, agencyId: string, people: DemoTrainingPeople) {
  const trainers = [
    { personId: people.trainerId, partnerPersonId: null, role: "lead" },
    ...(people.coTrainerId ? [{ personId: people.coTrainerId, partnerPersonId: null, role: "co_trainer" }] : []),
  ];
  const held = await insertSession(db, agencyId, {
    title: "Practice model foundations: Region 1, cohort 1",
    curriculumId: null,
    moduleIds: [],
    startsAt: "2026-01-14T17:00:00.000Z",
    endsAt: "2026-01-14T20:00:00.000Z",
    place: "Region 1 North Office, training room",
    videoLink: "",
    facility: "Seats 24, projector",
    capacity: 24,
  });
  await insertTrainers(db, agencyId, held, trainers);
  await insertEnrollments(db, agencyId, held, people.firstUnitStaffIds);
  for (const [i, personId] of people.firstUnitStaffIds.entries()) {
    const attendance = i === 1 ? "absent" : i === 2 ? "partial" : "present";
    const minutes = attendance === "present" ? 180 : attendance === "partial" ? 120 : 0;
    await updateAttendance(db, agencyId, held, { personId, attendance, minutes });
  }
  const upcoming = await insertSession(db, agencyId, {
    title: "Practice model foundations: Region 1, cohort 2",
    curriculumId: null,
    moduleIds: [],
    startsAt: "2026-12-09T17:00:00.000Z",
    endsAt: "2026-12-09T20:00:00.000Z",
    place: "",
    videoLink: "https://meet.wexler.example/foundations-2",
    facility: "",
    capacity: 20,
  });
  await insertTrainers(db, agencyId, upcoming, trainers);
  await insertEnrollments(db, agencyId, upcoming, people.upcomingStaffIds);
  return held;
}

export async function seedDemoTraining(db: Db, agencyId: string, people: DemoTrainingPeople | null): Promise<string> {
  if (people) {
    const held = await seedDemoSessions(db, agencyId, people);
    await seedDemoTrainingSurvey(db, agencyId, held, people.firstUnitStaffIds);
  }
  const parsed = parseRolloutPlan(demoRolloutGridText());
  if (!parsed.ok) throw new Error(`The demo rollout grid does not read: ${JSON.stringify(parsed.problems)}`);
  const { periods, regions } = parsed.plan;
  const orgUnits = await findOrgUnitsOfAgency(db, agencyId);
  const matcher = createOrgUnitMatcher(
    orgUnits.map((u) => ({
      id: u.id,
      parentId: u.parentId,
      name: u.name,
      kind: u.kind,
      retired: u.retiredAt !== null,
    })),
  );
  const planId = await insertRolloutPlan(db, agencyId, {
    name: "Practice model rollout 2026–2027",
    periods,
    regions: regions.map((r) => r.label),
    cohortMin: DEFAULT_COHORT_BOUNDS.min,
    cohortMax: DEFAULT_COHORT_BOUNDS.max,
    cohortLimit: DEFAULT_COHORT_BOUNDS.limit,
    sessionsPerPeriod: 6,
  });
  const units: Omit<PlannedUnitRow, "id">[] = [];
  for (const region of regions) {
    for (const cell of region.cells) {
      for (const unitLabel of cell.units) {
        units.push({
          regionLabel: region.label,
          unitLabel,
          periodIndex: cell.periodIndex,
          leadersPeriodIndex: cell.periodIndex > 0 ? cell.periodIndex - 1 : null,
          position: units.length,
          orgUnitId: matcher(region.label, unitLabel),
          // Region 3's first units asked to go first.
          volunteer: region.label.endsWith("Region 3") && cell.periodIndex === 0,
        });
      }
    }
  }
  await insertPlannedUnits(db, agencyId, planId, units);
  return planId;
}
