import type { Db } from "../../src/db/types.js";
import { insertDeliveryCheck } from "../../src/features/training/delivery-check.repo.js";
import { DELIVERY_CHECKLIST } from "../../src/features/training/delivery-checklist.js";
import { insertNudge } from "../../src/features/training/nudge.repo.js";
import { insertSession, insertTrainers } from "../../src/features/training/session.repo.js";
import type { World } from "./world.js";

async function personOfAccount(db: Db, email: string) {
  const user = await db.selectFrom("users").select("person_id").where("email", "=", email).executeTakeFirstOrThrow();
  return user.person_id as string;
}

/**
 * A delivered session led by the world's trainer, whose delivery check the world's fidelity
 * observer is assigned to; and a nudge from the supervisor of Unit N1 to the world's staff member.
 */
export async function buildTrainingDeliveryRecords(db: Db, world: World) {
  const agencyId = world.agency.id;
  const sessionId = await insertSession(db, agencyId, {
    title: "Delivered foundations",
    curriculumId: null,
    moduleIds: [],
    startsAt: "2026-03-03T15:00:00.000Z",
    endsAt: "2026-03-03T18:00:00.000Z",
    place: "North Office",
    videoLink: "",
    facility: "",
    capacity: 20,
  });
  await insertTrainers(db, agencyId, sessionId, [
    { personId: await personOfAccount(db, world.emails.trainer), partnerPersonId: null, role: "lead" },
  ]);
  const deliveryCheck = await insertDeliveryCheck(
    db,
    agencyId,
    sessionId,
    await personOfAccount(db, world.emails.fidelity_observer),
  );
  const trainingNudge = await insertNudge(db, agencyId, {
    personId: await personOfAccount(db, world.emails.staff),
    nudgedByPersonId: world.people.supervisorN1.id,
    sessionId: null,
    message: "",
  });
  return { deliveryCheck, trainingNudge };
}

export async function deliveryCheckState(db: Db, id: string) {
  return JSON.stringify(
    await db.selectFrom("training_delivery_checks").selectAll().where("id", "=", id).executeTakeFirst(),
  );
}

/** Every item Met, at the check's current version, so only authorization decides. */
export async function deliveryCheckBody(db: Db, id: string) {
  const row = await db.selectFrom("training_delivery_checks").select("version").where("id", "=", id).executeTakeFirst();
  return {
    ratings: DELIVERY_CHECKLIST.map((i) => ({ item: i.key, rating: "met", comment: "" })),
    comment: "",
    version: row?.version ?? 1,
  };
}

export async function deliveryChecksOfSession(db: Db, sessionId: string) {
  return JSON.stringify(
    await db.selectFrom("training_delivery_checks").selectAll().where("session_id", "=", sessionId).execute(),
  );
}

export async function removeDeliveryChecksOfSession(db: Db, sessionId: string) {
  await db.deleteFrom("training_delivery_checks").where("session_id", "=", sessionId).execute();
}

/** Someone of the session's agency to observe it (a made-up id when the session does not exist). */
export async function observerBody(db: Db, sessionId: string) {
  const trainer = await db
    .selectFrom("training_session_trainers")
    .select("person_id")
    .where("session_id", "=", sessionId)
    .where("person_id", "is not", null)
    .executeTakeFirst();
  return { observerPersonId: trainer?.person_id ?? "nobody" };
}

export async function nudgeState(db: Db, id: string) {
  return JSON.stringify(await db.selectFrom("training_nudges").selectAll().where("id", "=", id).executeTakeFirst());
}

export async function reopenNudge(db: Db, id: string) {
  await db.updateTable("training_nudges").set({ dismissed_at: null }).where("id", "=", id).execute();
}

export async function removeNudge(db: Db, id: string) {
  await db.deleteFrom("training_nudges").where("id", "=", id).execute();
}

/** The nudges a person has had, so a nudge counts as a change to their record. */
export async function nudgesOfPerson(db: Db, personId: string) {
  const rows = await db.selectFrom("training_nudges").select("id").where("person_id", "=", personId).execute();
  return rows.length;
}
