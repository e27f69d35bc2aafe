import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import type { DatabaseDialect } from "./connection.js";
import * as foundation from "./migrations/0001-foundation.js";
import * as peopleBySupervisor from "./migrations/0002-people-by-supervisor-in-name-order.js";
import * as partnersAndTeams from "./migrations/0003-partners-and-teams.js";
import * as rosterImports from "./migrations/0004-roster-imports.js";
import * as peopleListIndexes from "./migrations/0005-people-list-indexes.js";
import * as practiceModels from "./migrations/0006-practice-models.js";
import * as modelFocus from "./migrations/0007-model-focus.js";
import * as training from "./migrations/0008-training.js";
import * as coaching from "./migrations/0009-coaching.js";
import * as fidelity from "./migrations/0010-fidelity.js";
import * as calendarFeeds from "./migrations/0011-calendar-feeds.js";
import * as trainingSurveys from "./migrations/0012-training-surveys.js";
import * as trainingDelivery from "./migrations/0013-training-delivery.js";
import * as coachDevelopment from "./migrations/0015-coach-development.js";
import * as coachingSettings from "./migrations/0016-coaching-settings.js";
import * as coachingIndexes from "./migrations/0017-coaching-indexes.js";
import * as fidelityCalibration from "./migrations/0018-fidelity-calibration.js";
import * as coachingPartnerHours from "./migrations/0019-coaching-partner-hours.js";
import * as peopleLevelIndexes from "./migrations/0020-people-level-indexes.js";
import type { Database } from "./schema.js";

/**
 * Migrations are listed here rather than read from a folder, so they run the same from
 * the TypeScript sources (tests) and the compiled server. Each one receives the dialect
 * for the rare statement that differs between SQLite and PostgreSQL.
 */
function migrationsFor(dialect: DatabaseDialect): Record<string, Migration> {
  return {
    "0001-foundation": {
      up: async (db) => {
        await foundation.up(db, dialect);
        await foundation.guardAuditTrail(db, dialect);
      },
    },
    "0002-people-by-supervisor-in-name-order": peopleBySupervisor,
    "0003-partners-and-teams": partnersAndTeams,
    "0004-roster-imports": rosterImports,
    "0005-people-list-indexes": peopleListIndexes,
    "0006-practice-models": practiceModels,
    "0007-model-focus": modelFocus,
    "0008-training": training,
    "0009-coaching": coaching,
    "0010-fidelity": fidelity,
    "0011-calendar-feeds": calendarFeeds,
    "0012-training-surveys": trainingSurveys,
    "0013-training-delivery": trainingDelivery,
    "0015-coach-development": coachDevelopment,
    "0016-coaching-settings": coachingSettings,
    "0017-coaching-indexes": coachingIndexes,
    "0018-fidelity-calibration": fidelityCalibration,
    "0019-coaching-partner-hours": coachingPartnerHours,
    "0020-people-level-indexes": peopleLevelIndexes,
  };
}

export async function migrateToLatest(db: Kysely<Database>, dialect: DatabaseDialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}
