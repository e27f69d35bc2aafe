import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextAreaField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { type ImportReport, ZInstrumentList } from "../fidelity.schema.js";
import { fidelityKeys } from "./fidelity-keys.js";
import { sendObservationHistory } from "./history-import-transfer.js";

const COLUMNS = "observation_id, date, unit, staff_id, observer_id, observer_type, measure_code, rating";

function ReportSection({ report }: { report: ImportReport }) {
  const outcome = report.applied
    ? `Imported ${report.observations} observations with ${report.ratings} ratings.`
    : report.errors.length > 0
      ? `Nothing was imported: ${report.errors.length} ${report.errors.length === 1 ? "problem" : "problems"} to fix first.`
      : `Ready: ${report.observations} observations with ${report.ratings} ratings would be imported.`;
  return (
    <section className="panel" aria-labelledby="report-heading">
      <h2 id="report-heading">{report.dryRun ? "Check result" : "Import result"}</h2>
      <p role="status">
        {report.rows} rows read. {outcome}
      </p>
      {report.errors.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Problems by row</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e) => (
                <tr key={`${e.row}:${e.column}:${e.message}`}>
                  <td>{e.row}</td>
                  <td>{e.column || "—"}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/**
 * Past observations from a spreadsheet: check first (nothing is written), then import. The
 * import is all or nothing, so a file with any problem changes nothing.
 */
export function HistoryImportPage() {
  const queryClient = useQueryClient();
  const { session } = useSession();
  const instruments = useQuery({
    queryKey: fidelityKeys.instruments,
    queryFn: () => api.get("/api/fidelity/instruments", ZInstrumentList),
  });
  const published = (instruments.data?.items ?? []).filter((i) => i.latestPublishedNumber !== null);
  const [chosen, setChosen] = useState("");
  const instrumentId = chosen || published[0]?.id || "";
  const [csv, setCsv] = useState("");
  const [checked, setChecked] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => sendObservationHistory({ instrumentId, dryRun, csv }, session.csrfToken),
    onSuccess: (report) => {
      if (report.dryRun) setChecked(report.errors.length === 0 ? `${instrumentId}\n${csv}` : null);
      if (report.applied) {
        setChecked(null);
        void queryClient.invalidateQueries({ queryKey: fidelityKeys.all });
      }
    },
  });
  const error = isApiError(run.error) ? run.error : null;
  // Importing for real is offered only for exactly the file and instrument that passed the check.
  const readyToImport = checked === `${instrumentId}\n${csv}`;
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setCsv(await file.text());
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    run.mutate(true);
  };
  return (
    <>
      <PageHeader
        title="Import observation history"
        intro="Bring in observations rated before Cascade, from a CSV file with one row per rating."
        actions={
          <Link className="button button-secondary" to="/fidelity">
            Back to fidelity
          </Link>
        }
      />
      <section className="panel" aria-labelledby="file-heading">
        <h2 id="file-heading">The file</h2>
        <p className="muted">
          Columns: {COLUMNS}. Observers are named by employee id (staff) or email (partner people); staff by employee
          id.
        </p>
        <form onSubmit={check} noValidate className="form">
          <ErrorSummary error={error} />
          <SelectField
            label="Instrument the ratings were made with"
            value={instrumentId}
            onChange={setChosen}
            options={[
              ...(published.length === 0 ? [{ value: "", label: "No published instrument yet" }] : []),
              ...published.map((i) => ({ value: i.id, label: `${i.name} (version ${i.latestPublishedNumber})` })),
            ]}
            error={error?.messageFor("instrumentId")}
          />
          <div className="field">
            <label htmlFor="history-file">Choose a CSV file</label>
            <input id="history-file" type="file" accept=".csv,text/csv" onChange={(event) => void upload(event)} />
          </div>
          <TextAreaField
            width="wide"
            label="Or paste the CSV"
            rows={10}
            value={csv}
            onChange={setCsv}
            hint="The file's content appears here once chosen, so you can look it over."
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={run.isPending || csv.trim() === ""}>
              Check the file
            </button>
            <button
              type="button"
              className={readyToImport ? "button" : "button button-secondary"}
              disabled={run.isPending || !readyToImport}
              onClick={() => run.mutate(false)}
            >
              Import
            </button>
          </div>
          {!readyToImport && csv.trim() !== "" ? (
            <p className="muted">Check the file first; Import becomes available when the check finds no problems.</p>
          ) : null}
        </form>
      </section>
      {run.data ? <ReportSection report={run.data} /> : null}
    </>
  );
}
