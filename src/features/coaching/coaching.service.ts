import type { Db } from "../../db/types.js";
import { countCoachesReferencingItems } from "./coach.repo.js";
import { countEngagementsReferencingItems, findEngagementIdsOfModel } from "./engagement.repo.js";
import { countRequestsReferencingItems } from "./request.repo.js";
import { countSessionsReferencingItems } from "./session.repo.js";

/**
 * Coaching's entry points for other domains. The model editor asks before deleting an element
 * or behavior: coach strengths, request goals, agreement goals and session focus behaviors that
 * name one keep it.
 */
export async function countCoachingRecordsReferencingModelItems(
  db: Db,
  agencyId: string,
  modelId: string,
  itemIds: string[],
): Promise<number> {
  if (itemIds.length === 0) return 0;
  const counts = await Promise.all([
    countCoachesReferencingItems(db, agencyId, modelId, itemIds),
    countRequestsReferencingItems(db, agencyId, modelId, itemIds),
    countEngagementsReferencingItems(db, agencyId, modelId, itemIds),
    findEngagementIdsOfModel(db, agencyId, modelId).then((ids) =>
      countSessionsReferencingItems(db, agencyId, ids, itemIds),
    ),
  ]);
  return counts.reduce((sum, n) => sum + n, 0);
}

export { roundtableCalendarEventsForPerson } from "./roundtable.service.js";
export { coachingCalendarEventsForPerson } from "./session.service.js";
