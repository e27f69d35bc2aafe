import { beforeAll, describe, expect, it } from "vitest";
import { addSpareAccounts } from "../../../tests/support/actors.js";
import { buildPartnerCoaching, type PartnerCoachingRecords } from "../../../tests/support/partner-coaching.js";
import { buildPartnersAndTeams, type PartnersAndTeams } from "../../../tests/support/partners-and-teams.js";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import { insertAgreement, insertPartnerPerson } from "../partners/partner.repo.js";
import type { PartnerCoachingOutcome, PartnerCoachingSession } from "./partner-hours.schema.js";

const { app, db } = await startTestApp();
let world: World;
let partners: PartnersAndTeams;
let coaching: PartnerCoachingRecords;
let supervisor: Client;

beforeAll(async () => {
  world = await buildWorld(db, "partnercoachhours");
  await addSpareAccounts(db, world);
  partners = await buildPartnersAndTeams(db, world);
  coaching = await buildPartnerCoaching(db, world, partners.partnerPerson, { sessionDate: "2026-03-03", minutes: 90 });
  supervisor = await signIn(app, world.emails.coaching_supervisor);
});

/** A partner person of the world's partner organization, with an agreement when one is given. */
async function anotherPartner(name: string, agreement?: { startDate: string; budgetedHours: number }) {
  const id = await insertPartnerPerson(db, world.agency.id, partners.partnerOrganization, {
    fullName: name,
    email: null,
    phone: null,
    languages: [],
    roles: ["coach"],
  });
  if (agreement) {
    await insertAgreement(db, world.agency.id, id, {
      kind: "hourly",
      rateCents: 4000,
      rateUnit: "hour",
      budgetedMinutes: agreement.budgetedHours * 60,
      startDate: agreement.startDate,
      endDate: null,
    });
  }
  return id;
}

async function waiting(client: Client = supervisor) {
  const response = await client.request("GET", "/api/coaching/partner-hours");
  expect(response.statusCode).toBe(200);
  return response.json<{ items: PartnerCoachingSession[] }>().items;
}

async function logSession(sessionId: string, body: { overBudgetConfirmed?: boolean } = {}, client = supervisor) {
  return client.request("POST", `/api/coaching/sessions/${sessionId}/partner-hours`, body);
}

/** The coaching entries in a partner's compensation log, as the partners page shows them. */
async function coachingHoursOf(partnerPersonId: string) {
  const response = await supervisor.request("GET", `/api/partner-people/${partnerPersonId}`);
  expect(response.statusCode).toBe(200);
  const { agreements } = response.json<{
    agreements: { hours: { activity: string; workDate: string; hours: number; note: string }[] }[];
  }>();
  return agreements.flatMap((a) => a.hours.filter((h) => h.activity === "coaching"));
}

