import type { Db } from "../../db/types.js";
import { toCount, updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import { type EngagementStatus, type Goal, OPEN_ENGAGEMENT_STATUSES } from "./coaching.schema.js";

function engagementsQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("coaching_engagements as e")
    .innerJoin("people as p", (j) =>
      j.onRef("p.id", "=", "e.coachee_person_id").onRef("p.agency_id", "=", "e.agency_id"),
    )
    .innerJoin("coaches as c", (j) => j.onRef("c.id", "=", "e.coach_id").onRef("c.agency_id", "=", "e.agency_id"))
    .leftJoin("people as cp", (j) => j.onRef("cp.id", "=", "c.person_id").onRef("cp.agency_id", "=", "c.agency_id"))
    .leftJoin("partner_people as pp", (j) =>
      j.onRef("pp.id", "=", "c.partner_person_id").onRef("pp.agency_id", "=", "c.agency_id"),
    )
    .leftJoin("coaching_programs as g", (j) =>
      j.onRef("g.id", "=", "e.program_id").onRef("g.agency_id", "=", "e.agency_id"),
    )
    .selectAll("e")
    .select([
      "p.given_name",
      "p.family_name",
      "p.level",
      "p.supervisor_id as coachee_supervisor_id",
      "c.person_id as coach_person_id",
      "cp.given_name as coach_given_name",
      "cp.family_name as coach_family_name",
      "pp.full_name as coach_partner_name",
      "g.name as program_name",
    ])
    .select((eb) => [
      eb
        .selectFrom("coaching_sessions as s")
        .select((c) => c.fn.countAll().as("n"))
        .whereRef("s.engagement_id", "=", "e.id")
        .whereRef("s.agency_id", "=", "e.agency_id")
        .where("s.status", "=", "final")
        .as("sessions_logged"),
      eb
        .selectFrom("coaching_sessions as s")
        .select((c) => c.fn.max("s.session_date").as("d"))
        .whereRef("s.engagement_id", "=", "e.id")
        .whereRef("s.agency_id", "=", "e.agency_id")
        .where("s.status", "=", "final")
        .as("last_session_date"),
    ])
    .where("e.agency_id", "=", agencyId);
}

type EngagementSelection = Awaited<ReturnType<ReturnType<typeof engagementsQuery>["executeTakeFirstOrThrow"]>>;

export interface EngagementRow {
  id: string;
  agencyId: string;
  coachId: string;
  coachPersonId: string | null;
  coachName: string;
  coacheePersonId: string;
  coacheeName: string;
  coacheeLevel: "practice" | "supervisory" | "management" | "executive";
  coacheeSupervisorId: string | null;
  programId: string | null;
  programName: string | null;
  status: EngagementStatus;
  startedOn: string;
  sessionsLogged: number;
  lastSessionDate: string | null;
  readinessDecision: "go" | "not_yet" | null;
  readinessNotes: string;
  readinessCheckedAt: string | null;
  modelId: string | null;
  modelVersionNumber: number | null;
  goals: Goal[];
  frequency: string;
  format: string;
  duration: string;
  roles: string;
  shareSummariesWithSupervisor: boolean;
  coachAcknowledgedAt: string | null;
  coacheeAcknowledgedAt: string | null;
  closingSummary: string;
  closedAt: string | null;
  version: number;
}

function toEngagement(r: EngagementSelection): EngagementRow {
  const coachStaffName =
    r.coach_given_name !== null ? `${r.coach_given_name} ${r.coach_family_name ?? ""}`.trim() : null;
  return {
    id: r.id,
    agencyId: r.agency_id,
    coachId: r.coach_id,
    coachPersonId: r.coach_person_id,
    coachName: coachStaffName ?? r.coach_partner_name ?? "",
    coacheePersonId: r.coachee_person_id,
    coacheeName: `${r.given_name} ${r.family_name}`,
    coacheeLevel: r.level as EngagementRow["coacheeLevel"],
    coacheeSupervisorId: r.coachee_supervisor_id,
    programId: r.program_id,
    programName: r.program_name,
    status: r.status as EngagementRow["status"],
    startedOn: r.started_on,
    sessionsLogged: toCount(r.sessions_logged),
    lastSessionDate: r.last_session_date ?? null,
    readinessDecision: r.readiness_decision as EngagementRow["readinessDecision"],
    readinessNotes: r.readiness_notes,
    readinessCheckedAt: r.readiness_checked_at,
    modelId: r.model_id,
    modelVersionNumber: r.model_version_number,
    goals: JSON.parse(r.agreement_goals),
    frequency: r.agreement_frequency,
    format: r.agreement_format,
    duration: r.agreement_duration,
    roles: r.agreement_roles,
    shareSummariesWithSupervisor: r.share_summaries_with_supervisor === 1,
    coachAcknowledgedAt: r.coach_acknowledged_at,
    coacheeAcknowledgedAt: r.coachee_acknowledged_at,
    closingSummary: r.closing_summary,
    closedAt: r.closed_at,
    version: r.version,
  };
}

