import type { Db } from "../../src/db/types.js";
import { coachingExtension } from "./coaching-extension.js";
import { partnersExtension } from "./partners-extension.js";
import type { Random } from "./random.js";
import type { GeneratedAgency } from "./statewide.js";

/**
 * The extension point for later features. After the org tree, the people and the accounts of
 * an agency exist, each extension adds its own records for that agency — inside the agency's
 * transaction, through its feature's builders or repositories — and returns what it created
 * by name ("partner organizations": 12, …) for the generator's summary.
 *
 * Extensions run in the order listed and draw from the agency's seeded random stream, so the
 * data stays reproducible; a new extension goes at the end to keep earlier data unchanged.
 */
export interface StatewideExtension {
  name: string;
  extendAgency(db: Db, agency: GeneratedAgency, random: Random): Promise<Record<string, number>>;
}

export const STATEWIDE_EXTENSIONS: StatewideExtension[] = [partnersExtension, coachingExtension];
