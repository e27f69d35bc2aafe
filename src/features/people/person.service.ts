import type { Db } from "../../db/types.js";
import { AppError, fieldError, notFound, staleVersion } from "../../server/errors.js";
import { type Actor, authorize, scopeFilterFor } from "../access/policy.js";
import { setAccountActiveForPerson } from "../accounts/account.service.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import { findOrgUnitPath } from "../org/org-unit.service.js";
import {
  countActivePeopleByLevel,
  findDirectReports,
  findPeople,
  findPersonById,
  findReportIdsBelow,
  findSupervisorChain,
  type PersonWithPlace,
  updatePerson,
} from "./person.repo.js";
import type { PeopleQuery, Person, PersonUpdate } from "./person.schema.js";

const REPORTING_LINE_LIMIT = 20;

/** A person as the API shows them: the org-unit path is for authorization only. */
export function withoutPlace({ orgUnitPath: _path, ...person }: PersonWithPlace): Person {
  return person;
}

/** Whether a staff person belongs to the agency, for other domains that refer to people. */
export async function isPersonOfAgency(db: Db, agencyId: string, personId: string): Promise<boolean> {
  return (await findPersonById(db, agencyId, personId)) !== undefined;
}

/** Reads a person fresh (after a change in the same transaction), in the API's shape. */
export async function reloadPerson(db: Db, agencyId: string, personId: string): Promise<Person> {
  return withoutPlace((await findPersonById(db, agencyId, personId)) as PersonWithPlace);
}

/** Audits a change to a person record, in the caller's transaction. */
export function recordPersonChange(
  db: Db,
  actor: Actor,
  change: { action: "create" | "update"; personId: string; summary: string; before?: PersonWithPlace; after: Person },
) {
  return recordAuditEvent(db, {
    agencyId: actor.agencyId,
    actorUserId: actor.userId,
    action: change.action,
    entityType: "person",
    entityId: change.personId,
    summary: change.summary,
    ...(change.before ? { before: withoutPlace(change.before) } : {}),
    after: change.after,
  });
}

function summary(p: PersonWithPlace) {
  return {
    id: p.id,
    givenName: p.givenName,
    familyName: p.familyName,
    jobRole: p.jobRole,
    level: p.level,
    orgUnitName: p.orgUnitName,
  };
}

export async function listPeople(db: Db, actor: Actor, query: PeopleQuery) {
  const scope = scopeFilterFor(actor, "people.read");
  let unitPath: string | null = null;
  if (query.orgUnitId) {
    unitPath = await findOrgUnitPath(db, actor.agencyId, query.orgUnitId);
    if (!unitPath) throw fieldError("orgUnitId", "That org unit does not exist.");
  }
  const { items, total } = await findPeople(db, scope, query, unitPath);
  return { items: items.map(withoutPlace), total, page: query.page, pageSize: query.pageSize };
}

export async function loadPersonFor(db: Db, actor: Actor, personId: string, action: "people.read" | "people.manage") {
  const person = await findPersonById(db, actor.agencyId, personId);
  if (!person) throw notFound("The person");
  authorize(
    actor,
    action,
    { agencyId: actor.agencyId, orgUnitPath: person.orgUnitPath, personId: person.id },
    "The person",
  );
  return person;
}

export async function getPersonDetail(db: Db, actor: Actor, personId: string) {
  const person = await loadPersonFor(db, actor, personId, "people.read");
  const [chain, directReports] = await Promise.all([
    findSupervisorChain(db, actor.agencyId, person.id, REPORTING_LINE_LIMIT),
    findDirectReports(db, actor.agencyId, person.id),
  ]);
  // A cycle in the data (A reports to B, B to A) ends the line where it would start repeating.
  const reportingLine: PersonWithPlace[] = [];
  const seen = new Set([person.id]);
  for (const boss of chain) {
    if (seen.has(boss.id)) break;
    reportingLine.push(boss);
    seen.add(boss.id);
  }
  return {
    ...withoutPlace(person),
    reportingLine: reportingLine.map(summary),
    directReports: directReports.map(summary),
  };
}

export async function editPerson(db: Db, actor: Actor, personId: string, update: PersonUpdate): Promise<Person> {
  if (update.hireDate && update.endDate && update.endDate < update.hireDate) {
    throw fieldError("endDate", "The end date cannot be before the hire date.");
  }
  return db.transaction().execute(async (trx) => {
    const before = await loadPersonFor(trx, actor, personId, "people.manage");
    if (!(await updatePerson(trx, actor.agencyId, personId, update))) throw staleVersion(withoutPlace(before));
    const after = await reloadPerson(trx, actor.agencyId, personId);
    const summary = `Edited ${after.givenName} ${after.familyName}`;
    await recordPersonChange(trx, actor, { action: "update", personId, summary, before, after });
    return after;
  });
}

/** Deactivating a person's account ends every session they have, at once. */
export async function setPersonAccountActive(db: Db, actor: Actor, personId: string, active: boolean): Promise<Person> {
  return db.transaction().execute(async (trx) => {
    const person = await loadPersonFor(trx, actor, personId, "people.manage");
    if (!person.hasAccount) throw new AppError("VALIDATION", "This person has no account to change.");
    if (!active && person.id === actor.personId) {
      throw new AppError("VALIDATION", "You cannot deactivate your own account.");
    }
    const userId = await setAccountActiveForPerson(trx, actor.agencyId, personId, active);
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "account",
      entityId: userId ?? personId,
      summary: `${active ? "Reactivated" : "Deactivated"} the account of ${person.givenName} ${person.familyName}`,
      before: { active: person.accountActive },
      after: { active },
    });
    return reloadPerson(trx, actor.agencyId, personId);
  });
}

/**
 * For other domains that reason about reporting lines (coaching's conflict rules): a person with
 * their place, the people above them and everyone below them. No actor: the caller has already
 * decided who may see its own records.
 */
export async function findPersonWithReportingLine(db: Db, agencyId: string, personId: string) {
  const person = await findPersonById(db, agencyId, personId);
  if (!person) return null;
  const [supervisorChainIds, reportIds] = await Promise.all([
    findSupervisorLineIds(db, agencyId, personId),
    findReportIdsBelow(db, agencyId, personId, REPORTING_LINE_LIMIT),
  ]);
  return { person, supervisorChainIds, reportIds: reportIds.filter((id) => id !== personId) };
}

/** A staff person of the agency with their org-unit path, or undefined. */
export async function findPersonOfAgency(db: Db, agencyId: string, personId: string) {
  return findPersonById(db, agencyId, personId);
}

/** Staff on the payroll today, counted by level, for coverage views. */
export async function countStaffByLevel(db: Db, agencyId: string) {
  return countActivePeopleByLevel(db, agencyId);
}

/** The ids of a person's supervisor, their supervisor, and so on up (stops at a cycle), for other domains' "supervisor line" rules. */
export async function findSupervisorLineIds(db: Db, agencyId: string, personId: string): Promise<string[]> {
  const chain = await findSupervisorChain(db, agencyId, personId, REPORTING_LINE_LIMIT);
  const ids: string[] = [];
  for (const boss of chain) {
    if (boss.id === personId || ids.includes(boss.id)) break;
    ids.push(boss.id);
  }
  return ids;
}
