import { z } from "zod";
import { ZOpenNudge } from "../training/nudge.schema.js";

export const ZHome = z.object({
  displayName: z.string(),
  agencyName: z.string(),
  /** What this person sees first: shapes the home page and its next steps. */
  focus: z.enum(["admin", "leader", "supervisor", "implementation", "staff", "partner"]),
  peopleInScope: z.number().int().nullable(),
  unitsInAgency: z.number().int().nullable(),
  ownUnitName: z.string().nullable(),
  /** A supervisor's request to sign up for training, until the person enrolls or dismisses it. */
  trainingNudge: ZOpenNudge.nullable(),
  /** Open training surveys of the person's sessions that they have not answered yet. */
  trainingSurveysWaiting: z.number().int(),
});
export type Home = z.infer<typeof ZHome>;
