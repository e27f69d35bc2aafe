import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { type ApiError, api, isApiError } from "../../../../web/src/api/api-client.js";
import { queryKeys } from "../../../../web/src/api/query-keys.js";
import { LEVEL_LABELS } from "../../../../web/src/app/format.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { type Option, SelectField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { JOB_ROLE_LABELS, JOB_ROLES, type JobRole, LEVELS, type Level } from "../person.schema.js";
import { ROSTER_FIELDS, ROSTER_HEADERS, type RosterField } from "../roster-fields.js";
import {
  type RosterApplyResult,
  type RosterImport,
  type RosterMapping,
  type RosterPreview,
  type RosterProgress,
  ZRosterImport,
} from "../roster-import.schema.js";
import { applyRosterImport } from "./roster-transfer.js";

const rosterImportKey = (id: string) => ["people", "roster-import", id] as const;

const FIELD_HINTS: Partial<Record<RosterField, string>> = {
  employeeId: "People are matched by it: a known id updates that person, a new one adds someone.",
  jobRole: 'Codes or labels like "Social worker"; you can match other labels after the dry run.',
  level: "Without it, a new person's level follows from their job role.",
  unit: "The unit's name as Cascade shows it.",
  supervisorEmployeeId: "May name someone new in the same file.",
  languages: "Separated by semicolons, e.g. English; Spanish.",
};

const PHASES: Record<Extract<RosterProgress, { type: "progress" }>["phase"], string> = {
  checking: "Checking the file again",
  writing: "Writing people",
  supervisors: "Setting supervisors",
  auditing: "Recording the audit trail",
  committing: "Saving",
};

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsDataURL(file);
  });
}

