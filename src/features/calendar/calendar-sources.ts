import { coachingCalendarEventsForPerson, roundtableCalendarEventsForPerson } from "../coaching/coaching.service.js";
import { trainingCalendarEventsForPerson } from "../training/session.service.js";
import type { CalendarEventSource } from "./calendar-events.js";

/** Every domain's dated events for a person, in the order they are gathered into one feed. */
export const CALENDAR_EVENT_SOURCES: readonly CalendarEventSource[] = [
  trainingCalendarEventsForPerson,
  coachingCalendarEventsForPerson,
  roundtableCalendarEventsForPerson,
];
