import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { Pagination } from "../../../../web/src/components/pagination.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import {
  type CoachingRequest,
  ENGAGEMENT_STATUS_LABELS,
  LEVEL_LABELS,
  ZCoachingRequest,
  ZCoachingRequestList,
  ZCoverage,
  ZEngagementList,
} from "../coaching.schema.js";
import { CoachDevelopmentLinks } from "./coach-development-links.js";
import { coachingKeys } from "./coaching-keys.js";
import { InviteForm } from "./invite-form.js";
import { PartnerCoachingHoursSection } from "./partner-coaching-hours-section.js";
import { TrainingFollowUpSection } from "./training-follow-up-section.js";

const PAGE_SIZE = 50;

const RELATION_LABELS = {
  coach: "You coach",
  coachee: "Your coaching",
  supervisor: "Your staff",
  oversight: "Program",
};

function AskForCoaching() {
  const [goalsText, setGoalsText] = useState("");
  const [language, setLanguage] = useState("");
  const queryClient = useQueryClient();
  const ask = useMutation({
    mutationFn: () =>
      api.post("/api/coaching/requests", ZCoachingRequest, {
        programId: null,
        goalsText,
        goalItemIds: [],
        preferredLanguage: language.trim() || null,
      }),
    onSuccess: () => {
      setGoalsText("");
      void queryClient.invalidateQueries({ queryKey: coachingKeys.all });
    },
  });
  const error = isApiError(ask.error) ? ask.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate();
  };
  return (
    <section className="panel" aria-labelledby="ask-heading">
      <h2 id="ask-heading">Ask for a coach</h2>
      <p className="muted">
        Coaching is voluntary and never part of a performance record. Say what you would like to get better at; the
        coaching supervisor will suggest a coach.
      </p>
      {ask.isSuccess ? (
        <p className="notice notice-success" role="status">
          Your request is in. You will see your coach here once one is confirmed.
        </p>
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} fields={{ goalsText: { id: "goals-text", label: "Your goals" } }} />
        <TextField
          id="goals-text"
          label="Your goals"
          hint="For example: lead family meetings with confidence."
          value={goalsText}
          onChange={setGoalsText}
          error={error?.messageFor("goalsText")}
        />
        <TextField
          label="Preferred language (optional)"
          value={language}
          onChange={setLanguage}
          width="medium"
          error={error?.messageFor("preferredLanguage")}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={ask.isPending}>
            {ask.isPending ? "Sending…" : "Ask for a coach"}
          </button>
        </div>
      </form>
    </section>
  );
}

function Invitation({ invitation }: { invitation: CoachingRequest }) {
  const [goalsText, setGoalsText] = useState("");
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (accept: boolean) =>
      accept
        ? api.post(`/api/coaching/requests/${invitation.id}/accept`, ZCoachingRequest, {
            goalsText,
            goalItemIds: [],
            preferredLanguage: null,
            version: invitation.version,
          })
        : api.post(`/api/coaching/requests/${invitation.id}/decline`, ZCoachingRequest, {
            version: invitation.version,
          }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: coachingKeys.all }),
  });
  const error = isApiError(answer.error) ? answer.error : null;
  return (
    <li>
      <p>
        You are invited to coaching{invitation.programName ? ` (${invitation.programName})` : ""}.{" "}
        {invitation.invitationMessage}
      </p>
      <ErrorSummary error={error} />
      <TextField label="Your goals, if you accept" value={goalsText} onChange={setGoalsText} />
      <div className="button-row">
        <button type="button" className="button" onClick={() => answer.mutate(true)} disabled={answer.isPending}>
          Accept
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => answer.mutate(false)}
          disabled={answer.isPending}
        >
          No, thank you
        </button>
      </div>
    </li>
  );
}

