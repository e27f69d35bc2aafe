import { DateTime } from "luxon";
import type { Db } from "../../db/types.js";
import { type Actor, authorize } from "../access/policy.js";
import { COACHING_FOLLOW_UP_DAYS } from "../agencies/agency.schema.js";
import { findAgencySettings } from "../agencies/agency.service.js";
import { getOrgTree } from "../org/org-unit.service.js";
import { findUnitTrainingEnds } from "../training/trained-since.service.js";
import type { TrainingFollowUp } from "./coaching.schema.js";
import { here } from "./coaching-access.js";
import { findEarliestEngagementStartByCoacheeUnit } from "./engagement.repo.js";
import { unitsNeedingCoachingFollowUp } from "./training-follow-up.js";

/** Each unit with itself and every unit below it, since a coachee placed in a sub-unit belongs to the trained unit too. */
function unitsWithDescendants(tree: { id: string; parentId: string | null }[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const unit of tree) {
    if (unit.parentId === null) continue;
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const below = new Map<string, string[]>();
  for (const unit of tree) {
    const reached: string[] = [];
    const queue = [unit.id];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      if (reached.includes(id)) continue;
      reached.push(id);
      queue.push(...(children.get(id) ?? []));
    }
    below.set(unit.id, reached);
  }
  return below;
}

/**
 * Trained units still waiting for coaching: training ended by the rollout plans more than
 * `requestedDays` ago, or the agency's own setting when none is asked for (today counted in the
 * agency's time zone), and nobody in the unit has a coaching engagement yet.
 */
export async function getTrainingFollowUp(
  db: Db,
  actor: Actor,
  requestedDays: number | undefined,
): Promise<TrainingFollowUp> {
  authorize(actor, "coaching.followUp.read", here(actor));
  const [settings, tree, trainingEnds, coachingStarts] = await Promise.all([
    findAgencySettings(db, actor.agencyId),
    getOrgTree(db, actor),
    findUnitTrainingEnds(db, actor.agencyId),
    findEarliestEngagementStartByCoacheeUnit(db, actor.agencyId),
  ]);
  const thresholdDays = requestedDays ?? settings?.coachingFollowUpDays ?? COACHING_FOLLOW_UP_DAYS.default;
  const today = DateTime.now()
    .setZone(settings?.timeZone ?? "UTC")
    .toISODate() as string;
  const startByUnit = new Map(coachingStarts.map((s) => [s.orgUnitId, s.earliestStartOn]));
  const below = unitsWithDescendants(tree);
  const liveUnits = new Map(tree.filter((u) => !u.retired).map((u) => [u.id, u]));
  const facts = trainingEnds
    .filter((end) => liveUnits.has(end.orgUnitId))
    .map((end) => {
      const starts = (below.get(end.orgUnitId) ?? [end.orgUnitId])
        .map((id) => startByUnit.get(id))
        .filter((start): start is string => start !== undefined)
        .sort();
      return {
        orgUnitId: end.orgUnitId,
        trainingEndedOn: end.trainingEndsOn,
        earliestCoachingStartOn: starts[0] ?? null,
      };
    });
  const flags = unitsNeedingCoachingFollowUp(facts, today, thresholdDays);
  return {
    thresholdDays,
    today,
    units: flags.map((flag) => ({ ...flag, orgUnitName: liveUnits.get(flag.orgUnitId)?.name ?? "" })),
  };
}
