import { ApiError } from "../../../../web/src/api/api-client.js";
import { type ImportReport, ZImportReport } from "../fidelity.schema.js";

/** The history import takes the CSV file itself as the body, which the JSON client does not send. */
export async function sendObservationHistory(
  input: { instrumentId: string; dryRun: boolean; csv: string },
  csrfToken: string,
): Promise<ImportReport> {
  const query = new URLSearchParams({ instrumentId: input.instrumentId, dryRun: String(input.dryRun) });
  const response = await fetch(`/api/fidelity/observations/import?${query}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { accept: "application/json", "content-type": "text/csv", "x-csrf-token": csrfToken },
    body: input.csv,
  }).catch(() => null);
  if (response?.ok) return ZImportReport.parse(await response.json());
  const problem = (await response?.json().catch(() => null)) as {
    title?: string;
    detail?: string;
    code?: string;
    errors?: { field: string; message: string }[];
  } | null;
  throw new ApiError({
    status: response?.status ?? 0,
    code: problem?.code ?? "HTTP_ERROR",
    title: problem?.title ?? "Something went wrong",
    detail: problem?.detail ?? "The file could not be sent. Check your connection and try again.",
    errors: problem?.errors ?? [],
  });
}
