import type { Db } from "../../db/types.js";
import { toCount, updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type {
  AgreementInput,
  HourActivity,
  PartnerKind,
  PartnerOrganizationInput,
  PartnerPersonInput,
  PartnerRole,
  RateUnit,
} from "./partner.schema.js";

export interface PartnerOrganizationRow {
  id: string;
  kind: PartnerKind;
  name: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  notes: string;
  retiredAt: string | null;
  version: number;
}

const organizationColumns = [
  "partner_organizations.id",
  "partner_organizations.kind",
  "partner_organizations.name",
  "partner_organizations.contact_name",
  "partner_organizations.contact_email",
  "partner_organizations.contact_phone",
  "partner_organizations.notes",
  "partner_organizations.retired_at",
  "partner_organizations.version",
] as const;

function toOrganizationRow(r: {
  id: string;
  kind: string;
  name: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  notes: string;
  retired_at: string | null;
  version: number;
}): PartnerOrganizationRow {
  return {
    id: r.id,
    kind: r.kind as PartnerKind,
    name: r.name,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    notes: r.notes,
    retiredAt: r.retired_at,
    version: r.version,
  };
}

export async function findPartnerOrganizations(
  db: Db,
  agencyId: string,
  filter: { kind?: PartnerKind | undefined; includeRetired: boolean },
) {
  let query = db
    .selectFrom("partner_organizations")
    .select(organizationColumns)
    .select((eb) =>
      eb
        .selectFrom("partner_people")
        .select((c) => c.fn.countAll().as("n"))
        .whereRef("partner_people.partner_organization_id", "=", "partner_organizations.id")
        .whereRef("partner_people.agency_id", "=", "partner_organizations.agency_id")
        .as("people_count"),
    )
    .where("partner_organizations.agency_id", "=", agencyId);
  if (filter.kind) query = query.where("partner_organizations.kind", "=", filter.kind);
  if (!filter.includeRetired) query = query.where("partner_organizations.retired_at", "is", null);
  const rows = await query.orderBy("partner_organizations.name").orderBy("partner_organizations.id").execute();
  return rows.map((r) => ({ ...toOrganizationRow(r), peopleCount: toCount(r.people_count) }));
}

export async function findPartnerOrganizationById(db: Db, agencyId: string, id: string) {
  const row = await db
    .selectFrom("partner_organizations")
    .select(organizationColumns)
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toOrganizationRow(row);
}

export async function insertPartnerOrganization(db: Db, agencyId: string, input: PartnerOrganizationInput) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("partner_organizations")
    .values({
      id,
      agency_id: agencyId,
      kind: input.kind,
      name: input.name,
      contact_name: input.contactName,
      contact_email: input.contactEmail,
      contact_phone: input.contactPhone,
      notes: input.notes,
      retired_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

/** Returns false when the version is stale. */
export async function updatePartnerOrganization(
  db: Db,
  agencyId: string,
  id: string,
  input: PartnerOrganizationInput & { retiredAt: string | null },
  version: number,
) {
  const result = await db
    .updateTable("partner_organizations")
    .set({
      kind: input.kind,
      name: input.name,
      contact_name: input.contactName,
      contact_email: input.contactEmail,
      contact_phone: input.contactPhone,
      notes: input.notes,
      retired_at: input.retiredAt,
      updated_at: nowUtc(),
      version: version + 1,
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export interface PartnerPersonRow {
  id: string;
  partnerOrganizationId: string;
  partnerOrganizationName: string;
  partnerOrganizationKind: PartnerKind;
  fullName: string;
  email: string | null;
  phone: string | null;
  languages: string[];
  roles: PartnerRole[];
  hasAccount: boolean;
  version: number;
}

function partnerPeopleQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("partner_people")
    .innerJoin("partner_organizations", (j) =>
      j
        .onRef("partner_organizations.id", "=", "partner_people.partner_organization_id")
        .onRef("partner_organizations.agency_id", "=", "partner_people.agency_id"),
    )
    .leftJoin("users", (j) =>
      j
        .onRef("users.partner_person_id", "=", "partner_people.id")
        .onRef("users.agency_id", "=", "partner_people.agency_id"),
    )
    .select([
      "partner_people.id",
      "partner_people.partner_organization_id",
      "partner_organizations.name as organization_name",
      "partner_organizations.kind as organization_kind",
      "partner_people.full_name",
      "partner_people.email",
      "partner_people.phone",
      "partner_people.languages",
      "partner_people.roles",
      "users.id as user_id",
      "partner_people.version",
    ])
    .where("partner_people.agency_id", "=", agencyId);
}

type PartnerPersonSelection = Awaited<ReturnType<ReturnType<typeof partnerPeopleQuery>["executeTakeFirstOrThrow"]>>;

function toPartnerPersonRow(r: PartnerPersonSelection): PartnerPersonRow {
  return {
    id: r.id,
    partnerOrganizationId: r.partner_organization_id,
    partnerOrganizationName: r.organization_name,
    partnerOrganizationKind: r.organization_kind as PartnerKind,
    fullName: r.full_name,
    email: r.email,
    phone: r.phone,
    languages: JSON.parse(r.languages) as string[],
    roles: JSON.parse(r.roles) as PartnerRole[],
    hasAccount: r.user_id !== null,
    version: r.version,
  };
}

export async function findPartnerPeopleOfOrganization(db: Db, agencyId: string, organizationId: string) {
  const rows = await partnerPeopleQuery(db, agencyId)
    .where("partner_people.partner_organization_id", "=", organizationId)
    .orderBy("partner_people.full_name")
    .orderBy("partner_people.id")
    .execute();
  return rows.map(toPartnerPersonRow);
}

export async function findPartnerPersonById(db: Db, agencyId: string, id: string) {
  const row = await partnerPeopleQuery(db, agencyId).where("partner_people.id", "=", id).executeTakeFirst();
  return row && toPartnerPersonRow(row);
}

export async function insertPartnerPerson(
  db: Db,
  agencyId: string,
  organizationId: string,
  input: PartnerPersonInput,
): Promise<string> {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("partner_people")
    .values({
      id,
      agency_id: agencyId,
      partner_organization_id: organizationId,
      full_name: input.fullName,
      email: input.email,
      phone: input.phone,
      languages: JSON.stringify(input.languages),
      roles: JSON.stringify(input.roles),
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

export async function updatePartnerPerson(
  db: Db,
  agencyId: string,
  id: string,
  input: PartnerPersonInput,
  version: number,
) {
  const result = await db
    .updateTable("partner_people")
    .set({
      full_name: input.fullName,
      email: input.email,
      phone: input.phone,
      languages: JSON.stringify(input.languages),
      roles: JSON.stringify(input.roles),
      updated_at: nowUtc(),
      version: version + 1,
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

export interface AgreementRow {
  id: string;
  partnerPersonId: string;
  kind: AgreementInput["kind"];
  rateCents: number;
  rateUnit: RateUnit;
  budgetedMinutes: number;
  loggedMinutes: number;
  startDate: string;
  endDate: string | null;
  version: number;
}

function agreementsQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("compensation_agreements as a")
    .select([
      "a.id",
      "a.partner_person_id",
      "a.kind",
      "a.rate_cents",
      "a.rate_unit",
      "a.budgeted_minutes",
      "a.start_date",
      "a.end_date",
      "a.version",
    ])
    .select((eb) =>
      eb
        .selectFrom("partner_hours as h")
        .select((c) => c.fn.coalesce(c.fn.sum<number>("h.minutes"), c.lit(0)).as("m"))
        .whereRef("h.agreement_id", "=", "a.id")
        .whereRef("h.agency_id", "=", "a.agency_id")
        .as("logged_minutes"),
    )
    .where("a.agency_id", "=", agencyId);
}

type AgreementSelection = Awaited<ReturnType<ReturnType<typeof agreementsQuery>["executeTakeFirstOrThrow"]>>;

function toAgreementRow(r: AgreementSelection): AgreementRow {
  return {
    id: r.id,
    partnerPersonId: r.partner_person_id,
    kind: r.kind as AgreementRow["kind"],
    rateCents: r.rate_cents,
    rateUnit: r.rate_unit as RateUnit,
    budgetedMinutes: r.budgeted_minutes,
    loggedMinutes: toCount(r.logged_minutes),
    startDate: r.start_date,
    endDate: r.end_date,
    version: r.version,
  };
}

export async function findAgreementsOfPartnerPerson(db: Db, agencyId: string, partnerPersonId: string) {
  const rows = await agreementsQuery(db, agencyId)
    .where("a.partner_person_id", "=", partnerPersonId)
    .orderBy("a.start_date", "desc")
    .orderBy("a.id")
    .execute();
  return rows.map(toAgreementRow);
}

export async function findAgreementById(db: Db, agencyId: string, id: string) {
  const row = await agreementsQuery(db, agencyId).where("a.id", "=", id).executeTakeFirst();
  return row && toAgreementRow(row);
}

export interface AgreementValues {
  kind: AgreementInput["kind"];
  rateCents: number;
  rateUnit: RateUnit;
  budgetedMinutes: number;
  startDate: string;
  endDate: string | null;
}

export async function insertAgreement(db: Db, agencyId: string, partnerPersonId: string, values: AgreementValues) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("compensation_agreements")
    .values({
      id,
      agency_id: agencyId,
      partner_person_id: partnerPersonId,
      kind: values.kind,
      rate_cents: values.rateCents,
      rate_unit: values.rateUnit,
      budgeted_minutes: values.budgetedMinutes,
      start_date: values.startDate,
      end_date: values.endDate,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

export async function updateAgreement(db: Db, agencyId: string, id: string, values: AgreementValues, version: number) {
  const result = await db
    .updateTable("compensation_agreements")
    .set({
      kind: values.kind,
      rate_cents: values.rateCents,
      rate_unit: values.rateUnit,
      budgeted_minutes: values.budgetedMinutes,
      start_date: values.startDate,
      end_date: values.endDate,
      updated_at: nowUtc(),
      version: version + 1,
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

/**
 * Takes the agreement's row lock (PostgreSQL) before hours are summed, so two people logging at
 * once cannot both fit under the budget; SQLite already serializes writers.
 */
export async function lockAgreement(db: Db, agencyId: string, id: string): Promise<void> {
  await db
    .updateTable("compensation_agreements")
    .set((eb) => ({ version: eb.ref("version") }))
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .execute();
}

export interface HoursRow {
  id: string;
  agreementId: string;
  activity: HourActivity;
  workDate: string;
  minutes: number;
  note: string;
  sourceType: string;
  sourceId: string | null;
  loggedByName: string | null;
  createdAt: string;
}

function hoursQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("partner_hours as h")
    .leftJoin("users as u", (j) => j.onRef("u.id", "=", "h.logged_by_user_id").onRef("u.agency_id", "=", "h.agency_id"))
    .select([
      "h.id",
      "h.agreement_id",
      "h.activity",
      "h.work_date",
      "h.minutes",
      "h.note",
      "h.source_type",
      "h.source_id",
      "u.display_name",
      "h.created_at",
    ])
    .where("h.agency_id", "=", agencyId);
}

type HoursSelection = Awaited<ReturnType<ReturnType<typeof hoursQuery>["executeTakeFirstOrThrow"]>>;

function toHoursRow(r: HoursSelection): HoursRow {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    activity: r.activity as HourActivity,
    workDate: r.work_date,
    minutes: r.minutes,
    note: r.note,
    sourceType: r.source_type,
    sourceId: r.source_id,
    loggedByName: r.display_name,
    createdAt: r.created_at,
  };
}

export async function findHoursOfAgreements(db: Db, agencyId: string, agreementIds: string[]) {
  if (agreementIds.length === 0) return [];
  const rows = await hoursQuery(db, agencyId)
    .where("h.agreement_id", "in", agreementIds)
    .orderBy("h.work_date", "desc")
    .orderBy("h.created_at", "desc")
    .execute();
  return rows.map(toHoursRow);
}

export async function findHoursEntryById(db: Db, agencyId: string, id: string) {
  const row = await hoursQuery(db, agencyId).where("h.id", "=", id).executeTakeFirst();
  return row && toHoursRow(row);
}

export async function insertHoursEntry(
  db: Db,
  agencyId: string,
  entry: {
    agreementId: string;
    activity: HourActivity;
    workDate: string;
    minutes: number;
    note: string;
    sourceType: string;
    sourceId: string | null;
    loggedByUserId: string | null;
  },
) {
  const id = newId();
  await db
    .insertInto("partner_hours")
    .values({
      id,
      agency_id: agencyId,
      agreement_id: entry.agreementId,
      activity: entry.activity,
      work_date: entry.workDate,
      minutes: entry.minutes,
      note: entry.note,
      source_type: entry.sourceType,
      source_id: entry.sourceId,
      logged_by_user_id: entry.loggedByUserId,
      created_at: nowUtc(),
    })
    .execute();
  return id;
}
