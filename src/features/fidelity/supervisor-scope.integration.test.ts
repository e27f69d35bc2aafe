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
import { insertPartnerPerson } from "../partners/partner.repo.js";
import {
  insertObservation,
  replaceConsensus,
  replaceRatingsOfObserver,
  updateObservationState,
} from "./observation.repo.js";
import { insertObserver } from "./observer.repo.js";

const { app, db } = await startTestApp();
let world: World;
let other: World;
let records: FidelityRecords;
let otherRecords: FidelityRecords;
/** A second community observer, so that some observations are not the world's partner observer's. */
let secondCommunityObserver: string;
let workerN1Debrief: string;
let supervisor: Client;
let manager: Client;
let executive: Client;
let staff: Client;
let workerTwo: Client;
let lead: Client;
let partnerViewer: Client;
let partnerObserver: Client;

/**
 * A reconciled observation, every measure agreed at the same level, with a debrief. The observers'
 * own ratings carry a note that must never reach a debrief reader.
 */
async function observe(
  w: World,
  r: FidelityRecords,
  staffPersonId: string,
  orgUnitId: string,
  eventDate: string,
  rating: number,
  communityObserver = r.communityObserver,
) {
  const agencyId = w.agency.id;
  const id = await insertObservation(db, agencyId, {
    instrumentId: r.instrument,
    instrumentVersionNumber: 1,
    eventType: "family_meeting",
    eventDate,
    staffPersonId,
    orgUnitId,
    consentReference: `CONSENT-${eventDate}`,
    status: "rated",
    source: "app",
    externalId: null,
    observers: [
      { observerId: communityObserver, observerType: "community_partner", submittedAt: `${eventDate}T20:00:00.000Z` },
      { observerId: r.agencyObserver, observerType: "agency_partner", submittedAt: `${eventDate}T20:00:00.000Z` },
    ],
  });
  await replaceRatingsOfObserver(
    db,
    agencyId,
    id,
    communityObserver,
    ratingsOfAll(
      Array.from({ length: 9 }, () => 1),
      "private observer note",
    ),
  );
  await replaceConsensus(
    db,
    agencyId,
    id,
    ratingsOfAll(
      Array.from({ length: 9 }, () => rating),
      "agreed note",
    ),
  );
  await updateObservationState(
    db,
    agencyId,
    id,
    {
      status: "reconciled",
      reconciled: true,
      debriefStrengths: `Warm start on ${eventDate}`,
      debriefNextSteps: "Invite the grandmother next time.",
    },
    1,
  );
  return id;
}

async function world0(slug: string) {
  const w = await buildWorld(db, slug);
  const publisher = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", w.emails.admin)
    .executeTakeFirstOrThrow();
  const modelId = await insertModel(db, w.agency.id, { name: "Model", description: "" });
  const draft = await insertDraft(db, w.agency.id, modelId, JSON.stringify(templateContent("family-centered")));
  await publishDraft(db, w.agency.id, draft, { number: 1, version: 1, userId: publisher.id });
  const partners = await buildPartnersAndTeams(db, w);
  return { w, r: await buildFidelity(db, w, partners.partnerOrganization), partners };
}

