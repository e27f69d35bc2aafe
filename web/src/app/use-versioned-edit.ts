import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { type ApiError, isApiError } from "../api/api-client.js";

/** A form's values as typed: text fields as strings, checkboxes as booleans. */
export type Draft = Record<string, string | boolean>;

interface VersionedEditOptions<R extends { version: number }, D extends Draft> {
  record: R;
  toDraft: (record: R) => D;
  save: (draft: D, version: number) => Promise<R>;
  /** Reads the server's copy from a 409 answer; null when it cannot be read. */
  parseCurrent: (current: unknown) => R | null;
  onSaved: (record: R) => void;
}

/**
 * Editing a record that carries a version: saves send the version the edit started from, a
 * stale save brings back the current record, and the person then decides between their
 * changes (laid over the current record) and the current record. What they typed is never
 * dropped on the way.
 */
export function useVersionedEdit<R extends { version: number }, D extends Draft>(options: VersionedEditOptions<R, D>) {
  const { toDraft, save, parseCurrent, onSaved } = options;
  const [base, setBase] = useState(options.record);
  const [draft, setDraft] = useState(() => toDraft(options.record));
  const [conflict, setConflict] = useState<R | null>(null);

  const mutation = useMutation({
    mutationFn: (input: { draft: D; version: number }) => save(input.draft, input.version),
    onSuccess: (saved) => {
      setConflict(null);
      setBase(saved);
      onSaved(saved);
    },
    onError: (error) => {
      if (!isApiError(error) || error.status !== 409) return;
      const current = parseCurrent(error.current);
      if (current) setConflict(current);
    },
  });

  const failure: ApiError | null = isApiError(mutation.error) ? mutation.error : null;
  const error = failure && !(failure.status === 409 && conflict) ? failure : null;

  return {
    draft,
    conflict,
    error,
    saving: mutation.isPending,
    setField: <K extends keyof D>(key: K, value: D[K]) => setDraft((current) => ({ ...current, [key]: value })),
    submit: () => mutation.mutate({ draft, version: base.version }),
    /** Keeps the fields this person changed and takes every other field from the current record, then saves. */
    applyMine: () => {
      if (!conflict) return;
      const started = toDraft(base);
      const theirs = toDraft(conflict);
      const merged = { ...theirs };
      for (const key of Object.keys(draft) as (keyof D)[]) {
        if (draft[key] !== started[key]) merged[key] = draft[key];
      }
      setDraft(merged);
      setBase(conflict);
      mutation.mutate({ draft: merged, version: conflict.version });
    },
  };
}
