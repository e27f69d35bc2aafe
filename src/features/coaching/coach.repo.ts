import type { ExpressionBuilder } from "kysely";
import type { Database } from "../../db/schema.js";
import type { Db } from "../../db/types.js";
import { toCount, updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import { type Coach, type CoachInput, OPEN_ENGAGEMENT_STATUSES } from "./coaching.schema.js";

export type CoachRow = Coach & { regionPath: string | null };

/** How many open engagements the coach `c` has, read from the (agency, coach, status) index. */
function openEngagementCount(eb: ExpressionBuilder<Database & { c: Database["coaches"] }, "c">) {
  return eb
    .selectFrom("coaching_engagements as e")
    .select((c) => c.fn.countAll().as("n"))
    .whereRef("e.coach_id", "=", "c.id")
    .whereRef("e.agency_id", "=", "c.agency_id")
    .where("e.status", "in", OPEN_ENGAGEMENT_STATUSES)
    .as("active_coachees");
}

function coachesQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("coaches as c")
    .leftJoin("people as p", (j) => j.onRef("p.id", "=", "c.person_id").onRef("p.agency_id", "=", "c.agency_id"))
    .leftJoin("partner_people as pp", (j) =>
      j.onRef("pp.id", "=", "c.partner_person_id").onRef("pp.agency_id", "=", "c.agency_id"),
    )
    .leftJoin("org_units as u", (j) =>
      j.onRef("u.id", "=", "c.region_org_unit_id").onRef("u.agency_id", "=", "c.agency_id"),
    )
    .selectAll("c")
    .select(["p.given_name", "p.family_name", "pp.full_name", "u.name as region_name", "u.path as region_path"])
    .select(openEngagementCount)
    .where("c.agency_id", "=", agencyId);
}

type CoachSelection = Awaited<ReturnType<ReturnType<typeof coachesQuery>["executeTakeFirstOrThrow"]>>;

function toCoach(r: CoachSelection): CoachRow {
  const staffName = r.given_name !== null ? `${r.given_name} ${r.family_name ?? ""}`.trim() : null;
  return {
    id: r.id,
    name: staffName ?? r.full_name ?? "",
    personId: r.person_id,
    partnerPersonId: r.partner_person_id,
    coachKind: r.coach_kind as Coach["coachKind"],
    credentials: r.credentials,
    modelFluency: r.model_fluency as Coach["modelFluency"],
    modelId: r.model_id,
    modelVersionNumber: r.model_version_number,
    strengthItemIds: JSON.parse(r.strength_item_ids),
    languages: JSON.parse(r.languages),
    culturalKnowledge: r.cultural_knowledge,
    capacityCoachees: r.capacity_coachees,
    capacityHoursPerMonth: r.capacity_hours_per_month,
    availableForNew: r.available_for_new === 1,
    regionOrgUnitId: r.region_org_unit_id,
    regionName: r.region_name,
    regionPath: r.region_path,
    mentorCoachId: r.mentor_coach_id,
    activeCoachees: toCount(r.active_coachees),
    version: r.version,
  };
}

export async function findCoachesOfAgency(db: Db, agencyId: string) {
  const rows = await coachesQuery(db, agencyId).execute();
  return rows.map(toCoach).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export async function findCoachById(db: Db, agencyId: string, id: string) {
  const row = await coachesQuery(db, agencyId).where("c.id", "=", id).executeTakeFirst();
  return row && toCoach(row);
}

/**
 * The roster's capacity in three numbers, for the coverage view: how many coaches, how many take
 * new coachees, and the places those have left (capacity less open engagements, never below
 * zero). Reads only the coaches and the (agency, coach, status) index, without the names,
 * regions and JSON fields the roster list needs.
 */
export async function summarizeCoachCapacity(db: Db, agencyId: string) {
  const rows = await db
    .selectFrom("coaches as c")
    .select(["c.capacity_coachees", "c.available_for_new"])
    .select(openEngagementCount)
    .where("c.agency_id", "=", agencyId)
    .execute();
  const available = rows.filter((r) => r.available_for_new === 1);
  return {
    total: rows.length,
    availableForNew: available.length,
    freePlaces: available.reduce((sum, r) => sum + Math.max(0, r.capacity_coachees - toCount(r.active_coachees)), 0),
  };
}

/** The coach records of a staff person (normally one). */
export async function findCoachIdsOfPerson(db: Db, agencyId: string, personId: string) {
  const rows = await db
    .selectFrom("coaches")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("person_id", "=", personId)
    .execute();
  return rows.map((r) => r.id);
}

export async function findCoachByPeople(
  db: Db,
  agencyId: string,
  who: { personId: string | null; partnerPersonId: string | null },
) {
  let query = db.selectFrom("coaches").select("id").where("agency_id", "=", agencyId);
  query = who.personId
    ? query.where("person_id", "=", who.personId)
    : query.where("partner_person_id", "=", who.partnerPersonId);
  return (await query.executeTakeFirst())?.id;
}

/** Whom each coach coaches in engagements that are not closed, for the matching conflict rules. */
export async function findActiveCoacheesByCoach(db: Db, agencyId: string) {
  const rows = await db
    .selectFrom("coaching_engagements")
    .select(["coach_id", "coachee_person_id"])
    .where("agency_id", "=", agencyId)
    .where("status", "in", OPEN_ENGAGEMENT_STATUSES)
    .execute();
  const byCoach = new Map<string, string[]>();
  for (const r of rows) byCoach.set(r.coach_id, [...(byCoach.get(r.coach_id) ?? []), r.coachee_person_id]);
  return byCoach;
}

function coachValues(input: CoachInput, model: { modelId: string; versionNumber: number } | null) {
  return {
    person_id: input.personId,
    partner_person_id: input.partnerPersonId,
    coach_kind: input.coachKind,
    credentials: input.credentials,
    model_fluency: input.modelFluency,
    model_id: model?.modelId ?? null,
    model_version_number: model?.versionNumber ?? null,
    strength_item_ids: JSON.stringify(input.strengthItemIds),
    languages: JSON.stringify(input.languages),
    cultural_knowledge: input.culturalKnowledge,
    capacity_coachees: input.capacityCoachees,
    capacity_hours_per_month: input.capacityHoursPerMonth,
    available_for_new: input.availableForNew ? 1 : 0,
    region_org_unit_id: input.regionOrgUnitId,
    mentor_coach_id: input.mentorCoachId,
  };
}

export async function insertCoach(
  db: Db,
  agencyId: string,
  input: CoachInput,
  model: { modelId: string; versionNumber: number } | null,
) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("coaches")
    .values({ id, agency_id: agencyId, ...coachValues(input, model), created_at: now, updated_at: now, version: 1 })
    .execute();
  return id;
}

export async function updateCoach(
  db: Db,
  agencyId: string,
  id: string,
  input: CoachInput,
  model: { modelId: string; versionNumber: number } | null,
  version: number,
) {
  const result = await db
    .updateTable("coaches")
    .set({ ...coachValues(input, model), updated_at: nowUtc(), version: version + 1 })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

/** Coach records whose strengths name any of the items, for the model editor's delete check. */
export async function countCoachesReferencingItems(db: Db, agencyId: string, modelId: string, itemIds: string[]) {
  const rows = await db
    .selectFrom("coaches")
    .select("strength_item_ids")
    .where("agency_id", "=", agencyId)
    .where("model_id", "=", modelId)
    .execute();
  const wanted = new Set(itemIds);
  return rows.filter((r) => (JSON.parse(r.strength_item_ids) as string[]).some((id) => wanted.has(id))).length;
}
