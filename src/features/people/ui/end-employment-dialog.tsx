import type { FormEvent } from "react";
import { api } from "../../../../web/src/api/api-client.js";
import { formatDate, fullName } from "../../../../web/src/app/format.js";
import { useSession } from "../../../../web/src/app/session.js";
import { useVersionedEdit } from "../../../../web/src/app/use-versioned-edit.js";
import { ConflictPanel } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary, type FieldTargets } from "../../../../web/src/components/error-summary.js";
import { TextField } from "../../../../web/src/components/form-fields.js";
import { ModalDialog } from "../../../../web/src/components/modal-dialog.js";
import { type Person, ZPerson } from "../person.schema.js";

const END_DATE_ID = "end-employment-date";
const FIELD_TARGETS: FieldTargets = { endDate: { id: END_DATE_ID, label: "End date" } };

/** Today's calendar date where the agency is, which is what "today" means on its records. */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
}

interface EndEmploymentDialogProps {
  person: Person;
  onSaved: (person: Person) => void;
  onCancel: () => void;
  /** Gives up this change in favour of the record as it now stands. */
  onDiscard: (current: Person) => void;
}

/**
 * Asks for the end date and says plainly what ending employment does and does not do, since
 * people often fear it deletes someone's history.
 */
export function EndEmploymentDialog({ person, onSaved, onCancel, onDiscard }: EndEmploymentDialogProps) {
  const { session } = useSession();
  const today = todayIn(session.agency.timeZone);
  const edit = useVersionedEdit({
    record: person,
    toDraft: (record: Person) => ({ endDate: record.endDate ?? today }),
    save: (draft, version) =>
      api.post(`/api/people/${encodeURIComponent(person.id)}/end-employment`, ZPerson, {
        endDate: draft.endDate,
        version,
      }),
    parseCurrent: (current) => ZPerson.safeParse(current).data ?? null,
    onSaved,
  });
  const { draft, setField, error } = edit;
  const name = fullName(person);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    edit.submit();
  };

  return (
    <ModalDialog title={`End ${name}'s employment?`} onCancel={onCancel}>
      <p>
        {name} stays in Cascade: their training, coaching and other records are kept, and they still count in history
        and retention figures. From the end date they are no longer listed among current staff
        {person.hasAccount ? ", and their Cascade account stops working" : ""}.
      </p>
      {edit.conflict ? (
        <ConflictPanel
          busy={edit.saving}
          rows={[
            { label: "End date", mine: formatDate(draft.endDate || null), current: formatDate(edit.conflict.endDate) },
            { label: "Unit", mine: person.orgUnitName ?? "", current: edit.conflict.orgUnitName ?? "" },
          ]}
          onApplyMine={edit.applyMine}
          onDiscardMine={() => onDiscard(edit.conflict as Person)}
        />
      ) : null}
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} fields={FIELD_TARGETS} />
        <TextField
          id={END_DATE_ID}
          label="End date"
          type="date"
          hint="The day their employment ends. Choose a later date if they have given notice."
          value={draft.endDate}
          onChange={(value) => setField("endDate", value)}
          error={error?.messageFor("endDate")}
          width="medium"
        />
        <div className="button-row">
          <button type="submit" className="button button-danger" disabled={edit.saving}>
            {edit.saving ? "Saving…" : "Yes, end employment"}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
