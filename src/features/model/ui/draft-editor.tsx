import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { type ApiError, api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary, type FieldTargets } from "../../../../web/src/components/error-summary.js";
import { ModalDialog } from "../../../../web/src/components/modal-dialog.js";
import { type ModelContent, type ModelVersion, ZModelVersion } from "../model.schema.js";
import { diffModelContent } from "../model-diff.js";
import {
  DraftErrors,
  ElementsSection,
  fieldId,
  LeadershipSection,
  ScalesSection,
  ValuesSection,
} from "./draft-sections.js";
import { modelKeys } from "./model-keys.js";

/** What is kept in the browser until it is saved: the draft version it started from, and the content. */
interface WorkingCopy {
  baseVersion: number;
  content: ModelContent;
  keptAt: string;
}

const storageKey = (draftId: string) => `cascade:model-draft:${draftId}`;

function readWorkingCopy(draftId: string): WorkingCopy | null {
  try {
    const raw = localStorage.getItem(storageKey(draftId));
    return raw ? (JSON.parse(raw) as WorkingCopy) : null;
  } catch {
    return null;
  }
}

const same = (a: ModelContent, b: ModelContent) => JSON.stringify(a) === JSON.stringify(b);

/** "content.elements.2.behaviors.0.code" → "Element 3, behavior 1: code". */
function describeField(field: string): string {
  const parts = field.replace(/^content\./, "").split(".");
  const names: Record<string, string> = {
    values: "Value",
    elements: "Element",
    behaviors: "behavior",
    leadership: "Commitment",
    scales: "Scale",
    levels: "level",
  };
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    const next = parts[i + 1];
    if (names[part] && next !== undefined && /^\d+$/.test(next)) {
      words.push(`${names[part]} ${Number(next) + 1}`);
      i++;
    } else words.push(names[part] ?? part);
  }
  return words.join(", ");
}

interface DraftEditorProps {
  modelId: string;
  draft: ModelVersion;
  onPublished: (number: number) => void;
}

/**
 * The whole draft as one form. Every change is kept in this browser until it is saved, so a
 * validation error, an ended session or a closed tab never loses work; a save that meets
 * someone else's newer save shows both and lets the person choose.
 */
