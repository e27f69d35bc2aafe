import { ApiError } from "../../../../web/src/api/api-client.js";
import type { RosterApplyResult, RosterProgress } from "../roster-import.schema.js";

/**
 * The two roster requests that are not plain JSON: applying an import (its answer streams
 * progress lines while the server's single transaction advances) and downloading an export.
 */

async function failure(response: Response): Promise<ApiError> {
  const problem = (await response.json().catch(() => null)) as {
    title?: string;
    detail?: string;
    code?: string;
    errors?: { field: string; message: string }[];
  } | null;
  return new ApiError({
    status: response.status,
    code: problem?.code ?? "HTTP_ERROR",
    title: problem?.title ?? "Something went wrong",
    detail: problem?.detail ?? "Something went wrong on our side. Try again.",
    errors: problem?.errors ?? [],
  });
}

/** Applies an import, calling `onProgress` for each progress line; resolves with what was written. */
export async function applyRosterImport(
  importId: string,
  csrfToken: string,
  onProgress: (event: Extract<RosterProgress, { type: "progress" }>) => void,
): Promise<RosterApplyResult> {
  const response = await fetch(`/api/roster-imports/${encodeURIComponent(importId)}/apply`, {
    method: "POST",
    credentials: "same-origin",
    headers: { accept: "application/x-ndjson", "x-csrf-token": csrfToken },
  });
  if (!response.ok || !response.body) throw await failure(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      if (line.trim() === "") continue;
      const event = JSON.parse(line) as RosterProgress;
      if (event.type === "progress") onProgress(event);
      else if (event.type === "done") return event.result;
      else {
        throw new ApiError({
          status: event.status,
          code: "IMPORT_FAILED",
          title: "Nothing was imported",
          detail: event.detail,
          errors: event.errors ?? [],
        });
      }
    }
    if (done) break;
  }
  throw new ApiError({
    status: 0,
    code: "NETWORK",
    title: "The connection ended",
    detail: "The connection ended before the import finished. Reload the page to see whether it was applied.",
  });
}

/** Downloads the people export as a file the browser saves. */
export async function downloadPeopleExport(csrfToken: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch("/api/people/export", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", "x-csrf-token": csrfToken },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  const disposition = response.headers.get("content-disposition") ?? "";
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "people";
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