/** Step 1: choose the file. */
export function RosterUploadPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async (chosen: File) =>
      api.post("/api/roster-imports", ZRosterImport, { fileName: chosen.name, content: await readAsBase64(chosen) }),
    onSuccess: (imported) => {
      queryClient.setQueryData(rosterImportKey(imported.id), imported);
      void navigate({ to: "/people/import/$importId", params: { importId: imported.id } });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file);
  };
  return (
    <>
      <PageHeader
        title="Import a roster"
        intro="Bring in the staff list your HR system exports. You will see every change before anything is saved."
      />
      <ol className="roster-steps" aria-label="Steps">
        <li aria-current="step">Upload</li>
        <li>Match columns</li>
        <li>Check changes</li>
        <li>Import</li>
      </ol>
      <ErrorSummary error={isApiError(upload.error) ? upload.error : null} />
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label htmlFor={inputId}>Roster file</label>
          <p className="field-hint" id={`${inputId}-hint`}>
            A CSV or XLSX file with one row per person and the column names in the first row.
          </p>
          <input
            id={inputId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${inputId}-hint`}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={!file || upload.isPending}>
            {upload.isPending ? "Uploading…" : "Upload and match columns"}
          </button>
          <Link to="/people" className="button-link">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

function MappingForm({
  imported,
  pending,
  onSubmit,
}: {
  imported: RosterImport;
  pending: boolean;
  onSubmit: (mapping: RosterMapping) => void;
}) {
  const [columns, setColumns] = useState<Partial<Record<RosterField, string>>>(() =>
    Object.fromEntries(Object.entries(imported.mapping.columns).filter(([, header]) => header)),
  );
  const [jobRoles, setJobRoles] = useState<Record<string, JobRole>>(imported.mapping.jobRoles);
  const [levels, setLevels] = useState<Record<string, Level>>(imported.mapping.levels);
  const unknown = imported.preview?.unknownValues ?? { jobRole: [], level: [] };
  const headerOptions: Option[] = [
    { value: "", label: "Not in this file" },
    ...imported.headers.filter((h) => h !== "").map((h) => ({ value: h, label: h })),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ columns, jobRoles, levels });
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="roster-mapping-heading">
      <h2 id="roster-mapping-heading">Match the file's columns</h2>
      <p>Cascade remembers your choices for the next file with the same column names.</p>
      <div className="roster-mapping">
        {ROSTER_FIELDS.map((field) => (
          <SelectField
            key={field}
            id={`roster-column-${field}`}
            label={`${ROSTER_HEADERS[field]}${imported.requiredFields.includes(field) ? " (required)" : ""}`}
            hint={FIELD_HINTS[field]}
            value={columns[field] ?? ""}
            onChange={(header) => setColumns({ ...columns, [field]: header || undefined })}
            options={headerOptions}
          />
        ))}
      </div>
      {unknown.jobRole.length > 0 || unknown.level.length > 0 ? (
        <fieldset className="stack">
          <legend>What the file's labels mean</legend>
          {unknown.jobRole.map((label) => (
            <SelectField
              key={`role-${label}`}
              label={`Job role "${label}"`}
              value={jobRoles[label] ?? ""}
              onChange={(role) => setJobRoles({ ...jobRoles, [label]: role as JobRole })}
              options={[
                { value: "", label: "Choose a job role" },
                ...JOB_ROLES.map((r) => ({ value: r, label: JOB_ROLE_LABELS[r] })),
              ]}
            />
          ))}
          {unknown.level.map((label) => (
            <SelectField
              key={`level-${label}`}
              label={`Level "${label}"`}
              value={levels[label] ?? ""}
              onChange={(level) => setLevels({ ...levels, [label]: level as Level })}
              options={[
                { value: "", label: "Choose a level" },
                ...LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] })),
              ]}
            />
          ))}
        </fieldset>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Checking…" : "Check the file (dry run)"}
        </button>
      </div>
    </form>
  );
}

/** A table that may be wider than the page: keyboard users can focus it to scroll it. */
function ScrollingTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}

function SampleTable({ imported }: { imported: RosterImport }) {
  return (
    <ScrollingTable label="The file's first rows">
      <table className="table">
        <caption className="table-caption">
          The first rows of {imported.fileName} ({imported.rowCount} rows in all)
        </caption>
        <thead>
          <tr>
            {imported.headers.map((header, i) => (
              <th scope="col" key={`${header}-${i.toString()}`}>
                {header || "(no name)"}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {imported.sampleRows.map((row, r) => (
            <tr key={`row-${(r + 2).toString()}`}>
              {row.map((cell, c) => (
                <td key={`cell-${c.toString()}`}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

const fieldLabel = (field: string) => ROSTER_HEADERS[field as RosterField] ?? field;

function PreviewTables({ preview }: { preview: RosterPreview }) {
  const { counts } = preview;
  const more = (shown: number, total: number) =>
    total > shown ? (
      <p>
        The first {shown} are shown; the import covers all {total}.
      </p>
    ) : null;
  return (
    <section className="stack" aria-labelledby="roster-preview-heading">
      <h2 id="roster-preview-heading">What importing would change</h2>
      <dl className="roster-counts">
        <div>
          <dt>New people</dt>
          <dd>{counts.new}</dd>
        </div>
        <div>
          <dt>Changed</dt>
          <dd>{counts.changed}</dd>
        </div>
        <div>
          <dt>Unchanged</dt>
          <dd>{counts.unchanged}</dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd>{counts.errors}</dd>
        </div>
      </dl>
      <p>
        {counts.notInFile === 1
          ? "1 person in Cascade is not in this file; nothing happens to them."
          : `${counts.notInFile} people in Cascade are not in this file; nothing happens to them.`}
      </p>
      {preview.errors.length > 0 ? (
        <ScrollingTable label="Errors">
          <table className="table">
            <caption className="table-caption">
              Errors to fix in the file (or in the column matching) before importing
            </caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Value</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {preview.errors.map((e) => (
                <tr key={`${e.row}-${e.field}-${e.message}`}>
                  <th scope="row">{e.row}</th>
                  <td>{fieldLabel(e.field)}</td>
                  <td>{e.value}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {more(preview.errors.length, counts.errors)}
        </ScrollingTable>
      ) : null}
      {preview.changed.length > 0 ? (
        <ScrollingTable label="Changed people">
          <table className="table">
            <caption className="table-caption">Changed people</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Employee ID</th>
                <th scope="col">Name</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              {preview.changed.map((item) => (
                <tr key={item.employeeId}>
                  <th scope="row">{item.row}</th>
                  <td>{item.employeeId}</td>
                  <td>{item.name}</td>
                  <td>
                    <ul className="roster-changes">
                      {item.changes.map((change) => (
                        <li key={change.field}>
                          {fieldLabel(change.field)}: {change.from || "(blank)"} → {change.to || "(blank)"}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {more(preview.changed.length, counts.changed)}
        </ScrollingTable>
      ) : null}
      {preview.new.length > 0 ? (
        <ScrollingTable label="New people">
          <table className="table">
            <caption className="table-caption">New people</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Employee ID</th>
                <th scope="col">Name</th>
              </tr>
            </thead>
            <tbody>
              {preview.new.map((item) => (
                <tr key={item.employeeId}>
                  <th scope="row">{item.row}</th>
                  <td>{item.employeeId}</td>
                  <td>{item.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {more(preview.new.length, counts.new)}
        </ScrollingTable>
      ) : null}
    </section>
  );
}

function ApplyPanel({ imported, onDone }: { imported: RosterImport; onDone: (result: RosterApplyResult) => void }) {
  const { session } = useSession();
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const counts = imported.preview?.counts;
  if (!counts || counts.errors > 0) return null;
  const writes = counts.new + counts.changed;
  const start = async () => {
    setError(null);
    setProgress({ label: "Starting", done: 0, total: 1 });
    try {
      const result = await applyRosterImport(imported.id, session.csrfToken, (event) =>
        setProgress({ label: PHASES[event.phase], done: event.done, total: Math.max(event.total, 1) }),
      );
      onDone(result);
    } catch (caught) {
      setProgress(null);
      if (isApiError(caught)) setError(caught);
      else throw caught;
    }
  };
  return (
    <section className="stack" aria-labelledby="roster-apply-heading">
      <h2 id="roster-apply-heading">Import</h2>
      <ErrorSummary error={error} />
      <p>
        All of it is saved together, or none of it: if anything goes wrong, Cascade stays as it is. Everyone changed is
        recorded in the audit trail.
      </p>
      {progress ? (
        <div className="roster-progress" role="status">
          <label htmlFor="roster-progress-bar">
            {progress.label}: {progress.done} of {progress.total}
          </label>
          <progress id="roster-progress-bar" max={progress.total} value={progress.done} />
        </div>
      ) : (
        <button type="button" className="button" disabled={writes === 0} onClick={() => void start()}>
          {writes === 0 ? "Nothing to import" : `Import ${counts.new} new and ${counts.changed} changed people`}
        </button>
      )}
    </section>
  );
}

/** Steps 2 to 4: match columns, check the dry run, import; the import id in the address survives a reload. */
export function RosterImportPage({ importId }: { importId: string }) {
  const queryClient = useQueryClient();
  const imported = useQuery({
    queryKey: rosterImportKey(importId),
    queryFn: () => api.get(`/api/roster-imports/${encodeURIComponent(importId)}`, ZRosterImport),
  });
  const preview = useMutation({
    mutationFn: (mapping: RosterMapping) =>
      api.post(`/api/roster-imports/${encodeURIComponent(importId)}/preview`, ZRosterImport, mapping),
    onSuccess: (next) => queryClient.setQueryData(rosterImportKey(importId), next),
  });
  const [result, setResult] = useState<RosterApplyResult | null>(null);
  const data = imported.data;
  const finished = result ?? data?.result ?? null;
  const step = finished ? "Import" : data?.preview ? "Check changes" : "Match columns";
  return (
    <>
      <PageHeader title="Import a roster" intro={data ? `File: ${data.fileName}` : undefined} />
      <ol className="roster-steps" aria-label="Steps">
        {["Upload", "Match columns", "Check changes", "Import"].map((name) => (
          <li key={name} aria-current={name === step ? "step" : undefined}>
            {name}
          </li>
        ))}
      </ol>
      {imported.isPending ? <Loading what="the roster file" /> : null}
      {imported.isError ? <LoadError error={imported.error} what="this roster file" /> : null}
      {data && finished ? (
        <div className="notice notice-success" role="status">
          <h2>The roster is imported</h2>
          <p>
            {finished.created} added, {finished.updated} updated, {finished.unchanged} unchanged.
          </p>
          <p>
            <Link to="/people" onClick={() => void queryClient.invalidateQueries({ queryKey: queryKeys.people })}>
              Go to People
            </Link>
          </p>
        </div>
      ) : null}
      {data && !finished ? (
        <>
          <ErrorSummary error={isApiError(preview.error) ? preview.error : null} />
          <SampleTable imported={data} />
          <MappingForm
            key={data.preview ? JSON.stringify(data.preview.unknownValues) : "first"}
            imported={data}
            pending={preview.isPending}
            onSubmit={(mapping) => preview.mutate(mapping)}
          />
          {data.preview ? <PreviewTables preview={data.preview} /> : null}
          <ApplyPanel
            imported={data}
            onDone={(applied) => {
              setResult(applied);
              void queryClient.invalidateQueries({ queryKey: queryKeys.people });
            }}
          />
        </>
      ) : null}
    </>
  );
}
