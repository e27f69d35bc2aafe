import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useId, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ConflictPanel } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { type ModelContent, ZModelDetail, ZModelList, ZModelVersion } from "../../model/model.schema.js";
import { AUDIENCE_LABELS, AUDIENCES, type Audience, type Curriculum, ZCurriculum } from "../curriculum.schema.js";
import { trainingKeys } from "./training-keys.js";

interface ModuleDraft {
  /** Stable across reordering so React keeps each module's inputs; not sent. */
  key: string;
  id: string | undefined;
  title: string;
  durationMinutes: string;
  audiences: Audience[];
  elementIds: string[];
  behaviorIds: string[];
}

interface CurriculumDraft {
  title: string;
  description: string;
  modules: ModuleDraft[];
}

let nextKey = 0;
const newKey = () => `module-${++nextKey}`;

function draftOf(curriculum: Curriculum | null): CurriculumDraft {
  return {
    title: curriculum?.title ?? "",
    description: curriculum?.description ?? "",
    modules: (curriculum?.modules ?? []).map((m) => ({
      key: newKey(),
      id: m.id,
      title: m.title,
      durationMinutes: String(m.durationMinutes),
      audiences: m.audiences,
      elementIds: m.elementIds,
      behaviorIds: m.behaviorIds,
    })),
  };
}

function emptyModule(): ModuleDraft {
  return {
    key: newKey(),
    id: undefined,
    title: "",
    durationMinutes: "",
    audiences: [],
    elementIds: [],
    behaviorIds: [],
  };
}

/** What is sent: minutes as typed become a number, or stay text so the server names the field. */
function bodyOf(draft: CurriculumDraft) {
  return {
    title: draft.title,
    description: draft.description,
    modules: draft.modules.map((m) => ({
      ...(m.id ? { id: m.id } : {}),
      title: m.title,
      durationMinutes: m.durationMinutes.trim() === "" ? null : Number(m.durationMinutes),
      audiences: m.audiences,
      elementIds: m.elementIds,
      behaviorIds: m.behaviorIds,
    })),
  };
}

const moduleLine = (m: { title: string; durationMinutes: string | number }) => `${m.title} (${m.durationMinutes} min)`;

function conflictRows(mine: CurriculumDraft, current: Curriculum) {
  const theirs = draftOf(current);
  return [
    { label: "Title", mine: mine.title, current: theirs.title },
    { label: "Description", mine: mine.description, current: theirs.description },
    {
      label: "Modules",
      mine: mine.modules.map(moduleLine).join("; "),
      current: theirs.modules.map(moduleLine).join("; "),
    },
  ];
}

/** Modules compared by what is saved, not by the form's own keys. */
const modulesText = (modules: ModuleDraft[]) => JSON.stringify(modules.map(({ key: _key, ...saved }) => saved));

/**
 * Keeps each part this person changed (title, description, the module list as a whole) and takes
 * every other part from the current record, like the other editors' "save my changes".
 */
function mergeMine(mine: CurriculumDraft, started: CurriculumDraft, current: CurriculumDraft): CurriculumDraft {
  return {
    title: mine.title !== started.title ? mine.title : current.title,
    description: mine.description !== started.description ? mine.description : current.description,
    modules: modulesText(mine.modules) !== modulesText(started.modules) ? mine.modules : current.modules,
  };
}

const toggled = <T,>(list: T[], value: T, on: boolean) =>
  on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

/**
 * The model the curriculum is written against: the published model (the agency's model in use
 * is the newest publication, which the server checks again on save).
 */
