import type { Db } from "../../src/db/types.js";
import { insertCalibrationCase } from "../../src/features/fidelity/calibration.repo.js";
import type { World } from "./world.js";

/** Nine reference ratings of the example instrument, each with a rationale. */
export function referenceOfAll(values: readonly number[]) {
  return values.map((rating, index) => ({ measureCode: `M${index + 1}`, rating, rationale: "What the case shows." }));
}

/** One calibration case on the world's first instrument (built by `buildFidelity`), for the authorization table. */
export async function buildCalibrationRecords(db: Db, world: World) {
  const instrument = await db
    .selectFrom("fidelity_instruments")
    .select("id")
    .where("agency_id", "=", world.agency.id)
    .orderBy("created_at")
    .executeTakeFirstOrThrow();
  const author = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", world.emails.admin)
    .executeTakeFirstOrThrow();
  const fidelityCalibrationCase = await insertCalibrationCase(
    db,
    world.agency.id,
    {
      instrumentId: instrument.id,
      instrumentVersionNumber: 1,
      title: "Reference case",
      description: "A fictional teaming meeting.",
      reference: referenceOfAll([3, 3, 3, 3, 3, 3, 3, 3, 3]),
    },
    author.id,
  );
  return { fidelityCalibrationCase };
}

export async function calibrationCaseState(db: Db, id: string) {
  const [calibrationCase, attempts] = await Promise.all([
    db.selectFrom("fidelity_calibration_cases").selectAll().where("id", "=", id).executeTakeFirst(),
    db.selectFrom("fidelity_calibration_attempts").selectAll().where("case_id", "=", id).orderBy("id").execute(),
  ]);
  return JSON.stringify({ calibrationCase, attempts });
}

export async function clearCalibrationAttempts(db: Db, id: string) {
  await db.deleteFrom("fidelity_calibration_attempts").where("case_id", "=", id).execute();
}

export async function countCalibrationCases(db: Db, agencyId: string) {
  const rows = await db
    .selectFrom("fidelity_calibration_cases")
    .select("id")
    .where("agency_id", "=", agencyId)
    .execute();
  return String(rows.length);
}
