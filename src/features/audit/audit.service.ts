import type { Db } from "../../db/types.js";
import { type Actor, authorize } from "../access/policy.js";
import { findAuditEvents, insertAuditEvent, type NewAuditEvent } from "./audit.repo.js";
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

/**
 * Every create, update and delete calls this inside its own transaction, so the change and its
 * audit entry are written together or not at all.
 */
export async function recordAuditEvent(db: Db, event: NewAuditEvent): Promise<void> {
  await insertAuditEvent(db, event);
}
