import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { api } from "../../../../web/src/api/api-client.js";
import { queryKeys } from "../../../../web/src/api/query-keys.js";
import { fullName } from "../../../../web/src/app/format.js";
import { useVersionedEdit } from "../../../../web/src/app/use-versioned-edit.js";
import { ConflictPanel } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary, type FieldTargets } from "../../../../web/src/components/error-summary.js";
import { type Option, SelectField } from "../../../../web/src/components/form-fields.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { indentedName, placeableUnits } from "../../org/ui/org-forest.js";
import { useOrgTree } from "../../org/ui/org-tree-page.js";
import { type Person, ZPerson, ZPersonDetail } from "../person.schema.js";
import { type PersonSummary, SupervisorPicker } from "./supervisor-picker.js";

type PersonDetail = z.infer<typeof ZPersonDetail>;
type TransferDraft = { orgUnitId: string; supervisorId: string };

const FIELD_TARGETS: FieldTargets = {
  orgUnitId: { id: "transfer-unit", label: "New unit" },
  supervisorId: { id: "transfer-supervisor", label: "Supervisor" },
};

const toDraft = (person: Person): TransferDraft => ({
  orgUnitId: person.orgUnitId ?? "",
  supervisorId: person.supervisorId ?? "",
});

/**
 * A supervisor by id: the current one and anyone chosen here are known already; another (set by
 * someone else, seen after a conflict) is read from the server.
 */
function useSupervisor(id: string, known: ReadonlyMap<string, PersonSummary>): PersonSummary | null {
  const loaded = useQuery({
    queryKey: queryKeys.person(id),
    queryFn: () => api.get(`/api/people/${encodeURIComponent(id)}`, ZPersonDetail),
    enabled: id !== "" && !known.has(id),
  });
  if (id === "") return null;
  return known.get(id) ?? loaded.data ?? null;
}

const supervisorName = (id: string, supervisor: PersonSummary | null) =>
  id === "" ? "No supervisor" : supervisor ? fullName(supervisor) : "Loading…";

interface TransferFormProps {
  person: PersonDetail;
  onSaved: (person: Person) => void;
  onCancel: () => void;
  /** Gives up this transfer in favour of the record as it now stands. */
  onDiscard: (current: Person) => void;
}

/** Moves a person to another unit and, if it changes, to another supervisor. */
export function TransferForm({ person, onSaved, onCancel, onDiscard }: TransferFormProps) {
  const tree = useOrgTree();
  const record: Person = person;
  const currentSupervisor = person.reportingLine[0];
  const [known, setKnown] = useState<ReadonlyMap<string, PersonSummary>>(
    () => new Map(currentSupervisor ? [[currentSupervisor.id, currentSupervisor]] : []),
  );
  const edit = useVersionedEdit({
    record,
    toDraft,
    save: (draft, version) =>
      api.post(`/api/people/${encodeURIComponent(person.id)}/transfer`, ZPerson, {
        orgUnitId: draft.orgUnitId,
        supervisorId: draft.supervisorId || null,
        version,
      }),
    parseCurrent: (current) => ZPerson.safeParse(current).data ?? null,
    onSaved,
  });
  const { draft, setField, error } = edit;
  const chosen = useSupervisor(draft.supervisorId, known);
  const theirSupervisorId = edit.conflict?.supervisorId ?? "";
  const theirSupervisor = useSupervisor(theirSupervisorId, known);

  if (tree.isPending) return <Loading what="the units" />;
  if (tree.isError) return <LoadError error={tree.error} what="the units" />;
  const units = tree.data.units;
  const unitName = (id: string) => units.find((unit) => unit.id === id)?.name ?? "";
  const unitOptions: Option[] = placeableUnits(units).map((node) => ({
    value: node.unit.id,
    label: node.unit.id === person.orgUnitId ? `${indentedName(node)} (where they are now)` : indentedName(node),
  }));
  const choose = (supervisor: PersonSummary | null) => {
    if (supervisor) setKnown((current) => new Map(current).set(supervisor.id, supervisor));
    setField("supervisorId", supervisor?.id ?? "");
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    edit.submit();
  };
  const name = fullName(person);

  return (
    <section aria-labelledby="transfer-heading" className="panel">
      <h2 id="transfer-heading">Transfer {name}</h2>
      <p>
        Choose the unit {person.givenName} is moving to, and who they will report to there. Their records and history
        move with them.
      </p>
      {edit.conflict ? (
        <ConflictPanel
          busy={edit.saving}
          rows={[
            { label: "Unit", mine: unitName(draft.orgUnitId), current: edit.conflict.orgUnitName ?? "" },
            {
              label: "Supervisor",
              mine: supervisorName(draft.supervisorId, chosen),
              current: supervisorName(theirSupervisorId, theirSupervisor),
            },
          ]}
          onApplyMine={edit.applyMine}
          onDiscardMine={() => onDiscard(edit.conflict as Person)}
        />
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} fields={FIELD_TARGETS} />
        <SelectField
          id="transfer-unit"
          label="New unit"
          hint="Only active units are listed."
          value={draft.orgUnitId}
          onChange={(value) => setField("orgUnitId", value)}
          options={unitOptions}
          error={error?.messageFor("orgUnitId")}
        />
        <SupervisorPicker
          id="transfer-supervisor"
          chosen={chosen}
          onChoose={choose}
          unitId={draft.orgUnitId}
          unitName={unitName(draft.orgUnitId)}
          excludeId={person.id}
          error={error?.messageFor("supervisorId")}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={edit.saving}>
            {edit.saving ? "Saving…" : `Transfer ${name}`}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
