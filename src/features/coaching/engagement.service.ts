import type { Db } from "../../db/types.js";
import { fieldError, staleVersion } from "../../server/errors.js";
import { type Actor, authorize, canAct } from "../access/policy.js";
import { findCoachIdsOfPerson } from "./coach.repo.js";
import type {
  AgreementInput,
  CoachingPageQuery,
  Engagement,
  EngagementRelation,
  Goal,
  ProgressInput,
  ReadinessInput,
} from "./coaching.schema.js";
import {
  asSelf,
  audit,
  inTransaction,
  isParty,
  keepsLog,
  loadEngagementFor,
  modelForItems,
  refuseWhenClosed,
  relationTo,
} from "./coaching-access.js";
import {
  type EngagementRow,
  findEngagementById,
  findEngagementPage,
  findProgressRatings,
  insertProgressRating,
  updateEngagement,
} from "./engagement.repo.js";
import { countFeedbackOfEngagement } from "./feedback.repo.js";
import { findSessionLogPage } from "./session.repo.js";

function summaryOf(row: EngagementRow, relation: EngagementRelation) {
  return {
    id: row.id,
    relation,
    coachId: row.coachId,
    coachName: row.coachName,
    coacheePersonId: row.coacheePersonId,
    coacheeName: row.coacheeName,
    coacheeLevel: row.coacheeLevel,
    programName: row.programName,
    status: row.status,
    startedOn: row.startedOn,
    sessionsLogged: row.sessionsLogged,
    lastSessionDate: row.lastSessionDate,
  };
}

/**
 * The caseload, a page at a time: engagements the actor coaches or is coached in, those of the
 * people who report to them, and — for the coaching supervisor and administrators — everyone's.
 */