function useModelContent() {
  const list = useQuery({ queryKey: ["models"], queryFn: () => api.get("/api/models", ZModelList) });
  const published = list.data?.items.find((m) => m.latestPublishedNumber !== null);
  const detail = useQuery({
    queryKey: ["models", published?.id ?? "", "detail"],
    queryFn: () => api.get(`/api/models/${published?.id}`, ZModelDetail),
    enabled: published !== undefined,
  });
  const number = detail.data?.latestPublishedNumber;
  const version = useQuery({
    queryKey: ["models", published?.id ?? "", "versions", number ?? 0],
    queryFn: () => api.get(`/api/models/${published?.id}/versions/${number}`, ZModelVersion),
    enabled: published !== undefined && number !== null && number !== undefined,
  });
  return version.data?.content ?? null;
}

interface ModuleFieldsProps {
  module: ModuleDraft;
  index: number;
  count: number;
  model: ModelContent | null;
  errorFor: (field: string) => string | undefined;
  onChange: (next: ModuleDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function ModuleFields({ module, index, count, model, errorFor, onChange, onMove, onRemove }: ModuleFieldsProps) {
  const id = useId();
  const number = index + 1;
  const audienceError = errorFor(`modules.${index}.audiences`);
  const coverageError =
    errorFor(`modules.${index}.elementIds`) ??
    module.elementIds.map((_, j) => errorFor(`modules.${index}.elementIds.${j}`)).find(Boolean) ??
    module.behaviorIds.map((_, j) => errorFor(`modules.${index}.behaviorIds.${j}`)).find(Boolean);
  return (
    <fieldset className="fieldset curriculum-module">
      <legend>
        Module {number}
        {module.title ? `: ${module.title}` : ""}
      </legend>
      <TextField
        id={`modules.${index}.title`}
        label={`Module ${number} title`}
        value={module.title}
        onChange={(title) => onChange({ ...module, title })}
        error={errorFor(`modules.${index}.title`)}
      />
      <TextField
        id={`modules.${index}.durationMinutes`}
        label={`Module ${number} length in minutes`}
        inputMode="numeric"
        width="short"
        value={module.durationMinutes}
        onChange={(durationMinutes) => onChange({ ...module, durationMinutes })}
        error={errorFor(`modules.${index}.durationMinutes`)}
      />
      <fieldset
        className={audienceError ? "fieldset field-invalid" : "fieldset"}
        id={`modules.${index}.audiences`}
        tabIndex={-1}
        aria-describedby={audienceError ? `${id}-audience-error` : undefined}
      >
        <legend>Module {number} is for</legend>
        {audienceError ? (
          <p className="field-error" id={`${id}-audience-error`}>
            <span className="visually-hidden">Error: </span>
            {audienceError}
          </p>
        ) : null}
        {AUDIENCES.map((audience) => (
          <div key={audience} className="field field-checkbox">
            <input
              id={`${id}-audience-${audience}`}
              type="checkbox"
              checked={module.audiences.includes(audience)}
              onChange={(event) =>
                onChange({ ...module, audiences: toggled(module.audiences, audience, event.target.checked) })
              }
            />
            <label htmlFor={`${id}-audience-${audience}`}>{AUDIENCE_LABELS[audience]}</label>
          </div>
        ))}
      </fieldset>
      <details className="curriculum-coverage" open={module.elementIds.length + module.behaviorIds.length > 0}>
        <summary>
          What module {number} teaches ({module.elementIds.length} elements, {module.behaviorIds.length} behaviors)
        </summary>
        {coverageError ? (
          <p className="field-error">
            <span className="visually-hidden">Error: </span>
            {coverageError}
          </p>
        ) : null}
        {model === null ? (
          <p className="muted">No practice model is published yet, so there is nothing to choose from.</p>
        ) : (
          model.elements.map((element) => (
            <fieldset key={element.id} className="fieldset">
              <legend>
                {element.code} {element.name}
              </legend>
              <div className="field field-checkbox">
                <input
                  id={`${id}-element-${element.id}`}
                  type="checkbox"
                  checked={module.elementIds.includes(element.id)}
                  onChange={(event) =>
                    onChange({ ...module, elementIds: toggled(module.elementIds, element.id, event.target.checked) })
                  }
                />
                <label htmlFor={`${id}-element-${element.id}`}>The element as a whole</label>
              </div>
              {element.behaviors.map((behavior) => (
                <div key={behavior.id} className="field field-checkbox">
                  <input
                    id={`${id}-behavior-${behavior.id}`}
                    type="checkbox"
                    checked={module.behaviorIds.includes(behavior.id)}
                    onChange={(event) =>
                      onChange({
                        ...module,
                        behaviorIds: toggled(module.behaviorIds, behavior.id, event.target.checked),
                      })
                    }
                  />
                  <label htmlFor={`${id}-behavior-${behavior.id}`}>
                    {behavior.code} {behavior.shortName}
                  </label>
                </div>
              ))}
            </fieldset>
          ))
        )}
      </details>
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          Move module {number} up
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          Move module {number} down
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onRemove}>
          Remove module {number}
        </button>
      </div>
    </fieldset>
  );
}

interface CurriculumFormProps {
  curriculum: Curriculum | null;
  onSaved: (saved: Curriculum) => void;
}

function CurriculumForm({ curriculum, onSaved }: CurriculumFormProps) {
  const model = useModelContent();
  const [base, setBase] = useState(curriculum);
  const [draft, setDraft] = useState(() => draftOf(curriculum));
  const [conflict, setConflict] = useState<Curriculum | null>(null);
  const save = useMutation({
    mutationFn: (input: { draft: CurriculumDraft; version: number | null }) =>
      input.version === null || !base
        ? api.post("/api/curricula", ZCurriculum, bodyOf(input.draft))
        : api.put(`/api/curricula/${base.id}`, ZCurriculum, { ...bodyOf(input.draft), version: input.version }),
    onSuccess: (saved) => {
      setConflict(null);
      setBase(saved);
      onSaved(saved);
    },
    onError: (error) => {
      if (!isApiError(error) || error.status !== 409) return;
      const current = ZCurriculum.safeParse(error.current);
      if (current.success) setConflict(current.data);
    },
  });
  const failure = isApiError(save.error) ? save.error : null;
  const error = failure && !(failure.status === 409 && conflict) ? failure : null;
  const errorFor = (field: string) => error?.messageFor(field);
  const setModule = (index: number, next: ModuleDraft) =>
    setDraft({ ...draft, modules: draft.modules.map((m, i) => (i === index ? next : m)) });
  const moveModule = (index: number, by: -1 | 1) => {
    const modules = [...draft.modules];
    const [moved] = modules.splice(index, 1);
    if (moved) modules.splice(index + by, 0, moved);
    setDraft({ ...draft, modules });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ draft, version: base?.version ?? null });
  };
  const fields = Object.fromEntries([
    ["title", { id: "curriculum-title", label: "Title" }],
    ["description", { id: "curriculum-description", label: "Description" }],
    ...draft.modules.flatMap((_, i) => [
      [`modules.${i}.title`, { id: `modules.${i}.title`, label: `Module ${i + 1} title` }],
      [`modules.${i}.durationMinutes`, { id: `modules.${i}.durationMinutes`, label: `Module ${i + 1} length` }],
      [`modules.${i}.audiences`, { id: `modules.${i}.audiences`, label: `Module ${i + 1} audience` }],
    ]),
  ]);
  return (
    <form onSubmit={submit} noValidate className="stack">
      {conflict ? (
        <ConflictPanel
          rows={conflictRows(draft, conflict)}
          busy={save.isPending}
          onApplyMine={() => {
            const merged = mergeMine(draft, draftOf(base), draftOf(conflict));
            setDraft(merged);
            setBase(conflict);
            save.mutate({ draft: merged, version: conflict.version });
          }}
          onDiscardMine={() => {
            setBase(conflict);
            setDraft(draftOf(conflict));
            setConflict(null);
            save.reset();
          }}
        />
      ) : null}
      <ErrorSummary error={error} fields={fields} />
      <TextField
        id="curriculum-title"
        label="Title"
        value={draft.title}
        onChange={(title) => setDraft({ ...draft, title })}
        error={errorFor("title")}
      />
      <TextField
        id="curriculum-description"
        label="Description"
        hint="Optional: what the training is for."
        value={draft.description}
        onChange={(description) => setDraft({ ...draft, description })}
        error={errorFor("description")}
      />
      <h2>Modules</h2>
      {draft.modules.length === 0 ? <p className="muted">No modules yet. Add the first one below.</p> : null}
      {draft.modules.map((module, index) => (
        <ModuleFields
          key={module.key}
          module={module}
          index={index}
          count={draft.modules.length}
          model={model}
          errorFor={errorFor}
          onChange={(next) => setModule(index, next)}
          onMove={(by) => moveModule(index, by)}
          onRemove={() => setDraft({ ...draft, modules: draft.modules.filter((_, i) => i !== index) })}
        />
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setDraft({ ...draft, modules: [...draft.modules, emptyModule()] })}
        >
          Add a module
        </button>
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save curriculum"}
        </button>
      </div>
    </form>
  );
}

/** Creating a curriculum; once saved, its own page takes over. */
export function NewCurriculumPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/training/curricula">Curricula</Link>
      </p>
      <PageHeader
        title="New curriculum"
        intro="Name the training, then add its modules in the order they are taught."
      />
      <CurriculumForm
        curriculum={null}
        onSaved={(saved) => {
          queryClient.setQueryData(trainingKeys.curriculum(saved.id), saved);
          void queryClient.invalidateQueries({ queryKey: trainingKeys.curricula });
          void navigate({ to: "/training/curricula/$curriculumId", params: { curriculumId: saved.id } });
        }}
      />
    </>
  );
}

