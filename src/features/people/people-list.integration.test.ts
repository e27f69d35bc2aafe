import { beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp } from "../../../tests/support/test-app.js";
import { buildWorld, type World } from "../../../tests/support/world.js";
import { buildPeople, buildUser } from "../demo/builders.js";

/**
 * The people list against a model of it: for each kind of viewer and a spread of filters,
 * the API returns exactly the people the rules select — scope (whole agency, own subtree,
 * self), search, unit subtree, level, job role and active — with a total that matches, and
 * paging that visits each of them once. The model reads the agency's rows straight from the
 * database and applies the rules in plain code.
 */

const { app, db } = await startTestApp();

interface Item {
  id: string;
  givenName: string;
  familyName: string;
  hireDate: string | null;
}
interface Page {
  items: Item[];
  total: number;
}
interface Row {
  id: string;
  given_name: string;
  family_name: string;
  work_email: string | null;
  employee_id: string | null;
  level: string;
  job_role: string;
  hire_date: string | null;
  end_date: string | null;
  path: string | null;
}

let world: World;
let rows: Row[];
const clients = {} as Record<"admin" | "manager" | "supervisor" | "staff" | "unplaced", Client>;
let unplacedId: string;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  world = await buildWorld(db, "listing");
  const other = await buildWorld(db, "elsewhere");
  const { unitN1, unitN2, unitS1, north } = world.units;
  const placed = (
    givenName: string,
    familyName: string,
    orgUnitId: string | null,
    extra: { level?: "practice" | "supervisory"; hireDate?: string | null; endDate?: string | null } = {},
  ) => ({
    givenName,
    familyName,
    jobRole: extra.level === "supervisory" ? ("coach" as const) : ("case_aide" as const),
    level: extra.level ?? ("practice" as const),
    orgUnitId,
    supervisorId: null,
    hireDate: extra.hireDate ?? null,
    endDate: extra.endDate ?? null,
    workEmail: `${givenName.toLowerCase()}.${familyName.toLowerCase()}@listing.test`,
  });
  // Names with a shared fragment ("mart"), ended and future-ended employments, people placed
  // directly on a region, and one person with no unit at all who holds a supervisor account.
  const extra = await buildPeople(db, world.agency.id, [
    placed("Marta", "Quill", unitN1.id, { hireDate: "2019-04-02" }),
    placed("Ben", "Smartt", unitN2.id, { hireDate: "2021-11-30", endDate: "2024-01-31" }),
    placed("Cora", "Martin", unitS1.id, { hireDate: "2015-06-15" }),
    placed("Dale", "Ortiz", north.id, { level: "supervisory", hireDate: "2010-01-04" }),
    placed("Edna", "Vance", unitN1.id, { hireDate: "2020-08-20", endDate: "2999-12-31" }),
    placed("Finn", "Abbott", unitN2.id, { level: "supervisory", hireDate: null }),
    placed("Gale", "Unplaced", null, { hireDate: "2022-02-22" }),
  ]);
  unplacedId = extra[6]?.id ?? "";
  await buildPeople(db, other.agency.id, [placed("Martina", "Elsewhere", other.units.unitN1.id)]);
  await buildUser(db, world.agency.id, {
    email: "unplaced@listing.test",
    displayName: "Gale Unplaced",
    personId: unplacedId,
    roles: ["supervisor"],
    password: "correct horse battery staple",
  });

  rows = (await db
    .selectFrom("people")
    .leftJoin("org_units", "org_units.id", "people.org_unit_id")
    .select([
      "people.id",
      "people.given_name",
      "people.family_name",
      "people.work_email",
      "people.employee_id",
      "people.level",
      "people.job_role",
      "people.hire_date",
      "people.end_date",
      "org_units.path",
    ])
    .where("people.agency_id", "=", world.agency.id)
    .execute()) as Row[];

  clients.admin = await signIn(app, world.emails.admin);
  clients.manager = await signIn(app, world.emails.manager);
  clients.supervisor = await signIn(app, world.emails.supervisor);
  clients.staff = await signIn(app, world.emails.staff);
  clients.unplaced = await signIn(app, "unplaced@listing.test");
});

const pathOf = (personId: string) => rows.find((r) => r.id === personId)?.path ?? null;

/** Who each viewer may see, by the rules of the policy: agency, own subtree, or self. */
function visibleTo(viewer: keyof typeof clients): (r: Row) => boolean {
  const self = {
    admin: world.people.office.id,
    manager: world.people.northManager.id,
    supervisor: world.people.supervisorN1.id,
    staff: world.people.workerN1.id,
    unplaced: unplacedId,
  }[viewer];
  if (viewer === "admin") return () => true;
  if (viewer === "staff") return (r) => r.id === self;
  const path = pathOf(self);
  return (r) => r.id === self || (path !== null && r.path?.startsWith(path) === true);
}

interface Filters {
  q?: string;
  orgUnitId?: string;
  level?: string;
  jobRole?: string;
  active?: "true" | "false" | "all";
}

