import { type Compilable, type SelectQueryBuilder, sql } from "kysely";
import { preparedQuery } from "../../db/prepared-query.js";
import type { Database } from "../../db/schema.js";
import type { Db } from "../../db/types.js";
import { toCount, updatedOneRow } from "../../db/types.js";
import { nowUtc } from "../../shared/time.js";
import type { ScopeFilter } from "../access/policy.js";
import type { JobRole, Level, PeopleQuery, Person, PersonUpdate } from "./person.schema.js";

/** Treats %, _ and backslash in what a person typed as plain characters in a LIKE pattern. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

function basePeopleQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("people")
    .leftJoin("org_units", (j) =>
      j.onRef("org_units.id", "=", "people.org_unit_id").on("org_units.agency_id", "=", agencyId),
    )
    .leftJoin("users", (j) => j.onRef("users.person_id", "=", "people.id").on("users.agency_id", "=", agencyId))
    .where("people.agency_id", "=", agencyId);
}

const personColumns = [
  "people.id",
  "people.employee_id",
  "people.given_name",
  "people.family_name",
  "people.work_email",
  "people.job_role",
  "people.level",
  "people.org_unit_id",
  "org_units.name as org_unit_name",
  "org_units.path as org_unit_path",
  "people.supervisor_id",
  "people.hire_date",
  "people.end_date",
  "people.languages",
  "people.version",
  "users.id as user_id",
  "users.is_active as user_active",
] as const;

interface PersonRow {
  id: string;
  employee_id: string | null;
  given_name: string;
  family_name: string;
  work_email: string | null;
  job_role: string;
  level: string;
  org_unit_id: string | null;
  org_unit_name: string | null;
  org_unit_path: string | null;
  supervisor_id: string | null;
  hire_date: string | null;
  end_date: string | null;
  languages: string;
  version: number;
  user_id: string | null;
  user_active: number | null;
}

export type PersonWithPlace = Person & { orgUnitPath: string | null };

function toPerson(r: PersonRow, today: string): PersonWithPlace {
  return {
    id: r.id,
    employeeId: r.employee_id,
    givenName: r.given_name,
    familyName: r.family_name,
    workEmail: r.work_email,
    jobRole: r.job_role as JobRole,
    level: r.level as Level,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    orgUnitPath: r.org_unit_path,
    supervisorId: r.supervisor_id,
    hireDate: r.hire_date,
    endDate: r.end_date,
    languages: JSON.parse(r.languages) as string[],
    active: r.end_date === null || r.end_date > today,
    hasAccount: r.user_id !== null,
    accountActive: r.user_active === 1,
    version: r.version,
  };
}

/** The agency's org units at or below `path`, for `people.org_unit_id in (…)`. */
function unitsUnder(db: Db, agencyId: string, path: string) {
  return db
    .selectFrom("org_units")
    .select("org_units.id")
    .where("agency_id", "=", agencyId)
    .where("path", "like", `${path}%`);
}

/**
 * A subtree scope reaches the actor's own org unit and everything below it, and the actor
 * themselves. Whenever the actor has an org unit path, that path is their own unit's, so they
 * are already inside the subtree; only an actor without a unit needs the self condition. Keeping
 * the condition a plain `org_unit_id in (…)` (no `or`) lets the databases find the subtree's
 * people through the (agency_id, org_unit_id) index instead of reading the whole agency.
 */
function applyScope(db: Db, query: PeopleFilter, scope: ScopeFilter): PeopleFilter {
  switch (scope.kind) {
    case "agency":
      return query;
    case "subtree":
      return scope.orgUnitPath
        ? query.where("people.org_unit_id", "in", unitsUnder(db, scope.agencyId, scope.orgUnitPath))
        : query.where("people.id", "=", scope.personId ?? "");
    case "self":
      return query.where("people.id", "=", scope.personId ?? "");
  }
}

type PeopleFilter = SelectQueryBuilder<Database, "people", object>;

const sortColumns = {
  name: ["people.family_name", "people.given_name"],
  jobRole: ["people.job_role", "people.family_name"],
  level: ["people.level", "people.family_name"],
  unit: ["org_units.name", "people.family_name"],
  hireDate: ["people.hire_date", "people.family_name"],
} as const;

/**
 * One page of people and the number matching. The filters apply to `people` alone, so the count
 * reads no joined rows; the page then joins its unit and account.
 */
