import type { Db } from "../../db/types.js";
import { toCount } from "../../db/types.js";
import { nowUtc } from "../../shared/time.js";

export type AuditAction = "create" | "update" | "delete" | "read-confidential" | "sign-in" | "sign-out";

export interface NewAuditEvent {
  agencyId: string;
  actorUserId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** Append-only: there is deliberately no update or delete here (the database refuses them too). */
export async function insertAuditEvent(db: Db, event: NewAuditEvent): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      agency_id: event.agencyId,
      actor_user_id: event.actorUserId,
      occurred_at: nowUtc(),
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      summary: event.summary,
      before_json: event.before === undefined ? null : JSON.stringify(event.before),
      after_json: event.after === undefined ? null : JSON.stringify(event.after),
    })
    .execute();
}

export interface AuditEventFilters {
  action?: string | undefined;
  entityType?: string | undefined;
  actorUserId?: string | undefined;
  entityId?: string | undefined;
  fromUtc?: string | undefined;
  toUtc?: string | undefined;
}

export async function findAuditEvents(
  db: Db,
  agencyId: string,
  filters: AuditEventFilters,
  page: { limit: number; offset: number },
) {
  let query = db
    .selectFrom("audit_events as e")
    .leftJoin("users as u", (join) => join.onRef("u.id", "=", "e.actor_user_id").on("u.agency_id", "=", agencyId))
    .where("e.agency_id", "=", agencyId);
  if (filters.action) query = query.where("e.action", "=", filters.action);
  if (filters.entityType) query = query.where("e.entity_type", "=", filters.entityType);
  if (filters.actorUserId) query = query.where("e.actor_user_id", "=", filters.actorUserId);
  if (filters.entityId) query = query.where("e.entity_id", "=", filters.entityId);
  if (filters.fromUtc) query = query.where("e.occurred_at", ">=", filters.fromUtc);
  if (filters.toUtc) query = query.where("e.occurred_at", "<", filters.toUtc);

  const [rows, total] = await Promise.all([
    query
      .select([
        "e.id",
        "e.occurred_at",
        "e.action",
        "e.entity_type",
        "e.entity_id",
        "e.summary",
        "e.before_json",
        "e.after_json",
        "e.actor_user_id",
        "u.display_name as actor_name",
      ])
      .orderBy("e.occurred_at", "desc")
      .orderBy("e.id", "desc")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: toCount(total.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      occurredAt: r.occurred_at,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      summary: r.summary,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name ?? null,
      before: r.before_json ? (JSON.parse(r.before_json) as unknown) : null,
      after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
    })),
  };
}