export async function findEngagementById(db: Db, agencyId: string, id: string) {
  const row = await engagementsQuery(db, agencyId).where("e.id", "=", id).executeTakeFirst();
  return row && toEngagement(row);
}

export type EngagementScope = { everything: true } | { coachIds: string[]; personId: string | null };

/**
 * The filter of a caseload. Each branch of the `OR` repeats the agency and names a column that
 * an index leads with after it (the coach, the coachee, the coachee among the person's direct
 * reports), so SQLite answers each branch from its index and merges them, rather than reading
 * every engagement of the agency to test the condition.
 */
function caseloadIds(db: Db, agencyId: string, scope: EngagementScope) {
  const query = db.selectFrom("coaching_engagements as e");
  if ("everything" in scope) return query.where("e.agency_id", "=", agencyId);
  const { coachIds, personId } = scope;
  return query.where((eb) => {
    const ofAgency = eb("e.agency_id", "=", agencyId);
    return eb.or([
      ...(coachIds.length > 0 ? [eb.and([ofAgency, eb("e.coach_id", "in", coachIds)])] : []),
      eb.and([ofAgency, eb("e.coachee_person_id", "=", personId ?? "")]),
      eb.and([
        ofAgency,
        eb(
          "e.coachee_person_id",
          "in",
          eb
            .selectFrom("people as r")
            .select("r.id")
            .where("r.agency_id", "=", agencyId)
            .where("r.supervisor_id", "=", personId ?? ""),
        ),
      ]),
    ]);
  });
}

/**
 * One page of the engagements a person takes part in (as coach through `coachIds`, or as
 * coachee), those of the people who report to them, or — for oversight — all of the agency's:
 * open ones first, then the most recently started. The page's ids are found first, from
 * `coaching_engagements` alone, so names and session counts are only looked up for its rows.
 */
export async function findEngagementPage(
  db: Db,
  agencyId: string,
  scope: EngagementScope,
  page: { limit: number; offset: number },
) {
  const [idRows, countRow] = await Promise.all([
    caseloadIds(db, agencyId, scope)
      .select("e.id")
      .orderBy((eb) => eb.case().when("e.status", "=", "closed").then(1).else(0).end())
      .orderBy("e.started_on", "desc")
      .orderBy("e.id")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    caseloadIds(db, agencyId, scope)
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst(),
  ]);
  const ids = idRows.map((r) => r.id);
  if (ids.length === 0) return { rows: [], total: toCount(countRow?.n) };
  const rows = await engagementsQuery(db, agencyId).where("e.id", "in", ids).execute();
  const position = new Map(ids.map((id, i) => [id, i]));
  return {
    rows: rows.map(toEngagement).sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0)),
    total: toCount(countRow?.n),
  };
}

/** Engagements that are not closed in which the person coaches (through `coachIds`) or is coached. */
export async function findOpenEngagementsOfParty(
  db: Db,
  agencyId: string,
  party: { coachIds: string[]; personId: string },
) {
  const rows = await engagementsQuery(db, agencyId)
    .where("e.status", "in", OPEN_ENGAGEMENT_STATUSES)
    .where((eb) =>
      eb.or([
        ...(party.coachIds.length > 0 ? [eb("e.coach_id", "in", party.coachIds)] : []),
        eb("e.coachee_person_id", "=", party.personId),
      ]),
    )
    .orderBy("e.started_on", "desc")
    .orderBy("e.id")
    .execute();
  return rows.map(toEngagement);
}

