import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { ZOrgTree } from "../../org/org-unit.schema.js";
import { ZPeoplePage } from "../../people/person.schema.js";
import { type TrainingSessionDetail, ZTrainingSessionDetail } from "../session.schema.js";
import { emptySessionDraft, SESSION_FIELDS, type SessionDraft, SessionFields, toSessionBody } from "./session-form.js";
import { trainingKeys } from "./training-keys.js";

export const ZNewSessionSearch = z.object({ curriculumId: z.string().max(64).optional() });

interface Enrolled {
  id: string;
  name: string;
}

function CohortPicker({
  enrolled,
  onChange,
  error,
}: {
  enrolled: Enrolled[];
  onChange: (next: Enrolled[]) => void;
  error: string | undefined;
}) {
  const [unitId, setUnitId] = useState("");
  const [term, setTerm] = useState("");
  const [adding, setAdding] = useState(false);
  /** What the last "Enroll the whole unit" did, said where the button is. */
  const [unitOutcome, setUnitOutcome] = useState<{ failed: boolean; text: string } | null>(null);
  const tree = useQuery({ queryKey: ["org-units"], queryFn: () => api.get("/api/org-units", ZOrgTree) });
  const found = useQuery({
    queryKey: ["people", { q: term.trim() }],
    queryFn: () => api.get("/api/people", ZPeoplePage, { q: term.trim(), pageSize: 10 }),
    enabled: term.trim().length >= 2,
  });
  const add = (people: Enrolled[]) => {
    const known = new Set(enrolled.map((e) => e.id));
    onChange([...enrolled, ...people.filter((p) => !known.has(p.id))]);
  };
  const units = (tree.data?.units ?? []).filter((u) => u.kind === "unit" && !u.retired);
  const addUnit = async () => {
    if (!unitId) return;
    setAdding(true);
    setUnitOutcome(null);
    const unitName = units.find((u) => u.id === unitId)?.name ?? "the unit";
    try {
      const page = await api.get("/api/people", ZPeoplePage, { orgUnitId: unitId, pageSize: 200 });
      const known = new Set(enrolled.map((e) => e.id));
      const fresh = page.items.filter((p) => !known.has(p.id));
      add(page.items.map((p) => ({ id: p.id, name: `${p.givenName} ${p.familyName}` })));
      setUnitOutcome({
        failed: false,
        text: `Added ${fresh.length} ${fresh.length === 1 ? "person" : "people"} from ${unitName}.`,
      });
    } catch (failure) {
      const reason = isApiError(failure) ? failure.message.replace(/\.$/, "") : "the connection failed";
      setUnitOutcome({
        failed: true,
        text: `Nobody was added from ${unitName}: ${reason}. Try again.`,
      });
    } finally {
      setAdding(false);
    }
  };
  return (
    <fieldset className={error ? "fieldset field-invalid" : "fieldset"} id="enrolledPersonIds" tabIndex={-1}>
      <legend>Cohort ({enrolled.length} enrolled)</legend>
      {error ? (
        <p className="field-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <SelectField
        label="Unit"
        hint="Enrolls everyone now placed in the unit."
        value={unitId}
        onChange={setUnitId}
        options={[
          { value: "", label: "Choose a unit" },
          ...units.map((u) => ({ value: u.id, label: `${u.name} (${u.headCount})` })),
        ]}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={!unitId || adding}
          onClick={() => void addUnit()}
        >
          {adding ? "Adding…" : "Enroll the whole unit"}
        </button>
      </div>
      <p role="status" className={unitOutcome?.failed ? "field-error" : undefined}>
        {unitOutcome?.text ?? ""}
      </p>
      <TextField
        label="Find a person"
        hint="Type at least two letters of a name."
        type="search"
        value={term}
        onChange={setTerm}
      />
      {found.data && term.trim().length >= 2 ? (
        found.data.items.length === 0 ? (
          <p className="muted">Nobody matches.</p>
        ) : (
          <ul className="plain-list">
            {found.data.items.map((p) => {
              const name = `${p.givenName} ${p.familyName}`;
              return (
                <li key={p.id}>
                  {name} {p.orgUnitName ? <span className="muted">({p.orgUnitName})</span> : null}{" "}
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={enrolled.some((e) => e.id === p.id)}
                    onClick={() => add([{ id: p.id, name }])}
                  >
                    Enroll {name}
                  </button>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
      {enrolled.length > 0 ? (
        <ul className="plain-list" aria-label="Enrolled">
          {enrolled.map((person) => (
            <li key={person.id}>
              {person.name}{" "}
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => onChange(enrolled.filter((e) => e.id !== person.id))}
              >
                Remove {person.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

function Scheduled({ session, onAnother }: { session: TrainingSessionDetail; onAnother: () => void }) {
  return (
    <section className="panel" aria-labelledby="scheduled-heading">
      <h2 id="scheduled-heading">Session scheduled</h2>
      <p role="status">
        {session.title} on {session.startsLocal} ({session.timeZone}), {session.enrollments.length} of{" "}
        {session.capacity} enrolled.
      </p>
      {session.cohortNote ? <p className="training-finding-warning">Planner check: {session.cohortNote}</p> : null}
      <div className="button-row">
        <Link to="/training/sessions/$sessionId" params={{ sessionId: session.id }} className="button">
          Open the session
        </Link>
        <button type="button" className="button button-secondary" onClick={onAnother}>
          Schedule another session
        </button>
      </div>
    </section>
  );
}

/**
 * Scheduling a training session: when (on the agency's clock), where, who trains, which modules,
 * and the cohort. The planner's cohort check comes back with the saved session.
 */
export function NewSessionPage({ curriculumId: initialCurriculum }: { curriculumId: string | undefined }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => emptySessionDraft(initialCurriculum ?? ""));
  const setField = (field: keyof SessionDraft, value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));
  const [enrolled, setEnrolled] = useState<Enrolled[]>([]);
  const [scheduled, setScheduled] = useState<TrainingSessionDetail | null>(null);

  const save = useMutation({
    mutationFn: () =>
      api.post("/api/training-sessions", ZTrainingSessionDetail, {
        ...toSessionBody(draft),
        enrolledPersonIds: enrolled.map((e) => e.id),
      }),
    onSuccess: (session) => {
      void queryClient.invalidateQueries({ queryKey: trainingKeys.sessions });
      queryClient.setQueryData(trainingKeys.session(session.id), session);
      setScheduled(session);
    },
  });
  const error = isApiError(save.error) ? save.error : null;
  const errorFor = (field: string) => error?.messageFor(field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const header = (
    <>
      <p className="breadcrumb">
        <Link to="/training/sessions">Training sessions</Link>
      </p>
      <PageHeader
        title="Schedule a session"
        intro="Set the time and place, name the trainers, and enroll the cohort."
      />
    </>
  );
  if (scheduled) {
    return (
      <>
        {header}
        <Scheduled
          session={scheduled}
          onAnother={() => {
            setScheduled(null);
            setEnrolled([]);
            save.reset();
          }}
        />
      </>
    );
  }
  const fields = { ...SESSION_FIELDS, enrolledPersonIds: { id: "enrolledPersonIds", label: "Cohort" } };
  return (
    <>
      {header}
      <form onSubmit={submit} noValidate className="stack">
        <ErrorSummary error={error} fields={fields} />
        <SessionFields draft={draft} setField={setField} errorFor={errorFor} />
        <CohortPicker enrolled={enrolled} onChange={setEnrolled} error={errorFor("enrolledPersonIds")} />
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? "Scheduling…" : "Schedule session"}
          </button>
        </div>
      </form>
    </>
  );
}
