import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { CheckboxField, SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZCoachList } from "../coaching.schema.js";
import { type Roundtable, ZRoundtable, ZRoundtableList } from "../roundtable.schema.js";
import { coachDevelopmentKeys } from "./coach-development-keys.js";

const ATTENDANCE_LABELS = { unrecorded: "Not recorded", present: "Present", absent: "Absent" } as const;

function ScheduleRoundtable({ ownCoachId, oversees }: { ownCoachId: string | null; oversees: boolean }) {
  const queryClient = useQueryClient();
  const coaches = useQuery({
    queryKey: ["coaching", "coaches"],
    queryFn: () => api.get("/api/coaching/coaches", ZCoachList),
  });
  const topicsId = useId();
  const [title, setTitle] = useState("");
  const [heldOn, setHeldOn] = useState("");
  const [startTime, setStartTime] = useState("14:00");
  const [duration, setDuration] = useState("90");
  const [facilitator, setFacilitator] = useState(ownCoachId ?? "");
  const [topics, setTopics] = useState("");
  const [invited, setInvited] = useState<string[]>([]);
  const schedule = useMutation({
    mutationFn: () =>
      api.post("/api/coaching/roundtables", ZRoundtable, {
        title,
        heldOn,
        startTime,
        durationMinutes: Number(duration),
        facilitatorCoachId: facilitator || null,
        topics: topics
          .split("\n")
          .map((t) => t.trim())
          .filter((t) => t !== "")
          .map((text) => ({ text, itemId: null })),
        invitedCoachIds: invited,
      }),
    onSuccess: () => {
      setTitle("");
      setTopics("");
      setInvited([]);
      void queryClient.invalidateQueries({ queryKey: coachDevelopmentKeys.roundtables });
    },
  });
  const error = isApiError(schedule.error) ? schedule.error : null;
  if (coaches.isPending) return <Loading what="the coach roster" />;
  if (coaches.isError) return <LoadError error={coaches.error} what="the coach roster" />;
  const roster = coaches.data.items;
  const facilitatorOptions = oversees
    ? [{ value: "", label: "No facilitator yet" }, ...roster.map((c) => ({ value: c.id, label: c.name }))]
    : roster.filter((c) => c.id === ownCoachId).map((c) => ({ value: c.id, label: `${c.name} (you)` }));
  return (
    <section className="panel" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Schedule a roundtable</h2>
      {schedule.isSuccess ? (
        <p className="notice notice-success" role="status">
          Roundtable scheduled. It is in the list below and in the invited coaches' calendars.
        </p>
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          schedule.mutate();
        }}
      >
        <ErrorSummary error={error} />
        <TextField label="Title" value={title} onChange={setTitle} error={error?.messageFor("title")} />
        <TextField
          label="Date"
          type="date"
          width="medium"
          value={heldOn}
          onChange={setHeldOn}
          error={error?.messageFor("heldOn")}
        />
        <TextField
          label="Start time (agency time)"
          hint="Like 14:00."
          width="medium"
          value={startTime}
          onChange={setStartTime}
          error={error?.messageFor("startTime")}
        />
        <TextField
          label="Length in minutes"
          inputMode="numeric"
          width="medium"
          value={duration}
          onChange={setDuration}
          error={error?.messageFor("durationMinutes")}
        />
        <SelectField
          label="Facilitator"
          value={facilitator}
          onChange={setFacilitator}
          options={facilitatorOptions}
          error={error?.messageFor("facilitatorCoachId")}
        />
        <div className={error?.messageFor("topics") ? "field field-invalid" : "field"}>
          <label htmlFor={topicsId} className="field-label">
            Topics, one per line
          </label>
          {error?.messageFor("topics") ? (
            <p id={`${topicsId}-error`} className="field-error">
              {error.messageFor("topics")}
            </p>
          ) : null}
          <textarea
            id={topicsId}
            className="input"
            rows={3}
            value={topics}
            onChange={(e) => setTopics(e.target.value)}
            aria-invalid={error?.messageFor("topics") ? true : undefined}
            aria-describedby={error?.messageFor("topics") ? `${topicsId}-error` : undefined}
          />
        </div>
        <fieldset className="fieldset">
          <legend>Coaches invited</legend>
          {error?.messageFor("invitedCoachIds") ? (
            <p className="field-error">{error.messageFor("invitedCoachIds")}</p>
          ) : null}
          {roster.map((c) => (
            <CheckboxField
              key={c.id}
              label={c.name}
              checked={invited.includes(c.id)}
              onChange={(checked) => setInvited(checked ? [...invited, c.id] : invited.filter((id) => id !== c.id))}
            />
          ))}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={schedule.isPending}>
            Schedule roundtable
          </button>
        </div>
      </form>
    </section>
  );
}

