import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useVersionedEdit } from "../../../../web/src/app/use-versioned-edit.js";
import { ConflictPanel } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { CheckboxField, TextAreaField, TextField } from "../../../../web/src/components/form-fields.js";
import { ModalDialog } from "../../../../web/src/components/modal-dialog.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZModelVersion } from "../../model/model.schema.js";
import { ZInstrumentDetail } from "../fidelity.schema.js";
import { fidelityKeys } from "./fidelity-keys.js";
import { contentToDraft, draftToContent, type InstrumentDraft, withoutItem } from "./instrument-draft.js";

type InstrumentDetail = z.infer<typeof ZInstrumentDetail>;
/** What the versioned edit works on: the draft's content and its version. */
type DraftRecord = { version: number; detail: InstrumentDetail };

const toDraft = (record: DraftRecord) =>
  record.detail.draft ? contentToDraft(record.detail.draft.content) : ({} as InstrumentDraft);
const asRecord = (detail: InstrumentDetail): DraftRecord => ({ version: detail.draft?.version ?? 0, detail });

/** A readable name for a form field in the conflict panel. */
function labelOf(key: string): string {
  const parts = key.split(".");
  if (parts[0] === "measures")
    return `Measure ${Number(parts[1]) + 1}: ${parts[2] === "anchors" ? `anchor ${Number(parts[3]) + 1}` : parts[2]}`;
  if (parts[0] === "scale") return `Scale level ${Number(parts[1]) + 1}: ${parts[2]}`;
  return key;
}

function useModelElements(modelId: string, versionNumber: string) {
  return useQuery({
    queryKey: ["models", modelId, "versions", versionNumber],
    queryFn: () => api.get(`/api/models/${modelId}/versions/${versionNumber}`, ZModelVersion),
    enabled: modelId !== "" && versionNumber !== "",
  });
}

