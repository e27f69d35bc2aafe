import type { Db } from "../../db/types.js";
import { AppError, fieldError, notFound, staleVersion } from "../../server/errors.js";
import { nowUtc } from "../../shared/time.js";
import { type Actor, authorize, canAct } from "../access/policy.js";
import { createAccount } from "../accounts/account.service.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import {
  type AgreementRow,
  findAgreementById,
  findAgreementsOfPartnerPerson,
  findHoursEntryById,
  findHoursOfAgreements,
  findPartnerOrganizationById,
  findPartnerOrganizations,
  findPartnerPeopleOfOrganization,
  findPartnerPersonById,
  type HoursRow,
  insertAgreement,
  insertHoursEntry,
  insertPartnerOrganization,
  insertPartnerPerson,
  lockAgreement,
  type PartnerOrganizationRow,
  type PartnerPersonRow,
  updateAgreement,
  updatePartnerOrganization,
  updatePartnerPerson,
} from "./partner.repo.js";
import {
  type Agreement,
  type AgreementInput,
  type AgreementUpdate,
  BUDGET_WARNING_SHARE,
  type HourActivity,
  type HoursEntry,
  type PartnerKind,
  type PartnerOrganization,
  type PartnerOrganizationInput,
  type PartnerOrganizationUpdate,
  type PartnerPersonInput,
  type PartnerPersonUpdate,
  toHours,
  toMinutes,
} from "./partner.schema.js";

/** Runs `work` in a transaction, joining the caller's when another domain already opened one. */
function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

const here = (actor: Actor) => ({ agencyId: actor.agencyId });

function audit(
  db: Db,
  actor: Actor,
  event: { action: "create" | "update"; entityType: string; entityId: string; summary: string },
  after: unknown,
  before?: unknown,
) {
  return recordAuditEvent(db, {
    agencyId: actor.agencyId,
    actorUserId: actor.userId,
    ...event,
    ...(before === undefined ? {} : { before }),
    after,
  });
}

function toOrganization(row: PartnerOrganizationRow): PartnerOrganization {
  const { retiredAt, ...rest } = row;
  return { ...rest, retired: retiredAt !== null };
}

// ── Organizations ─────────────────────────────────────────────────────────────

export async function listPartnerOrganizations(
  db: Db,
  actor: Actor,
  query: { kind?: PartnerKind | undefined; includeRetired: "true" | "false" },
) {
  authorize(actor, "partners.read", here(actor));
  const rows = await findPartnerOrganizations(db, actor.agencyId, {
    kind: query.kind,
    includeRetired: query.includeRetired === "true",
  });
  return { items: rows.map((r) => ({ ...toOrganization(r), peopleCount: r.peopleCount })) };
}

async function loadOrganization(db: Db, actor: Actor, id: string, action: "partners.read" | "partners.manage") {
  const row = await findPartnerOrganizationById(db, actor.agencyId, id);
  if (!row) throw notFound("The partner organization");
  authorize(actor, action, here(actor), "The partner organization");
  return row;
}

export async function getPartnerOrganization(db: Db, actor: Actor, id: string) {
  const row = await loadOrganization(db, actor, id, "partners.read");
  const people = await findPartnerPeopleOfOrganization(db, actor.agencyId, id);
  return { ...toOrganization(row), people };
}

export async function createPartnerOrganization(db: Db, actor: Actor, input: PartnerOrganizationInput) {
  authorize(actor, "partners.manage", here(actor));
  return inTransaction(db, async (trx) => {
    const id = await insertPartnerOrganization(trx, actor.agencyId, input);
    const after = toOrganization(
      (await findPartnerOrganizationById(trx, actor.agencyId, id)) as PartnerOrganizationRow,
    );
    await audit(
      trx,
      actor,
      { action: "create", entityType: "partner_organization", entityId: id, summary: `Added partner ${after.name}` },
      after,
    );
    return after;
  });
}