beforeAll(async () => {
  const own = await world0("sup");
  world = own.w;
  records = own.r;
  const theirs = await world0("sv2");
  other = theirs.w;
  otherRecords = theirs.r;
  const partnerPersonId = await insertPartnerPerson(db, world.agency.id, own.partners.partnerOrganization, {
    fullName: "Second observer",
    email: "second.observer@sup.partner.test",
    phone: null,
    languages: [],
    roles: ["fidelity_observer"],
  });
  secondCommunityObserver = await insertObserver(db, world.agency.id, {
    observerType: "community_partner",
    personId: null,
    partnerPersonId,
    trainedOn: "2020-01-01",
    certifiedOn: "2020-02-01",
    certificationExpiresOn: "2099-12-31",
  });
  const { unitN1, unitN2, unitS1 } = world.units;
  const { workerN1, supervisorN1, workerN2, workerS1 } = world.people;
  // Unit N1: 5 observations, 3 meeting fidelity (all measures at 3; at 2 the mean is under the threshold).
  workerN1Debrief = await observe(world, records, workerN1.id, unitN1.id, "2026-01-10", 3);
  await observe(world, records, workerN1.id, unitN1.id, "2026-02-10", 3);
  await observe(world, records, workerN1.id, unitN1.id, "2026-03-10", 2, secondCommunityObserver);
  await observe(world, records, supervisorN1.id, unitN1.id, "2026-01-11", 3, secondCommunityObserver);
  await observe(world, records, supervisorN1.id, unitN1.id, "2026-02-11", 2, secondCommunityObserver);
  // Unit N2: 5 observations, all meeting fidelity. Unit S1: 2, a small cell.
  for (const day of ["01", "02", "03", "04", "05"]) {
    await observe(world, records, workerN2.id, unitN2.id, `2026-04-${day}`, 3, secondCommunityObserver);
  }
  await observe(world, records, workerS1.id, unitS1.id, "2026-05-01", 3, secondCommunityObserver);
  await observe(world, records, workerS1.id, unitS1.id, "2026-05-02", 2, secondCommunityObserver);
  await observe(other, otherRecords, other.people.workerN1.id, other.units.unitN1.id, "2026-01-10", 3);

  await buildUser(db, world.agency.id, {
    email: "worker.two@sup.test",
    displayName: "Worker two",
    personId: workerN2.id,
    roles: ["staff"],
    password: TEST_PASSWORD,
  });
  supervisor = await signIn(app, world.emails.supervisor);
  manager = await signIn(app, world.emails.manager);
  executive = await signIn(app, world.emails.executive);
  staff = await signIn(app, world.emails.staff);
  workerTwo = await signIn(app, "worker.two@sup.test");
  lead = await signIn(app, world.emails.admin);
  partnerViewer = await signIn(app, world.emails.partner_viewer);
  partnerObserver = await signIn(app, partnerObserverEmail(world));
});

interface DebriefSummaries {
  items: { observationId: string; staffName: string; eventDate: string }[];
  people: { id: string; name: string }[];
}

describe("debriefs for the person observed and their supervisor line", () => {
  it("lists a supervisor's own and their staff's debriefs, newest first, and nobody else's", async () => {
    const response = await supervisor.request("GET", "/api/fidelity/debriefs");
    expect(response.statusCode).toBe(200);
    const body = response.json<DebriefSummaries>();
    expect(body.items.map((d) => d.eventDate)).toEqual([
      "2026-03-10",
      "2026-02-11",
      "2026-02-10",
      "2026-01-11",
      "2026-01-10",
    ]);
    expect(body.people.map((p) => p.name)).toEqual(["Supervisor sup", "Worker sup"]);
    expect(response.body).not.toContain("private observer note");
  });

  it("filters by person and by event dates, and refuses a person outside the reader's line", async () => {
    const one = await supervisor.request(
      "GET",
      `/api/fidelity/debriefs?personId=${world.people.workerN1.id}&from=2026-02-01&to=2026-03-31`,
    );
    expect(one.json<DebriefSummaries>().items.map((d) => d.eventDate)).toEqual(["2026-03-10", "2026-02-10"]);
    const outside = await supervisor.request("GET", `/api/fidelity/debriefs?personId=${world.people.workerN2.id}`);
    expect(outside.statusCode).toBe(403);
    const elsewhere = await supervisor.request("GET", `/api/fidelity/debriefs?personId=${other.people.workerN1.id}`);
    expect(elsewhere.statusCode).toBe(404);
    const backwards = await supervisor.request("GET", "/api/fidelity/debriefs?from=2026-03-01&to=2026-02-01");
    expect(backwards.statusCode).toBe(400);
  });

  it("shows a staff member only their own debriefs", async () => {
    const own = (await staff.request("GET", "/api/fidelity/debriefs")).json<DebriefSummaries>();
    expect(own.items).toHaveLength(3);
    expect(new Set(own.items.map((d) => d.staffName))).toEqual(new Set(["Worker sup"]));
  });

  it("opens one debrief strengths first, with what each agreed level means, never the observers' own ratings", async () => {
    for (const reader of [supervisor, manager, executive, staff, lead]) {
      const response = await reader.request("GET", `/api/fidelity/debriefs/${workerN1Debrief}`);
      expect(response.statusCode).toBe(200);
      const debrief = response.json<{
        strengths: string;
        nextSteps: string;
        measures: { code: string; rating: number; label: string; description: string; anchor: string; note: string }[];
        score: { fidelityMet: boolean };
      }>();
      expect(debrief.strengths).toBe("Warm start on 2026-01-10");
      expect(debrief.nextSteps).toBe("Invite the grandmother next time.");
      expect(debrief.measures).toHaveLength(9);
      expect(debrief.measures.every((m) => m.rating === 3 && m.note === "agreed note")).toBe(true);
      expect(debrief.measures.every((m) => m.description !== "" && m.anchor !== "")).toBe(true);
      expect(debrief.score.fidelityMet).toBe(true);
      expect(response.body).not.toContain("private observer note");
      expect(response.body).not.toContain(records.communityObserver);
    }
  });

  it("refuses the debrief to staff outside the line and to observers, and hides another agency's", async () => {
    const url = `/api/fidelity/debriefs/${workerN1Debrief}`;
    expect((await workerTwo.request("GET", url)).statusCode).toBe(403);
    expect((await partnerObserver.request("GET", url)).statusCode).toBe(403);
    expect((await partnerViewer.request("GET", url)).statusCode).toBe(403);
    const otherLead = await signIn(app, other.emails.admin);
    expect((await otherLead.request("GET", url)).statusCode).toBe(404);
    // An observation still being rated has no debrief yet.
    expect((await lead.request("GET", `/api/fidelity/debriefs/${records.observation}`)).statusCode).toBe(404);
  });
});

