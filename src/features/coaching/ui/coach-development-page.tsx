import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useId, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { CheckboxField, SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import {
  COACHING_SKILL_LABELS,
  COACHING_SKILLS,
  type CoachDevelopment,
  type CoachingSkill,
  type CoachObservation,
  SKILL_LEVEL_ANCHORS,
  SKILL_LEVELS,
  ZCoachDevelopment,
  ZCoachObservation,
} from "../coach-development.schema.js";
import { SESSION_FORMAT_LABELS, SESSION_FORMATS } from "../coaching.schema.js";
import { coachDevelopmentKeys } from "./coach-development-keys.js";
import { RatingsLineChart } from "./ratings-line-chart.js";

const today = () => new Date().toISOString().slice(0, 10);
const levelText = (rating: number) =>
  `${rating} ${SKILL_LEVEL_ANCHORS[rating as (typeof SKILL_LEVELS)[number]]?.label ?? ""}`.trim();
const LEVEL_OPTIONS = [
  { value: "", label: "Not rated this time" },
  ...SKILL_LEVELS.map((level) => ({
    value: String(level),
    label: `${levelText(level)}: ${SKILL_LEVEL_ANCHORS[level].meaning}`,
  })),
];

function TextArea({
  label,
  value,
  onChange,
  error,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        className="input"
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}

function LatestSideBySide({ development }: { development: CoachDevelopment }) {
  const cell = (r: { rating: number; ratedOn: string } | null) =>
    r ? (
      <>
        {levelText(r.rating)} <span className="muted">({r.ratedOn})</span>
      </>
    ) : (
      <span className="muted">Not rated yet</span>
    );
  return (
    <section className="panel" aria-labelledby="latest-heading">
      <h2 id="latest-heading">Skills profile: latest ratings</h2>
      <p className="muted">
        Levels: {SKILL_LEVELS.map((l) => `${l} ${SKILL_LEVEL_ANCHORS[l].label}`).join(" · ")}. Where the two views
        differ is a good place to start the next mentoring conversation.
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Latest self rating and latest mentor rating for each skill</caption>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col">Coach's own rating</th>
              <th scope="col">Mentor's rating</th>
            </tr>
          </thead>
          <tbody>
            {development.latest.map((l) => (
              <tr key={l.skill}>
                <th scope="row">{COACHING_SKILL_LABELS[l.skill]}</th>
                <td>{cell(l.self)}</td>
                <td>{cell(l.mentor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Average level per sitting over time: a chart to look at and the same numbers as a table to read. */
function RatingsOverTime({ development }: { development: CoachDevelopment }) {
  const { rounds } = development;
  const dates = [...new Set(rounds.map((r) => r.ratedOn))].sort();
  const points = dates.map((date) => ({
    date,
    self: rounds.find((r) => r.ratedOn === date && r.raterKind === "self")?.average,
    mentor: rounds.find((r) => r.ratedOn === date && r.raterKind === "mentor")?.average,
  }));
  return (
    <section className="panel" aria-labelledby="over-time-heading">
      <h2 id="over-time-heading">Ratings over time</h2>
      {rounds.length === 0 ? (
        <p>No ratings yet. Start below: the coach rates themself, and the mentor gives their view.</p>
      ) : (
        <>
          <RatingsLineChart
            points={points}
            lines={[
              { dataKey: "self", name: "Coach's own", color: "#1d4ed8" },
              { dataKey: "mentor", name: "Mentor's", color: "#b45309", dashed: true },
            ]}
            maxRating={4}
            height={220}
            label="Chart of the average levels in the table below"
          />
          <div className="table-wrap">
            <table className="table">
              <caption className="table-caption">Average level of each sitting, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Rated by</th>
                  <th scope="col">Skills rated</th>
                  <th scope="col">Average level (1–4)</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((r) => (
                  <tr key={`${r.ratedOn}-${r.raterKind}`}>
                    <td>{r.ratedOn}</td>
                    <td>{r.raterKind === "self" ? "Coach" : "Mentor"}</td>
                    <td>{r.skillsRated}</td>
                    <td>{r.average}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

type Draft = Record<CoachingSkill, { rating: string; note: string }>;
const emptyDraft = () => Object.fromEntries(COACHING_SKILLS.map((s) => [s, { rating: "", note: "" }])) as Draft;

function RateSkills({ development }: { development: CoachDevelopment }) {
  const queryClient = useQueryClient();
  const [ratedOn, setRatedOn] = useState(today);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const rate = useMutation({
    mutationFn: () =>
      api.post(`/api/coaching/coaches/${development.coachId}/skill-ratings`, ZCoachDevelopment, {
        ratedOn,
        ratings: COACHING_SKILLS.filter((s) => draft[s].rating !== "").map((skill) => ({
          skill,
          rating: Number(draft[skill].rating),
          note: draft[skill].note,
        })),
      }),
    onSuccess: (saved) => {
      setDraft(emptyDraft());
      queryClient.setQueryData(coachDevelopmentKeys.coach(development.coachId), saved);
    },
  });
  const error = isApiError(rate.error) ? rate.error : null;
  const self = development.relation === "coach";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rate.mutate();
  };
  return (
    <section className="panel" aria-labelledby="rate-heading">
      <h2 id="rate-heading">
        {self ? "Rate your coaching skills" : `Rate ${development.coachName}'s skills as mentor`}
      </h2>
      <p className="muted">Rate the skills you have something to say about; leave the others as they are.</p>
      {rate.isSuccess ? (
        <p className="notice notice-success" role="status">
          Ratings saved. They are in the profile above.
        </p>
      ) : null}
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary error={error} />
        <TextField
          label="Rated on"
          type="date"
          width="medium"
          value={ratedOn}
          onChange={setRatedOn}
          error={error?.messageFor("ratedOn")}
        />
        {COACHING_SKILLS.map((skill, index) => (
          <fieldset key={skill} className="fieldset">
            <legend>{COACHING_SKILL_LABELS[skill]}</legend>
            <SelectField
              label="Level"
              value={draft[skill].rating}
              onChange={(rating) => setDraft({ ...draft, [skill]: { ...draft[skill], rating } })}
              options={LEVEL_OPTIONS}
              error={error?.messageFor(`ratings.${index}.rating`)}
            />
            <TextField
              label="Note (optional)"
              value={draft[skill].note}
              onChange={(note) => setDraft({ ...draft, [skill]: { ...draft[skill], note } })}
            />
          </fieldset>
        ))}
        <div className="button-row">
          <button type="submit" className="button" disabled={rate.isPending}>
            {rate.isPending ? "Saving…" : "Save ratings"}
          </button>
        </div>
      </form>
    </section>
  );
}

function Reflection({ observation, coachId }: { observation: CoachObservation; coachId: string }) {
  const queryClient = useQueryClient();
  const [reflection, setReflection] = useState(observation.coachReflection ?? "");
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/coaching/coach-observations/${observation.id}/reflection`, ZCoachObservation, {
        reflection,
        version: observation.version,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: coachDevelopmentKeys.coach(coachId) }),
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
          Your reflection changed elsewhere since you opened this page. Reload to see it; what you typed is kept here.
        </p>
      ) : null}
      <TextArea
        label={`Your reflection on the observation of ${observation.observedOn}`}
        value={reflection}
        onChange={setReflection}
        error={error?.messageFor("reflection")}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>
          Save reflection
        </button>
      </div>
    </form>
  );
}

function RecordObservation({ coachId }: { coachId: string }) {
  const queryClient = useQueryClient();
  const [observedOn, setObservedOn] = useState(today);
  const [format, setFormat] = useState<(typeof SESSION_FORMATS)[number]>("individual");
  const [skills, setSkills] = useState<CoachingSkill[]>([]);
  const [strengths, setStrengths] = useState("");
  const [tryFirst, setTryFirst] = useState("");
  const [trySecond, setTrySecond] = useState("");
  const record = useMutation({
    mutationFn: () =>
      api.post(`/api/coaching/coaches/${coachId}/observations`, ZCoachObservation, {
        observedOn,
        format,
        skills,
        strengths,
        thingsToTry: [tryFirst, trySecond].map((t) => t.trim()).filter((t) => t !== ""),
      }),
    onSuccess: () => {
      setSkills([]);
      setStrengths("");
      setTryFirst("");
      setTrySecond("");
      void queryClient.invalidateQueries({ queryKey: coachDevelopmentKeys.coach(coachId) });
    },
  });
  const error = isApiError(record.error) ? record.error : null;
  return (
    <section className="panel" aria-labelledby="record-observation-heading">
      <h2 id="record-observation-heading">Record an observation</h2>
      <p className="muted">
        About the coach's coaching only: write nothing the coachee said in confidence. The coach adds a reflection
        afterwards.
      </p>
      {record.isSuccess ? (
        <p className="notice notice-success" role="status">
          Observation saved. The coach can now add their reflection.
        </p>
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          record.mutate();
        }}
      >
        <ErrorSummary error={error} />
        <TextField
          label="Observed on"
          type="date"
          width="medium"
          value={observedOn}
          onChange={setObservedOn}
          error={error?.messageFor("observedOn")}
        />
        <SelectField
          label="Format of the session observed"
          value={format}
          onChange={(value) => setFormat(value as typeof format)}
          options={SESSION_FORMATS.map((f) => ({ value: f, label: SESSION_FORMAT_LABELS[f] }))}
        />
        <fieldset className="fieldset">
          <legend>Skills observed</legend>
          {error?.messageFor("skills") ? <p className="field-error">{error.messageFor("skills")}</p> : null}
          {COACHING_SKILLS.map((skill) => (
            <CheckboxField
              key={skill}
              label={COACHING_SKILL_LABELS[skill]}
              checked={skills.includes(skill)}
              onChange={(checked) => setSkills(checked ? [...skills, skill] : skills.filter((s) => s !== skill))}
            />
          ))}
        </fieldset>
        <TextArea
          label="Strengths seen"
          value={strengths}
          onChange={setStrengths}
          error={error?.messageFor("strengths")}
        />
        <TextField
          label="One thing to try"
          value={tryFirst}
          onChange={setTryFirst}
          error={error?.messageFor("thingsToTry") ?? error?.messageFor("thingsToTry.0")}
        />
        <TextField label="A second thing to try (optional)" value={trySecond} onChange={setTrySecond} />
        <div className="button-row">
          <button type="submit" className="button" disabled={record.isPending}>
            Save observation
          </button>
        </div>
      </form>
    </section>
  );
}

function Observations({ development }: { development: CoachDevelopment }) {
  return (
    <section className="panel" aria-labelledby="observations-heading">
      <h2 id="observations-heading">Mentor observations</h2>
      {development.observations.length === 0 ? (
        <p>No observations yet.</p>
      ) : (
        <ul className="plain-list">
          {development.observations.map((o) => (
            <li key={o.id}>
              <h3>
                {o.observedOn}: {SESSION_FORMAT_LABELS[o.format]}, observed by {o.observerName}
              </h3>
              <p>Skills observed: {o.skills.map((s) => COACHING_SKILL_LABELS[s]).join(", ")}</p>
              <p>
                <strong>Strengths seen:</strong> {o.strengths}
              </p>
              <p>
                <strong>To try:</strong> {o.thingsToTry.join(" · ")}
              </p>
              {development.relation === "coach" ? (
                <Reflection observation={o} coachId={development.coachId} />
              ) : (
                <p>
                  <strong>Coach's reflection:</strong>{" "}
                  {o.coachReflection ?? <span className="muted">Not yet written</span>}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * One coach's development, for the coach ("My development"), their mentor and the coaching
 * supervisor: latest self and mentor ratings side by side, the history, observations, and the
 * forms that fit the reader's part.
 */
export function CoachDevelopmentPage({ coachId }: { coachId: string }) {
  const development = useQuery({
    queryKey: coachDevelopmentKeys.coach(coachId),
    queryFn: () => api.get(`/api/coaching/coaches/${coachId}/development`, ZCoachDevelopment),
  });
  if (development.isPending) return <Loading what="the coach's development" />;
  if (development.isError) return <LoadError error={development.error} what="the coach's development" />;
  const d = development.data;
  const own = d.relation === "coach";
  return (
    <>
      <PageHeader
        title={own ? "My development as a coach" : `${d.coachName}: development as a coach`}
        intro={`For growing as a coach, never a performance record. Read by the coach, their mentor${d.mentorName ? ` (${d.mentorName})` : ""} and the coaching supervisor.`}
      />
      <p>
        <Link to="/coaching">Back to coaching</Link> · <Link to="/coaching/roundtables">Peer roundtables</Link>
      </p>
      <LatestSideBySide development={d} />
      <RatingsOverTime development={d} />
      <RateSkills key={`${d.coachId}-${d.relation}`} development={d} />
      <Observations development={d} />
      {own ? null : <RecordObservation coachId={d.coachId} />}
    </>
  );
}
