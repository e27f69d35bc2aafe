import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { partnerKeys } from "../../partners/ui/partner-keys.js";
import {
  type PartnerCoachingOutcome,
  type PartnerCoachingSession,
  ZPartnerCoachingOutcome,
  ZPartnerCoachingOutcomeList,
  ZPartnerCoachingSessionList,
} from "../partner-hours.schema.js";

/** Under the coaching pages' key, so refreshing coaching refreshes this list too. */
const waitingKey = ["coaching", "partner-hours"] as const;

const hoursText = (hours: number) => `${hours} h`;

/**
 * Community and Tribal coaches are paid for their hours under a compensation agreement. Their
 * logged coaching sessions wait here until someone who may log partners' hours puts them into
 * the partner's log, one at a time or all at once; what happened to each is said next to it.
 */
export function PartnerCoachingHoursSection() {
  const { can } = useSession();
  if (!can("partnerHours.log") || !can("coaching.read")) return null;
  return <WaitingPartnerHours />;
}

function WaitingPartnerHours() {
  const queryClient = useQueryClient();
  const [outcomes, setOutcomes] = useState<PartnerCoachingOutcome[]>([]);
  const waiting = useQuery({
    queryKey: waitingKey,
    queryFn: () => api.get("/api/coaching/partner-hours", ZPartnerCoachingSessionList),
  });
  const report = async (latest: PartnerCoachingOutcome[]) => {
    setOutcomes(latest);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: waitingKey }),
      queryClient.invalidateQueries({ queryKey: partnerKeys.all }),
    ]);
  };
  const logOne = useMutation({
    mutationFn: (input: { sessionId: string; overBudgetConfirmed: boolean }) =>
      api.post(`/api/coaching/sessions/${input.sessionId}/partner-hours`, ZPartnerCoachingOutcome, {
        overBudgetConfirmed: input.overBudgetConfirmed,
      }),
    onSuccess: (outcome) => report([outcome]),
  });
  const logAll = useMutation({
    mutationFn: () => api.post("/api/coaching/partner-hours", ZPartnerCoachingOutcomeList),
    onSuccess: (result) => report(result.outcomes),
  });
  const busy = logOne.isPending || logAll.isPending;
  const failure = [logOne.error, logAll.error].find(isApiError) ?? null;

  return (
    <section className="panel" aria-labelledby="partner-hours-heading">
      <h2 id="partner-hours-heading">Partner coaching hours to log</h2>
      <ErrorSummary error={failure} />
      <div role="status">
        {outcomes.length > 0 ? (
          <div className="notice">
            <p>What happened:</p>
            <ul>
              {outcomes.map((o) => (
                <li key={o.sessionId}>
                  {o.coachName}, session of {o.sessionDate}: {o.message}
                  {o.outcome === "over_budget" ? (
                    <>
                      {" "}
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        disabled={busy}
                        onClick={() => logOne.mutate({ sessionId: o.sessionId, overBudgetConfirmed: true })}
                      >
                        Log over budget
                      </button>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {waiting.isPending ? (
        <Loading what="partner coaching hours" />
      ) : waiting.isError ? (
        <LoadError error={waiting.error} what="partner coaching hours" />
      ) : waiting.data.items.length === 0 ? (
        <p>Every logged session of a partner coach is in their compensation log. Nothing to do here.</p>
      ) : (
        <>
          <p className="muted">
            Community and Tribal coaches are paid from their compensation agreement. These logged sessions are not in
            their hours yet. Next step: log them, and each is added as coaching on the agreement in force that day. The
            coach's name opens their agreements and hours log.
          </p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Partner coaches' sessions waiting to be logged</caption>
              <thead>
                <tr>
                  <th scope="col">Session date</th>
                  <th scope="col">Coach</th>
                  <th scope="col">Coachee</th>
                  <th scope="col">Hours</th>
                  <th scope="col">Agreement</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {waiting.data.items.map((s) => (
                  <WaitingRow
                    key={s.sessionId}
                    session={s}
                    busy={busy}
                    onLog={() => logOne.mutate({ sessionId: s.sessionId, overBudgetConfirmed: false })}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {waiting.data.items.length > 1 ? (
            <button type="button" className="button" disabled={busy} onClick={() => logAll.mutate()}>
              Log all {waiting.data.items.length} sessions
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function WaitingRow({ session, busy, onLog }: { session: PartnerCoachingSession; busy: boolean; onLog: () => void }) {
  const { can } = useSession();
  // Only those who manage partners add agreements; everyone else is told whom to ask.
  const noAgreement = can("partners.manage")
    ? "None that day: add one on the partner's page first"
    : "None that day: ask an administrator or the implementation lead to add one";
  return (
    <tr>
      <td>{session.sessionDate}</td>
      <td>
        <Link to="/partners/people/$partnerPersonId" params={{ partnerPersonId: session.partnerPersonId }}>
          {session.coachName}
        </Link>
      </td>
      <td>{session.coacheeName}</td>
      <td>{hoursText(session.hours)}</td>
      <td>{session.hasAgreement ? "In force that day" : noAgreement}</td>
      <td>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          aria-label={`Log hours: ${session.coachName}, session of ${session.sessionDate}`}
          onClick={onLog}
        >
          Log hours
        </button>
      </td>
    </tr>
  );
}