export async function editPartnerOrganization(db: Db, actor: Actor, id: string, input: PartnerOrganizationUpdate) {
  return inTransaction(db, async (trx) => {
    const beforeRow = await loadOrganization(trx, actor, id, "partners.manage");
    const before = toOrganization(beforeRow);
    const retiredAt = input.retired ? (beforeRow.retiredAt ?? nowUtc()) : null;
    if (!(await updatePartnerOrganization(trx, actor.agencyId, id, { ...input, retiredAt }, input.version))) {
      throw staleVersion(before);
    }
    const after = toOrganization(
      (await findPartnerOrganizationById(trx, actor.agencyId, id)) as PartnerOrganizationRow,
    );
    const change = before.retired === after.retired ? "Edited" : after.retired ? "Retired" : "Reopened";
    await audit(
      trx,
      actor,
      {
        action: "update",
        entityType: "partner_organization",
        entityId: id,
        summary: `${change} partner ${after.name}`,
      },
      after,
      before,
    );
    return after;
  });
}

// ── Partner people ────────────────────────────────────────────────────────────

async function loadPartnerPerson(db: Db, actor: Actor, id: string, action: "partners.read" | "partners.manage") {
  const row = await findPartnerPersonById(db, actor.agencyId, id);
  if (!row) throw notFound("The partner person");
  authorize(actor, action, here(actor), "The partner person");
  return row;
}

export async function addPartnerPerson(db: Db, actor: Actor, organizationId: string, input: PartnerPersonInput) {
  return inTransaction(db, async (trx) => {
    const organization = await loadOrganization(trx, actor, organizationId, "partners.manage");
    if (organization.retiredAt) {
      throw new AppError("VALIDATION", `${organization.name} is retired; reopen it before adding people.`);
    }
    const id = await insertPartnerPerson(trx, actor.agencyId, organizationId, input);
    const after = (await findPartnerPersonById(trx, actor.agencyId, id)) as PartnerPersonRow;
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityType: "partner_person",
        entityId: id,
        summary: `Added ${after.fullName} to ${organization.name}`,
      },
      after,
    );
    return after;
  });
}

export async function editPartnerPerson(db: Db, actor: Actor, id: string, input: PartnerPersonUpdate) {
  return inTransaction(db, async (trx) => {
    const before = await loadPartnerPerson(trx, actor, id, "partners.manage");
    if (!(await updatePartnerPerson(trx, actor.agencyId, id, input, input.version))) throw staleVersion(before);
    const after = (await findPartnerPersonById(trx, actor.agencyId, id)) as PartnerPersonRow;
    await audit(
      trx,
      actor,
      { action: "update", entityType: "partner_person", entityId: id, summary: `Edited partner ${after.fullName}` },
      after,
      before,
    );
    return after;
  });
}

/** For other domains (teams): the agency's partner person, or undefined. */
export async function findPartnerPersonOfAgency(db: Db, agencyId: string, id: string) {
  return findPartnerPersonById(db, agencyId, id);
}

/**
 * The agreement a partner person works under on a date (the latest started, when several
 * overlap), or null; for other domains that log hours automatically.
 */
export async function findActiveAgreementOn(db: Db, agencyId: string, partnerPersonId: string, date: string) {
  const agreements = await findAgreementsOfPartnerPerson(db, agencyId, partnerPersonId);
  const active = agreements.find((a) => a.startDate <= date && (a.endDate === null || a.endDate >= date));
  return active ? toAgreement(active) : null;
}

function toAgreement(row: AgreementRow): Agreement {
  const usedShare = row.budgetedMinutes > 0 ? row.loggedMinutes / row.budgetedMinutes : 1;
  return {
    id: row.id,
    partnerPersonId: row.partnerPersonId,
    kind: row.kind,
    rateCents: row.rateCents,
    rateUnit: row.rateUnit,
    budgetedHours: toHours(row.budgetedMinutes),
    loggedHours: toHours(row.loggedMinutes),
    remainingHours: toHours(row.budgetedMinutes - row.loggedMinutes),
    usedShare: Math.round(usedShare * 1000) / 1000,
    nearBudget: row.loggedMinutes >= row.budgetedMinutes * BUDGET_WARNING_SHARE,
    startDate: row.startDate,
    endDate: row.endDate,
    version: row.version,
  };
}

