import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type ApiError, api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { useVersionedEdit } from "../../../../web/src/app/use-versioned-edit.js";
import { CheckboxField, SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import {
  CASCADE_ORDER,
  type Coverage,
  LEVEL_LABELS,
  PROGRAM_TYPE_LABELS,
  PROGRAM_TYPES,
  type Program,
  ZCoverage,
  ZProgram,
  ZProgramList,
} from "../coaching.schema.js";
import { coachingKeys } from "./coaching-keys.js";
import { RecordForm } from "./record-form.js";

type Level = (typeof CASCADE_ORDER)[number];

/** A program as typed in the form: one checkbox and one start date per level of the cascade. */
type ProgramDraft = {
  name: string;
  programType: string;
  goalAndScope: string;
  feedbackMinimum: string;
} & Record<`serves_${Level}`, boolean> &
  Record<`starts_${Level}`, string>;

function emptyDraft(goalAndScope: string): ProgramDraft {
  const draft: Record<string, string | boolean> = {
    name: "",
    programType: "skills_based",
    goalAndScope,
    feedbackMinimum: "5",
  };
  for (const level of CASCADE_ORDER) {
    draft[`serves_${level}`] = false;
    draft[`starts_${level}`] = "";
  }
  return draft as ProgramDraft;
}

function toDraft(program: Program): ProgramDraft {
  const draft: Record<string, string | boolean> = {
    ...emptyDraft(program.goalAndScope),
    name: program.name,
    programType: program.programType,
    feedbackMinimum: String(program.feedbackMinimum),
  };
  for (const level of program.levelsServed) draft[`serves_${level}`] = true;
  for (const step of program.startupSchedule) draft[`starts_${step.level}`] = step.startDate;
  return draft as ProgramDraft;
}

/** What the API takes; numbers typed wrongly go as typed, so the server names the field. */
function toInput(draft: ProgramDraft) {
  const feedbackMinimum = /^\s*\d+\s*$/.test(draft.feedbackMinimum) ? Number(draft.feedbackMinimum) : undefined;
  return {
    name: draft.name,
    programType: draft.programType,
    goalAndScope: draft.goalAndScope,
    feedbackMinimum,
    levelsServed: CASCADE_ORDER.filter((level) => draft[`serves_${level}`]),
    startupSchedule: CASCADE_ORDER.filter((level) => draft[`starts_${level}`].trim() !== "").map((level) => ({
      level,
      startDate: draft[`starts_${level}`].trim(),
    })),
  };
}

const fieldsOf = (prefix: string) => ({
  name: { id: `${prefix}-name`, label: "Name" },
  programType: { id: `${prefix}-type`, label: "Type of coaching" },
  goalAndScope: { id: `${prefix}-goal`, label: "Goal and scope" },
  levelsServed: { id: `${prefix}-serves-executive`, label: "Levels served" },
  startupSchedule: { id: `${prefix}-starts-executive`, label: "Startup schedule" },
  feedbackMinimum: { id: `${prefix}-feedback-minimum`, label: "Fewest feedback answers shown to a coach" },
});

function ProgramFields({
  prefix,
  draft,
  setField,
  error,
}: {
  prefix: string;
  draft: ProgramDraft;
  setField: <K extends keyof ProgramDraft>(key: K, value: ProgramDraft[K]) => void;
  error: ApiError | null;
}) {
  const fields = fieldsOf(prefix);
  const goalError = error?.messageFor("goalAndScope");
  // The schedule sent holds only the levels with a date, so an error's index counts those.
  const scheduled = CASCADE_ORDER.filter((level) => draft[`starts_${level}`].trim() !== "");
  return (
    <>
      <TextField
        id={fields.name.id}
        label={fields.name.label}
        value={draft.name}
        onChange={(v) => setField("name", v)}
        error={error?.messageFor("name")}
      />
      <SelectField
        id={fields.programType.id}
        label={fields.programType.label}
        value={draft.programType}
        onChange={(v) => setField("programType", v)}
        options={PROGRAM_TYPES.map((t) => ({ value: t, label: PROGRAM_TYPE_LABELS[t] }))}
        error={error?.messageFor("programType")}
      />
      <div className={goalError ? "field field-invalid" : "field"}>
        <label htmlFor={fields.goalAndScope.id}>{fields.goalAndScope.label}</label>
        <p className="field-hint" id={`${fields.goalAndScope.id}-hint`}>
          Starts from the template; rewrite it in your agency's own words.
        </p>
        {goalError ? (
          <p className="field-error" id={`${fields.goalAndScope.id}-error`}>
            {goalError}
          </p>
        ) : null}
        <textarea
          id={fields.goalAndScope.id}
          className="input"
          rows={8}
          value={draft.goalAndScope}
          onChange={(event) => setField("goalAndScope", event.target.value)}
          aria-describedby={`${fields.goalAndScope.id}-hint${goalError ? ` ${fields.goalAndScope.id}-error` : ""}`}
          aria-invalid={goalError ? true : undefined}
        />
      </div>
      <fieldset className="field">
        <legend>Levels served and when coaching starts at each</legend>
        <p className="field-hint">Leaders first: each level starts once the level above it is coached.</p>
        {error?.messageFor("levelsServed") ? <p className="field-error">{error.messageFor("levelsServed")}</p> : null}
        {CASCADE_ORDER.map((level) => (
          <div key={level} className="program-level">
            <CheckboxField
              id={`${prefix}-serves-${level}`}
              label={LEVEL_LABELS[level]}
              checked={draft[`serves_${level}`]}
              onChange={(v) => setField(`serves_${level}`, v)}
            />
            <TextField
              id={`${prefix}-starts-${level}`}
              label={`Start date for ${LEVEL_LABELS[level].toLowerCase()}`}
              type="date"
              width="medium"
              value={draft[`starts_${level}`]}
              onChange={(v) => setField(`starts_${level}`, v)}
              error={error?.messageFor(`startupSchedule.${scheduled.indexOf(level)}`)}
            />
          </div>
        ))}
      </fieldset>
      <TextField
        id={fields.feedbackMinimum.id}
        label={fields.feedbackMinimum.label}
        hint="Coaches see feedback only as averages, once at least this many coachees have answered."
        inputMode="numeric"
        width="short"
        value={draft.feedbackMinimum}
        onChange={(v) => setField("feedbackMinimum", v)}
        error={error?.messageFor("feedbackMinimum")}
      />
    </>
  );
}

function NewProgramForm({ template, onCreated }: { template: string; onCreated: (program: Program) => void }) {
  const [draft, setDraft] = useState(() => emptyDraft(template));
  const create = useMutation({
    mutationFn: () => api.post("/api/coaching/programs", ZProgram, toInput(draft)),
    onSuccess: (program) => {
      setDraft(emptyDraft(template));
      onCreated(program);
    },
  });
  const error = isApiError(create.error) ? create.error : null;
  return (
    <section className="panel" aria-labelledby="new-program-heading">
      <h2 id="new-program-heading">New program</h2>
      <RecordForm
        error={error}
        fields={fieldsOf("new-program")}
        busy={create.isPending}
        submitLabel="Create program"
        onSubmit={() => create.mutate()}
      >
        <ProgramFields
          prefix="new-program"
          draft={draft}
          setField={(key, value) => setDraft((current) => ({ ...current, [key]: value }))}
          error={error}
        />
      </RecordForm>
    </section>
  );
}

function EditProgramForm({ program, onDone }: { program: Program; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const edit = useVersionedEdit({
    record: program,
    toDraft,
    save: (draft, version) => api.put(`/api/coaching/programs/${program.id}`, ZProgram, { ...toInput(draft), version }),
    parseCurrent: (current) => ZProgram.safeParse(current).data ?? null,
    onSaved: (saved) => {
      void queryClient.invalidateQueries({ queryKey: coachingKeys.all });
      onDone(`Saved ${saved.name}.`);
    },
  });
  const conflict = edit.conflict;
  return (
    <section className="panel" aria-labelledby="edit-program-heading">
      <h2 id="edit-program-heading">Edit {program.name}</h2>
      <RecordForm
        error={edit.error}
        fields={fieldsOf("edit-program")}
        conflict={
          conflict
            ? {
                rows: [
                  { label: "Name", mine: edit.draft.name, current: conflict.name },
                  { label: "Goal and scope", mine: edit.draft.goalAndScope, current: conflict.goalAndScope },
                ],
                onApplyMine: edit.applyMine,
                onDiscardMine: () => {
                  void queryClient.invalidateQueries({ queryKey: coachingKeys.programs });
                  onDone("Your changes were discarded. The program is shown as it now stands.");
                },
              }
            : null
        }
        busy={edit.saving}
        submitLabel="Save program"
        onSubmit={edit.submit}
        onCancel={() => onDone("")}
      >
        <ProgramFields prefix="edit-program" draft={edit.draft} setField={edit.setField} error={edit.error} />
      </RecordForm>
    </section>
  );
}

const share = (inCoaching: number, staff: number) => (staff > 0 ? Math.round((100 * inCoaching) / staff) : 0);

function CoverageByLevel({ coverage }: { coverage: Coverage }) {
  return (
    <section className="panel" aria-labelledby="program-coverage-heading">
      <h2 id="program-coverage-heading">Coverage by level</h2>
      <div
        className="coaching-coverage-chart"
        role="img"
        aria-label="Bar chart of staff and people in coaching at each level; the table below lists the same numbers."
      >
        <ResponsiveContainer width="100%" height={260}>
          <BarChart
            accessibilityLayer={false}
            data={coverage.levels.map((l) => ({
              label: LEVEL_LABELS[l.level],
              staff: l.staff,
              inCoaching: l.inCoaching,
            }))}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="staff" name="Staff" fill="#94a3b8" />
            <Bar dataKey="inCoaching" name="In coaching" fill="#1d4ed8" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="table-wrap">
        <table className="table">
          <caption className="table-caption">Staff and people in coaching by level, in cascade order</caption>
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col">Coaching starts</th>
              <th scope="col">Staff</th>
              <th scope="col">In coaching</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {coverage.levels.map((l) => (
              <tr key={l.level}>
                <th scope="row">{LEVEL_LABELS[l.level]}</th>
                <td>{l.startDate ?? "Not scheduled"}</td>
                <td>{l.staff}</td>
                <td>{l.inCoaching}</td>
                <td>{l.staff > 0 ? `${share(l.inCoaching, l.staff)}%` : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Coaching programs: their goal and scope, levels served and cascade startup schedule, and coverage. */
export function ProgramsPage() {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const programs = useQuery({
    queryKey: coachingKeys.programs,
    queryFn: () => api.get("/api/coaching/programs", ZProgramList),
  });
  const coverage = useQuery({
    enabled: can("coaching.aggregates"),
    queryKey: coachingKeys.coverage,
    queryFn: () => api.get("/api/coaching/coverage", ZCoverage),
  });
  const editing = programs.data?.items.find((p) => p.id === editingId);
  const manages = can("coaching.manage");
  return (
    <>
      <PageHeader
        title="Coaching programs"
        intro="What each program is for, whom it serves, and when coaching starts at each level of the cascade."
      />
      <p>
        <Link to="/coaching">Back to coaching</Link>
      </p>
      <div role="status" className={notice ? "notice notice-success" : "visually-hidden"}>
        {notice}
      </div>
      {programs.isPending ? <Loading what="programs" /> : null}
      {programs.isError ? <LoadError error={programs.error} what="programs" /> : null}
      {programs.data ? (
        <section className="panel" aria-labelledby="programs-heading">
          <h2 id="programs-heading">Programs</h2>
          {programs.data.items.length === 0 ? (
            <p>No programs yet.{manages ? " Create the first one below." : ""}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">Coaching programs</caption>
                <thead>
                  <tr>
                    <th scope="col">Program</th>
                    <th scope="col">Type</th>
                    <th scope="col">Levels served</th>
                    <th scope="col">Startup schedule</th>
                    {manages ? (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {programs.data.items.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">{p.name}</th>
                      <td>{PROGRAM_TYPE_LABELS[p.programType]}</td>
                      <td>{p.levelsServed.map((l) => LEVEL_LABELS[l]).join(", ")}</td>
                      <td>
                        {p.startupSchedule.length === 0
                          ? "Not scheduled"
                          : p.startupSchedule.map((s) => `${LEVEL_LABELS[s.level]} ${s.startDate}`).join("; ")}
                      </td>
                      {manages ? (
                        <td>
                          <button
                            type="button"
                            className="button button-secondary"
                            onClick={() => {
                              setNotice(null);
                              setEditingId(p.id);
                            }}
                          >
                            Edit<span className="visually-hidden"> {p.name}</span>
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      {manages && editing ? (
        <EditProgramForm
          key={`${editing.id}-${editing.version}`}
          program={editing}
          onDone={(message) => {
            setEditingId(null);
            setNotice(message || null);
          }}
        />
      ) : null}
      {manages && programs.data && !editing ? (
        <NewProgramForm
          template={programs.data.goalAndScopeTemplate}
          onCreated={(program) => {
            setNotice(`Created ${program.name}.`);
            void queryClient.invalidateQueries({ queryKey: coachingKeys.all });
          }}
        />
      ) : null}
      {coverage.data ? <CoverageByLevel coverage={coverage.data} /> : null}
      {coverage.isError ? <LoadError error={coverage.error} what="coverage" /> : null}
    </>
  );
}
