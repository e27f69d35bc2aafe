import type { Db } from "../../db/types.js";
import { fieldError, staleVersion } from "../../server/errors.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import { type Actor, authorize } from "../access/policy.js";
import { setAccountActiveForPerson } from "../accounts/account.service.js";
import { findOrgUnitPath } from "../org/org-unit.service.js";
import { findPersonIdByEmployeeId, updateEndDate, updatePlacement } from "./employment.repo.js";
import type { EndEmployment, PersonCreate, PersonTransfer } from "./employment.schema.js";
import { findPersonById, findSupervisorChain, insertPeople } from "./person.repo.js";
import type { Person } from "./person.schema.js";
import { loadPersonFor, recordPersonChange, reloadPerson, withoutPlace } from "./person.service.js";

/**
 * Hiring, transfers and endings. A person whose employment ends stays in the records (for
 * history and retention figures); only their account stops working.
 */

async function requireUnitPath(db: Db, actor: Actor, orgUnitId: string): Promise<string> {
  const path = await findOrgUnitPath(db, actor.agencyId, orgUnitId);
  if (!path) throw fieldError("orgUnitId", "That unit does not exist.");
  authorize(actor, "people.manage", { agencyId: actor.agencyId, orgUnitPath: path });
  return path;
}

async function requireSupervisor(db: Db, actor: Actor, supervisorId: string, personId: string | null) {
  if (supervisorId === personId) throw fieldError("supervisorId", "A person cannot supervise themself.");
  const supervisor = await findPersonById(db, actor.agencyId, supervisorId);
  if (!supervisor) throw fieldError("supervisorId", "That supervisor does not exist.");
  if (!supervisor.active)
    throw fieldError("supervisorId", `${supervisor.givenName} ${supervisor.familyName} no longer works here.`);
  if (
    personId &&
    (await findSupervisorChain(db, actor.agencyId, supervisorId, 50)).some((boss) => boss.id === personId)
  ) {
    throw fieldError("supervisorId", "That would make a loop: this person is above the chosen supervisor.");
  }
}

export async function createPerson(db: Db, actor: Actor, input: PersonCreate): Promise<Person> {
  return db.transaction().execute(async (trx) => {
    await requireUnitPath(trx, actor, input.orgUnitId);
    if (input.employeeId && (await findPersonIdByEmployeeId(trx, actor.agencyId, input.employeeId))) {
      throw fieldError("employeeId", `Employee id ${input.employeeId} already belongs to someone in this agency.`);
    }
    if (input.supervisorId) await requireSupervisor(trx, actor, input.supervisorId, null);
    const id = newId();
    await insertPeople(trx, [{ id, agencyId: actor.agencyId, ...input }]);
    const created = await reloadPerson(trx, actor.agencyId, id);
    const summary = `Added ${created.givenName} ${created.familyName}`;
    await recordPersonChange(trx, actor, { action: "create", personId: id, summary, after: created });
    return created;
  });
}

export async function transferPerson(db: Db, actor: Actor, personId: string, input: PersonTransfer): Promise<Person> {
  return db.transaction().execute(async (trx) => {
    const before = await loadPersonFor(trx, actor, personId, "people.manage");
    await requireUnitPath(trx, actor, input.orgUnitId);
    if (input.supervisorId) await requireSupervisor(trx, actor, input.supervisorId, personId);
    const placement = { orgUnitId: input.orgUnitId, supervisorId: input.supervisorId };
    if (!(await updatePlacement(trx, actor.agencyId, personId, placement, input.version))) {
      throw staleVersion(withoutPlace(before));
    }
    const after = await reloadPerson(trx, actor.agencyId, personId);
    const summary = `Transferred ${after.givenName} ${after.familyName} from ${before.orgUnitName ?? "no unit"} to ${after.orgUnitName}`;
    await recordPersonChange(trx, actor, { action: "update", personId, summary, before, after });
    return after;
  });
}

/** Sets the last day of work; from then on the person is not active and cannot sign in. */
export async function endEmployment(db: Db, actor: Actor, personId: string, input: EndEmployment): Promise<Person> {
  return db.transaction().execute(async (trx) => {
    const before = await loadPersonFor(trx, actor, personId, "people.manage");
    if (before.hireDate && input.endDate < before.hireDate) {
      throw fieldError("endDate", "The end date cannot be before the hire date.");
    }
    if (!(await updateEndDate(trx, actor.agencyId, personId, input.endDate, input.version))) {
      throw staleVersion(withoutPlace(before));
    }
    // An ending already in effect closes the account now; a future one leaves it open until then.
    if (before.hasAccount && input.endDate <= nowUtc().slice(0, 10)) {
      await setAccountActiveForPerson(trx, actor.agencyId, personId, false);
    }
    const after = await reloadPerson(trx, actor.agencyId, personId);
    const summary = `Ended the employment of ${after.givenName} ${after.familyName} on ${input.endDate}`;
    await recordPersonChange(trx, actor, { action: "update", personId, summary, before, after });
    return after;
  });
}