function toHoursEntry(row: HoursRow): HoursEntry {
  return {
    id: row.id,
    activity: row.activity,
    workDate: row.workDate,
    hours: toHours(row.minutes),
    note: row.note,
    sourceType: row.sourceType,
    loggedByName: row.loggedByName,
    createdAt: row.createdAt,
  };
}

/** A partner person, with agreements and hours only for those who may see what partners are paid. */
export async function getPartnerPerson(db: Db, actor: Actor, id: string) {
  const person = await loadPartnerPerson(db, actor, id, "partners.read");
  if (!canAct(actor, "partnerAgreements.read")) return { ...person, agreements: null };
  const agreements = await findAgreementsOfPartnerPerson(db, actor.agencyId, id);
  const hours = await findHoursOfAgreements(
    db,
    actor.agencyId,
    agreements.map((a) => a.id),
  );
  return {
    ...person,
    agreements: agreements.map((a) => ({
      ...toAgreement(a),
      hours: hours.filter((h) => h.agreementId === a.id).map(toHoursEntry),
    })),
  };
}

export async function createPartnerAccount(
  db: Db,
  actor: Actor,
  partnerPersonId: string,
  input: { email: string; password: string },
) {
  return inTransaction(db, async (trx) => {
    const person = await findPartnerPersonById(trx, actor.agencyId, partnerPersonId);
    if (!person) throw notFound("The partner person");
    authorize(actor, "partnerAccounts.create", here(actor), "The partner person");
    if (person.hasAccount)
      throw new AppError("CONFLICT", `${person.fullName} already has an account.`, { current: person });
    const account = await createAccount(trx, {
      agencyId: actor.agencyId,
      email: input.email,
      displayName: person.fullName,
      password: input.password,
      roles: ["partner_viewer"],
      partnerPersonId,
    });
    const after = { userId: account.userId, email: account.email, partnerPersonId, roles: ["partner_viewer"] };
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityType: "user",
        entityId: account.userId,
        summary: `Opened a partner viewer account for ${person.fullName}`,
      },
      after,
    );
    return after;
  });
}

// ── Agreements and hours ──────────────────────────────────────────────────────

function agreementValues(input: AgreementInput) {
  return {
    kind: input.kind,
    rateCents: input.rateCents,
    rateUnit: input.rateUnit,
    budgetedMinutes: toMinutes(input.budgetedHours),
    startDate: input.startDate,
    endDate: input.endDate,
  };
}

export async function addAgreement(db: Db, actor: Actor, partnerPersonId: string, input: AgreementInput) {
  return inTransaction(db, async (trx) => {
    const person = await loadPartnerPerson(trx, actor, partnerPersonId, "partners.manage");
    const id = await insertAgreement(trx, actor.agencyId, partnerPersonId, agreementValues(input));
    const after = toAgreement((await findAgreementById(trx, actor.agencyId, id)) as AgreementRow);
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityType: "compensation_agreement",
        entityId: id,
        summary: `Added a ${after.kind} agreement for ${person.fullName}`,
      },
      after,
    );
    return after;
  });
}

export async function editAgreement(db: Db, actor: Actor, id: string, input: AgreementUpdate) {
  return inTransaction(db, async (trx) => {
    const row = await findAgreementById(trx, actor.agencyId, id);
    if (!row) throw notFound("The agreement");
    authorize(actor, "partners.manage", here(actor), "The agreement");
    const before = toAgreement(row);
    if (!(await updateAgreement(trx, actor.agencyId, id, agreementValues(input), input.version))) {
      throw staleVersion(before);
    }
    const after = toAgreement((await findAgreementById(trx, actor.agencyId, id)) as AgreementRow);
    await audit(
      trx,
      actor,
      {
        action: "update",
        entityType: "compensation_agreement",
        entityId: id,
        summary: `Edited a ${after.kind} agreement`,
      },
      after,
      before,
    );
    return after;
  });
}

