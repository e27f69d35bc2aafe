import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ApiError, api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { type ModelTemplate, ZModelDetail, ZModelList } from "../model.schema.js";
import { modelKeys } from "./model-keys.js";

const TEMPLATE_OPTIONS: { value: ModelTemplate; label: string }[] = [
  { value: "family-centered", label: "Family-centered practice (8 elements, 23 behaviors, leadership behaviors)" },
  { value: "core-practice", label: "Core practice (foundational behaviors and casework elements)" },
  { value: "blank", label: "Blank (only a rating scale to start from)" },
];

function NewModelForm() {
  const [name, setName] = useState("");
  const [template, setTemplate] = useState<ModelTemplate>("family-centered");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => api.post("/api/models", ZModelDetail, { name, description: "", template }),
    onSuccess: (model) => {
      void queryClient.invalidateQueries({ queryKey: modelKeys.all });
      void navigate({ to: "/model/manage/$modelId", params: { modelId: model.id } });
    },
  });
  const error = isApiError(create.error) ? create.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section className="panel" aria-labelledby="new-model-heading">
      <h2 id="new-model-heading">Start a new model</h2>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} fields={{ name: { id: "new-model-name", label: "Name" } }} />
        <TextField id="new-model-name" label="Name" value={name} onChange={setName} error={error?.messageFor("name")} />
        <SelectField
          label="Start from"
          value={template}
          onChange={(value) => setTemplate(value as ModelTemplate)}
          options={TEMPLATE_OPTIONS}
          hint="Templates are a starting point: you can change every part of them before publishing."
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create model"}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Reads the chosen file and sends it as it is: the server checks it and lists every problem. */
function ImportForm() {
  const [file, setFile] = useState<File | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const upload = useMutation({
    mutationFn: async () => {
      if (!file)
        throw new ApiError({
          status: 400,
          code: "VALIDATION",
          title: "Choose a file",
          detail: "Choose a model file first.",
        });
      let document: unknown;
      try {
        document = JSON.parse(await file.text());
      } catch {
        throw new ApiError({
          status: 400,
          code: "VALIDATION",
          title: "Not a model file",
          detail: `${file.name} is not a JSON file. Choose a file downloaded from "Download this version as a file".`,
        });
      }
      return api.post("/api/models/import", ZModelDetail, { document });
    },
    onSuccess: (model) => {
      void queryClient.invalidateQueries({ queryKey: modelKeys.all });
      void navigate({ to: "/model/manage/$modelId", params: { modelId: model.id } });
    },
  });
  const error = isApiError(upload.error) ? upload.error : null;
  return (
    <section className="panel" aria-labelledby="import-model-heading">
      <h2 id="import-model-heading">Import a model file</h2>
      <p className="muted">
        A file another agency shared (JSON). It becomes a new model with a draft; nothing changes if the file has
        errors.
      </p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          upload.mutate();
        }}
      >
        {error ? (
          <div className="error-summary" role="alert">
            <h3 className="error-summary-title">The file was not imported</h3>
            <p>{error.message}</p>
            {error.errors.length > 0 ? (
              <ul className="import-errors">
                {error.errors.map((e) => (
                  <li key={`${e.field}:${e.message}`}>
                    <code>{e.field}</code>: {e.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="model-file">Model file</label>
          <input
            id="model-file"
            type="file"
            accept="application/json,.json"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button button-secondary" disabled={upload.isPending}>
            {upload.isPending ? "Importing…" : "Import"}
          </button>
        </div>
      </form>
    </section>
  );
}

/** For implementation leads and admins: every model, and where to start a new one. */
export function ModelsManagePage() {
  const list = useQuery({ queryKey: modelKeys.list, queryFn: () => api.get("/api/models", ZModelList) });
  return (
    <>
      <PageHeader
        title="Edit practice models"
        intro="Start a model from a template or a shared file, edit its draft, and publish it for everyone."
        actions={
          <Link to="/model" className="button button-secondary">
            See the published model
          </Link>
        }
      />
      {list.isPending ? (
        <Loading what="practice models" />
      ) : list.isError ? (
        <LoadError error={list.error} what="practice models" />
      ) : (
        <section className="panel" aria-labelledby="models-heading">
          <h2 id="models-heading">Models</h2>
          {list.data.items.length === 0 ? (
            <p>No models yet. Start one below.</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Model</th>
                    <th scope="col">Latest published</th>
                    <th scope="col">Draft</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((model) => (
                    <tr key={model.id}>
                      <th scope="row">
                        <Link to="/model/manage/$modelId" params={{ modelId: model.id }}>
                          {model.name}
                        </Link>
                      </th>
                      <td>{model.latestPublishedNumber ? `Version ${model.latestPublishedNumber}` : "Not yet"}</td>
                      <td>{model.hasDraft ? "Open" : "None"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      <div className="model-start-grid">
        <NewModelForm />
        <ImportForm />
      </div>
    </>
  );
}