interface Results {
  scope: { kind: string; name: string };
  groups: {
    label: string;
    observations: number;
    suppressed: boolean;
    shareMet: number | null;
    meanOverall: number | null;
  }[];
}

describe("results scoped to the reader's part of the organization", () => {
  const url = () => `/api/fidelity/results?instrumentId=${records.instrument}&groupBy=unit`;
  const rows = (body: Results) =>
    body.groups.map((g) => [g.label, g.observations, g.suppressed, g.shareMet, g.meanOverall]);

  it("shows a supervisor their own unit only", async () => {
    const body = (await supervisor.request("GET", url())).json<Results>();
    expect(body.scope).toEqual({ kind: "subtree", name: "Unit N1" });
    // 3 of 5 met; mean (3+3+2+3+2)/5.
    expect(rows(body)).toEqual([["Unit N1", 5, false, 0.6, 2.6]]);
  });

  it("shows a manager the units of their region", async () => {
    const body = (await manager.request("GET", url())).json<Results>();
    expect(body.scope).toEqual({ kind: "subtree", name: "North" });
    expect(rows(body)).toEqual([
      ["Unit N1", 5, false, 0.6, 2.6],
      ["Unit N2", 5, false, 1, 3],
    ]);
  });

  it("shows leaders and partners the whole agency with the small cell withheld", async () => {
    for (const reader of [executive, partnerViewer]) {
      const body = (await reader.request("GET", url())).json<Results>();
      expect(body.scope).toEqual({ kind: "agency", name: "Agency sup" });
      expect(rows(body)).toEqual([
        ["Unit N1", 5, false, 0.6, 2.6],
        ["Unit N2", 5, false, 1, 3],
        ["Unit S1", 2, true, null, null],
      ]);
    }
  });

  it("gives individual results to supervisors and managers for their own line only", async () => {
    const people = `/api/fidelity/results/people?instrumentId=${records.instrument}`;
    const forSupervisor = await supervisor.request("GET", people);
    expect(forSupervisor.statusCode).toBe(200);
    expect(forSupervisor.json<{ people: unknown[] }>().people).toEqual([
      {
        personId: world.people.workerN1.id,
        name: "Worker sup",
        orgUnitName: "Unit N1",
        observations: 3,
        met: 2,
        meanOverall: 8 / 3,
        latestEventDate: "2026-03-10",
      },
    ]);
    const forManager = (await manager.request("GET", people)).json<{ people: { name: string; met: number }[] }>();
    expect(forManager.people.map((p) => [p.name, p.met])).toEqual([
      ["Supervisor sup", 1],
      ["Worker sup", 2],
      ["WorkerTwo sup", 5],
    ]);
    for (const reader of [executive, partnerViewer, staff, lead, partnerObserver]) {
      expect((await reader.request("GET", people)).statusCode).toBe(403);
    }
  });
});