function DraftEditor({ detail, onNotice }: { detail: InstrumentDetail; onNotice: (message: string) => void }) {
  const queryClient = useQueryClient();
  const edit = useVersionedEdit<DraftRecord, InstrumentDraft>({
    record: asRecord(detail),
    toDraft,
    save: async (draft, version) =>
      asRecord(
        await api.put(`/api/fidelity/instruments/${detail.id}/draft`, ZInstrumentDetail, {
          content: draftToContent(draft),
          version,
        }),
      ),
    parseCurrent: (current) => {
      const parsed = ZInstrumentDetail.safeParse(current);
      return parsed.success && parsed.data.draft ? asRecord(parsed.data) : null;
    },
    onSaved: (saved) => {
      queryClient.setQueryData(fidelityKeys.instrument(detail.id), saved.detail);
      void queryClient.invalidateQueries({ queryKey: fidelityKeys.instruments });
      onNotice("Draft saved.");
    },
  });
  const { draft, setField, error, conflict } = edit;
  const elements = useModelElements(draft.modelId ?? "", draft.modelVersionNumber ?? "");
  const scaleCount = Number(draft.scaleCount ?? 0);
  const measureCount = Number(draft.measureCount ?? 0);
  // Form fields are named by position (`measures.2.name`), so the position is each block's identity.
  const levels = Array.from({ length: scaleCount }, (_, j) => ({ j, prefix: `scale.${j}` }));
  const measures = Array.from({ length: measureCount }, (_, i) => ({ i, prefix: `measures.${i}` }));
  const field = (key: string) => draft[key] ?? "";
  const errorFor = (key: string) => error?.messageFor(`content.${key}`);
  const replaceAll = (next: InstrumentDraft) => {
    for (const [key, value] of Object.entries(next)) setField(key, value);
  };
  const addMeasure = () => {
    setField("measureCount", String(measureCount + 1));
    for (const key of ["code", "name", "description", "elementIds"]) setField(`measures.${measureCount}.${key}`, "");
    for (let j = 0; j < scaleCount; j++) setField(`measures.${measureCount}.anchors.${j}`, "");
  };
  const addLevel = () => {
    const highest = Number(field(`scale.${scaleCount - 1}.value`)) || 0;
    setField("scaleCount", String(scaleCount + 1));
    setField(`scale.${scaleCount}.value`, String(highest + 1));
    setField(`scale.${scaleCount}.label`, "");
    for (let m = 0; m < measureCount; m++) setField(`measures.${m}.anchors.${scaleCount}`, "");
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNotice("");
    edit.submit();
  };
  const conflictRows = conflict
    ? Object.entries(toDraft(conflict))
        .filter(([key, value]) => field(key) !== value)
        .map(([key, value]) => ({ label: labelOf(key), mine: field(key), current: value }))
    : [];
  return (
    <section className="panel" aria-labelledby="draft-heading">
      <h2 id="draft-heading">Draft</h2>
      {conflict ? (
        <ConflictPanel
          busy={edit.saving}
          rows={conflictRows}
          onApplyMine={edit.applyMine}
          onDiscardMine={() => {
            queryClient.setQueryData(fidelityKeys.instrument(detail.id), conflict.detail);
            onNotice("Your changes were discarded. This is the current draft.");
          }}
        />
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} />
        <fieldset>
          <legend>Scale</legend>
          <p className="muted">List the levels from lowest to highest.</p>
          {levels.map(({ j, prefix }) => (
            <div key={prefix} className="fidelity-scale-level">
              <TextField
                label={`Level ${j + 1} value`}
                inputMode="numeric"
                width="short"
                value={field(`scale.${j}.value`)}
                onChange={(v) => setField(`scale.${j}.value`, v)}
                error={errorFor(`scale.${j}.value`)}
              />
              <TextField
                label={`Level ${j + 1} label`}
                width="medium"
                value={field(`scale.${j}.label`)}
                onChange={(v) => setField(`scale.${j}.label`, v)}
                error={errorFor(`scale.${j}.label`)}
              />
              {scaleCount > 2 ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => replaceAll(withoutItem(draft, "scale", j))}
                >
                  Remove level {j + 1}
                </button>
              ) : null}
            </div>
          ))}
          {errorFor("scale") && !error?.errors.some((e) => e.field.startsWith("content.scale.")) ? (
            <p className="field-error">{errorFor("scale")}</p>
          ) : null}
          <button type="button" className="button button-secondary" onClick={addLevel}>
            Add a level
          </button>
        </fieldset>
        {measures.map(({ i, prefix }) => {
          const linked = field(`measures.${i}.elementIds`).split(",").filter(Boolean);
          return (
            <fieldset key={prefix} className="fidelity-measure">
              <legend>
                Measure {i + 1}
                {field(`measures.${i}.name`) ? `: ${field(`measures.${i}.name`)}` : ""}
              </legend>
              <TextField
                label="Code"
                width="short"
                value={field(`measures.${i}.code`)}
                onChange={(v) => setField(`measures.${i}.code`, v)}
                error={errorFor(`measures.${i}.code`)}
              />
              <TextField
                label="Name"
                value={field(`measures.${i}.name`)}
                onChange={(v) => setField(`measures.${i}.name`, v)}
                error={errorFor(`measures.${i}.name`)}
              />
              <TextAreaField
                width="wide"
                label="Description"
                value={field(`measures.${i}.description`)}
                onChange={(v) => setField(`measures.${i}.description`, v)}
                error={errorFor(`measures.${i}.description`)}
              />
              {elements.data ? (
                <fieldset>
                  <legend>Linked practice model elements</legend>
                  {elements.data.content.elements.map((element) => (
                    <CheckboxField
                      key={element.id}
                      label={`${element.code} · ${element.name}`}
                      checked={linked.includes(element.id)}
                      onChange={(checked) =>
                        setField(
                          `measures.${i}.elementIds`,
                          (checked ? [...linked, element.id] : linked.filter((id) => id !== element.id)).join(","),
                        )
                      }
                    />
                  ))}
                </fieldset>
              ) : null}
              {levels.map(({ j }) => (
                <TextAreaField
                  width="wide"
                  key={`${prefix}.anchors.${j}`}
                  rows={2}
                  label={`What level ${field(`scale.${j}.value`)} (${field(`scale.${j}.label`)}) looks like`}
                  value={field(`measures.${i}.anchors.${j}`)}
                  onChange={(v) => setField(`measures.${i}.anchors.${j}`, v)}
                  error={errorFor(`measures.${i}.anchors`)}
                />
              ))}
              {measureCount > 1 ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => replaceAll(withoutItem(draft, "measures", i))}
                >
                  Remove measure {i + 1}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        <button type="button" className="button button-secondary" onClick={addMeasure}>
          Add a measure
        </button>
        <fieldset>
          <legend>When fidelity is met</legend>
          <TextField
            label="The mean of the measures is at least"
            inputMode="numeric"
            width="short"
            value={field("threshold")}
            onChange={(v) => setField("threshold", v)}
            error={errorFor("scoring.threshold")}
          />
          <TextField
            label="And no measure is below"
            inputMode="numeric"
            width="short"
            value={field("floor")}
            onChange={(v) => setField("floor", v)}
            error={errorFor("scoring.floor")}
          />
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={edit.saving}>
            {edit.saving ? "Saving…" : "Save draft"}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Publishing freezes the draft as the next version: asked once more, because it cannot be undone. */
function PublishSection({ detail, onNotice }: { detail: InstrumentDetail; onNotice: (message: string) => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const next = (detail.latestPublishedNumber ?? 0) + 1;
  const publish = useMutation({
    mutationFn: () =>
      api.post(`/api/fidelity/instruments/${detail.id}/publish`, ZInstrumentDetail, {
        version: detail.draft?.version ?? 0,
      }),
    onSuccess: (published) => {
      setConfirming(false);
      queryClient.setQueryData(fidelityKeys.instrument(detail.id), published);
      void queryClient.invalidateQueries({ queryKey: fidelityKeys.instruments });
      onNotice(`Published version ${published.latestPublishedNumber}. New observations use it.`);
    },
  });
  const error = isApiError(publish.error) ? publish.error : null;
  return (
    <section className="panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading">Publish</h2>
      <p className="muted">
        Save your changes first. Published versions never change; observations keep the version they were rated with.
      </p>
      <ErrorSummary error={confirming ? null : error} />
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        Publish as version {next}
      </button>
      {confirming ? (
        <ModalDialog title={`Publish version ${next}?`} onCancel={() => setConfirming(false)}>
          <p>The saved draft becomes version {next} and can no longer be edited. New observations will use it.</p>
          <ErrorSummary error={error} />
          <div className="button-row">
            <button type="button" className="button" disabled={publish.isPending} onClick={() => publish.mutate()}>
              {publish.isPending ? "Publishing…" : `Yes, publish version ${next}`}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </ModalDialog>
      ) : null}
    </section>
  );
}

function VersionsSection({ detail, onNotice }: { detail: InstrumentDetail; onNotice: (message: string) => void }) {
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () => api.post(`/api/fidelity/instruments/${detail.id}/draft`, ZInstrumentDetail),
    onSuccess: (started) => {
      queryClient.setQueryData(fidelityKeys.instrument(detail.id), started);
      onNotice("Started a new draft from the newest version.");
    },
  });
  const error = isApiError(start.error) ? start.error : null;
  return (
    <section className="panel" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Published versions</h2>
      {detail.published.length === 0 ? (
        <p>Not published yet.</p>
      ) : (
        <ul>
          {detail.published.map((v) => (
            <li key={v.number}>
              Version {v.number}, published {v.publishedAt.slice(0, 10)}
            </li>
          ))}
        </ul>
      )}
      {detail.draft ? null : (
        <>
          <ErrorSummary error={error} />
          <button type="button" className="button" disabled={start.isPending} onClick={() => start.mutate()}>
            Start a new draft from version {detail.latestPublishedNumber}
          </button>
        </>
      )}
    </section>
  );
}

export function InstrumentPage({ instrumentId }: { instrumentId: string }) {
  const instrument = useQuery({
    queryKey: fidelityKeys.instrument(instrumentId),
    queryFn: () => api.get(`/api/fidelity/instruments/${instrumentId}`, ZInstrumentDetail),
  });
  const [notice, setNotice] = useState("");
  if (instrument.isPending) return <Loading what="the instrument" />;
  if (instrument.isError) return <LoadError error={instrument.error} what="the instrument" />;
  const detail = instrument.data;
  return (
    <>
      <PageHeader
        title={detail.name}
        intro={
          detail.draft
            ? "Edit the draft and save it; publish it when it is ready for observers."
            : "Every version is published. Start a new draft to change the instrument."
        }
        actions={
          <Link className="button button-secondary" to="/fidelity/instruments">
            All instruments
          </Link>
        }
      />
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      <VersionsSection detail={detail} onNotice={setNotice} />
      {detail.draft ? <DraftEditor key={`${detail.draft.version}`} detail={detail} onNotice={setNotice} /> : null}
      {detail.draft ? <PublishSection detail={detail} onNotice={setNotice} /> : null}
    </>
  );
}
