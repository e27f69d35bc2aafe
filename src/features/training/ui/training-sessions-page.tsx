import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import {
  type Attendance,
  type PartnerHoursOutcome,
  TRAINER_ROLE_LABELS,
  ZAttendanceResult,
  ZTrainingSessionDetail,
  ZTrainingSessionList,
} from "../session.schema.js";
import { DeliveryCheckPanel } from "./delivery-check-panel.js";
import { MySurveysSection } from "./my-surveys-section.js";
import { OnboardingPanel } from "./onboarding-panel.js";
import { trainingKeys } from "./training-keys.js";
import { TrainingNav } from "./training-nav.js";

type SessionDetail = z.infer<typeof ZTrainingSessionDetail>;

const ATTENDANCE_LABELS: Record<Attendance, string> = { present: "Present", absent: "Absent", partial: "Part of it" };

/** The agency's training sessions, soonest first. */
export function TrainingSessionsPage() {
  const { can } = useSession();
  const sessions = useQuery({
    queryKey: trainingKeys.sessions,
    queryFn: () => api.get("/api/training-sessions", ZTrainingSessionList),
  });
  return (
    <>
      <PageHeader
        title="Training sessions"
        intro="When and where each practice model training happens, and who came."
        actions={
          can("training.manage") ? (
            <Link to="/training/sessions/new" className="button">
              Schedule a session
            </Link>
          ) : null
        }
      />
      <TrainingNav />
      <MySurveysSection />
      {sessions.isPending ? (
        <Loading what="training sessions" />
      ) : sessions.isError ? (
        <LoadError error={sessions.error} what="training sessions" />
      ) : sessions.data.items.length === 0 ? (
        <p>No training sessions yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Training sessions</caption>
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">When</th>
                <th scope="col">Where</th>
                <th scope="col">Enrolled</th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.items.map((session) => (
                <tr key={session.id}>
                  <td>
                    <Link to="/training/sessions/$sessionId" params={{ sessionId: session.id }}>
                      {session.title}
                    </Link>
                  </td>
                  <td>{session.startsLocal}</td>
                  <td>{session.place || "Online"}</td>
                  <td>
                    {session.enrolledCount} of {session.capacity}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {can("training.manage") ? <OnboardingPanel /> : null}
    </>
  );
}

interface Mark {
  attendance: Attendance | "";
  minutes: string;
}

function AttendanceForm({
  session,
  onSaved,
}: {
  session: SessionDetail;
  onSaved: (partnerHours: PartnerHoursOutcome[]) => void;
}) {
  const queryClient = useQueryClient();
  const { can } = useSession();
  // Those who may log partner hours can change the default (the session's length) per partner trainer.
  const partnerTrainers = can("partnerHours.log") ? session.trainers.filter((t) => t.kind === "partner") : [];
  const [partnerHours, setPartnerHours] = useState<Record<string, string>>(() =>
    Object.fromEntries(partnerTrainers.map((t) => [t.id, String(session.durationMinutes / 60)])),
  );
  const [marks, setMarks] = useState<Record<string, Mark>>(() =>
    Object.fromEntries(
      session.enrollments.map((e) => [
        e.personId,
        {
          attendance: e.attendance ?? "",
          minutes: e.attendance === "partial" && e.minutesAttended !== null ? String(e.minutesAttended) : "",
        },
      ]),
    ),
  );
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/training-sessions/${session.id}/attendance`, ZAttendanceResult, {
        records: session.enrollments
          .filter((e) => marks[e.personId]?.attendance)
          .map((e) => {
            const mark = marks[e.personId] as Mark;
            return {
              personId: e.personId,
              attendance: mark.attendance,
              minutes: mark.attendance === "partial" && mark.minutes !== "" ? Number(mark.minutes) : null,
            };
          }),
        partnerHours: partnerTrainers.map((t) => ({ trainerId: t.id, hours: Number(partnerHours[t.id]) })),
        version: session.version,
      }),
    onSuccess: ({ partnerHours: outcomes, ...next }) => {
      queryClient.setQueryData(trainingKeys.session(session.id), next);
      onSaved(outcomes);
    },
  });
  const error = isApiError(save.error) ? save.error : null;
  const set = (personId: string, change: Partial<Mark>) => {
    setMarks({ ...marks, [personId]: { ...(marks[personId] as Mark), ...change } });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} />
      {error?.status === 409 ? (
        <p role="alert">Someone recorded attendance meanwhile. Reload the page to see it, then record again.</p>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          <caption>Attendance ({session.durationMinutes} minutes in all)</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Attendance</th>
              <th scope="col">Minutes, if part of it</th>
            </tr>
          </thead>
          <tbody>
            {session.enrollments.map((enrollment, index) => {
              const mark = marks[enrollment.personId] as Mark;
              const minutesError = error?.messageFor(`records.${index}.minutes`);
              return (
                <tr key={enrollment.personId}>
                  <th scope="row">{enrollment.name}</th>
                  <td>
                    <select
                      className="input"
                      aria-label={`Attendance of ${enrollment.name}`}
                      value={mark.attendance}
                      onChange={(event) =>
                        set(enrollment.personId, { attendance: event.target.value as Attendance | "" })
                      }
                    >
                      <option value="">Not recorded</option>
                      {(Object.keys(ATTENDANCE_LABELS) as Attendance[]).map((value) => (
                        <option key={value} value={value}>
                          {ATTENDANCE_LABELS[value]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {mark.attendance === "partial" ? (
                      <input
                        className="input input-short"
                        inputMode="numeric"
                        aria-label={`Minutes ${enrollment.name} attended`}
                        value={mark.minutes}
                        onChange={(event) => set(enrollment.personId, { minutes: event.target.value })}
                        aria-invalid={minutesError ? true : undefined}
                      />
                    ) : (
                      <span className="muted">
                        {mark.attendance === "present"
                          ? session.durationMinutes
                          : mark.attendance === "absent"
                            ? 0
                            : "–"}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {partnerTrainers.length > 0 ? (
        <fieldset className="field">
          <legend>Partner co-trainers' hours</legend>
          <p className="muted">
            Logged once against each partner's active agreement when you save; change them before the first save if they
            worked longer or shorter.
          </p>
          {partnerTrainers.map((t, index) => {
            const hoursError = error?.messageFor(`partnerHours.${index}`);
            return (
              <div key={t.id} className={hoursError ? "field field-invalid" : "field"}>
                <label htmlFor={`partner-hours-${t.id}`}>Hours of {t.name}</label>
                {hoursError ? <p className="field-error">{hoursError}</p> : null}
                <input
                  id={`partner-hours-${t.id}`}
                  className="input input-short"
                  inputMode="decimal"
                  value={partnerHours[t.id] ?? ""}
                  onChange={(event) => setPartnerHours({ ...partnerHours, [t.id]: event.target.value })}
                  aria-invalid={hoursError ? true : undefined}
                />
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save attendance"}
        </button>
      </div>
    </form>
  );
}

function AttendanceList({ session }: { session: SessionDetail }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>Attendance</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Attendance</th>
            <th scope="col">Minutes</th>
          </tr>
        </thead>
        <tbody>
          {session.enrollments.map((e) => (
            <tr key={e.personId}>
              <th scope="row">{e.name}</th>
              <td>{e.attendance ? ATTENDANCE_LABELS[e.attendance] : "Not recorded"}</td>
              <td>{e.minutesAttended ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One session: when and where, who trains, who is enrolled, and attendance. */
export function TrainingSessionPage({ sessionId }: { sessionId: string }) {
  const { can, session: signedIn } = useSession();
  const [notice, setNotice] = useState("");
  const [hoursNotes, setHoursNotes] = useState<PartnerHoursOutcome[]>([]);
  const query = useQuery({
    queryKey: trainingKeys.session(sessionId),
    queryFn: () => api.get(`/api/training-sessions/${sessionId}`, ZTrainingSessionDetail),
  });
  if (query.isPending) return <Loading what="the training session" />;
  if (query.isError) return <LoadError error={query.error} what="the training session" />;
  const session = query.data;
  const trainsIt = session.trainers.some((t) => t.personId !== null && t.personId === signedIn.user.personId);
  const mayRecord = can("training.manage") || (can("trainingAttendance.record") && trainsIt);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/training/sessions">Training sessions</Link>
      </p>
      <PageHeader
        title={session.title}
        intro={`${session.startsLocal} to ${session.endsLocal} (${session.timeZone})`}
      />
      {can("training.manage") ? (
        <div className="button-row">
          <Link to="/training/sessions/$sessionId/edit" params={{ sessionId: session.id }} className="button">
            Edit session
          </Link>
        </div>
      ) : null}
      <section className="panel" aria-labelledby="session-facts-heading">
        <h2 id="session-facts-heading">Details</h2>
        <dl className="training-facts">
          <dt>Where</dt>
          <dd>
            {session.place || "Online"}
            {session.facility ? ` (${session.facility})` : ""}
          </dd>
          {session.videoLink ? (
            <>
              <dt>Video link</dt>
              <dd>
                <a href={session.videoLink}>{session.videoLink}</a>
              </dd>
            </>
          ) : null}
          <dt>Trainers</dt>
          <dd>
            {session.trainers
              .map((t) => `${t.name} (${TRAINER_ROLE_LABELS[t.role]}${t.kind === "partner" ? ", partner" : ""})`)
              .join("; ")}
          </dd>
          <dt>Enrolled</dt>
          <dd>
            {session.enrollments.length} of {session.capacity}
            {session.cohortNote ? <span className="muted"> · {session.cohortNote}</span> : null}
          </dd>
        </dl>
      </section>
      {can("trainingSurvey.results") ? (
        <section className="panel" aria-labelledby="session-survey-heading">
          <h2 id="session-survey-heading">Pre/post survey</h2>
          <p>
            <Link to="/training/sessions/$sessionId/survey" params={{ sessionId: session.id }}>
              {can("trainingSurvey.manage") ? "Open the surveys and see the results" : "See the survey results"}
            </Link>
          </p>
        </section>
      ) : null}
      <section className="panel" aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">Who came</h2>
        {mayRecord ? (
          <>
            <p className="muted">Mark each person after the session. Part of it needs the minutes they were there.</p>
            <div role="status" className="training-notice">
              {notice}
              {hoursNotes.length > 0 ? (
                <ul>
                  {hoursNotes.map((note) => (
                    <li key={note.trainerId}>
                      {note.name}: {note.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
            <AttendanceForm
              key={session.version}
              session={session}
              onSaved={(outcomes) => {
                setNotice("Attendance saved.");
                setHoursNotes(outcomes);
              }}
            />
          </>
        ) : (
          <AttendanceList session={session} />
        )}
      </section>
      <DeliveryCheckPanel sessionId={session.id} />
    </>
  );
}
