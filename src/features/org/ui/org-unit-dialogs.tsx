import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useVersionedEdit } from "../../../../web/src/app/use-versioned-edit.js";
import { ConflictPanel } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary, type FieldTargets } from "../../../../web/src/components/error-summary.js";
import { type Option, SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { ModalDialog } from "../../../../web/src/components/modal-dialog.js";
import { type OrgUnitNode, ZOrgUnit } from "../org-unit.schema.js";
import { indentedName, placeableUnits, subtreeIds } from "./org-forest.js";

type NewUnitKind = "region" | "office" | "unit" | "division";

const NEW_UNIT_KINDS: Option[] = [
  { value: "region", label: "Region" },
  { value: "office", label: "Office" },
  { value: "unit", label: "Unit" },
  { value: "division", label: "Division" },
];

/** What usually sits under each kind of unit, so the kind is right for the common case. */
const USUAL_CHILD_KIND: Record<OrgUnitNode["kind"], NewUnitKind> = {
  agency: "region",
  division: "unit",
  region: "office",
  office: "unit",
  unit: "unit",
};

const FIELD_IDS = { parentId: "unit-parent", kind: "unit-kind", name: "unit-name" } as const;

const FIELD_TARGETS: FieldTargets = {
  parentId: { id: FIELD_IDS.parentId, label: "Where it sits" },
  kind: { id: FIELD_IDS.kind, label: "Kind" },
  name: { id: FIELD_IDS.name, label: "Name" },
};

/** After a change: what to tell the person, and which unit to bring into view. */
export interface UnitChangeResult {
  message: string;
  unitId: string;
}

const nameOf = (units: readonly OrgUnitNode[], id: string | null) => units.find((unit) => unit.id === id)?.name ?? "";

const placeOptions = (units: readonly OrgUnitNode[], excluded?: ReadonlySet<string>): Option[] =>
  placeableUnits(units, excluded).map((node) => ({ value: node.unit.id, label: indentedName(node) }));

interface AddUnitDialogProps {
  units: readonly OrgUnitNode[];
  onAdded: (result: UnitChangeResult) => void;
  onCancel: () => void;
}

export function AddUnitDialog({ units, onAdded, onCancel }: AddUnitDialogProps) {
  const options = placeOptions(units);
  const [parentId, setParentId] = useState(options[0]?.value ?? "");
  const [kind, setKind] = useState<string>(() => {
    const parent = units.find((unit) => unit.id === parentId);
    return parent ? USUAL_CHILD_KIND[parent.kind] : "unit";
  });
  const [name, setName] = useState("");
  const add = useMutation({
    mutationFn: () => api.post("/api/org-units", ZOrgUnit, { parentId, kind, name }),
    onSuccess: (unit) =>
      onAdded({ message: `Added ${unit.name} under ${nameOf(units, unit.parentId)}.`, unitId: unit.id }),
  });
  const error = isApiError(add.error) ? add.error : null;

  const chooseParent = (id: string) => {
    setParentId(id);
    const parent = units.find((unit) => unit.id === id);
    if (parent) setKind(USUAL_CHILD_KIND[parent.kind]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };

  return (
    <ModalDialog title="Add a unit" onCancel={onCancel}>
      <p>Choose where the new region, office or unit sits, then name it. People can be placed in it straight away.</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} fields={FIELD_TARGETS} />
        <SelectField
          id={FIELD_IDS.parentId}
          label="Where it sits"
          hint="The level the new unit belongs to."
          value={parentId}
          onChange={chooseParent}
          options={options}
          error={error?.messageFor("parentId")}
        />
        <SelectField
          id={FIELD_IDS.kind}
          label="Kind"
          value={kind}
          onChange={setKind}
          options={NEW_UNIT_KINDS}
          error={error?.messageFor("kind")}
        />
        <TextField
          id={FIELD_IDS.name}
          label="Name"
          autoComplete="off"
          value={name}
          onChange={setName}
          error={error?.messageFor("name")}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={add.isPending}>
            {add.isPending ? "Adding…" : "Add the unit"}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

export type UnitChange = "rename" | "move" | "retire" | "reopen";

interface UnitRecord {
  id: string;
  parentId: string | null;
  name: string;
  retired: boolean;
  version: number;
}

type UnitDraft = { name: string; parentId: string; retired: boolean };

const toDraft = (unit: UnitRecord): UnitDraft => ({
  name: unit.name,
  parentId: unit.parentId ?? "",
  retired: unit.retired,
});

const fromApi = (unit: z.infer<typeof ZOrgUnit>): UnitRecord => ({
  id: unit.id,
  parentId: unit.parentId,
  name: unit.name,
  retired: unit.retiredAt !== null,
  version: unit.version,
});

function saveChange(change: UnitChange, id: string, draft: UnitDraft, version: number) {
  const base = `/api/org-units/${encodeURIComponent(id)}`;
  if (change === "rename") return api.put(`${base}/name`, ZOrgUnit, { name: draft.name, version });
  if (change === "move") return api.post(`${base}/move`, ZOrgUnit, { parentId: draft.parentId, version });
  // Retiring has one possible outcome, so it is sent as such, also when saved over a newer version.
  return api.post(`${base}/retirement`, ZOrgUnit, { retired: change === "retire", version });
}

function doneMessage(change: UnitChange, before: UnitRecord, after: UnitRecord, units: readonly OrgUnitNode[]) {
  switch (change) {
    case "rename":
      return `Renamed ${before.name} to ${after.name}.`;
    case "move":
      return `Moved ${after.name} under ${nameOf(units, after.parentId)}.`;
    case "retire":
      return `Retired ${after.name}. It keeps its history and can be reopened.`;
    case "reopen":
      return `Reopened ${after.name}. It can take people and units again.`;
  }
}

interface UnitChangeDialogProps {
  change: UnitChange;
  unit: OrgUnitNode;
  units: readonly OrgUnitNode[];
  onDone: (result: UnitChangeResult) => void;
  /** Someone else changed the unit first, and this person chose to keep their version. */
  onDiscard: (result: UnitChangeResult) => void;
  onCancel: () => void;
}

/** Rename, move, retire or reopen one unit, sending the version the dialog opened with. */
export function UnitChangeDialog({ change, unit, units, onDone, onDiscard, onCancel }: UnitChangeDialogProps) {
  const [started] = useState<UnitRecord>(unit);
  const edit = useVersionedEdit({
    record: started,
    toDraft,
    save: async (draft, version) => fromApi(await saveChange(change, unit.id, draft, version)),
    parseCurrent: (current) => {
      const parsed = ZOrgUnit.safeParse(current);
      return parsed.success ? fromApi(parsed.data) : null;
    },
    onSaved: (saved) => onDone({ message: doneMessage(change, started, saved, units), unitId: saved.id }),
  });
  const { draft, setField, error } = edit;
  const retiring = change === "retire" || change === "reopen";
  const status = (retired: boolean) => (retired ? "Retired" : "Active");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    edit.submit();
  };

  const title = {
    rename: `Rename ${unit.name}`,
    move: `Move ${unit.name}`,
    retire: `Retire ${unit.name}?`,
    reopen: `Reopen ${unit.name}?`,
  }[change];
  const submitLabel = {
    rename: "Save the new name",
    move: "Move the unit",
    retire: "Yes, retire the unit",
    reopen: "Yes, reopen the unit",
  }[change];

  return (
    <ModalDialog title={title} onCancel={onCancel}>
      {change === "rename" ? <p>The new name shows everywhere this unit appears, in past records too.</p> : null}
      {change === "move" ? (
        <p>Everything inside {unit.name} moves with it, including its sub-units and the people who work there.</p>
      ) : null}
      {change === "retire" ? (
        <p>
          {unit.name} will no longer be offered for new people or new units. It keeps its history, and you can reopen it
          later. Only a unit with nobody working in it, and nothing active inside it, can be retired.
        </p>
      ) : null}
      {change === "reopen" ? <p>{unit.name} will be offered again as a place for people and units.</p> : null}
      {edit.conflict ? (
        <ConflictPanel
          busy={edit.saving}
          rows={[
            { label: "Name", mine: draft.name, current: edit.conflict.name },
            {
              label: "Sits under",
              mine: nameOf(units, draft.parentId),
              current: nameOf(units, edit.conflict.parentId),
            },
            {
              label: "Status",
              mine: status(retiring ? change === "retire" : draft.retired),
              current: status(edit.conflict.retired),
            },
          ]}
          onApplyMine={edit.applyMine}
          onDiscardMine={() => {
            const current = edit.conflict as UnitRecord;
            onDiscard({
              message: `Nothing was changed. ${current.name} is shown as it now stands.`,
              unitId: current.id,
            });
          }}
        />
      ) : null}
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} fields={FIELD_TARGETS} />
        {change === "rename" ? (
          <TextField
            id={FIELD_IDS.name}
            label="New name"
            autoComplete="off"
            value={draft.name}
            onChange={(value) => setField("name", value)}
            error={error?.messageFor("name")}
          />
        ) : null}
        {change === "move" ? (
          <SelectField
            id={FIELD_IDS.parentId}
            label="Move it under"
            hint="Only active units are listed. A unit cannot move inside itself."
            value={draft.parentId}
            onChange={(value) => setField("parentId", value)}
            options={placeOptions(units, subtreeIds(units, unit.id)).map((option) =>
              option.value === unit.parentId ? { ...option, label: `${option.label} (where it is now)` } : option,
            )}
            error={error?.messageFor("parentId")}
          />
        ) : null}
        <div className="button-row">
          <button
            type="submit"
            className={change === "retire" ? "button button-danger" : "button"}
            disabled={edit.saving}
          >
            {edit.saving ? "Saving…" : submitLabel}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