function ModuleList({ curriculum }: { curriculum: Curriculum }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>Modules, in teaching order</caption>
        <thead>
          <tr>
            <th scope="col">Module</th>
            <th scope="col">Minutes</th>
            <th scope="col">For</th>
            <th scope="col">Elements and behaviors</th>
          </tr>
        </thead>
        <tbody>
          {curriculum.modules.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.title}</th>
              <td>{m.durationMinutes}</td>
              <td>{m.audiences.map((a) => AUDIENCE_LABELS[a]).join(", ")}</td>
              <td>
                {m.elementIds.length} elements, {m.behaviorIds.length} behaviors
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One curriculum: its modules, editable by those who manage training. */
export function CurriculumPage({ curriculumId }: { curriculumId: string }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState("");
  const query = useQuery({
    queryKey: trainingKeys.curriculum(curriculumId),
    queryFn: () => api.get(`/api/curricula/${curriculumId}`, ZCurriculum),
  });
  if (query.isPending) return <Loading what="the curriculum" />;
  if (query.isError) return <LoadError error={query.error} what="the curriculum" />;
  const curriculum = query.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/training/curricula">Curricula</Link>
      </p>
      <PageHeader
        title={curriculum.title}
        intro={`${curriculum.modules.length} modules, ${curriculum.totalMinutes} minutes in all${
          curriculum.modelVersionNumber !== null ? `; written for model version ${curriculum.modelVersionNumber}` : ""
        }.`}
        actions={
          can("training.manage") ? (
            <Link to="/training/sessions/new" search={{ curriculumId: curriculum.id }} className="button">
              Schedule a session
            </Link>
          ) : null
        }
      />
      <p role="status" className="training-notice">
        {notice}
      </p>
      {can("training.manage") ? (
        <CurriculumForm
          curriculum={curriculum}
          onSaved={(saved) => {
            queryClient.setQueryData(trainingKeys.curriculum(saved.id), saved);
            void queryClient.invalidateQueries({ queryKey: trainingKeys.curricula });
            setNotice("Curriculum saved.");
          }}
        />
      ) : (
        <ModuleList curriculum={curriculum} />
      )}
    </>
  );
}