export async function insertEngagement(
  db: Db,
  agencyId: string,
  engagement: {
    requestId: string;
    programId: string | null;
    coachId: string;
    coacheePersonId: string;
    startedOn: string;
    model: { modelId: string; versionNumber: number } | null;
    goals: Goal[];
  },
) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("coaching_engagements")
    .values({
      id,
      agency_id: agencyId,
      request_id: engagement.requestId,
      program_id: engagement.programId,
      coach_id: engagement.coachId,
      coachee_person_id: engagement.coacheePersonId,
      status: "getting_started",
      started_on: engagement.startedOn,
      model_id: engagement.model?.modelId ?? null,
      model_version_number: engagement.model?.versionNumber ?? null,
      readiness_notes: "",
      agreement_goals: JSON.stringify(engagement.goals),
      agreement_frequency: "",
      agreement_format: "",
      agreement_duration: "",
      agreement_roles: "",
      share_summaries_with_supervisor: 0,
      closing_summary: "",
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

type EngagementChange = Partial<{
  status: EngagementRow["status"];
  readiness_decision: string;
  readiness_notes: string;
  readiness_checked_at: string;
  agreement_goals: string;
  agreement_frequency: string;
  agreement_format: string;
  agreement_duration: string;
  agreement_roles: string;
  share_summaries_with_supervisor: number;
  coach_acknowledged_at: string | null;
  coachee_acknowledged_at: string | null;
  closing_summary: string;
  closed_at: string;
}>;

export async function updateEngagement(
  db: Db,
  agencyId: string,
  id: string,
  change: EngagementChange,
  version: number,
) {
  const result = await db
    .updateTable("coaching_engagements")
    .set({ ...change, updated_at: nowUtc(), version: version + 1 })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export async function findProgressRatings(db: Db, agencyId: string, engagementId: string) {
  const rows = await db
    .selectFrom("coaching_progress_ratings")
    .select(["id", "goal_id", "rated_on", "rating"])
    .where("agency_id", "=", agencyId)
    .where("engagement_id", "=", engagementId)
    .orderBy("rated_on")
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({ id: r.id, goalId: r.goal_id, ratedOn: r.rated_on, rating: r.rating }));
}

export async function insertProgressRating(
  db: Db,
  agencyId: string,
  rating: { engagementId: string; goalId: string; ratedOn: string; rating: number; ratedByUserId: string },
) {
  const id = newId();
  await db
    .insertInto("coaching_progress_ratings")
    .values({
      id,
      agency_id: agencyId,
      engagement_id: rating.engagementId,
      goal_id: rating.goalId,
      rated_on: rating.ratedOn,
      rating: rating.rating,
      rated_by_user_id: rating.ratedByUserId,
      created_at: nowUtc(),
    })
    .execute();
  return id;
}

export async function countEngagementsReferencingItems(db: Db, agencyId: string, modelId: string, itemIds: string[]) {
  const rows = await db
    .selectFrom("coaching_engagements")
    .select("agreement_goals")
    .where("agency_id", "=", agencyId)
    .where("model_id", "=", modelId)
    .execute();
  const wanted = new Set(itemIds);
  return rows.filter((r) =>
    (JSON.parse(r.agreement_goals) as Goal[]).some((g) => g.itemIds.some((id) => wanted.has(id))),
  ).length;
}

export async function findEngagementIdsOfModel(db: Db, agencyId: string, modelId: string) {
  const rows = await db
    .selectFrom("coaching_engagements")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("model_id", "=", modelId)
    .execute();
  return rows.map((r) => r.id);
}

/** The earliest engagement start per org unit of the coachees (where they are placed today). */
export async function findEarliestEngagementStartByCoacheeUnit(db: Db, agencyId: string) {
  const rows = await db
    .selectFrom("coaching_engagements as e")
    .innerJoin("people as p", (j) =>
      j.onRef("p.id", "=", "e.coachee_person_id").onRef("p.agency_id", "=", "e.agency_id"),
    )
    .where("e.agency_id", "=", agencyId)
    .where("p.org_unit_id", "is not", null)
    .groupBy("p.org_unit_id")
    .select((eb) => ["p.org_unit_id", eb.fn.min("e.started_on").as("earliest_start")])
    .execute();
  return rows.map((r) => ({ orgUnitId: r.org_unit_id as string, earliestStartOn: r.earliest_start }));
}
