import type { Db } from "../../db/types.js";
import { AppError, fieldError, notFound, staleVersion } from "../../server/errors.js";
import { type Actor, authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import { findOrgUnitPath } from "../org/org-unit.service.js";
import { findPartnerPersonOfAgency } from "../partners/partner.service.js";
import { isPersonOfAgency } from "../people/person.service.js";
import {
  bumpTeamVersion,
  deleteTeamMember,
  findMemberById,
  findMembership,
  findMembersOfTeam,
  findTeamById,
  findTeamsOfAgency,
  insertTeam,
  insertTeamMember,
  type TeamMemberRow,
  type TeamRow,
  updateTeam,
} from "./team.repo.js";
import type { Team, TeamInput, TeamMember, TeamMemberInput, TeamUpdate } from "./team.schema.js";

const here = (actor: Actor) => ({ agencyId: actor.agencyId });

function audit(
  db: Db,
  actor: Actor,
  event: { action: "create" | "update" | "delete"; entityType: string; entityId: string; summary: string },
  states: { before?: unknown; after?: unknown },
) {
  return recordAuditEvent(db, { agencyId: actor.agencyId, actorUserId: actor.userId, ...event, ...states });
}

function toMember(row: TeamMemberRow): TeamMember {
  return {
    id: row.id,
    kind: row.personId ? "staff" : "partner",
    personId: row.personId,
    partnerPersonId: row.partnerPersonId,
    name: row.name,
    affiliation: row.affiliation,
    role: row.role,
  };
}

const summary = (t: TeamRow) => ({ id: t.id, name: t.name, kind: t.kind });

/** The parent, the parent's parent, … up to the top. Stops at a repeat, which the writes never allow. */
export function escalationChainOf(teamId: string, teams: Map<string, Pick<TeamRow, "id" | "parentTeamId">>) {
  const chain: string[] = [];
  const seen = new Set([teamId]);
  let next = teams.get(teamId)?.parentTeamId ?? null;
  while (next && !seen.has(next)) {
    chain.push(next);
    seen.add(next);
    next = teams.get(next)?.parentTeamId ?? null;
  }
  return chain;
}

export async function listTeams(db: Db, actor: Actor): Promise<{ items: Team[] }> {
  authorize(actor, "teams.read", here(actor));
  return { items: await findTeamsOfAgency(db, actor.agencyId) };
}

async function loadTeam(db: Db, actor: Actor, id: string, action: "teams.read" | "teams.manage") {
  const team = await findTeamById(db, actor.agencyId, id);
  if (!team) throw notFound("The team");
  authorize(actor, action, here(actor), "The team");
  return team;
}

export async function getTeam(db: Db, actor: Actor, id: string) {
  const team = await loadTeam(db, actor, id, "teams.read");
  const [members, teams] = await Promise.all([
    findMembersOfTeam(db, actor.agencyId, id),
    findTeamsOfAgency(db, actor.agencyId),
  ]);
  const byId = new Map(teams.map((t) => [t.id, t]));
  return {
    ...team,
    members: members.map(toMember),
    escalationChain: escalationChainOf(id, byId).map((tid) => summary(byId.get(tid) as TeamRow)),
    childTeams: teams.filter((t) => t.parentTeamId === id).map(summary),
  };
}

async function checkReferences(db: Db, actor: Actor, input: TeamInput, selfId?: string) {
  if (input.orgUnitId && (await findOrgUnitPath(db, actor.agencyId, input.orgUnitId)) === null) {
    throw fieldError("orgUnitId", "That org unit does not exist.");
  }
  if (!input.parentTeamId) return;
  const teams = new Map((await findTeamsOfAgency(db, actor.agencyId)).map((t) => [t.id, t]));
  if (!teams.has(input.parentTeamId)) throw fieldError("parentTeamId", "That team does not exist.");
  if (selfId && (input.parentTeamId === selfId || escalationChainOf(input.parentTeamId, teams).includes(selfId))) {
    throw fieldError("parentTeamId", "A team cannot escalate to itself or to a team that escalates to it.");
  }
}

export async function createTeam(db: Db, actor: Actor, input: TeamInput) {
  authorize(actor, "teams.manage", here(actor));
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, actor, input);
    const id = await insertTeam(trx, actor.agencyId, input);
    const after = (await findTeamById(trx, actor.agencyId, id)) as TeamRow;
    await audit(
      trx,
      actor,
      { action: "create", entityType: "team", entityId: id, summary: `Created team ${after.name}` },
      { after },
    );
    return after;
  });
}

export async function editTeam(db: Db, actor: Actor, id: string, input: TeamUpdate) {
  return db.transaction().execute(async (trx) => {
    const before = await loadTeam(trx, actor, id, "teams.manage");
    await checkReferences(trx, actor, input, id);
    if (!(await updateTeam(trx, actor.agencyId, id, input, input.version))) throw staleVersion(before);
    const after = (await findTeamById(trx, actor.agencyId, id)) as TeamRow;
    await audit(
      trx,
      actor,
      { action: "update", entityType: "team", entityId: id, summary: `Edited team ${after.name}` },
      { before, after },
    );
    return after;
  });
}

export async function addTeamMember(db: Db, actor: Actor, teamId: string, input: TeamMemberInput) {
  return db.transaction().execute(async (trx) => {
    const team = await loadTeam(trx, actor, teamId, "teams.manage");
    if (input.personId && !(await isPersonOfAgency(trx, actor.agencyId, input.personId))) {
      throw fieldError("personId", "That person does not exist.");
    }
    if (input.partnerPersonId && !(await findPartnerPersonOfAgency(trx, actor.agencyId, input.partnerPersonId))) {
      throw fieldError("partnerPersonId", "That partner person does not exist.");
    }
    if (await findMembership(trx, actor.agencyId, teamId, input)) {
      throw new AppError("VALIDATION", "Some fields need attention.", {
        fieldErrors: [
          { field: input.personId ? "personId" : "partnerPersonId", message: `Already a member of ${team.name}.` },
        ],
      });
    }
    const id = await insertTeamMember(trx, actor.agencyId, { teamId, ...input });
    await bumpTeamVersion(trx, actor.agencyId, teamId);
    const member = toMember((await findMemberById(trx, actor.agencyId, teamId, id)) as TeamMemberRow);
    await audit(
      trx,
      actor,
      {
        action: "create",
        entityType: "team_member",
        entityId: id,
        summary: `Added ${member.name} to ${team.name} as ${member.role}`,
      },
      { after: { teamId, ...member } },
    );
    return member;
  });
}

export async function removeTeamMember(db: Db, actor: Actor, teamId: string, memberId: string) {
  return db.transaction().execute(async (trx) => {
    const team = await loadTeam(trx, actor, teamId, "teams.manage");
    const row = await findMemberById(trx, actor.agencyId, teamId, memberId);
    if (!row) throw notFound("The team member");
    await deleteTeamMember(trx, actor.agencyId, teamId, memberId);
    await bumpTeamVersion(trx, actor.agencyId, teamId);
    const member = toMember(row);
    await audit(
      trx,
      actor,
      {
        action: "delete",
        entityType: "team_member",
        entityId: memberId,
        summary: `Removed ${member.name} from ${team.name}`,
      },
      { before: { teamId, ...member } },
    );
    return member;
  });
}
