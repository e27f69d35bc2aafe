import type { Db } from "../../db/types.js";
import { type Actor, authorize } from "../access/policy.js";
import { findAuditEvents } from "./audit.repo.js";
import type { AuditQuery } from "./audit.schema.js";

export async function browseAuditTrail(db: Db, actor: Actor, query: AuditQuery) {
  authorize(actor, "audit.read", { agencyId: actor.agencyId });
  const { items, total } = await findAuditEvents(
    db,
    actor.agencyId,
    {
      action: query.action,
      entityType: query.entityType,
      entityId: query.entityId,
      actorUserId: query.actorUserId,
      fromUtc: query.from && new Date(query.from).toISOString(),
      toUtc: query.to && new Date(query.to).toISOString(),
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items, total, page: query.page, pageSize: query.pageSize };
}
