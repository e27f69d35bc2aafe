import { JOB_ROLE_LABELS, type JobRole, type Level } from "../../../src/features/people/person.schema.js";

export { formatInZone } from "../../../src/shared/time.js";

/** A calendar date (no time of day), e.g. a hire date: shown as written, in no time zone. */
export function formatDate(isoDate: string | null): string {
  if (!isoDate) return "—";
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

export const LEVEL_LABELS: Record<Level, string> = {
  practice: "Practice",
  supervisory: "Supervisory",
  management: "Management",
  executive: "Executive",
};

export const jobRoleLabel = (role: JobRole) => JOB_ROLE_LABELS[role];

export const fullName = (person: { givenName: string; familyName: string }) =>
  `${person.givenName} ${person.familyName}`;

/** The hour of day (0–23) now, in a time zone. */
export function hourIn(timeZone: string, at = new Date()): number {
  const hour = new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" }).format(at);
  return Number(hour);
}

/** How far a time zone is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return asUtc - at;
}

/**
 * The UTC instant at which a calendar day starts in a time zone: an audit filter "from 3 March"
 * means from midnight in the agency's zone, not in the browser's or in UTC.
 */
export function startOfDayInZone(isoDate: string, timeZone: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  const wallClock = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
  // Two passes settle the offset on days when clocks change.
  let instant = wallClock - zoneOffset(timeZone, wallClock);
  instant = wallClock - zoneOffset(timeZone, instant);
  return new Date(instant).toISOString();
}

/** The calendar day after an ISO date. */
export function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
