import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { ConflictPanel, type ConflictRow } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import {
  SURVEY_ITEM_KIND_LABELS,
  SURVEY_ITEM_KINDS,
  type SurveyInstrument,
  type SurveyItemKind,
  ZSurveyInstrument,
} from "../survey.schema.js";
import { SurveyChangeByPeriodSection } from "./survey-periods-section.js";
import { trainingKeys } from "./training-keys.js";
import { TrainingNav } from "./training-nav.js";

/** An item as the form holds it: answer options one per line, the right one by its number. */
interface ItemDraft {
  key: string;
  id: string;
  kind: SurveyItemKind;
  elementId: string;
  prompt: string;
  options: string;
  correctOption: string;
}

let nextKey = 0;
const draftsOf = (instrument: SurveyInstrument): ItemDraft[] =>
  instrument.items.map((item) => ({
    key: `item-${nextKey++}`,
    id: item.id,
    kind: item.kind,
    elementId: item.elementId ?? "",
    prompt: item.prompt,
    options: item.options.join("\n"),
    correctOption: item.correctOption === null ? "" : String(item.correctOption + 1),
  }));

const optionsOf = (draft: ItemDraft) =>
  draft.options
    .split("\n")
    .map((o) => o.trim())
    .filter((o) => o !== "");

function bodyOf(drafts: ItemDraft[], version: number) {
  return {
    version,
    items: drafts.map((d) =>
      d.kind === "knowledge"
        ? {
            id: d.id,
            kind: d.kind,
            prompt: d.prompt,
            options: optionsOf(d),
            correctOption: d.correctOption === "" ? null : Number(d.correctOption) - 1,
          }
        : { id: d.id, kind: d.kind, elementId: d.elementId || null, prompt: d.prompt },
    ),
  };
}

function differingItems(mine: ItemDraft[], current: SurveyInstrument): ConflictRow[] {
  const theirs = current.items.map((i) => i.prompt);
  const count = Math.max(mine.length, theirs.length);
  return Array.from({ length: count }, (_, i) => ({
    label: `Item ${i + 1}`,
    mine: mine[i]?.prompt ?? "",
    current: theirs[i] ?? "",
  }));
}

