import { beforeAll, describe, expect, it } from "vitest";
import { buildFidelity, type FidelityRecords, partnerObserverEmail } from "../../../tests/support/fidelity.js";
import { buildPartnersAndTeams } from "../../../tests/support/partners-and-teams.js";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";

const { app, db } = await startTestApp();
let world: World;
let records: FidelityRecords;
let lead: Client;
let staffObserver: Client;
let partnerObserver: Client;

interface CaseBody {
  id: string;
  attempts: number;
  reference: { measureCode: string; rating: number; rationale: string }[] | null;
  comparison: { measureCode: string; rating: number; referenceRating: number; rationale: string }[] | null;
  mine: { score: { n: number; exactAgreement: number; withinOneAgreement: number; passed: boolean } } | null;
}

const REFERENCE = [3, 3, 2, 4, 3, 2, 3, 4, 1];
const reference = REFERENCE.map((rating, index) => ({
  measureCode: `M${index + 1}`,
  rating,
  rationale: `Rationale for measure ${index + 1}: what the facilitator did.`,
}));
const rated = (values: number[]) => values.map((rating, index) => ({ measureCode: `M${index + 1}`, rating }));

async function countRows(table: "fidelity_calibration_cases" | "fidelity_calibration_attempts") {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function createCase(title: string) {
  const response = await lead.request("POST", "/api/fidelity/calibration-cases", {
    instrumentId: records.instrument,
    title,
    description: "A fictional family meeting: the facilitator opens by asking what is going well.",
    reference,
  });
  expect(response.statusCode).toBe(201);
  return response.json<CaseBody>();
}

beforeAll(async () => {
  world = await buildWorld(db, "cal");
  records = await buildFidelity(db, world, (await buildPartnersAndTeams(db, world)).partnerOrganization);
  lead = await signIn(app, world.emails.admin);
  staffObserver = await signIn(app, world.emails.fidelity_observer);
  partnerObserver = await signIn(app, partnerObserverEmail(world));
});

describe("calibration cases", () => {
  it("the fidelity team writes a case with a reference rating and rationale for every measure", async () => {
    const created = await createCase("Opening with strengths");
    expect(created.reference?.map((r) => r.rating)).toEqual(REFERENCE);
    expect(created.attempts).toBe(0);
  });

  it("refuses a reference that leaves a measure out or is off the scale, naming the fields, and stores nothing", async () => {
    const before = await countRows("fidelity_calibration_cases");
    const response = await lead.request("POST", "/api/fidelity/calibration-cases", {
      instrumentId: records.instrument,
      title: "Incomplete",
      description: "A fictional meeting.",
      reference: [{ ...reference[0], rating: 7 }, ...reference.slice(1, 8)],
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json<{ errors: { field: string; message: string }[] }>().errors;
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: "reference.0.rating", message: "Use a level of the scale." },
        { field: "reference", message: "Rate measure M9." },
      ]),
    );
    expect(await countRows("fidelity_calibration_cases")).toBe(before);
  });
});

describe("an observer's calibration", () => {
  it("hides the reference ratings and rationale until the observer has submitted, then compares", async () => {
    const created = await createCase("Hard conversation about safety");
    const before = await staffObserver.request("GET", `/api/fidelity/calibration-cases/${created.id}`);
    expect(before.statusCode).toBe(200);
    expect(before.json<CaseBody>().reference).toBeNull();
    expect(before.json<CaseBody>().comparison).toBeNull();
    // Nothing of the reference leaks anywhere in the answer, nor in the list.
    expect(before.body).not.toContain("Rationale for measure");
    const list = await staffObserver.request("GET", "/api/fidelity/calibration-cases");
    expect(list.body).not.toContain("Rationale for measure");
    expect(list.json<{ readerIsObserver: boolean }>().readerIsObserver).toBe(true);

    const incomplete = await staffObserver.request("POST", `/api/fidelity/calibration-cases/${created.id}/ratings`, {
      ratings: rated([3, 2, 2]),
    });
    expect(incomplete.statusCode).toBe(400);
    expect(
      (await staffObserver.request("GET", `/api/fidelity/calibration-cases/${created.id}`)).json<CaseBody>().reference,
    ).toBeNull();

    // Against the reference 3 3 2 4 3 2 3 4 1, distances 0 1 0 2 0 1 1 0 2: 4 of 9 exact, 7 of 9 within one.
    const submitted = await staffObserver.request("POST", `/api/fidelity/calibration-cases/${created.id}/ratings`, {
      ratings: rated([3, 2, 2, 2, 3, 3, 4, 4, 3]),
    });
    expect(submitted.statusCode).toBe(200);
    const result = submitted.json<CaseBody>();
    expect(result.mine?.score.n).toBe(9);
    expect(result.mine?.score.exactAgreement).toBeCloseTo(4 / 9, 10);
    expect(result.mine?.score.withinOneAgreement).toBeCloseTo(7 / 9, 10);
    expect(result.mine?.score.passed).toBe(false);
    expect(result.comparison?.[3]).toEqual({
      measureCode: "M4",
      measureName: expect.any(String),
      rating: 2,
      referenceRating: 4,
      rationale: "Rationale for measure 4: what the facilitator did.",
    });
    expect(result.reference).toHaveLength(9);

    // The other observer still rates blind.
    const partnerView = await partnerObserver.request("GET", `/api/fidelity/calibration-cases/${created.id}`);
    expect(partnerView.json<CaseBody>().reference).toBeNull();
  });

  it("takes one attempt per observer and case", async () => {
    const created = await createCase("One try only");
    const first = await partnerObserver.request("POST", `/api/fidelity/calibration-cases/${created.id}/ratings`, {
      ratings: rated(REFERENCE),
    });
    expect(first.statusCode).toBe(200);
    expect(first.json<CaseBody>().mine?.score.passed).toBe(true);
    const attempts = await countRows("fidelity_calibration_attempts");
    const second = await partnerObserver.request("POST", `/api/fidelity/calibration-cases/${created.id}/ratings`, {
      ratings: rated([1, 1, 1, 1, 1, 1, 1, 1, 1]),
    });
    expect(second.statusCode).toBe(409);
    expect(await countRows("fidelity_calibration_attempts")).toBe(attempts);
  });

  it("refuses ratings from the fidelity team when they are not on the roster", async () => {
    const created = await createCase("Team cannot rate");
    const response = await lead.request("POST", `/api/fidelity/calibration-cases/${created.id}/ratings`, {
      ratings: rated(REFERENCE),
    });
    expect(response.statusCode).toBe(403);
  });
});

describe("calibration results", () => {
  it("lists every observer's results for the team, and each observer's latest for the roster", async () => {
    const response = await lead.request("GET", "/api/fidelity/calibration-results");
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      items: { caseTitle: string; observerId: string; score: { exactAgreement: number; passed: boolean } }[];
      latestByObserver: { observerId: string; latest: { caseTitle: string } | null }[];
    }>();
    const staff = body.items.find((i) => i.observerId === records.agencyObserver);
    expect(staff?.caseTitle).toBe("Hard conversation about safety");
    expect(staff?.score.exactAgreement).toBeCloseTo(4 / 9, 10);
    const latest = new Map(body.latestByObserver.map((o) => [o.observerId, o.latest?.caseTitle]));
    expect(latest.get(records.communityObserver)).toBe("One try only");
    expect(latest.get(records.agencyObserver)).toBe("Hard conversation about safety");
  });

  it("is for the fidelity team only", async () => {
    const response = await staffObserver.request("GET", "/api/fidelity/calibration-results");
    expect(response.statusCode).toBe(403);
  });
});
