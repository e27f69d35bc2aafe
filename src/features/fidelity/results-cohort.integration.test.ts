import { beforeAll, describe, expect, it } from "vitest";
import { buildFidelity, type FidelityRecords, ratingsOfAll } from "../../../tests/support/fidelity.js";
import { buildPartnersAndTeams } from "../../../tests/support/partners-and-teams.js";
import { signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import { insertDraft, insertModel, publishDraft } from "../model/model.repo.js";
import { templateContent } from "../model/templates/index.js";
import { DEFAULT_COHORT_BOUNDS } from "../training/planner-rules.js";
import { insertPlannedUnits, insertRolloutPlan } from "../training/rollout-plan.repo.js";
import { insertEnrollments, insertSession, updateAttendance } from "../training/session.repo.js";
import { insertObservation, replaceConsensus, updateObservationState } from "./observation.repo.js";

const { app, db } = await startTestApp();
let world: World;
let records: FidelityRecords;

/** A reconciled observation of a worker in their unit, every measure rated the same. */
async function observe(personId: string, orgUnitId: string, eventDate: string, rating: number) {
  const agencyId = world.agency.id;
  const id = await insertObservation(db, agencyId, {
    instrumentId: records.instrument,
    instrumentVersionNumber: 1,
    eventType: "family_meeting",
    eventDate,
    staffPersonId: personId,
    orgUnitId,
    consentReference: `CONSENT-${eventDate}`,
    status: "rated",
    source: "app",
    externalId: null,
    observers: [
      {
        observerId: records.communityObserver,
        observerType: "community_partner",
        submittedAt: `${eventDate}T20:00:00.000Z`,
      },
      { observerId: records.agencyObserver, observerType: "agency_partner", submittedAt: `${eventDate}T20:00:00.000Z` },
    ],
  });
  await replaceConsensus(db, agencyId, id, ratingsOfAll(Array.from({ length: 9 }, () => rating)));
  await updateObservationState(db, agencyId, id, { status: "reconciled", reconciled: true }, 1);
}

async function rolloutPlan(
  name: string,
  units: { orgUnitId: string; periodIndex: number }[],
  agencyId: string = world.agency.id,
) {
  const planId = await insertRolloutPlan(db, agencyId, {
    name,
    periods: [
      { label: "Jan '26", startDate: "2026-01-01" },
      { label: "Mar '26", startDate: "2026-03-01" },
      { label: "May '26", startDate: "2026-05-01" },
    ],
    regions: ["North", "South"],
    cohortMin: DEFAULT_COHORT_BOUNDS.min,
    cohortMax: DEFAULT_COHORT_BOUNDS.max,
    cohortLimit: DEFAULT_COHORT_BOUNDS.limit,
    sessionsPerPeriod: 4,
  });
  await insertPlannedUnits(
    db,
    agencyId,
    planId,
    units.map((u, position) => ({
      regionLabel: "North",
      unitLabel: `Unit ${position + 1}`,
      periodIndex: u.periodIndex,
      leadersPeriodIndex: null,
      position,
      orgUnitId: u.orgUnitId,
      volunteer: false,
    })),
  );
  return planId;
}

beforeAll(async () => {
  world = await buildWorld(db, "coh");
  const agencyId = world.agency.id;
  const publisher = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", world.emails.admin)
    .executeTakeFirstOrThrow();
  const modelId = await insertModel(db, agencyId, { name: "Model", description: "" });
  const draft = await insertDraft(db, agencyId, modelId, JSON.stringify(templateContent("family-centered")));
  await publishDraft(db, agencyId, draft, { number: 1, version: 1, userId: publisher.id });
  records = await buildFidelity(db, world, (await buildPartnersAndTeams(db, world)).partnerOrganization);

  const { unitN1, unitN2, unitS1 } = world.units;
  const { workerN1, workerN2, workerS1 } = world.people;
  // The N1 worker attended a session that ended on January 15; the N2 worker missed theirs.
  const session = await insertSession(db, agencyId, {
    title: "Model foundations",
    curriculumId: null,
    moduleIds: [],
    startsAt: "2026-01-15T15:00:00.000Z",
    endsAt: "2026-01-15T21:00:00.000Z",
    place: "Training room",
    videoLink: "",
    facility: "",
    capacity: 20,
  });
  await insertEnrollments(db, agencyId, session, [workerN1.id, workerN2.id]);
  await updateAttendance(db, agencyId, session, { personId: workerN1.id, attendance: "present", minutes: 360 });
  await updateAttendance(db, agencyId, session, { personId: workerN2.id, attendance: "absent", minutes: 0 });
  // An older plan put S1 first; the newest plan moved it to the last period, May.
  const older = await rolloutPlan("First draft", [{ orgUnitId: unitS1.id, periodIndex: 0 }]);
  await db
    .updateTable("training_rollout_plans")
    .set({ created_at: "2025-01-01T00:00:00.000Z" })
    .where("id", "=", older)
    .execute();
  await rolloutPlan("Rollout", [
    { orgUnitId: unitN2.id, periodIndex: 1 },
    { orgUnitId: unitS1.id, periodIndex: 2 },
  ]);

  // Another agency's newest plan and held session, pointing at this agency's ids, change nothing.
  const other = await buildWorld(db, "coh-other");
  const foreign = await rolloutPlan("Theirs", [{ orgUnitId: unitS1.id, periodIndex: 0 }], other.agency.id);
  await db
    .updateTable("training_rollout_plans")
    .set({ created_at: "2030-01-01T00:00:00.000Z" })
    .where("id", "=", foreign)
    .execute();
  const foreignSession = await insertSession(db, other.agency.id, {
    title: "Their foundations",
    curriculumId: null,
    moduleIds: [],
    startsAt: "2025-01-15T15:00:00.000Z",
    endsAt: "2025-01-15T21:00:00.000Z",
    place: "",
    videoLink: "",
    facility: "",
    capacity: 20,
  });
  await insertEnrollments(db, other.agency.id, foreignSession, [workerS1.id, workerN2.id]);
  await updateAttendance(db, other.agency.id, foreignSession, {
    personId: workerS1.id,
    attendance: "present",
    minutes: 360,
  });
  await updateAttendance(db, other.agency.id, foreignSession, {
    personId: workerN2.id,
    attendance: "present",
    minutes: 360,
  });

  // Trained: N1 after its session (3), N2 from the start of the period after its own (2).
  await observe(workerN1.id, unitN1.id, "2026-01-16", 4);
  await observe(workerN1.id, unitN1.id, "2026-02-10", 4);
  await observe(workerN1.id, unitN1.id, "2026-03-01", 4);
  await observe(workerN2.id, unitN2.id, "2026-05-01", 4);
  await observe(workerN2.id, unitN2.id, "2026-06-01", 4);
  // Not yet trained: N1 on the session's own day, N2 during its period, S1 before May ended (4).
  await observe(workerN1.id, unitN1.id, "2026-01-15", 2);
  await observe(workerN2.id, unitN2.id, "2026-04-30", 2);
  await observe(workerS1.id, unitS1.id, "2026-05-15", 2);
  await observe(workerS1.id, unitS1.id, "2026-05-31", 2);
});

describe("fidelity results by training cohort", () => {
  it("splits observations into trained and not yet trained, withholding the group under five", async () => {
    const executive = await signIn(app, world.emails.executive);
    const response = await executive.request(
      "GET",
      `/api/fidelity/results?instrumentId=${records.instrument}&groupBy=cohort`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      groupBy: string;
      groups: {
        key: string;
        label: string;
        observations: number;
        suppressed: boolean;
        shareMet: number | null;
        meanOverall: number | null;
        measures: unknown[] | null;
      }[];
    }>();
    expect(body.groupBy).toBe("cohort");
    expect(body.groups.map((g) => [g.key, g.label, g.observations, g.suppressed])).toEqual([
      ["not_yet_trained", "Not yet trained", 4, true],
      ["trained", "Trained", 5, false],
    ]);
    const [notYet, trained] = body.groups;
    expect(notYet).toMatchObject({ shareMet: null, meanOverall: null, measures: null });
    expect(trained).toMatchObject({ shareMet: 1, meanOverall: 4 });
    expect(trained?.measures).toHaveLength(9);
  });

  it("refuses an unknown grouping with a field error", async () => {
    const executive = await signIn(app, world.emails.executive);
    const response = await executive.request("GET", `/api/fidelity/results?groupBy=training`);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("groupBy");
  });
});
