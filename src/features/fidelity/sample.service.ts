import type { Db } from "../../db/types.js";
import { fieldError, notFound } from "../../server/errors.js";
import { newSampleSeed, seededSample } from "../../shared/seeded-sample.js";
import { type Actor, authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/audit.service.js";
import { findOrgUnitPath } from "../org/org-unit.service.js";
import type { Sample, SampleInput } from "./fidelity.schema.js";
import { findObservableStaff, findSampleById, insertSample, type SampleRow } from "./sample.repo.js";

const here = (actor: Actor) => ({ agencyId: actor.agencyId });

async function toSample(db: Db, agencyId: string, row: SampleRow): Promise<Sample> {
  const path = (await findOrgUnitPath(db, agencyId, row.orgUnitId)) ?? "";
  const pool = await findObservableStaff(db, agencyId, path, { start: row.periodStart, end: row.periodEnd });
  const names = new Map(pool.map((p) => [p.id, p.name]));
  return {
    id: row.id,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    seed: row.seed,
    size: row.size,
    poolSize: pool.length,
    people: row.personIds.map((id) => ({ id, name: names.get(id) ?? "(no longer in this unit)" })),
    createdAt: row.createdAt,
  };
}

/** Draws and records a sample; the seed is kept so the same draw can be shown and repeated. */
export async function drawSample(db: Db, actor: Actor, input: SampleInput) {
  authorize(actor, "fidelity.manage", here(actor));
  return db.transaction().execute(async (trx) => {
    const path = await findOrgUnitPath(trx, actor.agencyId, input.orgUnitId);
    if (!path) throw fieldError("orgUnitId", "That org unit does not exist.");
    const pool = await findObservableStaff(trx, actor.agencyId, path, {
      start: input.periodStart,
      end: input.periodEnd,
    });
    if (pool.length === 0) throw fieldError("orgUnitId", "Nobody in this unit can be observed in that period.");
    const seed = input.seed ?? newSampleSeed();
    const personIds = seededSample(
      pool.map((p) => p.id),
      input.size,
      seed,
    );
    const id = await insertSample(
      trx,
      actor.agencyId,
      {
        orgUnitId: input.orgUnitId,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        seed,
        size: input.size,
        personIds,
      },
      actor.userId,
    );
    const sample = await toSample(trx, actor.agencyId, (await findSampleById(trx, actor.agencyId, id)) as SampleRow);
    await recordAuditEvent(trx, {
      agencyId: actor.agencyId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "fidelity_sample",
      entityId: id,
      summary: `Drew a fidelity sample of ${personIds.length} from ${sample.orgUnitName} with seed ${seed}`,
      after: { ...input, seed, personIds },
    });
    return sample;
  });
}

export async function getSample(db: Db, actor: Actor, id: string) {
  const row = await findSampleById(db, actor.agencyId, id);
  if (!row) throw notFound("The sample");
  authorize(actor, "fidelity.manage", here(actor), "The sample");
  return toSample(db, actor.agencyId, row);
}
