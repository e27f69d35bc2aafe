import { beforeAll, describe, expect, it } from "vitest";
import {
  buildFidelity,
  type FidelityRecords,
  partnerObserverEmail,
  ratingsOfAll,
} from "../../../tests/support/fidelity.js";
import { buildPartnersAndTeams } from "../../../tests/support/partners-and-teams.js";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, TEST_PASSWORD, type World } from "../../../tests/support/world.js";
import { buildUser } from "../demo/builders.js";
import { insertDraft, insertModel, publishDraft } from "../model/model.repo.js";
import { templateContent } from "../model/templates/index.js";

const { app, db } = await startTestApp();
let world: World;
let records: FidelityRecords;
let lead: Client;
let staffObserver: Client;
let partnerObserver: Client;

interface ObservationBody {
  id: string;
  status: string;
  version: number;
  observers: { observerId: string; observerType: string; submitted: boolean; ratings: { rating: number }[] | null }[];
  consensus: { measureCode: string; rating: number }[] | null;
  score: { overall: number | null; fidelityMet: boolean | null } | null;
}

async function countRows(table: "fidelity_observations" | "fidelity_ratings" | "fidelity_observers") {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  world = await buildWorld(db, "fid");
  const publisher = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", world.emails.admin)
    .executeTakeFirstOrThrow();
  const modelId = await insertModel(db, world.agency.id, { name: "Model", description: "" });
  const draft = await insertDraft(db, world.agency.id, modelId, JSON.stringify(templateContent("family-centered")));
  await publishDraft(db, world.agency.id, draft, { number: 1, version: 1, userId: publisher.id });
  records = await buildFidelity(db, world, (await buildPartnersAndTeams(db, world)).partnerOrganization);
  lead = await signIn(app, world.emails.admin);
  staffObserver = await signIn(app, world.emails.fidelity_observer);
  partnerObserver = await signIn(app, partnerObserverEmail(world));
});

