import type { ReactNode } from "react";
import type { ApiError } from "../../../../web/src/api/api-client.js";
import { ConflictPanel, type ConflictRow } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary, type FieldTargets } from "../../../../web/src/components/error-summary.js";

/**
 * The frame of a form that adds or edits one coaching record (a program, a coach): the
 * conflict panel when someone else saved first, the error summary at the top, the fields, and
 * the save button (with Cancel when editing) at the bottom.
 */
export function RecordForm({
  error,
  fields,
  conflict,
  busy,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  error: ApiError | null;
  fields: FieldTargets;
  /** Both versions side by side, once a save met a newer one. */
  conflict?: { rows: ConflictRow[]; onApplyMine: () => void; onDiscardMine: () => void } | null;
  busy: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel?: () => void;
  children: ReactNode;
}) {
  return (
    <>
      {conflict ? (
        <ConflictPanel
          busy={busy}
          rows={conflict.rows}
          onApplyMine={conflict.onApplyMine}
          onDiscardMine={conflict.onDiscardMine}
        />
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
        className="form"
      >
        <ErrorSummary error={error} fields={fields} />
        {children}
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Saving…" : submitLabel}
          </button>
          {onCancel ? (
            <button type="button" className="button button-secondary" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}
