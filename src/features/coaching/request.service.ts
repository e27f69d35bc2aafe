import type { Db } from "../../db/types.js";
import { AppError, fieldError, forbidden, notFound, staleVersion } from "../../server/errors.js";
import { newId } from "../../shared/ids.js";
import { type Actor, authorize, canAct } from "../access/policy.js";
import { findModelInUse, findPublishedModel } from "../model/model.service.js";
import { findPersonWithReportingLine, isPersonOfAgency } from "../people/person.service.js";
import { findActiveCoacheesByCoach, findCoachesOfAgency } from "./coach.repo.js";
import type {
  AcceptInvitation,
  InvitationInput,
  MatchDecision,
  RequestInput,
  RequestListQuery,
} from "./coaching.schema.js";
import { asSelf, audit, here, inTransaction, itemsOf, modelForItems } from "./coaching-access.js";
import { insertEngagement } from "./engagement.repo.js";
import { type MatchCoach, type MatchResult, rankCoaches } from "./matching.js";
import { findProgramById } from "./program.repo.js";
import {
  acceptRequest,
  declineRequest,
  findRequestById,
  findRequestPage,
  findRequests,
  insertRequest,
  markRequestMatched,
  type RequestRow,
} from "./request.repo.js";

/** The API's request: which model version the goals refer to stays inside. */
function toApi({ modelId: _m, modelVersionNumber: _n, ...request }: RequestRow) {
  return request;
}

/** The coaching supervisor sees every request; everyone else only their own. A page at a time. */
export async function listRequests(db: Db, actor: Actor, query: RequestListQuery) {
  authorize(actor, "coaching.participate", asSelf(actor));
  const everything = canAct(actor, "coaching.manage");
  const paging = { page: query.page, pageSize: query.pageSize };
  if (!everything && actor.personId === null) return { items: [], total: 0, ...paging };
  const { rows, total } = await findRequestPage(
    db,
    actor.agencyId,
    { coacheePersonId: everything ? null : actor.personId, status: query.status },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: rows.map(toApi), total, ...paging };
}

/** One request, for the coaching supervisor or the person it is for; another agency's is 404. */
export async function getRequest(db: Db, actor: Actor, id: string) {
  const request = await findRequestById(db, actor.agencyId, id);
  if (!request) throw notFound("The coaching request");
  authorize(actor, "coaching.participate", asSelf(actor), "The coaching request");
  if (!canAct(actor, "coaching.manage") && request.coacheePersonId !== actor.personId) throw forbidden();
  return toApi(request);
}

async function checkProgram(db: Db, agencyId: string, programId: string | null) {
  if (programId && !(await findProgramById(db, agencyId, programId))) {
    throw fieldError("programId", "That coaching program does not exist.");
  }
}

async function refuseSecondOpenRequest(db: Db, agencyId: string, personId: string, field: string) {
  const open = (await findRequests(db, agencyId, personId)).find(
    (r) => r.status === "requested" || r.status === "invited",
  );
  if (open) {
    throw fieldError(
      field,
      open.status === "invited"
        ? "There is already an invitation waiting for an answer."
        : "There is already an open request.",
    );
  }
}

async function reloadRequest(db: Db, agencyId: string, id: string) {
  return (await findRequestById(db, agencyId, id)) as RequestRow;
}

/** A person asks for coaching with their own goals: asking is their acceptance. */
export async function requestCoaching(db: Db, actor: Actor, input: RequestInput) {
  authorize(actor, "coaching.participate", asSelf(actor));
  const personId = actor.personId;
  if (personId === null) throw forbidden("Only staff with a person record can ask for coaching.");
  return inTransaction(db, async (trx) => {
    await checkProgram(trx, actor.agencyId, input.programId);
    await refuseSecondOpenRequest(trx, actor.agencyId, personId, "goalsText");
    const model = await modelForItems(trx, actor.agencyId, input.goalItemIds, "goalItemIds");
    const id = await insertRequest(trx, actor.agencyId, {
      programId: input.programId,
      coacheePersonId: personId,
      origin: "self",
      status: "requested",
      goalsText: input.goalsText,
      model,
      goalItemIds: input.goalItemIds,
      preferredLanguage: input.preferredLanguage,
      invitationMessage: "",
      acceptedAt: new Date().toISOString(),
      createdByUserId: actor.userId,
    });
    const after = await reloadRequest(trx, actor.agencyId, id);
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityType: "coaching_request",
        entityId: id,
        summary: `${after.coacheeName} asked for coaching`,
      },
      { after: toApi(after) },
    );
    return toApi(after);
  });
}

