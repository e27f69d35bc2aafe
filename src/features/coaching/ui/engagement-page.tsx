import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { CheckboxField, SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { Pagination } from "../../../../web/src/components/pagination.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import {
  ENGAGEMENT_STATUS_LABELS,
  type Engagement,
  SESSION_FORMAT_LABELS,
  SESSION_FORMATS,
  ZEngagement,
  ZSession,
  ZSessionLog,
} from "../coaching.schema.js";
import { coachingKeys } from "./coaching-keys.js";
import { ClosedNotice, CloseSection, ReadinessSection } from "./engagement-steps.js";
import { FollowUpSection } from "./follow-up-section.js";
import { ProgressSection } from "./progress-section.js";

/** The engagement brings its latest 50 log entries along, so the log pages by the same size. */
const LOG_PAGE_SIZE = 50;

const today = () => new Date().toISOString().slice(0, 10);

function AgreementForm({ engagement }: { engagement: Engagement }) {
  const queryClient = useQueryClient();
  const agreement = engagement.agreement;
  const [goal, setGoal] = useState(agreement.goals?.[0]?.text ?? "");
  const [frequency, setFrequency] = useState(agreement.frequency);
  const [format, setFormat] = useState(agreement.format);
  const [duration, setDuration] = useState(agreement.duration);
  const [roles, setRoles] = useState(agreement.roles);
  const [share, setShare] = useState(agreement.shareSummariesWithSupervisor);
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/coaching/engagements/${engagement.id}/agreement`, ZEngagement, {
        goals: goal.trim()
          ? [{ ...(agreement.goals?.[0] ?? { id: crypto.randomUUID(), itemIds: [] }), text: goal }]
          : [],
        frequency,
        format,
        duration,
        roles,
        shareSummariesWithSupervisor: share,
        version: engagement.version,
      }),
    onSuccess: (saved) => queryClient.setQueryData(coachingKeys.engagement(engagement.id), saved),
  });
  const error = isApiError(save.error) ? save.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary
        error={error}
        fields={{
          goals: { id: "agreement-goal", label: "Goal" },
          frequency: { id: "agreement-frequency", label: "How often" },
          format: { id: "agreement-format", label: "How you meet" },
          duration: { id: "agreement-duration", label: "For how long" },
        }}
      />
      <TextField id="agreement-goal" label="Goal" value={goal} onChange={setGoal} error={error?.messageFor("goals")} />
      <TextField
        id="agreement-frequency"
        label="How often"
        value={frequency}
        onChange={setFrequency}
        error={error?.messageFor("frequency")}
      />
      <TextField
        id="agreement-format"
        label="How you meet"
        value={format}
        onChange={setFormat}
        error={error?.messageFor("format")}
      />
      <TextField
        id="agreement-duration"
        label="For how long"
        value={duration}
        onChange={setDuration}
        error={error?.messageFor("duration")}
      />
      <TextField
        label="Roles"
        value={roles}
        onChange={setRoles}
        hint="Who does what: observing, modeling, choosing situations."
      />
      <CheckboxField
        label="Share session summaries with the coachee's supervisor"
        hint="Private notes are never shared."
        checked={share}
        onChange={setShare}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save agreement"}
        </button>
      </div>
      {save.isSuccess ? (
        <p className="notice notice-success" role="status">
          Agreement saved. Both of you now acknowledge it.
        </p>
      ) : null}
    </form>
  );
}

function StartSession({ engagementId }: { engagementId: string }) {
  const navigate = useNavigate();
  const [date, setDate] = useState(today);
  const [format, setFormat] = useState<(typeof SESSION_FORMATS)[number]>("individual");
  const start = useMutation({
    mutationFn: () =>
      api.post(`/api/coaching/engagements/${engagementId}/sessions`, ZSession, {
        sessionDate: date,
        startTime: null,
        durationMinutes: 60,
        format,
      }),
    onSuccess: (session) => void navigate({ to: "/coaching/sessions/$sessionId", params: { sessionId: session.id } }),
  });
  const error = isApiError(start.error) ? start.error : null;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        start.mutate();
      }}
    >
      <ErrorSummary error={error} />
      <TextField
        label="Session date"
        type="date"
        value={date}
        onChange={setDate}
        width="medium"
        error={error?.messageFor("sessionDate")}
      />
      <SelectField
        label="Format"
        value={format}
        onChange={(value) => setFormat(value as typeof format)}
        options={SESSION_FORMATS.map((f) => ({ value: f, label: SESSION_FORMAT_LABELS[f] }))}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={start.isPending}>
          Log a session
        </button>
      </div>
    </form>
  );
}

const RATINGS = ["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v }));

function FeedbackForm({ engagement }: { engagement: Engagement }) {
  const queryClient = useQueryClient();
  const latest = engagement.sessions.find((s) => s.status === "final");
  const [satisfaction, setSatisfaction] = useState("5");
  const [usefulness, setUsefulness] = useState("5");
  const [relationship, setRelationship] = useState("5");
  const give = useMutation({
    mutationFn: () =>
      api.post(`/api/coaching/engagements/${engagement.id}/feedback`, ZSession.pick({ id: true }), {
        sessionId: latest?.id ?? null,
        satisfaction: Number(satisfaction),
        usefulness: Number(usefulness),
        relationship: Number(relationship),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: coachingKeys.engagement(engagement.id) }),
  });
  const error = isApiError(give.error) ? give.error : null;
  return (
    <section className="panel" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">How is coaching going for you?</h2>
      <p className="muted">
        {latest ? `About your session of ${latest.sessionDate}. ` : ""}Your coach only ever sees averages of several
        people's answers, never yours alone.
      </p>
      {give.isSuccess ? (
        <p className="notice notice-success" role="status">
          Thank you, your feedback is in.
        </p>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            give.mutate();
          }}
        >
          <ErrorSummary error={error} />
          <SelectField
            label="Satisfaction (1 to 5)"
            value={satisfaction}
            onChange={setSatisfaction}
            options={RATINGS}
          />
          <SelectField label="Usefulness (1 to 5)" value={usefulness} onChange={setUsefulness} options={RATINGS} />
          <SelectField
            label="Relationship with your coach (1 to 5)"
            value={relationship}
            onChange={setRelationship}
            options={RATINGS}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={give.isPending}>
              Send feedback
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/**
 * The coaching log, newest first. Its first page comes with the engagement; later pages are
 * asked for as the reader turns to them.
 */
function CoachingLog({ engagement, party }: { engagement: Engagement; party: boolean }) {
  const [page, setPage] = useState(1);
  const later = useQuery({
    enabled: page > 1,
    queryKey: coachingKeys.sessionLog(engagement.id, page),
    queryFn: () =>
      api.get(
        `/api/coaching/engagements/${engagement.id}/sessions?page=${page}&pageSize=${LOG_PAGE_SIZE}`,
        ZSessionLog,
      ),
  });
  const sessions = page === 1 ? engagement.sessions : (later.data?.items ?? []);
  return (
    <section className="panel" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Coaching log</h2>
      {engagement.sessionsTotal === 0 ? <p>No sessions logged yet.</p> : null}
      {page > 1 && later.isPending ? <Loading what="the coaching log" /> : null}
      {page > 1 && later.isError ? <LoadError error={later.error} what="the coaching log" /> : null}
      <ul>
        {sessions.map((s) => (
          <li key={s.id}>
            <Link to="/coaching/sessions/$sessionId" params={{ sessionId: s.id }}>
              {s.sessionDate} · {SESSION_FORMAT_LABELS[s.format as keyof typeof SESSION_FORMAT_LABELS] ?? s.format}
            </Link>
            {s.status === "draft" ? " (draft)" : ""}
            {s.sharedSummary ? <span className="muted"> · {s.sharedSummary}</span> : null}
            {!party && s.hasPrivateNotes ? <span className="muted"> · has private notes</span> : null}
          </li>
        ))}
      </ul>
      {engagement.sessionsTotal > LOG_PAGE_SIZE ? (
        <Pagination
          page={page}
          pageSize={LOG_PAGE_SIZE}
          total={engagement.sessionsTotal}
          noun="sessions"
          onPageChange={setPage}
        />
      ) : null}
      {engagement.keepsLog && engagement.status !== "closed" ? (
        <>
          {engagement.relation === "coachee" ? (
            <p>
              {engagement.coachName} coaches as a community partner without a Cascade account, so you keep this coaching
              log: record each session you have together.
            </p>
          ) : null}
          <StartSession engagementId={engagement.id} />
        </>
      ) : null}
    </section>
  );
}

/** One engagement as the reader may see it, with the next step for them at the top. */
export function EngagementPage({ engagementId }: { engagementId: string }) {
  const queryClient = useQueryClient();
  const engagement = useQuery({
    queryKey: coachingKeys.engagement(engagementId),
    queryFn: () => api.get(`/api/coaching/engagements/${engagementId}`, ZEngagement),
  });
  const acknowledge = useMutation({
    mutationFn: (version: number) =>
      api.post(`/api/coaching/engagements/${engagementId}/acknowledgement`, ZEngagement, { version }),
    onSuccess: (saved) => queryClient.setQueryData(coachingKeys.engagement(engagementId), saved),
  });
  if (engagement.isPending) return <Loading what="the engagement" />;
  if (engagement.isError) return <LoadError error={engagement.error} what="the engagement" />;
  const e = engagement.data;
  const party = e.relation === "coach" || e.relation === "coachee";
  const agreement = e.agreement;
  const mine = e.relation === "coach" ? agreement.coachAcknowledgedAt : agreement.coacheeAcknowledgedAt;
  const hasAgreement = agreement.frequency !== "";
  return (
    <>
      <PageHeader
        title={`Coaching: ${e.coachName} with ${e.coacheeName}`}
        intro={`${ENGAGEMENT_STATUS_LABELS[e.status]} · started ${e.startedOn}${e.programName ? ` · ${e.programName}` : ""}`}
      />
      <p>
        <Link to="/coaching">Back to coaching</Link>
      </p>
      {e.status === "closed" ? <ClosedNotice engagement={e} /> : null}
      {party && (e.status === "getting_started" || e.status === "not_yet") ? (
        <ReadinessSection key={`readiness-${e.version}`} engagement={e} />
      ) : null}
      <section className="panel" aria-labelledby="agreement-heading">
        <h2 id="agreement-heading">Agreement</h2>
        <dl className="details">
          <dt>Goals</dt>
          <dd>
            {agreement.goals === null
              ? "Kept between coach and coachee"
              : agreement.goals.map((g) => g.text).join("; ") || "None yet"}
          </dd>
          <dt>Coach acknowledged</dt>
          <dd>{agreement.coachAcknowledgedAt ?? "Not yet"}</dd>
          <dt>Coachee acknowledged</dt>
          <dd>{agreement.coacheeAcknowledgedAt ?? "Not yet"}</dd>
        </dl>
        {party && hasAgreement && !mine && e.status !== "closed" ? (
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => acknowledge.mutate(e.version)}
              disabled={acknowledge.isPending}
            >
              I agree to this agreement
            </button>
          </div>
        ) : null}
        {party && e.status !== "closed" ? <AgreementForm key={e.version} engagement={e} /> : null}
      </section>
      <CoachingLog engagement={e} party={party} />
      {party ? <FollowUpSection engagement={e} /> : null}
      {party ? <ProgressSection engagement={e} /> : null}
      {e.relation === "coachee" && e.sessions.length > 0 ? <FeedbackForm engagement={e} /> : null}
      {party && e.status !== "closed" ? <CloseSection key={`close-${e.version}`} engagement={e} /> : null}
    </>
  );
}