export function DraftEditor({ modelId, draft, onPublished }: DraftEditorProps) {
  const queryClient = useQueryClient();
  const [restored] = useState(() => readWorkingCopy(draft.id));
  const [baseVersion, setBaseVersion] = useState(restored?.baseVersion ?? draft.version);
  const [savedContent, setSavedContent] = useState(draft.content);
  const [content, setContent] = useState(restored?.content ?? draft.content);
  const [conflict, setConflict] = useState<ModelVersion | null>(null);
  const [notice, setNotice] = useState<string | null>(
    restored && !same(restored.content, draft.content)
      ? "Your unsaved changes from earlier were restored. Save them, or discard them to see the saved draft."
      : null,
  );
  const [announcement, setAnnouncement] = useState("");
  const [confirmingPublish, setConfirmingPublish] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const dirty = !same(content, savedContent);

  useEffect(() => {
    if (same(content, savedContent)) localStorage.removeItem(storageKey(draft.id));
    else {
      const copy: WorkingCopy = { baseVersion, content, keptAt: new Date().toISOString() };
      localStorage.setItem(storageKey(draft.id), JSON.stringify(copy));
    }
  }, [content, savedContent, baseVersion, draft.id]);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const announce = useCallback((message: string) => setAnnouncement(message), []);

  const accept = (saved: ModelVersion) => {
    setConflict(null);
    setBaseVersion(saved.version);
    setSavedContent(saved.content);
    setContent(saved.content);
    localStorage.removeItem(storageKey(draft.id));
    void queryClient.invalidateQueries({ queryKey: modelKeys.all });
  };

  const save = useMutation({
    mutationFn: (version: number) =>
      api.put(`/api/models/${modelId}/draft`, ZModelVersion, { content, version: version }),
    onSuccess: (saved) => {
      accept(saved);
      setNotice(null);
      setAnnouncement("Draft saved.");
    },
    onError: (error) => {
      if (!isApiError(error) || error.status !== 409) return;
      const current = ZModelVersion.safeParse(error.current);
      if (current.success) setConflict(current.data);
    },
  });

  const publish = useMutation({
    mutationFn: () => api.post(`/api/models/${modelId}/publish`, ZModelVersion, { version: baseVersion }),
    onSuccess: (published) => {
      localStorage.removeItem(storageKey(draft.id));
      void queryClient.invalidateQueries({ queryKey: modelKeys.all });
      onPublished(published.number ?? 0);
    },
  });

  const error: ApiError | null = isApiError(save.error) && save.error.status !== 409 ? save.error : null;
  // Only exact matches: a list's own error must not swallow the errors of the fields inside it.
  const exactErrorAt = (path: (string | number)[]) =>
    error?.errors.find((e) => e.field === ["content", ...path].join("."))?.message;
  const targets: FieldTargets = Object.fromEntries(
    (error?.errors ?? []).map((e) => [
      e.field,
      { id: fieldId(e.field.replace(/^content\./, "").split(".")), label: describeField(e.field) },
    ]),
  );
  const theirChanges = conflict ? diffModelContent(conflict.content, content) : [];

  return (
    <DraftErrors.Provider value={exactErrorAt}>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {notice ? (
        <div className="notice" role="status">
          <p>{notice}</p>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              setContent(savedContent);
              setBaseVersion(draft.version);
              setNotice(null);
            }}
          >
            Discard my unsaved changes
          </button>
        </div>
      ) : null}
      {conflict ? (
        <div className="conflict" role="alert" tabIndex={-1} ref={conflictRef} aria-labelledby="draft-conflict-heading">
          <h2 id="draft-conflict-heading">Someone else changed this draft while you were editing</h2>
          <p>
            Your changes are not saved yet and are still on this page. Compared with their saved draft, yours differs in{" "}
            {theirChanges.length} {theirChanges.length === 1 ? "place" : "places"}:
          </p>
          <ul>
            {theirChanges.slice(0, 12).map((change) => (
              <li key={`${change.kind}:${change.id}`}>
                {change.label || "(unnamed)"}:{" "}
                {change.kind === "changed" ? `${change.fields.join(", ")} differ` : change.kind}
                {change.kind === "added" ? " only in yours" : change.kind === "removed" ? " from yours" : ""}
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={save.isPending}
              onClick={() => save.mutate(conflict.version)}
            >
              Save my version over theirs
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                accept(conflict);
                setAnnouncement("Showing the current saved draft; your changes were discarded.");
              }}
            >
              Discard mine and show theirs
            </button>
          </div>
        </div>
      ) : null}
      <form
        className="model-editor"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(baseVersion);
        }}
      >
        <ErrorSummary error={error} fields={targets} />
        <ValuesSection content={content} onChange={setContent} announce={announce} />
        <ElementsSection content={content} onChange={setContent} announce={announce} />
        <LeadershipSection content={content} onChange={setContent} announce={announce} />
        <ScalesSection content={content} onChange={setContent} announce={announce} />
        <div className="model-editor-bar">
          <span className="muted">
            {dirty ? "You have unsaved changes (kept in this browser)." : "All changes saved."}
          </span>
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save draft"}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={dirty || publish.isPending}
            onClick={() => setConfirmingPublish(true)}
          >
            Publish…
          </button>
          {dirty ? <span className="muted">Save before publishing.</span> : null}
        </div>
      </form>
      {confirmingPublish ? (
        <ModalDialog title="Publish this draft?" onCancel={() => setConfirmingPublish(false)}>
          <p>
            Publishing makes this draft the next numbered version. Everyone in the agency sees it, and it can never be
            changed again; later changes go into a new draft.
          </p>
          {isApiError(publish.error) ? <p className="field-error">{publish.error.message}</p> : null}
          <div className="button-row">
            <button type="button" className="button" disabled={publish.isPending} onClick={() => publish.mutate()}>
              {publish.isPending ? "Publishing…" : "Publish"}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirmingPublish(false)}>
              Cancel
            </button>
          </div>
        </ModalDialog>
      ) : null}
    </DraftErrors.Provider>
  );
}
