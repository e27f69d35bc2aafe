import type { Db } from "../../db/types.js";
import { toCount, updatedOneRow } from "../../db/types.js";
import { newId } from "../../shared/ids.js";
import { nowUtc } from "../../shared/time.js";
import type { TeamInput, TeamKind, TeamMemberRole } from "./team.schema.js";

export interface TeamRow {
  id: string;
  name: string;
  kind: TeamKind;
  orgUnitId: string | null;
  orgUnitName: string | null;
  parentTeamId: string | null;
  memberCount: number;
  version: number;
}

function teamsQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("teams as t")
    .leftJoin("org_units as u", (j) => j.onRef("u.id", "=", "t.org_unit_id").onRef("u.agency_id", "=", "t.agency_id"))
    .select(["t.id", "t.name", "t.kind", "t.org_unit_id", "u.name as org_unit_name", "t.parent_team_id", "t.version"])
    .select((eb) =>
      eb
        .selectFrom("team_members as m")
        .select((c) => c.fn.countAll().as("n"))
        .whereRef("m.team_id", "=", "t.id")
        .whereRef("m.agency_id", "=", "t.agency_id")
        .as("member_count"),
    )
    .where("t.agency_id", "=", agencyId);
}

type TeamSelection = Awaited<ReturnType<ReturnType<typeof teamsQuery>["executeTakeFirstOrThrow"]>>;

function toTeamRow(r: TeamSelection): TeamRow {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as TeamKind,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    parentTeamId: r.parent_team_id,
    memberCount: toCount(r.member_count),
    version: r.version,
  };
}

/** Every team of the agency: teams are few, so escalation chains and cycles are worked out in memory. */
export async function findTeamsOfAgency(db: Db, agencyId: string) {
  const rows = await teamsQuery(db, agencyId).orderBy("t.name").orderBy("t.id").execute();
  return rows.map(toTeamRow);
}

export async function findTeamById(db: Db, agencyId: string, id: string) {
  const row = await teamsQuery(db, agencyId).where("t.id", "=", id).executeTakeFirst();
  return row && toTeamRow(row);
}

export async function insertTeam(db: Db, agencyId: string, input: TeamInput) {
  const id = newId();
  const now = nowUtc();
  await db
    .insertInto("teams")
    .values({
      id,
      agency_id: agencyId,
      name: input.name,
      kind: input.kind,
      org_unit_id: input.orgUnitId,
      parent_team_id: input.parentTeamId,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

export async function updateTeam(db: Db, agencyId: string, id: string, input: TeamInput, version: number) {
  const result = await db
    .updateTable("teams")
    .set({
      name: input.name,
      kind: input.kind,
      org_unit_id: input.orgUnitId,
      parent_team_id: input.parentTeamId,
      updated_at: nowUtc(),
      version: version + 1,
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return updatedOneRow(result);
}

/** Adding or removing a member changes the team: its version moves so open edit forms see it. */
export async function bumpTeamVersion(db: Db, agencyId: string, id: string) {
  await db
    .updateTable("teams")
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: nowUtc() }))
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .execute();
}

export interface TeamMemberRow {
  id: string;
  teamId: string;
  personId: string | null;
  partnerPersonId: string | null;
  name: string;
  affiliation: string | null;
  role: TeamMemberRole;
}

function membersQuery(db: Db, agencyId: string) {
  return db
    .selectFrom("team_members as m")
    .leftJoin("people as p", (j) => j.onRef("p.id", "=", "m.person_id").onRef("p.agency_id", "=", "m.agency_id"))
    .leftJoin("partner_people as pp", (j) =>
      j.onRef("pp.id", "=", "m.partner_person_id").onRef("pp.agency_id", "=", "m.agency_id"),
    )
    .leftJoin("partner_organizations as po", (j) =>
      j.onRef("po.id", "=", "pp.partner_organization_id").onRef("po.agency_id", "=", "pp.agency_id"),
    )
    .select([
      "m.id",
      "m.team_id",
      "m.person_id",
      "m.partner_person_id",
      "m.role",
      "p.given_name",
      "p.family_name",
      "p.job_role",
      "pp.full_name",
      "po.name as organization_name",
    ])
    .where("m.agency_id", "=", agencyId);
}

type MemberSelection = Awaited<ReturnType<ReturnType<typeof membersQuery>["executeTakeFirstOrThrow"]>>;

function toMemberRow(r: MemberSelection): TeamMemberRow {
  const staffName = r.given_name !== null ? `${r.given_name} ${r.family_name ?? ""}`.trim() : null;
  return {
    id: r.id,
    teamId: r.team_id,
    personId: r.person_id,
    partnerPersonId: r.partner_person_id,
    name: staffName ?? r.full_name ?? "",
    affiliation: r.person_id ? r.job_role : r.organization_name,
    role: r.role as TeamMemberRole,
  };
}

export async function findMembersOfTeam(db: Db, agencyId: string, teamId: string) {
  const rows = await membersQuery(db, agencyId).where("m.team_id", "=", teamId).orderBy("m.created_at").execute();
  const members = rows.map(toMemberRow);
  // Chairs first, then everyone by name; done here so both databases order text the same way.
  const rank = (role: TeamMemberRole) => ["chair", "co_chair", "coordinator"].indexOf(role) >>> 0;
  return members.sort((a, b) => rank(a.role) - rank(b.role) || a.name.localeCompare(b.name));
}

export async function findMemberById(db: Db, agencyId: string, teamId: string, memberId: string) {
  const row = await membersQuery(db, agencyId)
    .where("m.team_id", "=", teamId)
    .where("m.id", "=", memberId)
    .executeTakeFirst();
  return row && toMemberRow(row);
}

export async function findMembership(
  db: Db,
  agencyId: string,
  teamId: string,
  who: { personId: string | null; partnerPersonId: string | null },
) {
  let query = db
    .selectFrom("team_members")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("team_id", "=", teamId);
  query = who.personId
    ? query.where("person_id", "=", who.personId)
    : query.where("partner_person_id", "=", who.partnerPersonId);
  return (await query.executeTakeFirst())?.id;
}

export async function insertTeamMember(
  db: Db,
  agencyId: string,
  member: { teamId: string; personId: string | null; partnerPersonId: string | null; role: TeamMemberRole },
) {
  const id = newId();
  await db
    .insertInto("team_members")
    .values({
      id,
      agency_id: agencyId,
      team_id: member.teamId,
      person_id: member.personId,
      partner_person_id: member.partnerPersonId,
      role: member.role,
      created_at: nowUtc(),
    })
    .execute();
  return id;
}

export async function deleteTeamMember(db: Db, agencyId: string, teamId: string, memberId: string) {
  await db
    .deleteFrom("team_members")
    .where("agency_id", "=", agencyId)
    .where("team_id", "=", teamId)
    .where("id", "=", memberId)
    .execute();
}
