import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZInstrumentDetail, ZInstrumentList } from "../fidelity.schema.js";
import { fidelityKeys } from "./fidelity-keys.js";

const TEMPLATE_LABELS = {
  "nine-measures": "The nine-measure example, linked to the practice model in use",
  blank: "Blank: one measure to start from",
} as const;

/** The agency's fidelity instruments and a way to start a new one. */
export function InstrumentsPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const instruments = useQuery({
    queryKey: fidelityKeys.instruments,
    queryFn: () => api.get("/api/fidelity/instruments", ZInstrumentList),
  });
  const [draft, setDraft] = useState({ name: "", template: "nine-measures" });
  const create = useMutation({
    mutationFn: () => api.post("/api/fidelity/instruments", ZInstrumentDetail, draft),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: fidelityKeys.instruments });
      void navigate({ to: "/fidelity/instruments/$instrumentId", params: { instrumentId: created.id } });
    },
  });
  const error = isApiError(create.error) ? create.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <>
      <PageHeader
        title="Fidelity instruments"
        intro="An instrument lists the measures observers rate, the scale and what each level looks like, and when fidelity is met. Edit a draft, then publish it as a numbered version."
        actions={
          <Link className="button button-secondary" to="/fidelity">
            Back to fidelity
          </Link>
        }
      />
      <section className="panel" aria-labelledby="instruments-heading">
        <h2 id="instruments-heading">Instruments</h2>
        {instruments.isPending ? <Loading what="instruments" /> : null}
        {instruments.isError ? <LoadError error={instruments.error} what="instruments" /> : null}
        {instruments.data && instruments.data.items.length === 0 ? <p>No instruments yet.</p> : null}
        {instruments.data && instruments.data.items.length > 0 ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Instruments with their newest version and draft</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Newest published version</th>
                  <th scope="col">Draft</th>
                </tr>
              </thead>
              <tbody>
                {instruments.data.items.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <Link to="/fidelity/instruments/$instrumentId" params={{ instrumentId: i.id }}>
                        {i.name}
                      </Link>
                    </td>
                    <td>{i.latestPublishedNumber ?? "Not published yet"}</td>
                    <td>{i.hasDraft ? "Draft in progress" : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="new-instrument-heading">
        <h2 id="new-instrument-heading">Start a new instrument</h2>
        <form onSubmit={submit} noValidate className="form">
          <ErrorSummary error={error} />
          <TextField
            label="Name"
            value={draft.name}
            onChange={(name) => setDraft({ ...draft, name })}
            error={error?.messageFor("name")}
          />
          <SelectField
            label="Start from"
            value={draft.template}
            onChange={(template) => setDraft({ ...draft, template })}
            options={Object.entries(TEMPLATE_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create and edit the draft"}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
