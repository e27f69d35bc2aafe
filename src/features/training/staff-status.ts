import type { Attendance } from "./session.schema.js";

/**
 * Where a person stands with training: trained (they came to a session, fully or in part),
 * scheduled (enrolled in a session still to come) or missing (neither). Pure, so each case is
 * unit-tested.
 */
export type TrainingStatus = "trained" | "scheduled" | "missing";

export interface EnrollmentFact {
  attendance: Attendance | null;
  startsAt: string;
  title: string;
}

export function trainingStatusOf(enrollments: EnrollmentFact[], nowUtc: string) {
  const attended = enrollments.filter((e) => e.attendance === "present" || e.attendance === "partial");
  const upcoming = enrollments.filter((e) => e.attendance === null && e.startsAt > nowUtc);
  const status: TrainingStatus = attended.length > 0 ? "trained" : upcoming.length > 0 ? "scheduled" : "missing";
  return {
    status,
    lastTrainedAt: attended.at(-1)?.startsAt ?? null,
    nextSession: upcoming[0] ? { startsAt: upcoming[0].startsAt, title: upcoming[0].title } : null,
  };
}
