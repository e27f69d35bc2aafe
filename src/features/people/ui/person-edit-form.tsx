import type { FormEvent } from "react";
import type { z } from "zod";
import { api } from "../../../../web/src/api/api-client.js";
import { LEVEL_LABELS } from "../../../../web/src/app/format.js";
import { useVersionedEdit } from "../../../../web/src/app/use-versioned-edit.js";
import { ConflictPanel } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary, type FieldTargets } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import {
  JOB_ROLE_LABELS,
  JOB_ROLES,
  LEVELS,
  type Person,
  type PersonUpdate,
  ZPerson,
  type ZPersonUpdate,
} from "../person.schema.js";
import { parseLanguages } from "./languages.js";

type PersonDraft = {
  givenName: string;
  familyName: string;
  workEmail: string;
  jobRole: string;
  level: string;
  hireDate: string;
  endDate: string;
  languages: string;
};

const LABELS: Record<keyof PersonDraft, string> = {
  givenName: "Given name",
  familyName: "Family name",
  workEmail: "Work email",
  jobRole: "Job role",
  level: "Level",
  hireDate: "Hire date",
  endDate: "End date",
  languages: "Languages",
};

const FIELD_IDS: Record<keyof PersonDraft, string> = {
  givenName: "person-given-name",
  familyName: "person-family-name",
  workEmail: "person-work-email",
  jobRole: "person-job-role",
  level: "person-level",
  hireDate: "person-hire-date",
  endDate: "person-end-date",
  languages: "person-languages",
};

const FIELD_TARGETS: FieldTargets = Object.fromEntries(
  Object.entries(FIELD_IDS).map(([field, id]) => [field, { id, label: LABELS[field as keyof PersonDraft] }]),
);

function toDraft(person: Person): PersonDraft {
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    workEmail: person.workEmail ?? "",
    jobRole: person.jobRole,
    level: person.level,
    hireDate: person.hireDate ?? "",
    endDate: person.endDate ?? "",
    languages: person.languages.join(", "),
  };
}

/** What the API takes; the server trims, checks and normalizes it with the same schema. */
function toUpdate(draft: PersonDraft, version: number): z.input<typeof ZPersonUpdate> {
  return {
    ...draft,
    jobRole: draft.jobRole as PersonUpdate["jobRole"],
    level: draft.level as PersonUpdate["level"],
    languages: parseLanguages(draft.languages),
    version,
  };
}

/** How a value reads in the side-by-side comparison. */
function readable(field: keyof PersonDraft, draft: PersonDraft): string {
  if (field === "jobRole") return JOB_ROLE_LABELS[draft.jobRole as PersonUpdate["jobRole"]] ?? draft.jobRole;
  if (field === "level") return LEVEL_LABELS[draft.level as PersonUpdate["level"]] ?? draft.level;
  return draft[field];
}

interface PersonEditFormProps {
  person: Person;
  onSaved: (person: Person) => void;
  onCancel: () => void;
  /** Gives up this person's edit in favour of the record as it now stands. */
  onDiscard: (current: Person) => void;
}

export function PersonEditForm({ person, onSaved, onCancel, onDiscard }: PersonEditFormProps) {
  const edit = useVersionedEdit({
    record: person,
    toDraft,
    save: (draft, version) =>
      api.put(`/api/people/${encodeURIComponent(person.id)}`, ZPerson, toUpdate(draft, version)),
    parseCurrent: (current) => ZPerson.safeParse(current).data ?? null,
    onSaved,
  });
  const { draft, setField, error } = edit;
  const fieldError = (field: keyof PersonDraft) => error?.messageFor(field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    edit.submit();
  };

  return (
    <section aria-labelledby="edit-person-heading" className="panel">
      <h2 id="edit-person-heading">Edit details</h2>
      {edit.conflict ? (
        <ConflictPanel
          busy={edit.saving}
          rows={(Object.keys(LABELS) as (keyof PersonDraft)[]).map((field) => ({
            label: LABELS[field],
            mine: readable(field, draft),
            current: readable(field, toDraft(edit.conflict as Person)),
          }))}
          onApplyMine={edit.applyMine}
          onDiscardMine={() => onDiscard(edit.conflict as Person)}
        />
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} fields={FIELD_TARGETS} />
        <div className="form-row">
          <TextField
            id={FIELD_IDS.givenName}
            label={LABELS.givenName}
            autoComplete="off"
            value={draft.givenName}
            onChange={(v) => setField("givenName", v)}
            error={fieldError("givenName")}
            width="medium"
          />
          <TextField
            id={FIELD_IDS.familyName}
            label={LABELS.familyName}
            autoComplete="off"
            value={draft.familyName}
            onChange={(v) => setField("familyName", v)}
            error={fieldError("familyName")}
            width="medium"
          />
        </div>
        <TextField
          id={FIELD_IDS.workEmail}
          label={LABELS.workEmail}
          type="email"
          autoComplete="off"
          hint="Leave empty if this person has no work email."
          value={draft.workEmail}
          onChange={(v) => setField("workEmail", v)}
          error={fieldError("workEmail")}
        />
        <div className="form-row">
          <SelectField
            id={FIELD_IDS.jobRole}
            label={LABELS.jobRole}
            value={draft.jobRole}
            onChange={(v) => setField("jobRole", v)}
            options={JOB_ROLES.map((role) => ({ value: role, label: JOB_ROLE_LABELS[role] }))}
            error={fieldError("jobRole")}
          />
          <SelectField
            id={FIELD_IDS.level}
            label={LABELS.level}
            value={draft.level}
            onChange={(v) => setField("level", v)}
            options={LEVELS.map((level) => ({ value: level, label: LEVEL_LABELS[level] }))}
            error={fieldError("level")}
          />
        </div>
        <div className="form-row">
          <TextField
            id={FIELD_IDS.hireDate}
            label={LABELS.hireDate}
            type="date"
            value={draft.hireDate}
            onChange={(v) => setField("hireDate", v)}
            error={fieldError("hireDate")}
            width="medium"
          />
          <TextField
            id={FIELD_IDS.endDate}
            label={LABELS.endDate}
            type="date"
            hint="Only when they have left or will leave."
            value={draft.endDate}
            onChange={(v) => setField("endDate", v)}
            error={fieldError("endDate")}
            width="medium"
          />
        </div>
        <TextField
          id={FIELD_IDS.languages}
          label={LABELS.languages}
          hint="Separate languages with commas, for example: English, Spanish"
          value={draft.languages}
          onChange={(v) => setField("languages", v)}
          error={fieldError("languages")}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={edit.saving}>
            {edit.saving ? "Saving…" : "Save changes"}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
