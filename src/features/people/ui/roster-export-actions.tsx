import { useState } from "react";
import { isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import type { PeopleSearch } from "./people-search.js";
import { downloadPeopleExport } from "./roster-transfer.js";

/**
 * Export buttons for the People page: the people the viewer may see, with the page's current
 * filters, in the columns the roster import reads back.
 */
export function RosterExportActions({ search }: { search: PeopleSearch }) {
  const { session } = useSession();
  const [busy, setBusy] = useState<"csv" | "xlsx" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async (format: "csv" | "xlsx") => {
    setBusy(format);
    setProblem(null);
    try {
      await downloadPeopleExport(session.csrfToken, {
        format,
        q: search.q,
        orgUnitId: search.orgUnitId,
        level: search.level,
        jobRole: search.jobRole,
        active: search.active ?? "true",
      });
    } catch (error) {
      setProblem(isApiError(error) ? (error.detail ?? error.message) : "The export could not be downloaded.");
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        disabled={busy !== null}
        onClick={() => void download("csv")}
      >
        {busy === "csv" ? "Exporting…" : "Export CSV"}
      </button>
      <button
        type="button"
        className="button button-secondary"
        disabled={busy !== null}
        onClick={() => void download("xlsx")}
      >
        {busy === "xlsx" ? "Exporting…" : "Export XLSX"}
      </button>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </>
  );
}
