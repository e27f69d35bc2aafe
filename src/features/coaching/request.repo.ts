import type { Db } from "../../db/types.js";
import { toCount, updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type { CoachingRequest } from "./coaching.schema.js";

function requestsQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("coaching_requests as r")
    .innerJoin("people as p", (j) =>
      j.onRef("p.id", "=", "r.coachee_person_id").onRef("p.agency_id", "=", "r.agency_id"),
    )
    .leftJoin("coaching_programs as g", (j) =>
      j.onRef("g.id", "=", "r.program_id").onRef("g.agency_id", "=", "r.agency_id"),
    )
    .leftJoin("coaching_engagements as e", (j) =>
      j.onRef("e.request_id", "=", "r.id").onRef("e.agency_id", "=", "r.agency_id"),
    )
    .selectAll("r")
    .select(["p.given_name", "p.family_name", "p.level", "g.name as program_name", "e.id as engagement_id"])
    .where("r.agency_id", "=", agencyId);
}

type RequestSelection = Awaited<ReturnType<ReturnType<typeof requestsQuery>["executeTakeFirstOrThrow"]>>;

export type RequestRow = CoachingRequest & {
  modelId: string | null;
  modelVersionNumber: number | null;
};

function toRequest(r: RequestSelection): RequestRow {
  return {
    id: r.id,
    programId: r.program_id,
    programName: r.program_name,
    coacheePersonId: r.coachee_person_id,
    coacheeName: `${r.given_name} ${r.family_name}`,
    coacheeLevel: r.level as CoachingRequest["coacheeLevel"],
    origin: r.origin as CoachingRequest["origin"],
    status: r.status as CoachingRequest["status"],
    goalsText: r.goals_text,
    goalItemIds: JSON.parse(r.goal_item_ids),
    preferredLanguage: r.preferred_language,
    invitationMessage: r.invitation_message,
    acceptedAt: r.accepted_at,
    coachId: r.coach_id,
    overrideReason: r.override_reason,
    engagementId: r.engagement_id,
    createdAt: r.created_at,
    modelId: r.model_id,
    modelVersionNumber: r.model_version_number,
    version: r.version,
  };
}

/** All requests of the agency, or one person's, newest first. */
export async function findRequests(db: Db, agencyId: string, coacheePersonId: string | null) {
  let query = requestsQuery(db, agencyId);
  if (coacheePersonId !== null) query = query.where("r.coachee_person_id", "=", coacheePersonId);
  const rows = await query.orderBy("r.created_at", "desc").orderBy("r.id").limit(500).execute();
  return rows.map(toRequest);
}

/**
 * One page of requests, newest first: the agency's or one person's, of one status or all, with
 * how many there are in all (counted on the requests alone).
 */
export async function findRequestPage(
  db: Db,
  agencyId: string,
  filter: { coacheePersonId: string | null; status: CoachingRequest["status"] | undefined },
  page: { limit: number; offset: number },
) {
  let rows = requestsQuery(db, agencyId);
  let count = db
    .selectFrom("coaching_requests as r")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("r.agency_id", "=", agencyId);
  if (filter.coacheePersonId !== null) {
    rows = rows.where("r.coachee_person_id", "=", filter.coacheePersonId);
    count = count.where("r.coachee_person_id", "=", filter.coacheePersonId);
  }
  if (filter.status) {
    rows = rows.where("r.status", "=", filter.status);
    count = count.where("r.status", "=", filter.status);
  }
  const [found, countRow] = await Promise.all([
    rows.orderBy("r.created_at", "desc").orderBy("r.id").limit(page.limit).offset(page.offset).execute(),
    count.executeTakeFirst(),
  ]);
  return { rows: found.map(toRequest), total: toCount(countRow?.n) };
}

export async function findRequestById(db: Db, agencyId: string, id: string) {
  const row = await requestsQuery(db, agencyId).where("r.id", "=", id).executeTakeFirst();
  return row && toRequest(row);
}

export interface NewRequest {
  programId: string | null;
  coacheePersonId: string;
  origin: "self" | "invitation";
  status: "invited" | "requested" | "matched";
  goalsText: string;
  model: { modelId: string; versionNumber: number } | null;
  goalItemIds: string[];
  preferredLanguage: string | null;
  invitationMessage: string;
  acceptedAt: string | null;
  createdByUserId: string;
}

export async function insertRequest(db: Db, agencyId: string, request: NewRequest) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("coaching_requests")
    .values({
      id,
      agency_id: agencyId,
      program_id: request.programId,
      coachee_person_id: request.coacheePersonId,
      origin: request.origin,
      status: request.status,
      goals_text: request.goalsText,
      model_id: request.model?.modelId ?? null,
      model_version_number: request.model?.versionNumber ?? null,
      goal_item_ids: JSON.stringify(request.goalItemIds),
      preferred_language: request.preferredLanguage,
      invitation_message: request.invitationMessage,
      accepted_at: request.acceptedAt,
      created_by_user_id: request.createdByUserId,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

export async function acceptRequest(
  db: Db,
  agencyId: string,
  id: string,
  goals: {
    goalsText: string;
    goalItemIds: string[];
    preferredLanguage: string | null;
    model: { modelId: string; versionNumber: number } | null;
  },
  version: number,
) {
  const now = nowUtc();
  const result = await db
    .updateTable("coaching_requests")
    .set({
      status: "requested",
      goals_text: goals.goalsText,
      goal_item_ids: JSON.stringify(goals.goalItemIds),
      preferred_language: goals.preferredLanguage,
      model_id: goals.model?.modelId ?? null,
      model_version_number: goals.model?.versionNumber ?? null,
      accepted_at: now,
      updated_at: now,
      version: version + 1,
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export async function declineRequest(db: Db, agencyId: string, id: string, version: number) {
  const now = nowUtc();
  const result = await db
    .updateTable("coaching_requests")
    .set({ status: "declined", declined_at: now, updated_at: now, version: version + 1 })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export async function markRequestMatched(
  db: Db,
  agencyId: string,
  id: string,
  decision: { coachId: string; overrideReason: string | null; decidedByUserId: string },
  version: number,
) {
  const now = nowUtc();
  const result = await db
    .updateTable("coaching_requests")
    .set({
      status: "matched",
      coach_id: decision.coachId,
      override_reason: decision.overrideReason,
      decided_by_user_id: decision.decidedByUserId,
      decided_at: now,
      updated_at: now,
      version: version + 1,
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export async function countRequestsReferencingItems(db: Db, agencyId: string, modelId: string, itemIds: string[]) {
  const rows = await db
    .selectFrom("coaching_requests")
    .select("goal_item_ids")
    .where("agency_id", "=", agencyId)
    .where("model_id", "=", modelId)
    .execute();
  const wanted = new Set(itemIds);
  return rows.filter((r) => (JSON.parse(r.goal_item_ids) as string[]).some((id) => wanted.has(id))).length;
}