export async function listEngagements(db: Db, actor: Actor, query: CoachingPageQuery) {
  authorize(actor, "coaching.participate", asSelf(actor));
  const oversight = canAct(actor, "coaching.read");
  const coachIds = actor.personId ? await findCoachIdsOfPerson(db, actor.agencyId, actor.personId) : [];
  const { rows, total } = await findEngagementPage(
    db,
    actor.agencyId,
    oversight ? { everything: true } : { coachIds, personId: actor.personId },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const items = [];
  for (const row of rows) {
    // The query selects only engagements the actor relates to; this decides how.
    const relation = relationTo(actor, row);
    if (relation) items.push(summaryOf(row, relation));
  }
  return { items, total, page: query.page, pageSize: query.pageSize };
}

function agreementOf(row: EngagementRow) {
  return {
    goals: row.goals,
    frequency: row.frequency,
    format: row.format,
    duration: row.duration,
    roles: row.roles,
    shareSummariesWithSupervisor: row.shareSummariesWithSupervisor,
    coachAcknowledgedAt: row.coachAcknowledgedAt,
    coacheeAcknowledgedAt: row.coacheeAcknowledgedAt,
  };
}

/** Whether the reader may see goals, summaries and the closing summary. */
function seesSharedContent(row: EngagementRow, relation: EngagementRelation) {
  return isParty(relation) || (relation === "supervisor" && row.shareSummariesWithSupervisor);
}

/** How many of the latest log entries an engagement brings along; the rest are paged. */
const LATEST_SESSIONS = 50;

/**
 * Log entries as the reader may see them: a draft is the coach's own until it is logged, and
 * summaries only for those the agreement shares them with.
 */
async function readSessionLog(
  row: EngagementRow,
  relation: EngagementRelation,
  page: { limit: number; offset: number },
  db: Db,
) {
  const shared = seesSharedContent(row, relation);
  const { rows, total } = await findSessionLogPage(db, row.agencyId, row.id, {
    finalOnly: !keepsLog(relation, row),
    ...page,
  });
  return { items: rows.map((s) => ({ ...s, sharedSummary: shared ? s.sharedSummary : null })), total };
}

export async function describeEngagement(
  db: Db,
  row: EngagementRow,
  relation: EngagementRelation,
): Promise<Engagement> {
  const shared = seesSharedContent(row, relation);
  const party = isParty(relation);
  const [log, progress, feedback] = await Promise.all([
    readSessionLog(row, relation, { limit: LATEST_SESSIONS, offset: 0 }, db),
    party ? findProgressRatings(db, row.agencyId, row.id) : Promise.resolve(null),
    relation === "coachee" ? countFeedbackOfEngagement(db, row.agencyId, row.id) : Promise.resolve(null),
  ]);
  return {
    ...summaryOf(row, relation),
    keepsLog: keepsLog(relation, row),
    readiness: {
      decision: row.readinessDecision,
      notes: party ? row.readinessNotes : null,
      checkedAt: row.readinessCheckedAt,
    },
    agreement: { ...agreementOf(row), goals: shared || relation === "oversight" ? row.goals : null },
    modelId: row.modelId,
    modelVersionNumber: row.modelVersionNumber,
    progress,
    closingSummary: shared ? row.closingSummary : null,
    closedAt: row.closedAt,
    sessions: log.items,
    sessionsTotal: log.total,
    feedbackGiven: feedback,
    version: row.version,
  };
}

/** The coaching log a page at a time, as the engagement page pages through it. */
export async function listSessionsOfEngagement(db: Db, actor: Actor, id: string, query: CoachingPageQuery) {
  const { engagement, relation } = await loadEngagementFor(db, actor, id, [
    "coach",
    "coachee",
    "supervisor",
    "oversight",
  ]);
  const log = await readSessionLog(
    engagement,
    relation,
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    db,
  );
  return { ...log, page: query.page, pageSize: query.pageSize };
}

export async function getEngagement(db: Db, actor: Actor, id: string) {
  const { engagement, relation } = await loadEngagementFor(db, actor, id, [
    "coach",
    "coachee",
    "supervisor",
    "oversight",
  ]);
  return describeEngagement(db, engagement, relation);
}

async function reload(db: Db, actor: Actor, id: string, relation: EngagementRelation) {
  return describeEngagement(db, (await findEngagementById(db, actor.agencyId, id)) as EngagementRow, relation);
}

async function checkGoals(db: Db, actor: Actor, row: EngagementRow, goals: Goal[]) {
  const itemIds = goals.flatMap((g) => g.itemIds);
  const ids = new Set<string>();
  goals.forEach((g, i) => {
    if (ids.has(g.id)) throw fieldError(`goals.${i}.id`, "Two goals have the same id.");
    ids.add(g.id);
  });
  return modelForItems(db, actor.agencyId, itemIds, "goals", {
    modelId: row.modelId,
    versionNumber: row.modelVersionNumber,
  });
}

/** Coach and coachee decide together whether to go ahead, and settle the goals. */
export async function recordReadiness(db: Db, actor: Actor, id: string, input: ReadinessInput) {
  return inTransaction(db, async (trx) => {
    const { engagement, relation } = await loadEngagementFor(trx, actor, id, ["coach", "coachee"]);
    refuseWhenClosed(engagement);
    await checkGoals(trx, actor, engagement, input.goals);
    const ok = await updateEngagement(
      trx,
      actor.agencyId,
      id,
      {
        status: input.decision === "go" ? "active" : "not_yet",
        readiness_decision: input.decision,
        readiness_notes: input.notes,
        readiness_checked_at: new Date().toISOString(),
        agreement_goals: JSON.stringify(input.goals),
      },
      input.version,
    );
    if (!ok) throw staleVersion(await describeEngagement(trx, engagement, relation));
    const after = await reload(trx, actor, id, relation);
    await audit(
      trx,
      actor,
      {
        action: "update",
        entityType: "coaching_engagement",
        entityId: id,
        summary: `Readiness check: ${input.decision === "go" ? "ready to go" : "not yet"}`,
      },
      { before: { status: engagement.status }, after: { status: after.status, readiness: input.decision } },
    );
    return after;
  });
}

/**
 * Writing the agreement (again) asks both parties to acknowledge it again: each one's
 * acknowledgement is of the text as it then stood.
 */
export async function saveAgreement(db: Db, actor: Actor, id: string, input: AgreementInput) {
  return inTransaction(db, async (trx) => {
    const { engagement, relation } = await loadEngagementFor(trx, actor, id, ["coach", "coachee"]);
    refuseWhenClosed(engagement);
    await checkGoals(trx, actor, engagement, input.goals);
    const ok = await updateEngagement(
      trx,
      actor.agencyId,
      id,
      {
        agreement_goals: JSON.stringify(input.goals),
        agreement_frequency: input.frequency,
        agreement_format: input.format,
        agreement_duration: input.duration,
        agreement_roles: input.roles,
        share_summaries_with_supervisor: input.shareSummariesWithSupervisor ? 1 : 0,
        coach_acknowledged_at: null,
        coachee_acknowledged_at: null,
      },
      input.version,
    );
    if (!ok) throw staleVersion(await describeEngagement(trx, engagement, relation));
    const after = await reload(trx, actor, id, relation);
    await audit(
      trx,
      actor,
      { action: "update", entityType: "coaching_engagement", entityId: id, summary: "Wrote the coaching agreement" },
      { before: { agreement: agreementOf(engagement) }, after: { agreement: after.agreement } },
    );
    return after;
  });
}

export async function acknowledgeAgreement(db: Db, actor: Actor, id: string, version: number) {
  return inTransaction(db, async (trx) => {
    const { engagement, relation } = await loadEngagementFor(trx, actor, id, ["coach", "coachee"]);
    refuseWhenClosed(engagement);
    if (engagement.frequency === "") throw fieldError("version", "There is no agreement to acknowledge yet.");
    const now = new Date().toISOString();
    const change = relation === "coach" ? { coach_acknowledged_at: now } : { coachee_acknowledged_at: now };
    if (!(await updateEngagement(trx, actor.agencyId, id, change, version))) {
      throw staleVersion(await describeEngagement(trx, engagement, relation));
    }
    const after = await reload(trx, actor, id, relation);
    await audit(
      trx,
      actor,
      {
        action: "update",
        entityType: "coaching_engagement",
        entityId: id,
        summary: `The ${relation} acknowledged the coaching agreement`,
      },
      { after: { acknowledgedAt: now, by: relation } },
    );
    return after;
  });
}

export async function rateProgress(db: Db, actor: Actor, id: string, input: ProgressInput) {
  return inTransaction(db, async (trx) => {
    const { engagement, relation } = await loadEngagementFor(trx, actor, id, ["coach", "coachee"]);
    refuseWhenClosed(engagement);
    if (!engagement.goals.some((g) => g.id === input.goalId))
      throw fieldError("goalId", "That goal is not in the agreement.");
    const ratingId = await insertProgressRating(trx, actor.agencyId, {
      engagementId: id,
      ...input,
      ratedByUserId: actor.userId,
    });
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityType: "coaching_progress_rating",
        entityId: ratingId,
        summary: `Rated progress on a coaching goal: ${input.rating} of 5`,
      },
      { after: { engagementId: id, ...input } },
    );
    return reload(trx, actor, id, relation);
  });
}

export async function closeEngagement(db: Db, actor: Actor, id: string, input: { summary: string; version: number }) {
  return inTransaction(db, async (trx) => {
    const { engagement, relation } = await loadEngagementFor(trx, actor, id, ["coach", "coachee"]);
    refuseWhenClosed(engagement);
    const ok = await updateEngagement(
      trx,
      actor.agencyId,
      id,
      { status: "closed", closing_summary: input.summary, closed_at: new Date().toISOString() },
      input.version,
    );
    if (!ok) throw staleVersion(await describeEngagement(trx, engagement, relation));
    const after = await reload(trx, actor, id, relation);
    await audit(
      trx,
      actor,
      { action: "update", entityType: "coaching_engagement", entityId: id, summary: "Closed a coaching engagement" },
      { before: { status: engagement.status }, after: { status: "closed" } },
    );
    return after;
  });
}