export interface PartnerHoursInput {
  agreementId: string;
  activity: HourActivity;
  workDate: string;
  hours: number;
  note?: string;
  /**
   * Logging that would take the agreement past its budgeted hours is refused unless this is
   * true: the person logging has seen the warning and means it.
   */
  overBudgetConfirmed?: boolean;
  /** Another domain that adds hours names itself and its record (e.g. a training session). */
  source?: { type: string; id: string };
}

/**
 * Logs hours worked against an agreement. Other domains (training sessions) call this to add
 * hours automatically; it joins their transaction when they have one open. The agreement's id
 * is the record: an unknown one, or another agency's, is 404.
 */
export async function logPartnerHours(db: Db, actor: Actor, input: PartnerHoursInput) {
  return inTransaction(db, async (trx) => {
    const known = await findAgreementById(trx, actor.agencyId, input.agreementId);
    if (!known) throw notFound("The agreement");
    authorize(actor, "partnerHours.log", here(actor), "The agreement");
    await lockAgreement(trx, actor.agencyId, input.agreementId);
    const agreement = (await findAgreementById(trx, actor.agencyId, input.agreementId)) as AgreementRow;
    if (input.workDate < agreement.startDate || (agreement.endDate && input.workDate > agreement.endDate)) {
      throw fieldError(
        "workDate",
        `The agreement runs ${agreement.startDate} to ${agreement.endDate ?? "open-ended"}; choose a date within it.`,
      );
    }
    const minutes = toMinutes(input.hours);
    const total = agreement.loggedMinutes + minutes;
    if (total > agreement.budgetedMinutes && !input.overBudgetConfirmed) {
      throw fieldError(
        "overBudgetConfirmed",
        `This would bring the logged hours to ${toHours(total)} of ${toHours(agreement.budgetedMinutes)} budgeted. Confirm to log hours over the budget.`,
      );
    }
    const person = (await findPartnerPersonById(trx, actor.agencyId, agreement.partnerPersonId)) as PartnerPersonRow;
    const id = await insertHoursEntry(trx, actor.agencyId, {
      agreementId: agreement.id,
      activity: input.activity,
      workDate: input.workDate,
      minutes,
      note: input.note ?? "",
      sourceType: input.source?.type ?? "manual",
      sourceId: input.source?.id ?? null,
      loggedByUserId: actor.userId,
    });
    const entry = toHoursEntry((await findHoursEntryById(trx, actor.agencyId, id)) as HoursRow);
    const after = toAgreement((await findAgreementById(trx, actor.agencyId, agreement.id)) as AgreementRow);
    const overBy = total > agreement.budgetedMinutes ? ` (over budget, confirmed)` : "";
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityType: "partner_hours",
        entityId: id,
        summary: `Logged ${entry.hours} h of ${entry.activity} for ${person.fullName}${overBy}`,
      },
      entry,
    );
    return { entry, agreement: after };
  });
}

/** What became of hours another domain logged for a partner on the agreement in force that day. */
export type HoursOnAgreementOutcome =
  | { outcome: "logged"; entry: Awaited<ReturnType<typeof logPartnerHours>>["entry"] }
  | { outcome: "no_agreement" }
  /** The agreement's own rules (its budget) refused the hours; nothing was written. */
  | { outcome: "refused"; error: AppError };

/**
 * Logs a partner's hours on the agreement in force on `workDate`, for domains that pay partners
 * for work recorded there (training sessions, coaching sessions). No agreement that day, or hours
 * the agreement refuses, is an outcome rather than an error, so the caller reports it and the work
 * it records is never lost over pay.
 */
export async function logHoursOnAgreementInForce(
  db: Db,
  actor: Actor,
  partnerPersonId: string,
  input: Omit<PartnerHoursInput, "agreementId">,
): Promise<HoursOnAgreementOutcome> {
  const agreement = await findActiveAgreementOn(db, actor.agencyId, partnerPersonId, input.workDate);
  if (!agreement) return { outcome: "no_agreement" };
  try {
    const { entry } = await logPartnerHours(db, actor, { ...input, agreementId: agreement.id });
    return { outcome: "logged", entry };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "VALIDATION") throw error;
    return { outcome: "refused", error };
  }
}