/** An invitation enrolls nobody: it waits for the person's own answer. */
export async function inviteToCoaching(db: Db, actor: Actor, input: InvitationInput) {
  authorize(actor, "coaching.manage", here(actor));
  return inTransaction(db, async (trx) => {
    if (!(await isPersonOfAgency(trx, actor.agencyId, input.personId)))
      throw fieldError("personId", "That person does not exist.");
    await checkProgram(trx, actor.agencyId, input.programId);
    await refuseSecondOpenRequest(trx, actor.agencyId, input.personId, "personId");
    const id = await insertRequest(trx, actor.agencyId, {
      programId: input.programId,
      coacheePersonId: input.personId,
      origin: "invitation",
      status: "invited",
      goalsText: "",
      model: null,
      goalItemIds: [],
      preferredLanguage: null,
      invitationMessage: input.message,
      acceptedAt: null,
      createdByUserId: actor.userId,
    });
    const after = await reloadRequest(trx, actor.agencyId, id);
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityType: "coaching_request",
        entityId: id,
        summary: `Invited ${after.coacheeName} to coaching`,
      },
      { after: toApi(after) },
    );
    return toApi(after);
  });
}

/** Only the invited person answers their invitation. */
async function loadOwnInvitation(db: Db, actor: Actor, id: string) {
  const request = await findRequestById(db, actor.agencyId, id);
  if (!request) throw notFound("The coaching request");
  authorize(
    actor,
    "coaching.participate",
    { agencyId: actor.agencyId, personId: request.coacheePersonId },
    "The coaching request",
  );
  if (request.status !== "invited") {
    throw new AppError("CONFLICT", "This invitation has already been answered.", { current: toApi(request) });
  }
  return request;
}

export async function acceptInvitation(db: Db, actor: Actor, id: string, input: AcceptInvitation) {
  return inTransaction(db, async (trx) => {
    const before = await loadOwnInvitation(trx, actor, id);
    const model = await modelForItems(trx, actor.agencyId, input.goalItemIds, "goalItemIds");
    if (!(await acceptRequest(trx, actor.agencyId, id, { ...input, model }, input.version)))
      throw staleVersion(toApi(before));
    const after = await reloadRequest(trx, actor.agencyId, id);
    await audit(
      trx,
      actor,
      {
        action: "update",
        entityType: "coaching_request",
        entityId: id,
        summary: `${after.coacheeName} accepted an invitation to coaching`,
      },
      { before: toApi(before), after: toApi(after) },
    );
    return toApi(after);
  });
}

export async function declineInvitation(db: Db, actor: Actor, id: string, version: number) {
  return inTransaction(db, async (trx) => {
    const before = await loadOwnInvitation(trx, actor, id);
    if (!(await declineRequest(trx, actor.agencyId, id, version))) throw staleVersion(toApi(before));
    const after = await reloadRequest(trx, actor.agencyId, id);
    await audit(
      trx,
      actor,
      {
        action: "update",
        entityType: "coaching_request",
        entityId: id,
        summary: `${after.coacheeName} declined an invitation to coaching`,
      },
      { before: toApi(before), after: toApi(after) },
    );
    return toApi(after);
  });
}

async function loadRequestToMatch(db: Db, actor: Actor, id: string) {
  const request = await findRequestById(db, actor.agencyId, id);
  if (!request) throw notFound("The coaching request");
  authorize(actor, "coaching.manage", here(actor), "The coaching request");
  return request;
}