function expected(viewer: keyof typeof clients, filters: Filters): string[] {
  const unitPath = filters.orgUnitId
    ? (Object.values(world.units).find((u) => u.id === filters.orgUnitId)?.path ?? "")
    : null;
  const active = filters.active ?? "true";
  const words = (filters.q ?? "").split(/\s+/).filter(Boolean);
  return rows
    .filter(visibleTo(viewer))
    .filter((r) =>
      words.every(
        (word) =>
          r.given_name.toLowerCase().includes(word.toLowerCase()) ||
          r.family_name.toLowerCase().includes(word.toLowerCase()) ||
          (r.work_email ?? "").toLowerCase().includes(word.toLowerCase()) ||
          r.employee_id === word,
      ),
    )
    .filter((r) => unitPath === null || r.path?.startsWith(unitPath) === true)
    .filter((r) => !filters.level || r.level === filters.level)
    .filter((r) => !filters.jobRole || r.job_role === filters.jobRole)
    .filter((r) => {
      const isActive = r.end_date === null || r.end_date > today;
      return active === "all" || (active === "true" ? isActive : !isActive);
    })
    .map((r) => r.id)
    .sort();
}

async function list(viewer: keyof typeof clients, params: Record<string, string>): Promise<Page> {
  const response = await clients[viewer].request("GET", `/api/people?${new URLSearchParams(params)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page>();
}

const viewers = ["admin", "manager", "supervisor", "staff", "unplaced"] as const;

describe("the people list selects exactly the people the rules allow", () => {
  const cases: [string, () => Filters][] = [
    ["no filter", () => ({})],
    ["everyone, ended included", () => ({ active: "all" })],
    ["ended employments only", () => ({ active: "false" })],
    ["a search by part of a name", () => ({ q: "mart", active: "all" })],
    ["a search by employee id", () => ({ q: "E4" })],
    ["a search by full name", () => ({ q: "Cora Martin", active: "all" })],
    ["a search for a LIKE wildcard taken literally", () => ({ q: "%", active: "all" })],
    ["a search by given name and part of a family name", () => ({ q: "marta qui", active: "all" })],
    ["a unit subtree", () => ({ orgUnitId: world.units.north.id, active: "all" })],
    ["a single unit", () => ({ orgUnitId: world.units.unitN1.id })],
    ["a level", () => ({ level: "supervisory", active: "all" })],
    ["a job role within a subtree", () => ({ jobRole: "case_aide", orgUnitId: world.units.northOffice.id })],
  ];
  for (const viewer of viewers) {
    for (const [name, filters] of cases) {
      it(`${viewer}: ${name}`, async () => {
        const want = expected(viewer, filters());
        const params = Object.fromEntries(Object.entries(filters()).filter(([, v]) => v !== undefined));
        const page = await list(viewer, { ...params, pageSize: "200" });
        expect(page.items.map((p) => p.id).sort()).toEqual(want);
        expect(page.total).toBe(want.length);
      });
    }
  }

  it("only the viewer themselves when they have no unit", async () => {
    const page = await list("unplaced", { active: "all" });
    expect(page.items.map((p) => p.id)).toEqual([unplacedId]);
  });
});

describe("paging and sorting", () => {
  it.each(viewers)("%s: pages of two visit every person once, in the order of one long page", async (viewer) => {
    for (const sort of ["name", "hireDate", "unit", "level", "jobRole"]) {
      for (const direction of ["asc", "desc"]) {
        const whole = await list(viewer, { sort, direction, active: "all", pageSize: "200" });
        const paged: string[] = [];
        for (let page = 1; paged.length < whole.total; page++) {
          const next = await list(viewer, { sort, direction, active: "all", pageSize: "2", page: String(page) });
          expect(next.total).toBe(whole.total);
          expect(next.items.length).toBeGreaterThan(0);
          paged.push(...next.items.map((p) => p.id));
        }
        expect(paged).toEqual(whole.items.map((p) => p.id));
        expect(new Set(paged).size).toBe(whole.total);
      }
    }
  });

  it("sorts a manager's subtree by family name, then given name", async () => {
    const page = await list("manager", { sort: "name", active: "all" });
    const keys = page.items.map((p) => [p.familyName, p.givenName] as const);
    const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
    expect(page.items.length).toBeGreaterThan(3);
    expect(keys).toEqual(sorted);
  });

  it("sorts a manager's subtree by hire date, newest first", async () => {
    const page = await list("manager", { sort: "hireDate", direction: "desc", active: "all" });
    const dated = page.items.map((p) => p.hireDate).filter((d): d is string => d !== null);
    expect(dated.length).toBeGreaterThan(2);
    expect(dated).toEqual([...dated].sort().reverse());
  });

  it("a page past the end is empty but still counts", async () => {
    const page = await list("admin", { page: "50", pageSize: "10" });
    expect(page.items).toEqual([]);
    expect(page.total).toBe(expected("admin", {}).length);
  });
});