export async function findPeople(db: Db, scope: ScopeFilter, query: PeopleQuery, unitPath: string | null) {
  const today = todayUtc();
  let q: PeopleFilter = applyScope(db, db.selectFrom("people").where("people.agency_id", "=", scope.agencyId), scope);
  if (query.q) {
    // Every word must match a name, the email or the employee id, so "maria garcia" finds Maria Garcia.
    for (const word of query.q.split(/\s+/).filter(Boolean).slice(0, 5)) {
      const like = `%${escapeLike(word.toLowerCase())}%`;
      q = q.where((eb) =>
        eb.or([
          sql<boolean>`lower(people.given_name) like ${like} escape '\\'`,
          sql<boolean>`lower(people.family_name) like ${like} escape '\\'`,
          sql<boolean>`lower(people.work_email) like ${like} escape '\\'`,
          eb("people.employee_id", "=", word),
        ]),
      );
    }
  }
  if (unitPath) q = q.where("people.org_unit_id", "in", unitsUnder(db, scope.agencyId, unitPath));
  if (query.level) q = q.where("people.level", "=", query.level);
  if (query.jobRole) q = q.where("people.job_role", "=", query.jobRole);
  if (query.active === "true") {
    q = q.where((eb) => eb.or([eb("people.end_date", "is", null), eb("people.end_date", ">", today)]));
  } else if (query.active === "false") {
    q = q.where("people.end_date", "<=", today);
  }

  const [first, second] = sortColumns[query.sort];
  // Within a unit subtree the matching people are few next to the agency, yet SQLite would
  // rather walk the agency in name order to skip sorting. `|| ''` leaves the order as it is
  // but hides the sort column's index, so the subtree's people are fetched first and sorted.
  const restrictedToUnits = unitPath !== null || scope.kind === "subtree";
  const firstKey = restrictedToUnits ? sql<string>`${sql.ref(first)} || ''` : sql.ref(first);
  const rows = (await q
    .leftJoin("org_units", (j) =>
      j.onRef("org_units.id", "=", "people.org_unit_id").on("org_units.agency_id", "=", scope.agencyId),
    )
    .leftJoin("users", (j) => j.onRef("users.person_id", "=", "people.id").on("users.agency_id", "=", scope.agencyId))
    .select([...personColumns])
    .orderBy(firstKey, query.direction)
    .orderBy(second, query.direction)
    .orderBy("people.id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()) as PersonRow[];
  const total = await q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  return { items: rows.map((r) => toPerson(r, today)), total: toCount(total.n as number) };
}

const personById = preparedQuery<{ agencyId: string; personId: string }, PersonRow>(
  (db, value) =>
    basePeopleQuery(db, value("agencyId"))
      .where("people.id", "=", value("personId"))
      .select([...personColumns]) as Compilable<PersonRow>,
);

export async function findPersonById(db: Db, agencyId: string, personId: string) {
  const [row] = await personById(db, { agencyId, personId });
  return row ? toPerson(row, todayUtc()) : undefined;
}

/**
 * The chain of supervisors above a person, nearest first, in one recursive query rather than
 * one query per level. At most `maxLevels` steps are taken; the chain may repeat people if the
 * data holds a cycle, so callers stop at the first person they have already seen.
 *
 * Each step of the recursion admits only people of `agencyId`, so the chain never leaves the
 * agency. The outer query therefore joins people by id alone: repeating the agency condition
 * there leads SQLite's planner to scan the agency's people instead of following the chain.
 */
const supervisorChainOf = preparedQuery<{ agencyId: string; personId: string; maxLevels: number }, PersonRow>(
  (db, value) =>
    db
      .withRecursive("chain(person_id, supervisor_id, depth)", (qb) =>
        qb
          .selectFrom("people")
          .where("people.agency_id", "=", value("agencyId"))
          .where("people.id", "=", value("personId"))
          .select((eb) => ["people.id as person_id", "people.supervisor_id", eb.lit(0).as("depth")])
          .unionAll(
            qb
              .selectFrom("chain")
              .innerJoin("people", "people.id", "chain.supervisor_id")
              .where("people.agency_id", "=", value("agencyId"))
              .where("chain.depth", "<", value("maxLevels"))
              .select((eb) => [
                "people.id as person_id",
                "people.supervisor_id",
                eb("chain.depth", "+", 1).as("depth"),
              ]),
          ),
      )
      .selectFrom("chain")
      .innerJoin("people", "people.id", "chain.person_id")
      .leftJoin("org_units", (j) =>
        j.onRef("org_units.id", "=", "people.org_unit_id").on("org_units.agency_id", "=", value("agencyId")),
      )
      .leftJoin("users", (j) =>
        j.onRef("users.person_id", "=", "people.id").on("users.agency_id", "=", value("agencyId")),
      )
      .where("chain.depth", ">", 0)
      .select([...personColumns])
      .orderBy("chain.depth") as Compilable<PersonRow>,
);

export async function findSupervisorChain(db: Db, agencyId: string, personId: string, maxLevels: number) {
  const rows = await supervisorChainOf(db, { agencyId, personId, maxLevels });
  const today = todayUtc();
  return rows.map((r) => toPerson(r, today));
}

const directReportsOf = preparedQuery<{ agencyId: string; supervisorId: string; today: string }, PersonRow>(
  (db, value) =>
    basePeopleQuery(db, value("agencyId"))
      .where("people.supervisor_id", "=", value("supervisorId"))
      .where((eb) => eb.or([eb("people.end_date", "is", null), eb("people.end_date", ">", value("today"))]))
      .select([...personColumns])
      .orderBy("people.family_name")
      .orderBy("people.given_name") as Compilable<PersonRow>,
);

export async function findDirectReports(db: Db, agencyId: string, supervisorId: string) {
  const today = todayUtc();
  const rows = await directReportsOf(db, { agencyId, supervisorId, today });
  return rows.map((r) => toPerson(r, today));
}

export async function updatePerson(db: Db, agencyId: string, personId: string, update: PersonUpdate): Promise<boolean> {
  const result = await db
    .updateTable("people")
    .set((eb) => ({
      given_name: update.givenName,
      family_name: update.familyName,
      work_email: update.workEmail,
      job_role: update.jobRole,
      level: update.level,
      hire_date: update.hireDate,
      end_date: update.endDate,
      languages: JSON.stringify(update.languages),
      updated_at: nowUtc(),
      version: eb("version", "+", 1),
    }))
    .where("agency_id", "=", agencyId)
    .where("id", "=", personId)
    .where("version", "=", update.version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export interface NewPerson {
  id: string;
  agencyId: string;
  employeeId: string | null;
  givenName: string;
  familyName: string;
  workEmail: string | null;
  jobRole: JobRole;
  level: Level;
  orgUnitId: string | null;
  supervisorId: string | null;
  hireDate: string | null;
  endDate?: string | null;
  languages: string[];
}

export async function insertPeople(db: Db, people: NewPerson[]): Promise<void> {
  const now = nowUtc();
  // Batches keep each statement well under SQLite's bound-parameter limit.
  for (let i = 0; i < people.length; i += 200) {
    await db
      .insertInto("people")
      .values(
        people.slice(i, i + 200).map((p) => ({
          id: p.id,
          agency_id: p.agencyId,
          employee_id: p.employeeId,
          given_name: p.givenName,
          family_name: p.familyName,
          work_email: p.workEmail,
          job_role: p.jobRole,
          level: p.level,
          org_unit_id: p.orgUnitId,
          supervisor_id: p.supervisorId,
          hire_date: p.hireDate,
          end_date: p.endDate ?? null,
          languages: JSON.stringify(p.languages),
          created_at: now,
          updated_at: now,
          version: 1,
        })),
      )
      .execute();
  }
}

/** Everyone below a person in the reporting line (reports, their reports, …), at most `maxLevels` deep. */
export async function findReportIdsBelow(db: Db, agencyId: string, personId: string, maxLevels: number) {
  const rows = await db
    .withRecursive("below(person_id, depth)", (qb) =>
      qb
        .selectFrom("people")
        .where("people.agency_id", "=", agencyId)
        .where("people.supervisor_id", "=", personId)
        .select((eb) => ["people.id as person_id", eb.lit(1).as("depth")])
        .unionAll(
          qb
            .selectFrom("below")
            .innerJoin("people", "people.supervisor_id", "below.person_id")
            .where("people.agency_id", "=", agencyId)
            .where("below.depth", "<", maxLevels)
            .select((eb) => ["people.id as person_id", eb("below.depth", "+", 1).as("depth")]),
        ),
    )
    .selectFrom("below")
    .select("person_id")
    .execute();
  return [...new Set(rows.map((r) => r.person_id))];
}

/** How many people on staff today hold each level. */
export async function countActivePeopleByLevel(db: Db, agencyId: string) {
  const today = todayUtc();
  const rows = await db
    .selectFrom("people")
    .select(["level", (eb) => eb.fn.countAll().as("n")])
    .where("agency_id", "=", agencyId)
    .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">", today)]))
    .groupBy("level")
    .execute();
  return rows.map((r) => ({ level: r.level, count: Number(r.n) }));
}