describe("instruments", () => {
  it("creates the nine-measure example linked to the model in use, edits the draft and publishes versions", async () => {
    const created = await lead.request("POST", "/api/fidelity/instruments", { name: "Teaming fidelity" });
    expect(created.statusCode).toBe(201);
    const instrument = created.json<{
      id: string;
      draft: { content: { measures: { code: string; elementIds: string[] }[] }; version: number };
    }>();
    expect(instrument.draft.content.measures).toHaveLength(9);
    expect(instrument.draft.content.measures.every((m) => m.elementIds.length > 0)).toBe(true);

    const content = { ...instrument.draft.content, scoring: { threshold: 3.5, floor: 2 } };
    const edited = await lead.request("PUT", `/api/fidelity/instruments/${instrument.id}/draft`, {
      content,
      version: instrument.draft.version,
    });
    expect(edited.statusCode).toBe(200);
    const stale = await lead.request("PUT", `/api/fidelity/instruments/${instrument.id}/draft`, {
      content,
      version: instrument.draft.version,
    });
    expect(stale.statusCode).toBe(409);

    const offScale = await lead.request("PUT", `/api/fidelity/instruments/${instrument.id}/draft`, {
      content: { ...content, scoring: { threshold: 9, floor: 2 } },
      version: instrument.draft.version + 1,
    });
    expect(offScale.statusCode).toBe(400);
    expect(offScale.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(
      "content.scoring.threshold",
    );

    const published = await lead.request("POST", `/api/fidelity/instruments/${instrument.id}/publish`, {
      version: instrument.draft.version + 1,
    });
    expect(published.statusCode).toBe(200);
    const detail = published.json<{
      published: { number: number }[];
      draft: unknown;
      current: { content: typeof content };
    }>();
    expect(detail.published.map((p) => p.number)).toEqual([1]);
    expect(detail.draft).toBeNull();
    expect(detail.current.content.scoring.threshold).toBe(3.5);
    const again = await lead.request("POST", `/api/fidelity/instruments/${instrument.id}/draft`);
    expect(again.statusCode).toBe(201);
  });

  it("refuses a measure linked to an element the model does not have", async () => {
    const created = (await lead.request("POST", "/api/fidelity/instruments", { name: "Another" })).json<{
      id: string;
      draft: { content: { measures: { elementIds: string[] }[] }; version: number };
    }>();
    const content = structuredClone(created.draft.content);
    (content.measures[0] as { elementIds: string[] }).elementIds = ["00000000-0000-4000-8000-000000000000"];
    const response = await lead.request("PUT", `/api/fidelity/instruments/${created.id}/draft`, {
      content,
      version: created.draft.version,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("content.measures.0.elementIds.0");
  });
});

describe("sampling", () => {
  it("draws a reproducible sample: the seed is shown and the same seed draws the same people", async () => {
    const body = { orgUnitId: world.units.north.id, periodStart: "2026-01-01", periodEnd: "2026-03-31", size: 3 };
    const first = await lead.request("POST", "/api/fidelity/samples", body);
    expect(first.statusCode).toBe(201);
    const sample = first.json<{ seed: string; people: { id: string }[]; poolSize: number }>();
    expect(sample.seed).toMatch(/^[a-z0-9]{8}$/);
    expect(sample.people).toHaveLength(3);
    // North holds the manager (management level, not observed), two supervisors and two workers.
    expect(sample.poolSize).toBe(4);
    const again = (await lead.request("POST", "/api/fidelity/samples", { ...body, seed: sample.seed })).json<{
      people: { id: string }[];
    }>();
    expect(again.people).toEqual(sample.people);
    const southIds = [world.people.workerS1.id, world.people.southManager.id];
    expect(sample.people.some((p) => southIds.includes(p.id))).toBe(false);
  });
});

describe("scheduling an observation", () => {
  async function addObserver(body: object) {
    const response = await lead.request("POST", "/api/fidelity/observers", body);
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string; version: number }>().id;
  }
  const schedule = (observerIds: string[], overrides: object = {}) =>
    lead.request("POST", "/api/fidelity/observations", {
      instrumentId: records.instrument,
      eventType: "teaming_event",
      eventDate: "2026-04-10",
      staffPersonId: world.people.workerN2.id,
      observerIds,
      consentReference: "CF-2026-0410",
      consentGiven: true,
      ...overrides,
    });
  let expiredAgencyObserver: string;
  beforeAll(async () => {
    expiredAgencyObserver = await addObserver({
      observerType: "agency_partner",
      personId: world.people.supervisorN2.id,
      trainedOn: "2024-01-01",
      certifiedOn: "2024-02-01",
      certificationExpiresOn: "2026-03-31",
    });
  });

  it("schedules a community partner with an agency partner, both certified on the date", async () => {
    const response = await schedule([records.communityObserver, records.agencyObserver]);
    expect(response.statusCode).toBe(201);
    const body = response.json<ObservationBody>();
    expect(body.status).toBe("scheduled");
    expect(body.observers.map((o) => o.observerType).sort()).toEqual(["agency_partner", "community_partner"]);
  });

  it("refuses two observers of the same type, one observer, or the same observer twice", async () => {
    const before = await countRows("fidelity_observations");
    const twoAgency = await schedule([records.agencyObserver, expiredAgencyObserver], { eventDate: "2026-03-01" });
    expect(twoAgency.statusCode).toBe(400);
    expect(twoAgency.json<{ errors: { field: string; message: string }[] }>().errors).toEqual([
      { field: "observerIds", message: "The observer team is exactly one community partner and one agency partner." },
    ]);
    expect((await schedule([records.communityObserver])).statusCode).toBe(400);
    expect((await schedule([records.communityObserver, records.communityObserver])).statusCode).toBe(400);
    expect(await countRows("fidelity_observations")).toBe(before);
  });

  it("refuses an observer whose certification has expired by the event date, but not before", async () => {
    const expired = await schedule([records.communityObserver, expiredAgencyObserver]);
    expect(expired.statusCode).toBe(400);
    expect(expired.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("observerIds.1");
    const onTheLastDay = await schedule([records.communityObserver, expiredAgencyObserver], {
      eventDate: "2026-03-31",
    });
    expect(onTheLastDay.statusCode).toBe(201);
  });

  it("refuses an observation without the family's consent or with a reference that could name them", async () => {
    const noConsent = await schedule([records.communityObserver, records.agencyObserver], { consentGiven: false });
    expect(noConsent.statusCode).toBe(400);
    const named = await schedule([records.communityObserver, records.agencyObserver], {
      consentReference: "Smith family",
    });
    expect(named.statusCode).toBe(400);
    expect(named.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("consentReference");
  });

  it("refuses an agency partner observing their own meeting", async () => {
    const response = await schedule([records.communityObserver, expiredAgencyObserver], {
      eventDate: "2026-03-01",
      staffPersonId: world.people.supervisorN2.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { message: string }[] }>().errors[0]?.message).toBe(
      "Staff cannot observe their own meeting.",
    );
  });
});

describe("blind rating, reconciling and the debrief", () => {
  const url = () => `/api/fidelity/observations/${records.observation}`;
  const partnerRatings = ratingsOfAll([3, 3, 4, 2, 3, 3, 4, 3, 2], "seen in the meeting");
  const staffRatings = ratingsOfAll([3, 2, 4, 2, 3, 4, 4, 3, 3]);

  it("keeps each observer's ratings hidden from everyone else until both have submitted", async () => {
    const saved = await partnerObserver.request("PUT", `${url()}/my-ratings`, {
      ratings: partnerRatings,
      submit: true,
    });
    expect(saved.statusCode).toBe(200);
    const own = saved.json<ObservationBody>().observers.find((o) => o.observerId === records.communityObserver);
    expect(own?.ratings?.map((r) => r.rating)).toEqual([3, 3, 4, 2, 3, 3, 4, 3, 2]);

    // The other observer, the fidelity team and the list see that the partner submitted, not what they rated.
    for (const reader of [staffObserver, lead]) {
      const seen = (await reader.request("GET", url())).json<ObservationBody>();
      const partner = seen.observers.find((o) => o.observerId === records.communityObserver);
      expect(partner?.submitted).toBe(true);
      expect(partner?.ratings).toBeNull();
      const list = await reader.request("GET", "/api/fidelity/observations");
      expect(list.body).not.toContain("seen in the meeting");
    }
    expect((await staffObserver.request("GET", url())).body).not.toContain("seen in the meeting");
    // Nor can anyone reconcile yet.
    const early = await lead.request("PUT", `${url()}/consensus`, {
      ratings: partnerRatings,
      debriefStrengths: "Warm welcome.",
      version: (await lead.request("GET", url())).json<ObservationBody>().version,
    });
    expect(early.statusCode).toBe(409);
    // The reliability report counts only observations both observers submitted.
    const reliability = await lead.request("GET", `/api/fidelity/reliability?instrumentId=${records.instrument}`);
    expect(reliability.json<{ overall: { n: number } }>().overall.n).toBe(0);
  });

  it("locks submitted ratings, and lets nobody rate for an observer who is not assigned", async () => {
    const again = await partnerObserver.request("PUT", `${url()}/my-ratings`, { ratings: partnerRatings });
    expect(again.statusCode).toBe(409);
    expect((await lead.request("PUT", `${url()}/my-ratings`, { ratings: staffRatings })).statusCode).toBe(403);
    const staff = await signIn(app, world.emails.staff);
    expect((await staff.request("GET", url())).statusCode).toBe(403);
  });

  it("needs every measure rated to submit", async () => {
    const partial = await staffObserver.request("PUT", `${url()}/my-ratings`, {
      ratings: staffRatings.slice(0, 8),
      submit: true,
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json<{ errors: { message: string }[] }>().errors[0]?.message).toBe(
      "Rate measure M9 before submitting.",
    );
  });

  it("shows both observers' ratings to both and to the fidelity team once both have submitted", async () => {
    const draft = await staffObserver.request("PUT", `${url()}/my-ratings`, { ratings: staffRatings });
    expect(
      draft.json<ObservationBody>().observers.find((o) => o.observerId === records.communityObserver)?.ratings,
    ).toBeNull();
    const submitted = await staffObserver.request("PUT", `${url()}/my-ratings`, {
      ratings: staffRatings,
      submit: true,
    });
    expect(submitted.statusCode).toBe(200);
    const body = submitted.json<ObservationBody>();
    expect(body.status).toBe("rated");
    expect(body.observers.every((o) => o.ratings?.length === 9)).toBe(true);
    const forPartner = (await partnerObserver.request("GET", url())).json<ObservationBody>();
    expect(
      forPartner.observers.find((o) => o.observerId === records.agencyObserver)?.ratings?.map((r) => r.rating),
    ).toEqual([3, 2, 4, 2, 3, 4, 4, 3, 3]);
  });

  it("reconciles to a consensus with a strengths-first debrief that the staff member and their supervisor line see", async () => {
    const current = (await lead.request("GET", url())).json<ObservationBody>();
    const consensus = ratingsOfAll([3, 3, 4, 2, 3, 3, 4, 3, 3], "agreed after discussion");
    const reconciled = await partnerObserver.request("PUT", `${url()}/consensus`, {
      ratings: consensus,
      debriefStrengths: "The family led the agenda and their aunt took on a clear role.",
      debriefNextSteps: "Name safety worries in plain words.",
      version: current.version,
    });
    expect(reconciled.statusCode, reconciled.body).toBe(200);
    const body = reconciled.json<ObservationBody>();
    expect(body.status).toBe("reconciled");
    // Mean 28/9 ≥ 3 and no measure under 2.
    expect(body.score?.overall).toBeCloseTo(28 / 9, 10);
    expect(body.score?.fidelityMet).toBe(true);

    for (const email of [world.emails.staff, world.emails.supervisor, world.emails.manager, world.emails.executive]) {
      const reader = await signIn(app, email);
      const debrief = await reader.request("GET", `/api/people/${world.people.workerN1.id}/fidelity-debriefs`);
      expect(debrief.statusCode, email).toBe(200);
      const [shown] = debrief.json<{ items: { strengths: string; measures: { rating: number }[] }[] }>().items;
      if (!shown) throw new Error(`no debrief for ${email}`);
      expect(shown.strengths).toContain("The family led the agenda");
      expect(shown.measures.map((m) => m.rating)).toEqual([3, 3, 4, 2, 3, 3, 4, 3, 3]);
      expect(debrief.body).not.toContain("seen in the meeting");
      expect(debrief.body).not.toContain(records.communityObserver);
    }
    // Someone outside the worker's line does not see it.
    await buildUser(db, world.agency.id, {
      email: "worker.two@fid.test",
      displayName: "Worker two",
      personId: world.people.workerN2.id,
      roles: ["staff"],
      password: TEST_PASSWORD,
    });
    const outsider = await signIn(app, "worker.two@fid.test");
    const debriefs = `/api/people/${world.people.workerN1.id}/fidelity-debriefs`;
    expect((await outsider.request("GET", debriefs)).statusCode).toBe(403);
    expect((await partnerObserver.request("GET", debriefs)).statusCode).toBe(403);
    expect((await staffObserver.request("GET", debriefs)).statusCode).toBe(403);
  });

  it("shows aggregate results with groups under five observations suppressed", async () => {
    const executive = await signIn(app, world.emails.executive);
    const response = await executive.request(
      "GET",
      `/api/fidelity/results?instrumentId=${records.instrument}&groupBy=unit`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json<{ groups: unknown[] }>().groups).toEqual([
      {
        key: world.units.unitN1.id,
        label: "Unit N1",
        observations: 1,
        suppressed: true,
        shareMet: null,
        meanOverall: null,
        measures: null,
      },
    ]);
    const staff = await signIn(app, world.emails.staff);
    expect((await staff.request("GET", `/api/fidelity/results?instrumentId=${records.instrument}`)).statusCode).toBe(
      403,
    );
  });

  it("writes an audit event for every change, without the observers' rating levels", async () => {
    const events = await db
      .selectFrom("audit_events")
      .select(["summary", "after_json"])
      .where("entity_id", "=", records.observation)
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.summary)).toEqual([
      "Submitted observer ratings",
      "Saved observer ratings as a draft",
      "Submitted observer ratings",
      "Recorded the consensus ratings and debrief of a fidelity observation",
    ]);
    expect(events[0]?.after_json).not.toContain('"rating"');
    expect(events[0]?.after_json).toContain("M9");
  });
});
