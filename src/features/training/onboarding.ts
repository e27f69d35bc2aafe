import type { JobRole } from "../people/person.schema.js";
import type { Audience } from "./curriculum.schema.js";

/**
 * The onboarding track: a new hire joins the next session that has room and is meant for
 * someone in their job. Pure, so the choice is unit-tested.
 */
export const AUDIENCE_OF_JOB: Record<JobRole, Audience> = {
  social_worker: "social_workers",
  case_aide: "case_aides",
  supervisor: "supervisors",
  manager: "leaders",
  executive: "leaders",
  licensing_worker: "licensing_workers",
  trainer: "other_staff",
  coach: "other_staff",
  administrative_support: "other_staff",
  other: "other_staff",
};

export interface SessionChoice {
  id: string;
  startsAt: string;
  capacity: number;
  enrolledCount: number;
  /** Audiences of the modules taught; null when the session names no curriculum (open to all). */
  audiences: Audience[] | null;
}

export function nextFittingSession<S extends SessionChoice>(
  sessions: S[],
  audience: Audience,
  nowUtc: string,
): S | null {
  const fitting = sessions
    .filter((s) => s.startsAt > nowUtc && s.enrolledCount < s.capacity)
    .filter((s) => s.audiences === null || s.audiences.includes(audience))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return fitting[0] ?? null;
}