async function matchFor(db: Db, agencyId: string, request: RequestRow): Promise<MatchResult> {
  const [found, coaches, coacheesByCoach, model] = await Promise.all([
    findPersonWithReportingLine(db, agencyId, request.coacheePersonId),
    findCoachesOfAgency(db, agencyId),
    findActiveCoacheesByCoach(db, agencyId),
    request.modelId && request.modelVersionNumber
      ? findPublishedModel(db, agencyId, request.modelId, request.modelVersionNumber)
      : findModelInUse(db, agencyId),
  ]);
  if (!found) throw notFound("The coachee");
  const candidates: MatchCoach[] = coaches.map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.coachKind,
    personId: c.personId,
    strengthItemIds: c.strengthItemIds,
    languages: c.languages,
    regionPath: c.regionPath,
    regionName: c.regionName,
    capacityCoachees: c.capacityCoachees,
    availableForNew: c.availableForNew,
    activeCoacheeIds: coacheesByCoach.get(c.id) ?? [],
  }));
  return rankCoaches(candidates, {
    personId: request.coacheePersonId,
    goalItemIds: request.goalItemIds,
    elementOfBehavior: model ? itemsOf(model).elementOfBehavior : new Map(),
    preferredLanguage: request.preferredLanguage,
    languages: found.person.languages,
    orgUnitPath: found.person.orgUnitPath,
    supervisorChainIds: found.supervisorChainIds,
    reportIds: found.reportIds,
  });
}

export async function suggestCoaches(db: Db, actor: Actor, id: string) {
  const request = await loadRequestToMatch(db, actor, id);
  return matchFor(db, actor.agencyId, request);
}

/** Rules a reason cannot override: they protect the coachee, not the roster's workload. */
const HARD_CONFLICTS = new Set(["self", "coaches-own-staff", "supervisory-authority"]);

/**
 * The coaching supervisor confirms a coach for an accepted request. Choosing anyone but the
 * top suggestion (or a coach who is full or unavailable) needs a reason, which is recorded.
 */
export async function confirmMatch(db: Db, actor: Actor, id: string, decision: MatchDecision) {
  return inTransaction(db, async (trx) => {
    const before = await loadRequestToMatch(trx, actor, id);
    if (before.status === "invited" || before.acceptedAt === null) {
      throw new AppError(
        "CONFLICT",
        `${before.coacheeName} has not accepted coaching yet; nobody is enrolled without their own acceptance.`,
        { current: toApi(before) },
      );
    }
    if (before.status !== "requested") {
      throw new AppError("CONFLICT", "This request is no longer open.", { current: toApi(before) });
    }
    const match = await matchFor(trx, actor.agencyId, before);
    const excluded = match.excluded.find((e) => e.coachId === decision.coachId);
    const ranked = match.ranked.find((r) => r.coachId === decision.coachId);
    if (!excluded && !ranked) throw fieldError("coachId", "That coach is not on the roster.");
    if (excluded && HARD_CONFLICTS.has(excluded.rule)) throw fieldError("coachId", excluded.explanation);
    const reason = decision.overrideReason?.trim() ?? "";
    const isTopChoice = match.ranked[0]?.coachId === decision.coachId;
    if (!isTopChoice && reason.length < 10) {
      throw fieldError("overrideReason", "Say in a sentence why this coach rather than the top suggestion.");
    }
    if (
      !(await markRequestMatched(
        trx,
        actor.agencyId,
        id,
        { coachId: decision.coachId, overrideReason: isTopChoice ? null : reason, decidedByUserId: actor.userId },
        decision.version,
      ))
    ) {
      throw staleVersion(toApi(before));
    }
    const goals =
      before.goalsText || before.goalItemIds.length > 0
        ? [{ id: newId(), text: before.goalsText || "Goals named in the request", itemIds: before.goalItemIds }]
        : [];
    const engagementId = await insertEngagement(trx, actor.agencyId, {
      requestId: id,
      programId: before.programId,
      coachId: decision.coachId,
      coacheePersonId: before.coacheePersonId,
      startedOn: new Date().toISOString().slice(0, 10),
      model:
        before.modelId && before.modelVersionNumber
          ? { modelId: before.modelId, versionNumber: before.modelVersionNumber }
          : null,
      goals,
    });
    const after = await reloadRequest(trx, actor.agencyId, id);
    const name = ranked?.name ?? excluded?.name ?? "";
    await audit(
      trx,
      actor,
      {
        action: "update",
        entityType: "coaching_request",
        entityId: id,
        summary: isTopChoice
          ? `Matched ${after.coacheeName} with ${name}`
          : `Matched ${after.coacheeName} with ${name} over the top suggestion: ${reason}`,
      },
      { before: toApi(before), after: toApi(after) },
    );
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityType: "coaching_engagement",
        entityId: engagementId,
        summary: `Coaching started: ${name} with ${after.coacheeName}`,
      },
      { after: { requestId: id, coachId: decision.coachId } },
    );
    return toApi(after);
  });
}