function AttendanceForm({ roundtable }: { roundtable: Roundtable }) {
  const queryClient = useQueryClient();
  const [marks, setMarks] = useState<Record<string, "present" | "absent">>(() =>
    Object.fromEntries(
      roundtable.attendance.flatMap((a) => (a.attendance === "unrecorded" ? [] : [[a.coachId, a.attendance]])),
    ),
  );
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/coaching/roundtables/${roundtable.id}/attendance`, ZRoundtable, {
        attendance: Object.entries(marks).map(([coachId, attendance]) => ({ coachId, attendance })),
        version: roundtable.version,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: coachDevelopmentKeys.roundtables }),
  });
  const error = isApiError(save.error) ? save.error : null;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <ErrorSummary error={error} />
      {error?.status === 409 ? (
        <p className="notice" role="alert">
          Someone else recorded attendance meanwhile. Reload to see theirs; your marks are kept here.
        </p>
      ) : null}
      {roundtable.attendance.map((a) => (
        <fieldset key={a.coachId} className="fieldset">
          <legend>{a.name}</legend>
          {(["present", "absent"] as const).map((value) => (
            <div key={value} className="field field-checkbox">
              <input
                type="radio"
                id={`attendance-${roundtable.id}-${a.coachId}-${value}`}
                name={`attendance-${roundtable.id}-${a.coachId}`}
                checked={marks[a.coachId] === value}
                onChange={() => setMarks({ ...marks, [a.coachId]: value })}
              />
              <label htmlFor={`attendance-${roundtable.id}-${a.coachId}-${value}`}>{ATTENDANCE_LABELS[value]}</label>
            </div>
          ))}
        </fieldset>
      ))}
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          Save attendance for {roundtable.title}
        </button>
      </div>
    </form>
  );
}

/** Peer roundtables: coaches learning from each other in group supervision (SPEC §4). */
export function RoundtablesPage() {
  const { can } = useSession();
  const list = useQuery({
    queryKey: coachDevelopmentKeys.roundtables,
    queryFn: () => api.get("/api/coaching/roundtables", ZRoundtableList),
  });
  return (
    <>
      <PageHeader
        title="Peer roundtables"
        intro="Coaches meet to bring cases and questions about their coaching, practice skills together and support one another."
      />
      <p>
        <Link to="/coaching">Back to coaching</Link>
      </p>
      {list.isPending ? (
        <Loading what="roundtables" />
      ) : list.isError ? (
        <LoadError error={list.error} what="roundtables" />
      ) : (
        <>
          {list.data.canSchedule ? (
            <ScheduleRoundtable ownCoachId={list.data.ownCoachId} oversees={can("coachDevelopment.oversee")} />
          ) : null}
          <section className="panel" aria-labelledby="roundtables-heading">
            <h2 id="roundtables-heading">Roundtables, newest first</h2>
            {list.data.items.length === 0 ? (
              <p>No roundtables yet.</p>
            ) : (
              <ul className="plain-list">
                {list.data.items.map((r) => (
                  <li key={r.id}>
                    <h3>
                      {r.title}: {r.heldOn} at {r.startTime}, {r.durationMinutes} minutes
                    </h3>
                    <p>Facilitator: {r.facilitatorName ?? "not chosen yet"}</p>
                    <p>Topics:</p>
                    <ul>
                      {r.topics.map((t) => (
                        <li key={t.text}>
                          {t.text}
                          {t.itemName ? <span className="muted"> ({t.itemName})</span> : null}
                        </li>
                      ))}
                    </ul>
                    {r.canRecordAttendance ? (
                      <AttendanceForm key={r.version} roundtable={r} />
                    ) : (
                      <div className="table-wrap">
                        <table className="table">
                          <caption className="table-caption">Attendance at {r.title}</caption>
                          <thead>
                            <tr>
                              <th scope="col">Coach</th>
                              <th scope="col">Attendance</th>
                            </tr>
                          </thead>
                          <tbody>
                            {r.attendance.map((a) => (
                              <tr key={a.coachId}>
                                <td>{a.name}</td>
                                <td>{ATTENDANCE_LABELS[a.attendance]}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
