import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { formatInZone } from "../../../../web/src/app/format.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { type ModelVersion, ZModelDetail, ZModelVersion } from "../model.schema.js";
import { DraftEditor } from "./draft-editor.js";
import { modelKeys } from "./model-keys.js";
import { exportUrl } from "./model-links.js";

type Detail = ReturnType<typeof ZModelDetail.parse>;

function RenameForm({ model, onDone }: { model: Detail; onDone: () => void }) {
  const [name, setName] = useState(model.name);
  const queryClient = useQueryClient();
  const rename = useMutation({
    mutationFn: () =>
      api.put(`/api/models/${model.id}`, ZModelDetail, {
        name,
        description: model.description,
        version: model.version,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: modelKeys.all });
      onDone();
    },
  });
  const error = isApiError(rename.error) ? rename.error : null;
  return (
    <form
      className="form panel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        rename.mutate();
      }}
    >
      <ErrorSummary error={error} fields={{ name: { id: "model-name", label: "Name" } }} />
      {error?.status === 409 ? (
        <p>Someone else renamed this model meanwhile. Cancel to see the current name, then try again.</p>
      ) : null}
      <TextField id="model-name" label="Name" value={name} onChange={setName} error={error?.messageFor("name")} />
      <div className="button-row">
        <button type="submit" className="button" disabled={rename.isPending}>
          Save name
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function History({ model }: { model: Detail }) {
  const { session } = useSession();
  if (model.versions.length === 0) return <p className="muted">Nothing published yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Published versions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Published</th>
            <th scope="col">By</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {[...model.versions].reverse().map((v) => (
            <tr key={v.number}>
              <th scope="row">Version {v.number}</th>
              <td>{formatInZone(v.publishedAt, session.agency.timeZone)}</td>
              <td>{v.publishedBy ?? "—"}</td>
              <td className="model-history-actions">
                <Link to="/model" search={{ modelId: model.id, version: v.number }}>
                  View<span className="visually-hidden"> version {v.number}</span>
                </Link>
                {v.number > 1 ? (
                  <Link
                    to="/model/$modelId/compare"
                    params={{ modelId: model.id }}
                    search={{ from: String(v.number - 1), to: String(v.number) }}
                  >
                    Changes from version {v.number - 1}
                  </Link>
                ) : null}
                <a href={exportUrl(model.id, v.number)} download>
                  Download file<span className="visually-hidden"> of version {v.number}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One model for its editors: its name, its draft (or how to start one), and its published history. */
export function ModelAdminPage({ modelId }: { modelId: string }) {
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState(false);
  const [published, setPublished] = useState<number | null>(null);
  const detail = useQuery({
    queryKey: modelKeys.model(modelId),
    queryFn: () => api.get(`/api/models/${modelId}`, ZModelDetail),
  });
  const draft = useQuery({
    queryKey: modelKeys.draft(modelId),
    queryFn: () => api.get(`/api/models/${modelId}/draft`, ZModelVersion),
    enabled: detail.data?.hasDraft === true,
  });
  const startDraft = useMutation({
    mutationFn: () => api.post(`/api/models/${modelId}/draft`, ZModelVersion),
    onSuccess: (created: ModelVersion) => {
      queryClient.setQueryData(modelKeys.draft(modelId), created);
      setPublished(null);
      void queryClient.invalidateQueries({ queryKey: modelKeys.model(modelId) });
    },
  });

  if (detail.isPending) return <Loading what="the practice model" />;
  if (detail.isError) return <LoadError error={detail.error} what="this practice model" />;
  const model = detail.data;
  return (
    <>
      <PageHeader
        title={model.name}
        intro={
          model.latestPublishedNumber
            ? `Version ${model.latestPublishedNumber} is published.${model.hasDraft ? " A draft of the next version is open below." : ""}`
            : "Not published yet: edit the draft below, then publish it."
        }
        actions={
          <>
            {!renaming ? (
              <button type="button" className="button button-secondary" onClick={() => setRenaming(true)}>
                Rename
              </button>
            ) : null}
            <Link to="/model/manage" className="button button-secondary">
              All models
            </Link>
          </>
        }
      />
      {renaming ? <RenameForm model={model} onDone={() => setRenaming(false)} /> : null}
      {published !== null ? (
        <div className="notice notice-success" role="status">
          <h2>Version {published} is published</h2>
          <p>
            Everyone can now see it on the <Link to="/model">practice model page</Link>.
            {published > 1 ? (
              <>
                {" "}
                <Link
                  to="/model/$modelId/compare"
                  params={{ modelId }}
                  search={{ from: String(published - 1), to: String(published) }}
                >
                  See what changed from version {published - 1}
                </Link>
                .
              </>
            ) : null}
          </p>
        </div>
      ) : null}

      {model.hasDraft ? (
        <section aria-labelledby="draft-heading">
          <div className="model-draft-head">
            <h2 id="draft-heading">Draft of version {(model.latestPublishedNumber ?? 0) + 1}</h2>
            {model.latestPublishedNumber ? (
              <Link
                to="/model/$modelId/compare"
                params={{ modelId }}
                search={{ from: String(model.latestPublishedNumber), to: "draft" }}
              >
                Compare the saved draft with version {model.latestPublishedNumber}
              </Link>
            ) : null}
          </div>
          {draft.isPending ? (
            <Loading what="the draft" />
          ) : draft.isError ? (
            <LoadError error={draft.error} what="the draft" />
          ) : (
            <DraftEditor key={draft.data.id} modelId={modelId} draft={draft.data} onPublished={setPublished} />
          )}
        </section>
      ) : (
        <section className="panel" aria-labelledby="no-draft-heading">
          <h2 id="no-draft-heading">Make changes</h2>
          <p>
            Published versions never change. To change the model, start a draft: it begins as a copy of version{" "}
            {model.latestPublishedNumber}.
          </p>
          {isApiError(startDraft.error) ? <p className="field-error">{startDraft.error.message}</p> : null}
          <button type="button" className="button" disabled={startDraft.isPending} onClick={() => startDraft.mutate()}>
            Start a new draft
          </button>
        </section>
      )}

      <section className="panel" aria-labelledby="history-heading">
        <h2 id="history-heading">Version history</h2>
        <History model={model} />
      </section>
    </>
  );
}