describe("partner coaches' hours", () => {
  it("lists a partner coach's logged session as waiting, but not a draft, until its hours are logged once", async () => {
    const before = await waiting();
    const listed = before.find((s) => s.sessionId === coaching.partnerCoachingSession);
    expect(listed).toMatchObject({
      sessionDate: "2026-03-03",
      durationMinutes: 90,
      hours: 1.5,
      coachName: `Partner ${world.agency.slug}`,
      partnerPersonId: partners.partnerPerson,
      hasAgreement: true,
    });
    expect(before.some((s) => s.sessionId === coaching.partnerCoachingDraft)).toBe(false);

    const first = await logSession(coaching.partnerCoachingSession);
    expect(first.statusCode).toBe(200);
    expect(first.json<PartnerCoachingOutcome>()).toMatchObject({ outcome: "logged", hours: 1.5 });
    const [entry, ...more] = await coachingHoursOf(partners.partnerPerson);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ workDate: "2026-03-03", hours: 1.5 });
    // Those who read partners' pay do not all read the coaching log: the entry names no coachee.
    expect(entry?.note).not.toContain("WorkerTwo");
    expect((await waiting()).some((s) => s.sessionId === coaching.partnerCoachingSession)).toBe(false);

    const again = await logSession(coaching.partnerCoachingSession);
    expect(again.json<PartnerCoachingOutcome>()).toMatchObject({ outcome: "already_logged", hours: 1.5 });
    const all = await supervisor.request("POST", "/api/coaching/partner-hours");
    expect(all.json<{ outcomes: PartnerCoachingOutcome[] }>().outcomes.map((o) => o.sessionId)).not.toContain(
      coaching.partnerCoachingSession,
    );
    expect(await coachingHoursOf(partners.partnerPerson)).toHaveLength(1);
  });

  it("reports a session on a day without an agreement in force, logs nothing, and keeps it waiting", async () => {
    // The agreement starts the month after the session.
    const partner = await anotherPartner("Later Agreement Coach", { startDate: "2026-04-01", budgetedHours: 40 });
    const { partnerCoachingSession } = await buildPartnerCoaching(db, world, partner, { sessionDate: "2026-03-10" });
    expect((await waiting()).find((s) => s.sessionId === partnerCoachingSession)?.hasAgreement).toBe(false);

    const response = await logSession(partnerCoachingSession);
    expect(response.statusCode).toBe(200);
    expect(response.json<PartnerCoachingOutcome>()).toMatchObject({
      outcome: "not_logged",
      hours: null,
      message: "No active agreement — hours not logged.",
    });
    expect(await coachingHoursOf(partner)).toEqual([]);
    expect((await waiting()).some((s) => s.sessionId === partnerCoachingSession)).toBe(true);
  });

  it("reports hours the budget cannot take, and logs them over budget only when that is confirmed", async () => {
    const partner = await anotherPartner("Small Budget Coach", { startDate: "2026-01-01", budgetedHours: 1 });
    const { partnerCoachingSession } = await buildPartnerCoaching(db, world, partner, {
      sessionDate: "2026-03-12",
      minutes: 90,
    });
    const refused = await logSession(partnerCoachingSession);
    expect(refused.statusCode).toBe(200);
    const outcome = refused.json<PartnerCoachingOutcome>();
    expect(outcome.outcome).toBe("over_budget");
    expect(outcome.message).toMatch(/^Hours not logged: This would bring the logged hours to 1\.5 of 1 budgeted/);
    expect(await coachingHoursOf(partner)).toEqual([]);

    const confirmed = await logSession(partnerCoachingSession, { overBudgetConfirmed: true });
    expect(confirmed.json<PartnerCoachingOutcome>()).toMatchObject({ outcome: "logged", hours: 1.5 });
    expect(await coachingHoursOf(partner)).toHaveLength(1);
  });

  it("logs every waiting session at once and reports each, leaving those it could not log waiting", async () => {
    const ready = await anotherPartner("Ready Coach", { startDate: "2026-01-01", budgetedHours: 20 });
    const unpaid = await anotherPartner("Unpaid Coach");
    const a = await buildPartnerCoaching(db, world, ready, { sessionDate: "2026-03-20", minutes: 60 });
    const b = await buildPartnerCoaching(db, world, unpaid, { sessionDate: "2026-03-21", minutes: 45 });

    const response = await supervisor.request("POST", "/api/coaching/partner-hours");
    expect(response.statusCode).toBe(200);
    const outcomes = response.json<{ outcomes: PartnerCoachingOutcome[] }>().outcomes;
    expect(outcomes.find((o) => o.sessionId === a.partnerCoachingSession)).toMatchObject({
      outcome: "logged",
      hours: 1,
      coachName: "Ready Coach",
    });
    expect(outcomes.find((o) => o.sessionId === b.partnerCoachingSession)).toMatchObject({ outcome: "not_logged" });
    expect(await coachingHoursOf(ready)).toEqual([expect.objectContaining({ workDate: "2026-03-20", hours: 1 })]);
    const still = (await waiting()).map((s) => s.sessionId);
    expect(still).toContain(b.partnerCoachingSession);
    expect(still).not.toContain(a.partnerCoachingSession);
  });

  it("is for those who both read the coaching log and log partners' hours", async () => {
    const partner = await anotherPartner("Permission Coach", { startDate: "2026-01-01", budgetedHours: 20 });
    const { partnerCoachingSession } = await buildPartnerCoaching(db, world, partner, { sessionDate: "2026-03-25" });
    // The training coordinator logs partners' training hours but does not read the coaching log.
    for (const role of ["training_coordinator", "coach", "staff"] as const) {
      const client = await signIn(app, world.emails[role]);
      expect((await client.request("GET", "/api/coaching/partner-hours")).statusCode).toBe(403);
      expect((await logSession(partnerCoachingSession, {}, client)).statusCode).toBe(403);
      expect((await client.request("POST", "/api/coaching/partner-hours")).statusCode).toBe(403);
    }
    expect(await coachingHoursOf(partner)).toEqual([]);
    const admin = await signIn(app, world.emails.admin);
    expect((await logSession(partnerCoachingSession, {}, admin)).json<PartnerCoachingOutcome>().outcome).toBe("logged");
  });

  it("lets the coachee keep the log of a partner coach without an account, so the session waits for its hours", async () => {
    const partner = await anotherPartner("Log Keeping Coach", { startDate: "2026-01-01", budgetedHours: 20 });
    const { partnerEngagement } = await buildPartnerCoaching(db, world, partner, { sessionDate: "2026-03-30" });
    const coachee = await signIn(app, "workertwo.account@partnercoachhours.test");
    const engagement = await coachee.request("GET", `/api/coaching/engagements/${partnerEngagement}`);
    expect(engagement.json<{ relation: string; keepsLog: boolean }>()).toMatchObject({
      relation: "coachee",
      keepsLog: true,
    });
    const start = await coachee.request("POST", `/api/coaching/engagements/${partnerEngagement}/sessions`, {
      sessionDate: "2026-04-06",
      startTime: "10:00",
      durationMinutes: 60,
      format: "individual",
    });
    expect(start.statusCode).toBe(201);
    const draft = start.json<{ id: string; version: number; keepsLog: boolean }>();
    expect(draft.keepsLog).toBe(true);
    expect((await waiting()).some((s) => s.sessionId === draft.id)).toBe(false);
    const logged = await coachee.request("PUT", `/api/coaching/sessions/${draft.id}`, {
      sessionDate: "2026-04-06",
      startTime: "10:00",
      durationMinutes: 60,
      format: "individual",
      status: "final",
      location: "",
      participants: [],
      focusItemIds: [],
      stepsCovered: ["goals", "action_planning"],
      reflectionEasy: "",
      reflectionHard: "",
      reflectionConfident: "",
      privateNotes: "",
      sharedSummary: "Planned the family meeting together.",
      actionItems: [],
      barriers: [],
      version: draft.version,
    });
    expect(logged.statusCode).toBe(200);
    expect((await waiting()).some((s) => s.sessionId === draft.id)).toBe(true);
    expect((await logSession(draft.id)).json<PartnerCoachingOutcome>().outcome).toBe("logged");
    expect((await coachingHoursOf(partner)).map((h) => [h.workDate, h.hours])).toContainEqual(["2026-04-06", 1]);
  });

  it("answers 404 for a session that is not a partner coach's logged session", async () => {
    expect((await logSession(coaching.partnerCoachingDraft)).statusCode).toBe(404);
    const other = await buildWorld(db, "partnercoachhoursother");
    const otherPartners = await buildPartnersAndTeams(db, other);
    const otherCoaching = await buildPartnerCoaching(db, other, otherPartners.partnerPerson);
    const response = await logSession(otherCoaching.partnerCoachingSession);
    expect(response.statusCode).toBe(404);
    expect(await coachingHoursOf(partners.partnerPerson)).toHaveLength(1);
    expect((await waiting()).some((s) => s.sessionId === otherCoaching.partnerCoachingSession)).toBe(false);
  });
});