interface ObservationPage {
  items: { eventDate: string; status: string }[];
  total: number;
  page: number;
  pageSize: number;
}

describe("the observations list", () => {
  it("pages newest first with the total", async () => {
    const first = (await lead.request("GET", "/api/fidelity/observations?pageSize=4")).json<ObservationPage>();
    // 12 reconciled here plus the world's scheduled one.
    expect(first.total).toBe(13);
    expect(first.items.map((o) => o.eventDate)).toEqual(["2026-05-02", "2026-05-01", "2026-04-05", "2026-04-04"]);
    const last = (await lead.request("GET", "/api/fidelity/observations?pageSize=4&page=4")).json<ObservationPage>();
    expect(last).toMatchObject({ total: 13, page: 4, pageSize: 4 });
    expect(last.items).toHaveLength(1);
  });

  it("filters by status, unit and below, event dates and observer", async () => {
    const get = async (query: string) =>
      (await lead.request("GET", `/api/fidelity/observations?${query}`)).json<ObservationPage>().total;
    expect(await get("status=scheduled")).toBe(1);
    expect(await get(`orgUnitId=${world.units.north.id}`)).toBe(11);
    expect(await get(`orgUnitId=${world.units.unitS1.id}&status=reconciled`)).toBe(2);
    expect(await get("from=2026-02-01&to=2026-03-31")).toBe(4);
    expect(await get(`observerId=${records.communityObserver}`)).toBe(3);
    const unknownUnit = await lead.request("GET", `/api/fidelity/observations?orgUnitId=${other.units.north.id}`);
    expect(unknownUnit.statusCode).toBe(400);
  });
});

describe("a community partner observer", () => {
  it("lists only the observations they are assigned to, whichever observer they ask about", async () => {
    const own = (await partnerObserver.request("GET", "/api/fidelity/observations")).json<ObservationPage>();
    expect(own.total).toBe(3);
    const asked = await partnerObserver.request(
      "GET",
      `/api/fidelity/observations?observerId=${secondCommunityObserver}`,
    );
    expect(asked.json<ObservationPage>().total).toBe(0);
  });

  it("opens no observation they are not assigned to", async () => {
    const notTheirs = await db
      .selectFrom("fidelity_observation_observers")
      .select("observation_id")
      .where("observer_id", "=", secondCommunityObserver)
      .executeTakeFirstOrThrow();
    const response = await partnerObserver.request("GET", `/api/fidelity/observations/${notTheirs.observation_id}`);
    expect(response.statusCode).toBe(403);
  });

  it("gets none of the staff member's grants of the observer role", async () => {
    const refused = [
      "/api/org-units",
      "/api/teams",
      "/api/partner-organizations",
      "/api/training-sessions",
      `/api/people/${world.people.workerN1.id}`,
      `/api/people/${world.people.workerN1.id}/fidelity-debriefs`,
      "/api/fidelity/debriefs",
      "/api/fidelity/observers",
    ];
    for (const url of refused) {
      expect((await partnerObserver.request("GET", url)).statusCode, url).toBe(403);
    }
    const session = (await partnerObserver.request("GET", "/api/auth/session")).json<{ permissions: string[] }>();
    expect(session.permissions.sort()).toEqual([
      "agency.read",
      "coaching.aggregates",
      "fidelity.rate",
      "fidelity.results.read",
      "models.read",
    ]);
  });
});