function InstrumentEditor({ instrument }: { instrument: SurveyInstrument }) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState(instrument);
  const [drafts, setDrafts] = useState(() => draftsOf(instrument));
  const [conflict, setConflict] = useState<SurveyInstrument | null>(null);
  const [notice, setNotice] = useState("");
  const save = useMutation({
    mutationFn: (from: SurveyInstrument) =>
      api.put("/api/training/survey-instrument", ZSurveyInstrument, bodyOf(drafts, from.version)),
    onSuccess: (next) => {
      setConflict(null);
      setBase(next);
      setDrafts(draftsOf(next));
      setNotice(`Saved ${next.items.length} items. Surveys opened from now on ask them.`);
      queryClient.setQueryData(trainingKeys.surveyInstrument, next);
    },
    onError: (error) => {
      if (!isApiError(error) || error.status !== 409) return;
      const current = ZSurveyInstrument.safeParse(error.current);
      if (current.success) setConflict(current.data);
    },
  });
  const error = isApiError(save.error) && !(save.error.status === 409 && conflict) ? save.error : null;
  const elementOptions = [
    { value: "", label: "Choose an element" },
    ...base.elements.map((e) => ({ value: e.id, label: `${e.code} ${e.name}` })),
  ];
  const kindOptions = SURVEY_ITEM_KINDS.map((k) => ({ value: k, label: SURVEY_ITEM_KIND_LABELS[k] }));
  const change = (index: number, patch: Partial<ItemDraft>) =>
    setDrafts(drafts.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const add = (kind: SurveyItemKind) =>
    setDrafts([
      ...drafts,
      { key: `item-${nextKey++}`, id: "", kind, elementId: "", prompt: "", options: "", correctOption: "" },
    ]);
  const fields = Object.fromEntries(
    drafts.flatMap((d, i) => [
      [`items.${i}`, { id: `${d.key}-prompt`, label: `Item ${i + 1}` }],
      [
        `items.${i}.prompt`,
        { id: `${d.key}-prompt`, label: `Item ${i + 1}, ${d.kind === "knowledge" ? "question" : "statement"}` },
      ],
      [`items.${i}.elementId`, { id: `${d.key}-element`, label: `Item ${i + 1}, element` }],
      [`items.${i}.options`, { id: `${d.key}-options`, label: `Item ${i + 1}, answer options` }],
      [`items.${i}.correctOption`, { id: `${d.key}-correct`, label: `Item ${i + 1}, right answer` }],
    ]),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice("");
    save.mutate(base);
  };
  return (
    <>
      {base.saved ? null : (
        <p className="panel">
          This is a starter made from your practice model: a confidence and a competence item for each element, and a
          short knowledge check. Change what you like, then save it to start using it.
        </p>
      )}
      {conflict ? (
        <ConflictPanel
          rows={differingItems(drafts, conflict)}
          busy={save.isPending}
          onApplyMine={() => {
            setBase(conflict);
            save.mutate(conflict);
          }}
          onDiscardMine={() => {
            setBase(conflict);
            setDrafts(draftsOf(conflict));
            setConflict(null);
          }}
        />
      ) : null}
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} fields={fields} />
        <h2>Items ({drafts.length})</h2>
        {drafts.map((draft, index) => {
          const at = (field: string) => error?.messageFor(`items.${index}${field}`);
          return (
            <fieldset key={draft.key} className="survey-item">
              <legend>
                Item {index + 1}: {SURVEY_ITEM_KIND_LABELS[draft.kind]}
              </legend>
              <SelectField
                id={`${draft.key}-kind`}
                label="Kind"
                value={draft.kind}
                options={kindOptions}
                onChange={(kind) => change(index, { kind: kind as SurveyItemKind })}
              />
              <TextField
                id={`${draft.key}-prompt`}
                label={draft.kind === "knowledge" ? "Question" : "Statement to rate from 1 to 5"}
                value={draft.prompt}
                onChange={(prompt) => change(index, { prompt })}
                error={at(".prompt")}
              />
              {draft.kind === "knowledge" ? (
                <>
                  <div className={at(".options") ? "field field-invalid" : "field"}>
                    <label htmlFor={`${draft.key}-options`}>Answer options, one per line</label>
                    {at(".options") ? <p className="field-error">{at(".options")}</p> : null}
                    <textarea
                      id={`${draft.key}-options`}
                      className="input input-long"
                      rows={3}
                      value={draft.options}
                      onChange={(event) => change(index, { options: event.target.value })}
                      aria-invalid={at(".options") ? true : undefined}
                    />
                  </div>
                  <SelectField
                    id={`${draft.key}-correct`}
                    label="Right answer"
                    value={draft.correctOption}
                    options={[
                      { value: "", label: "Choose the right answer" },
                      ...optionsOf(draft).map((o, i) => ({ value: String(i + 1), label: `${i + 1}. ${o}` })),
                    ]}
                    onChange={(correctOption) => change(index, { correctOption })}
                    error={at(".correctOption")}
                  />
                </>
              ) : (
                <SelectField
                  id={`${draft.key}-element`}
                  label="Model element it is about"
                  value={draft.elementId}
                  options={elementOptions}
                  onChange={(elementId) => change(index, { elementId })}
                  error={at(".elementId")}
                />
              )}
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setDrafts(drafts.filter((_, i) => i !== index))}
              >
                Remove item {index + 1}
              </button>
            </fieldset>
          );
        })}
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={() => add("confidence")}>
            Add a rating item
          </button>
          <button type="button" className="button button-secondary" onClick={() => add("knowledge")}>
            Add a knowledge question
          </button>
        </div>
        <p role="status" className="training-notice">
          {notice}
        </p>
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save the instrument"}
          </button>
        </div>
      </form>
    </>
  );
}

/** The agency's pre/post survey instrument: what every session's surveys ask. */
export function SurveyInstrumentPage() {
  const query = useQuery({
    queryKey: trainingKeys.surveyInstrument,
    queryFn: () => api.get("/api/training/survey-instrument", ZSurveyInstrument),
  });
  return (
    <>
      <PageHeader
        title="Pre/post survey"
        intro="How confidence and competence grew across the rollout so far, and the items every training session's surveys ask before and after. Open a survey from a session's page."
      />
      <TrainingNav />
      <SurveyChangeByPeriodSection />
      {query.isPending ? (
        <Loading what="the survey instrument" />
      ) : query.isError ? (
        <LoadError error={query.error} what="the survey instrument" />
      ) : (
        <InstrumentEditor instrument={query.data} />
      )}
    </>
  );
}