function Coverage() {
  const coverage = useQuery({
    queryKey: coachingKeys.coverage,
    queryFn: () => api.get("/api/coaching/coverage", ZCoverage),
  });
  if (coverage.isPending) return <Loading what="coverage" />;
  if (coverage.isError) return <LoadError error={coverage.error} what="coverage" />;
  const { levels, coaches, openRequests } = coverage.data;
  return (
    <section className="panel" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Coverage by level</h2>
      <p className="muted">
        {coaches.total} coaches, {coaches.availableForNew} taking new coachees ({coaches.freePlaces} free places).{" "}
        {openRequests} {openRequests === 1 ? "request is" : "requests are"} waiting for a coach.
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">People in coaching by level, in cascade order</caption>
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col">Staff</th>
              <th scope="col">In coaching</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((l) => (
              <tr key={l.level}>
                <th scope="row">{LEVEL_LABELS[l.level]}</th>
                <td>{l.staff}</td>
                <td>{l.inCoaching}</td>
                <td>{l.staff > 0 ? `${Math.round((100 * l.inCoaching) / l.staff)}%` : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * Coaching's front door: ask for a coach or answer an invitation, the engagements one coaches or
 * is coached in, and for the coaching supervisor the requests waiting for a coach and coverage.
 */
export function CoachingPage() {
  const { can } = useSession();
  const manages = can("coaching.manage");
  const participates = can("coaching.participate");
  const [requestPage, setRequestPage] = useState(1);
  const [engagementPage, setEngagementPage] = useState(1);
  // The coaching supervisor pages through the requests waiting for a coach; anyone else sees their own.
  const requests = useQuery({
    enabled: participates,
    queryKey: coachingKeys.requests(requestPage),
    queryFn: () =>
      api.get(
        `/api/coaching/requests?${new URLSearchParams({ page: String(requestPage), pageSize: String(PAGE_SIZE), ...(manages ? { status: "requested" } : {}) })}`,
        ZCoachingRequestList,
      ),
  });
  const engagements = useQuery({
    enabled: participates,
    queryKey: coachingKeys.engagements(engagementPage),
    queryFn: () => api.get(`/api/coaching/engagements?page=${engagementPage}&pageSize=${PAGE_SIZE}`, ZEngagementList),
  });
  const invitations = (requests.data?.items ?? []).filter((r) => r.status === "invited" && !manages);
  const waiting = (requests.data?.items ?? []).filter((r) => r.status === "requested");
  return (
    <>
      <PageHeader
        title="Coaching"
        intro="Voluntary, relationship-based coaching on the practice model. What you discuss stays between you and your coach unless your agreement says otherwise."
      />
      {participates ? (
        <nav aria-label="Coaching" className="sub-nav">
          <ul>
            <li>
              <Link to="/coaching/programs">Programs{can("coaching.aggregates") ? " and coverage" : ""}</Link>
            </li>
            <li>
              <Link to="/coaching/coaches">Coach roster</Link>
            </li>
            <li>
              <Link to="/coaching/calendar">Your coaching calendar</Link>
            </li>
          </ul>
        </nav>
      ) : null}
      {invitations.length > 0 ? (
        <section className="panel" aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">Invitations</h2>
          <ul className="plain-list">
            {invitations.map((i) => (
              <Invitation key={i.id} invitation={i} />
            ))}
          </ul>
        </section>
      ) : null}
      {!participates ? null : manages ? (
        <section className="panel" aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">Requests waiting for a coach</h2>
          {requests.isPending ? (
            <Loading what="requests" />
          ) : waiting.length === 0 ? (
            <p>No requests are waiting.</p>
          ) : (
            <>
              <ul>
                {waiting.map((r) => (
                  <li key={r.id}>
                    <Link to="/coaching/requests/$requestId" params={{ requestId: r.id }}>
                      Find a coach for {r.coacheeName}
                    </Link>
                    <span className="muted">
                      {" "}
                      · {LEVEL_LABELS[r.coacheeLevel]} · {r.goalsText || "no goals written"}
                    </span>
                  </li>
                ))}
              </ul>
              <Pagination
                page={requestPage}
                pageSize={PAGE_SIZE}
                total={requests.data?.total ?? 0}
                noun="requests"
                onPageChange={setRequestPage}
              />
            </>
          )}
        </section>
      ) : (
        <AskForCoaching />
      )}
      {manages ? <InviteForm /> : null}
      {participates ? (
        <section className="panel" aria-labelledby="engagements-heading">
          <h2 id="engagements-heading">{manages ? "All engagements" : "Your coaching"}</h2>
          {engagements.isPending ? (
            <Loading what="engagements" />
          ) : engagements.isError ? (
            <LoadError error={engagements.error} what="engagements" />
          ) : engagements.data.items.length === 0 ? (
            <p>No coaching yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">Coaching engagements</caption>
                <thead>
                  <tr>
                    <th scope="col">Coachee</th>
                    <th scope="col">Coach</th>
                    <th scope="col">Your part</th>
                    <th scope="col">Status</th>
                    <th scope="col">Sessions</th>
                    <th scope="col">Last session</th>
                  </tr>
                </thead>
                <tbody>
                  {engagements.data.items.map((e) => (
                    <tr key={e.id}>
                      <td>
                        <Link to="/coaching/engagements/$engagementId" params={{ engagementId: e.id }}>
                          {e.coacheeName}
                        </Link>
                      </td>
                      <td>{e.coachName}</td>
                      <td>{RELATION_LABELS[e.relation]}</td>
                      <td>{ENGAGEMENT_STATUS_LABELS[e.status]}</td>
                      <td>{e.sessionsLogged}</td>
                      <td>{e.lastSessionDate ?? "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {engagements.data && engagements.data.total > PAGE_SIZE ? (
            <Pagination
              page={engagementPage}
              pageSize={PAGE_SIZE}
              total={engagements.data.total}
              noun="engagements"
              onPageChange={setEngagementPage}
            />
          ) : null}
        </section>
      ) : null}
      {can("coachDevelopment.participate") ? <CoachDevelopmentLinks /> : null}
      {can("coaching.followUp.read") ? <TrainingFollowUpSection /> : null}
      <PartnerCoachingHoursSection />
      {can("coaching.aggregates") ? <Coverage /> : null}
    </>
  );
}
