import type { Db } from "../../db/types.js";
import { findOrgUnitsOfAgency } from "../org/org-unit.repo.js";
import { insertHoursEntry } from "../partners/partner.repo.js";
import { insertDeliveryCheck, updateRatings } from "../training/delivery-check.repo.js";
import { DELIVERY_CHECKLIST, type ItemRating } from "../training/delivery-checklist.js";
import { insertNudge } from "../training/nudge.repo.js";
import { DEFAULT_COHORT_BOUNDS } from "../training/planner-rules.js";
import { parseRolloutPlan } from "../training/rollout-import.js";
import { createOrgUnitMatcher } from "../training/rollout-links.js";
import { insertPlannedUnits, insertRolloutPlan, type PlannedUnitRow } from "../training/rollout-plan.repo.js";
import {
  findSessions,
  findTrainersOfSession,
  insertEnrollments,
  insertPartnerHoursLink,
  insertSession,
  insertTrainers,
  updateAttendance,
} from "../training/session.repo.js";
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

/** Who takes part in the demo's delivery checks, partner co-training and nudge. */
export interface DemoTrainingDeliveryPeople {
  trainerId: string;
  /** The training coordinator, who observes a session themself. */
  coordinatorId: string;
  observerId: string;
  supervisorId: string;
  /** A first-unit worker who missed the January session and is not scheduled. */
  missingWorkerId: string;
  partnerCoTrainer: { partnerPersonId: string; agreementId: string; loggedByUserId: string | null };
}

const ratingsOf = (notMet: string[], partly: string[]): ItemRating[] =>
  DELIVERY_CHECKLIST.map((item) => ({
    item: item.key,
    rating: notMet.includes(item.key) ? "not_met" : partly.includes(item.key) ? "partly" : "met",
    comment: notMet.includes(item.key) ? "Ran short of time; skipped the role play." : "",
  }));

/**
 * Two delivered sessions with recorded delivery checks (the January one, and an October one a
 * partner co-trained, whose three hours are logged against her agreement and linked to the
 * session), and a supervisor's nudge to a worker who missed training.
 */
export async function seedDemoTrainingDelivery(db: Db, agencyId: string, people: DemoTrainingDeliveryPeople) {
  const january = (await findSessions(db, agencyId)).find((s) => s.startsAt === "2026-01-14T17:00:00.000Z");
  const october = await insertSession(db, agencyId, {
    title: "Family engagement: Region 1, cohort 1",
    curriculumId: null,
    moduleIds: [],
    startsAt: "2026-10-21T16:00:00.000Z",
    endsAt: "2026-10-21T19:00:00.000Z",
    place: "Region 1 North Office, training room",
    videoLink: "",
    facility: "",
    capacity: 24,
  });
  await insertTrainers(db, agencyId, october, [
    { personId: people.trainerId, partnerPersonId: null, role: "lead" },
    { personId: null, partnerPersonId: people.partnerCoTrainer.partnerPersonId, role: "co_trainer" },
  ]);
  const [coTrainer] = (await findTrainersOfSession(db, agencyId, october)).filter((t) => t.partnerPersonId !== null);
  const hoursId = await insertHoursEntry(db, agencyId, {
    agreementId: people.partnerCoTrainer.agreementId,
    activity: "training",
    workDate: "2026-10-21",
    minutes: 180,
    note: "Family engagement: Region 1, cohort 1",
    sourceType: "training_session",
    sourceId: october,
    loggedByUserId: people.partnerCoTrainer.loggedByUserId,
  });
  if (coTrainer) {
    await insertPartnerHoursLink(db, agencyId, {
      sessionId: october,
      sessionTrainerId: coTrainer.id,
      partnerHoursId: hoursId,
      minutes: 180,
    });
  }

  const checks: [string | undefined, string, ItemRating[], string][] = [
    [
      january?.id,
      people.coordinatorId,
      ratingsOf(["cc_practice"], ["fs_time", "dq_engage"]),
      "Clear and warm; leave room for practice next time.",
    ],
    [october, people.observerId, ratingsOf([], ["fs_close"]), "Strong co-training; the recap felt rushed."],
  ];
  for (const [sessionId, observerId, ratings, comment] of checks) {
    if (!sessionId) continue;
    const id = await insertDeliveryCheck(db, agencyId, sessionId, observerId);
    await updateRatings(db, agencyId, id, { ratings, comment }, 1);
  }

  await insertNudge(db, agencyId, {
    personId: people.missingWorkerId,
    nudgedByPersonId: people.supervisorId,
    sessionId: null,
    message: "You missed the January session; please join the next one.",
  });
}
