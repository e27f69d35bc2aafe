import type { Db } from "../../db/types.js";

/** One entry of a person's calendar, in UTC; the calendar program shows it in local time. */
export interface CalendarEvent {
  /** Stable across fetches, so calendar programs update an event instead of duplicating it. */
  uid: string;
  startUtc: string;
  endUtc: string;
  summary: string;
  location: string;
  description: string;
}

/**
 * Where calendar entries come from: each domain with dated events for a person (training
 * sessions they attend or teach, coaching sessions) provides one of these through its service.
 */
export type CalendarEventSource = (db: Db, agencyId: string, personId: string) => Promise<CalendarEvent[]>;
