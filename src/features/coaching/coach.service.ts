import type { Db } from "../../db/types.js";
import { fieldError, notFound, staleVersion } from "../../server/errors.js";
import { type Actor, authorize } from "../access/policy.js";
import { findModelInUse, type PublishedModel } from "../model/model.service.js";
import { findOrgUnitPath } from "../org/org-unit.service.js";
import { findPartnerPersonOfAgency } from "../partners/partner.service.js";
import { isPersonOfAgency } from "../people/person.service.js";
import {
  type CoachRow,
  findCoachById,
  findCoachByPeople,
  findCoachesOfAgency,
  insertCoach,
  updateCoach,
} from "./coach.repo.js";
import type { CoachInput, CoachUpdate, StrengthGroup } from "./coaching.schema.js";
import { asSelf, audit, here, inTransaction, modelForItems } from "./coaching-access.js";

/** The API's coach: the region's path is for matching only. */
function withoutPath({ regionPath: _path, ...coach }: CoachRow) {
  return coach;
}

function strengthGroupsOf(model: PublishedModel | null): StrengthGroup[] {
  if (!model) return [];
  return [
    ...model.content.elements.map((element) => ({
      label: `${element.code} ${element.name}`,
      elementId: element.id,
      behaviors: element.behaviors.map((b) => ({ id: b.id, label: `${b.code} ${b.shortName}` })),
    })),
    ...model.content.leadership.map((commitment) => ({
      label: commitment.name,
      elementId: null,
      behaviors: commitment.behaviors.map((b) => ({ id: b.id, label: `${b.code} ${b.name}` })),
    })),
  ];
}

/** The roster, with the practice model's items that strengths are chosen from. */
export async function listCoaches(db: Db, actor: Actor) {
  authorize(actor, "coaching.participate", asSelf(actor));
  const [coaches, model] = await Promise.all([
    findCoachesOfAgency(db, actor.agencyId),
    findModelInUse(db, actor.agencyId),
  ]);
  return { items: coaches.map(withoutPath), strengthGroups: strengthGroupsOf(model) };
}

async function checkCoach(db: Db, actor: Actor, input: CoachInput, selfId?: string) {
  if (input.personId && !(await isPersonOfAgency(db, actor.agencyId, input.personId))) {
    throw fieldError("personId", "That person does not exist.");
  }
  if (input.partnerPersonId && !(await findPartnerPersonOfAgency(db, actor.agencyId, input.partnerPersonId))) {
    throw fieldError("partnerPersonId", "That partner person does not exist.");
  }
  const existing = await findCoachByPeople(db, actor.agencyId, input);
  if (existing && existing !== selfId) {
    throw fieldError(input.personId ? "personId" : "partnerPersonId", "This person is already on the coach roster.");
  }
  if (input.regionOrgUnitId && (await findOrgUnitPath(db, actor.agencyId, input.regionOrgUnitId)) === null) {
    throw fieldError("regionOrgUnitId", "That org unit does not exist.");
  }
  if (input.mentorCoachId) {
    if (input.mentorCoachId === selfId) throw fieldError("mentorCoachId", "A coach cannot mentor themself.");
    if (!(await findCoachById(db, actor.agencyId, input.mentorCoachId))) {
      throw fieldError("mentorCoachId", "That coach does not exist.");
    }
  }
  return modelForItems(db, actor.agencyId, input.strengthItemIds, "strengthItemIds");
}

export async function createCoach(db: Db, actor: Actor, input: CoachInput) {
  authorize(actor, "coaching.manage", here(actor));
  return inTransaction(db, async (trx) => {
    const model = await checkCoach(trx, actor, input);
    const id = await insertCoach(trx, actor.agencyId, input, model);
    const after = withoutPath((await findCoachById(trx, actor.agencyId, id)) as CoachRow);
    await audit(
      trx,
      actor,
      { action: "create", entityType: "coach", entityId: id, summary: `Added ${after.name} to the coach roster` },
      { after },
    );
    return after;
  });
}

export async function editCoach(db: Db, actor: Actor, id: string, input: CoachUpdate) {
  return inTransaction(db, async (trx) => {
    const row = await findCoachById(trx, actor.agencyId, id);
    if (!row) throw notFound("The coach");
    authorize(actor, "coaching.manage", here(actor), "The coach");
    const before = withoutPath(row);
    const model = await checkCoach(trx, actor, input, id);
    if (!(await updateCoach(trx, actor.agencyId, id, input, model, input.version))) throw staleVersion(before);
    const after = withoutPath((await findCoachById(trx, actor.agencyId, id)) as CoachRow);
    await audit(
      trx,
      actor,
      { action: "update", entityType: "coach", entityId: id, summary: `Edited coach ${after.name}` },
      { before, after },
    );
    return after;
  });
}
