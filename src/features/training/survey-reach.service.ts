import { DateTime } from "luxon";
import type { Db } from "../../db/types.js";
import { type Actor, authorize, scopeFilterFor } from "../access/policy.js";
import { findAgencySettings } from "../agencies/agency.service.js";
import { findPersonWithReportingLine } from "../people/person.service.js";
import { findSessions } from "./session.repo.js";
import { findInviteesOfSessions, findResponsesOfAgency, findSurveysOfAgency, type SurveyRow } from "./survey.repo.js";
import type { StaffSurveyChange, SurveyChangeByPeriod } from "./survey.schema.js";
import { changePerPerson, type SurveyedSession, surveyChangeByPeriod } from "./survey-reach.js";
import { type SurveyTaken, surveyResults } from "./survey-results.js";
import { findLatestRolloutSchedule } from "./trained-since.repo.js";

/**
 * Every session with a survey opened, each with its invited people's before and after as the
 * session's own results compute them; only the people of `personIds` when given. Also the
 * invited people's names and units, for lists.
 */
async function surveyedSessions(db: Db, agencyId: string, personIds: string[] | null) {
  const surveys = await findSurveysOfAgency(db, agencyId);
  const sessionIds = [...new Set(surveys.map((s) => s.sessionId))];
  const [invitees, responses, sessions, settings] = await Promise.all([
    findInviteesOfSessions(db, agencyId, sessionIds, personIds),
    findResponsesOfAgency(db, agencyId, personIds),
    findSessions(db, agencyId, sessionIds),
    findAgencySettings(db, agencyId),
  ]);
  const timeZone = settings?.timeZone ?? "UTC";
  const taken = (survey: SurveyRow | undefined): SurveyTaken | null =>
    survey
      ? { items: survey.items, retrospective: survey.retrospective, answers: responses.get(survey.id) ?? new Map() }
      : null;
  const surveyed: SurveyedSession[] = sessions.map((session) => {
    const ofSession = surveys.filter((s) => s.sessionId === session.id);
    const { people } = surveyResults({
      invited: invitees.filter((i) => i.sessionId === session.id),
      elements: [],
      pre: taken(ofSession.find((s) => s.phase === "pre")),
      post: taken(ofSession.find((s) => s.phase === "post")),
    });
    return {
      sessionId: session.id,
      localDate: DateTime.fromISO(session.startsAt, { zone: "utc" }).setZone(timeZone).toISODate() as string,
      people: people.map((p) => ({ personId: p.personId, before: p.before, after: p.after })),
    };
  });
  return { surveyed, invitees };
}

/**
 * The survey change of the sessions held in each period of the agency's most recent rollout plan
 * (the plan the trained-since dates use), pooled over the sessions' matched pairs.
 */
export async function getSurveyChangeByPeriod(db: Db, actor: Actor): Promise<SurveyChangeByPeriod> {
  authorize(actor, "trainingSurvey.results", { agencyId: actor.agencyId });
  const [schedule, { surveyed }] = await Promise.all([
    findLatestRolloutSchedule(db, actor.agencyId),
    surveyedSessions(db, actor.agencyId, null),
  ]);
  const grouped = surveyChangeByPeriod(schedule?.periods ?? [], surveyed);
  return { planId: schedule?.planId ?? null, planName: schedule?.name ?? null, ...grouped };
}

/**
 * Each surveyed person's change over their sessions: for the training team and trainers everyone,
 * for supervisors and managers the people below them in their supervisor line (by reporting
 * line, not by unit, as for fidelity's individual results), for everyone else their own.
 */
export async function getStaffSurveyChange(db: Db, actor: Actor): Promise<StaffSurveyChange> {
  const scope = scopeFilterFor(actor, "trainingSurvey.staffChange");
  let personIds: string[] | null = null;
  if (scope.kind === "subtree") {
    const line = actor.personId ? await findPersonWithReportingLine(db, actor.agencyId, actor.personId) : null;
    personIds = line?.reportIds ?? [];
  } else if (scope.kind === "self") {
    personIds = actor.personId ? [actor.personId] : [];
  }
  const { surveyed, invitees } = await surveyedSessions(db, actor.agencyId, personIds);
  const who = new Map(invitees.map((i) => [i.personId, i]));
  return {
    reach: scope.kind === "subtree" ? "line" : scope.kind,
    items: changePerPerson(surveyed)
      .map((change) => ({
        ...change,
        name: who.get(change.personId)?.name ?? "",
        orgUnitName: who.get(change.personId)?.orgUnitName ?? null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
