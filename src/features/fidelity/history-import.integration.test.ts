import { beforeAll, describe, expect, it } from "vitest";
import { buildFidelity, type FidelityRecords, partnerObserverEmail } from "../../../tests/support/fidelity.js";
import { buildPartnersAndTeams } from "../../../tests/support/partners-and-teams.js";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import { agreementStatistics } from "../../shared/agreement-statistics.js";

const { app, db } = await startTestApp();
let world: World;
let records: FidelityRecords;
let lead: Client;
let partnerEmail: string;

const HEADER = "observation_id,date,unit,staff_id,observer_id,observer_type,measure_code,rating";

/** Each observation: [id, date, [[M1 community, M1 agency], [M2 community, M2 agency]]]. */
const HISTORY: [string, string, [number, number][]][] = [
  [
    "H1",
    "2025-01-15",
    [
      [3, 3],
      [2, 3],
    ],
  ],
  [
    "H2",
    "2025-02-10",
    [
      [4, 4],
      [1, 1],
    ],
  ],
  [
    "H3",
    "2025-05-05",
    [
      [2, 3],
      [3, 3],
    ],
  ],
  [
    "H4",
    "2025-05-20",
    [
      [1, 3],
      [4, 4],
    ],
  ],
];

function historyCsv() {
  const lines = [HEADER];
  for (const [id, date, measures] of HISTORY) {
    measures.forEach(([community, agency], index) => {
      lines.push(`${id},${date},Unit N1,E4,${partnerEmail},community_partner,M${index + 1},${community}`);
      lines.push(`${id},${date},unit n1,e4,R-fidelity_observer,agency,M${index + 1},${agency}`);
    });
  }
  // Only one observer: kept in the history, left out of reliability.
  lines.push(`H5,2025-06-01,Unit N1,E4,${partnerEmail},community_partner,M1,3`);
  return `${lines.join("\n")}\n`;
}

const post = (csv: string, dryRun: boolean) =>
  app.inject({
    method: "POST",
    url: `/api/fidelity/observations/import?instrumentId=${records.instrument}&dryRun=${dryRun}`,
    headers: { cookie: lead.cookie, "x-csrf-token": lead.csrfToken, "content-type": "text/csv" },
    payload: csv,
  });

async function importedCount() {
  const row = await db
    .selectFrom("fidelity_observations")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("source", "=", "import")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  world = await buildWorld(db, "hist");
  records = await buildFidelity(db, world, (await buildPartnersAndTeams(db, world)).partnerOrganization);
  partnerEmail = partnerObserverEmail(world);
  lead = await signIn(app, world.emails.implementation_lead);
});

describe("importing past observations", () => {
  it("reports a dry run without writing anything", async () => {
    const response = await post(historyCsv(), true);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      dryRun: true,
      applied: false,
      rows: 17,
      observations: 5,
      ratings: 17,
      errors: [],
    });
    expect(await importedCount()).toBe(0);
  });

  it("reports every bad cell by row and column, defuses formulas it quotes, and writes nothing", async () => {
    const lines = historyCsv().trim().split("\n");
    lines[2] = lines[2]?.replace("unit n1", "Unit Nowhere") ?? "";
    lines[3] = lines[3]?.replace(/,2$/, ",7") ?? "";
    lines[5] = lines[5]?.replace(",M1,", ",=HYPERLINK(1),") ?? "";
    const response = await post(lines.join("\n"), false);
    expect(response.statusCode).toBe(200);
    const report = response.json<{ applied: boolean; errors: { row: number; column: string; message: string }[] }>();
    expect(report.applied).toBe(false);
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "unit"],
      [4, "rating"],
      [6, "measure_code"],
    ]);
    expect(report.errors[2]?.message).toContain(`"'=HYPERLINK(1)"`);
    expect(await importedCount()).toBe(0);
  });

  it("refuses a file without the required columns", async () => {
    const response = await post("observation_id,date\nH1,2025-01-01\n", true);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain("columns.unit");
  });

  it("refuses an observation with two community observers", async () => {
    const csv = [
      HEADER,
      `X1,2025-01-01,Unit N1,E4,${partnerEmail},community_partner,M1,3`,
      `X1,2025-01-01,Unit N1,E4,R-fidelity_observer,community_partner,M1,3`,
    ].join("\n");
    const report = (await post(csv, true)).json<{ errors: { row: number; column: string; message: string }[] }>();
    expect(report.errors).toEqual([
      { row: 3, column: "observer_type", message: "The roster lists this observer as agency_partner." },
    ]);
  });

  it("imports all of it, then computes reliability from the observations two observers rated", async () => {
    const response = await post(historyCsv(), false);
    expect(response.json<{ applied: boolean }>().applied).toBe(true);
    expect(await importedCount()).toBe(5);

    const reliability = await lead.request("GET", `/api/fidelity/reliability?instrumentId=${records.instrument}`);
    expect(reliability.statusCode).toBe(200);
    const body = reliability.json<{
      observations: number;
      overall: { n: number; exactAgreement: number; withinOneAgreement: number; kappa: number; weightedKappa: number };
      measures: { measureCode: string; n: number; exactAgreement: number | null; withinOneAgreement: number | null }[];
      pairs: {
        observerIds: string[];
        n: number;
        quarters: { quarter: string; exactAgreement: number }[];
        drift: boolean;
      }[];
      quarters: { quarter: string; n: number; exactAgreement: number }[];
    }>();
    expect(body.observations).toBe(4);
    // By hand: M1 pairs (3,3) (4,4) (2,3) (1,3); M2 pairs (2,3) (1,1) (3,3) (4,4).
    expect(body.overall.n).toBe(8);
    expect(body.overall.exactAgreement).toBeCloseTo(5 / 8, 12);
    expect(body.overall.withinOneAgreement).toBeCloseTo(7 / 8, 12);
    // Community marginals 1,2,3,4 each 1/4; agency 1: 1/8, 3: 5/8, 4: 2/8 → chance 1/4; kappa (5/8 − 1/4)/(3/4) = 1/2.
    expect(body.overall.kappa).toBeCloseTo(0.5, 12);
    const pairs = HISTORY.flatMap(([, , measures]) => measures.map(([first, second]) => ({ first, second })));
    expect(body.overall.weightedKappa).toBeCloseTo(
      agreementStatistics([1, 2, 3, 4], pairs).weightedKappa ?? Number.NaN,
      12,
    );
    const m1 = body.measures.find((m) => m.measureCode === "M1");
    expect(m1).toMatchObject({ n: 4, exactAgreement: 0.5, withinOneAgreement: 0.75 });
    expect(body.measures.find((m) => m.measureCode === "M3")).toMatchObject({ n: 0, exactAgreement: null });
    expect(body.quarters.map((q) => [q.quarter, q.n, q.exactAgreement])).toEqual([
      ["2025-Q1", 4, 0.75],
      ["2025-Q2", 4, 0.5],
    ]);
    expect(body.pairs).toHaveLength(1);
    expect(body.pairs[0]?.observerIds.sort()).toEqual([records.agencyObserver, records.communityObserver].sort());
    // Too few ratings to judge drift (a quarter needs one full observation of nine measures).
    expect(body.pairs[0]?.drift).toBe(false);
  });

  it("refuses to import the same observations twice", async () => {
    const report = (await post(historyCsv(), false)).json<{ applied: boolean; errors: { message: string }[] }>();
    expect(report.applied).toBe(false);
    expect(report.errors[0]?.message).toBe('Observation "H1" was imported before.');
    expect(await importedCount()).toBe(5);
  });
});
