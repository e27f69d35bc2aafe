import type { Db } from "../../db/types.js";
import { type Actor, canAct } from "../access/policy.js";
import type { Role } from "../access/roles.js";
import { findAccountDisplayName } from "../accounts/account.service.js";
import { getOwnAgency } from "../agencies/agency.service.js";
import { getOrgTree } from "../org/org-unit.service.js";
import { listPeople } from "../people/person.service.js";
import { findOpenNudgeForHome } from "../training/nudge.service.js";
import { countSurveysWaitingForHome } from "../training/survey.service.js";
import type { Home } from "./home.schema.js";

const FOCUS_ORDER: [Role, Home["focus"]][] = [
  ["admin", "admin"],
  ["implementation_lead", "implementation"],
  ["training_coordinator", "implementation"],
  ["coaching_supervisor", "implementation"],
  ["executive", "leader"],
  ["manager", "leader"],
  ["supervisor", "supervisor"],
  ["partner_viewer", "partner"],
];

function focusOf(roles: Role[]): Home["focus"] {
  return FOCUS_ORDER.find(([role]) => roles.includes(role))?.[1] ?? "staff";
}

export async function getHome(db: Db, actor: Actor): Promise<Home> {
  const [agency, displayName, trainingNudge, trainingSurveysWaiting] = await Promise.all([
    getOwnAgency(db, actor),
    findAccountDisplayName(db, actor.agencyId, actor.userId),
    findOpenNudgeForHome(db, actor),
    countSurveysWaitingForHome(db, actor),
  ]);
  const seesOrg = canAct(actor, "orgUnits.read");
  const tree = seesOrg ? await getOrgTree(db, actor) : [];
  const people = canAct(actor, "people.read")
    ? await listPeople(db, actor, { active: "true", sort: "name", direction: "asc", page: 1, pageSize: 1 })
    : null;
  const ownUnit = actor.orgUnitPath ? tree.find((u) => actor.orgUnitPath?.endsWith(`/${u.id}/`)) : undefined;
  return {
    displayName: displayName ?? "",
    agencyName: agency.name,
    focus: focusOf(actor.roles),
    peopleInScope: people?.total ?? null,
    unitsInAgency: seesOrg ? tree.filter((u) => u.kind === "unit" && !u.retired).length : null,
    ownUnitName: ownUnit?.name ?? null,
    trainingNudge,
    trainingSurveysWaiting,
  };
}
