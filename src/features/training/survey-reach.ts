import type { RolloutPeriod } from "./rollout-plan.schema.js";
import { changeOfRows } from "./survey-results.js";
import { unitTrainingEndsOn } from "./trained-since.js";

/**
 * How far the pre/post survey reaches beyond one session (pure): the change of every session
 * held in each period of the rollout plan, and each person's change over all their sessions.
 * Each person's before and after in a session come from survey-results.ts; this only pools them.
 */

/** One person invited to one surveyed session: their mean rating before and after (null if not answered). */
export interface PersonInSession {
  personId: string;
  before: number | null;
  after: number | null;
}

export interface SurveyedSession {
  sessionId: string;
  /** The session's day in the agency's time zone (YYYY-MM-DD), which places it in a period. */
  localDate: string;
  people: PersonInSession[];
}

/**
 * The days each period covers, by the same rule as the trained-since dates: from its start until
 * the day before the next period starts, the last period to the end of its month. A period
 * without a known start (or followed by one without) covers no days.
 */
export function periodDays(periods: RolloutPeriod[]) {
  return periods.map((period, index) => {
    const endsOn = unitTrainingEndsOn(periods, index);
    return period.startDate && endsOn ? { startsOn: period.startDate, endsOn } : null;
  });
}

function pooled(sessions: SurveyedSession[]) {
  return { sessions: sessions.length, ...changeOfRows(sessions.flatMap((s) => s.people)) };
}

/** The pooled change per period, and of the sessions no period covers (before, after or between dated periods). */
export function surveyChangeByPeriod(periods: RolloutPeriod[], sessions: SurveyedSession[]) {
  const days = periodDays(periods);
  const groups: SurveyedSession[][] = periods.map(() => []);
  const outside: SurveyedSession[] = [];
  for (const session of sessions) {
    const index = days.findIndex((d) => d !== null && d.startsOn <= session.localDate && session.localDate <= d.endsOn);
    (index === -1 ? outside : (groups[index] as SurveyedSession[])).push(session);
  }
  return {
    periods: periods.map((period, index) => ({
      periodIndex: index,
      label: period.label,
      startsOn: days[index]?.startsOn ?? null,
      endsOn: days[index]?.endsOn ?? null,
      ...pooled(groups[index] as SurveyedSession[]),
    })),
    outside: pooled(outside),
  };
}

export interface PersonChangeOverSessions {
  personId: string;
  /** Surveyed sessions the person was enrolled in. */
  sessions: number;
  /** Of those, the sessions where they answered both before and after. */
  matchedSessions: number;
  /** Means over the matched sessions only, so before and after describe the same sessions. */
  before: number | null;
  after: number | null;
  change: number | null;
}

/** Each person's change over every surveyed session they were in, in the order first met. */
export function changePerPerson(sessions: SurveyedSession[]): PersonChangeOverSessions[] {
  const byPerson = new Map<string, PersonInSession[]>();
  for (const session of sessions) {
    for (const row of session.people) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row]);
  }
  return [...byPerson].map(([personId, rows]) => {
    const change = changeOfRows(rows);
    return {
      personId,
      sessions: rows.length,
      matchedSessions: change.pairs,
      before: change.meanBefore,
      after: change.meanAfter,
      change: change.meanChange,
    };
  });
}
