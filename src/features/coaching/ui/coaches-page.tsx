import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";
import { type ApiError, api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { useVersionedEdit } from "../../../../web/src/app/use-versioned-edit.js";
import { CheckboxField, SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { type ChosenPerson, StaffPersonChooser } from "../../../../web/src/components/staff-person-chooser.js";
import { type OrgUnitNode, ZOrgUnitNode } from "../../org/org-unit.schema.js";
import { ZPartnerOrganizationDetail, ZPartnerOrganizationList } from "../../partners/partner.schema.js";
import {
  COACH_KIND_LABELS,
  COACH_KINDS,
  type Coach,
  MODEL_FLUENCIES,
  MODEL_FLUENCY_LABELS,
  type StrengthGroup,
  ZCoach,
  ZCoachList,
} from "../coaching.schema.js";
import { coachingKeys } from "./coaching-keys.js";
import { RecordForm } from "./record-form.js";

const coachesKey = ["coaching", "coaches"] as const;
const ZOrgUnits = z.object({ units: z.array(ZOrgUnitNode) });

/** The roster fields as typed; numbers stay text so a mistake is shown with what was typed. */
type CoachDraft = {
  coachKind: string;
  credentials: string;
  modelFluency: string;
  languages: string;
  culturalKnowledge: string;
  capacityCoachees: string;
  capacityHoursPerMonth: string;
  availableForNew: boolean;
  mentorCoachId: string;
  /** Chosen model item ids joined by commas, so a conflict compares them like any other field. */
  strengthItemIds: string;
  /** Empty for no region. */
  regionOrgUnitId: string;
};

const NEW_COACH: CoachDraft = {
  coachKind: "internal",
  credentials: "",
  modelFluency: "practicing",
  languages: "English",
  culturalKnowledge: "",
  capacityCoachees: "4",
  capacityHoursPerMonth: "8",
  availableForNew: true,
  mentorCoachId: "",
  strengthItemIds: "",
  regionOrgUnitId: "",
};

const toDraft = (coach: Coach): CoachDraft => ({
  coachKind: coach.coachKind,
  credentials: coach.credentials,
  modelFluency: coach.modelFluency,
  languages: coach.languages.join(", "),
  culturalKnowledge: coach.culturalKnowledge,
  capacityCoachees: String(coach.capacityCoachees),
  capacityHoursPerMonth: String(coach.capacityHoursPerMonth),
  availableForNew: coach.availableForNew,
  mentorCoachId: coach.mentorCoachId ?? "",
  strengthItemIds: coach.strengthItemIds.join(","),
  regionOrgUnitId: coach.regionOrgUnitId ?? "",
});

const idsOf = (joined: string) => joined.split(",").filter(Boolean);
const whole = (typed: string) => (/^\s*\d+\s*$/.test(typed) ? Number(typed) : typed);

function toInput(draft: CoachDraft) {
  return {
    coachKind: draft.coachKind,
    credentials: draft.credentials,
    modelFluency: draft.modelFluency,
    languages: draft.languages
      .split(",")
      .map((l) => l.trim())
      .filter(Boolean),
    culturalKnowledge: draft.culturalKnowledge,
    capacityCoachees: whole(draft.capacityCoachees),
    capacityHoursPerMonth: whole(draft.capacityHoursPerMonth),
    availableForNew: draft.availableForNew,
    mentorCoachId: draft.mentorCoachId || null,
    strengthItemIds: idsOf(draft.strengthItemIds),
    regionOrgUnitId: draft.regionOrgUnitId || null,
  };
}

const fieldsOf = (prefix: string) => ({
  personId: { id: `${prefix}-person`, label: "Staff person" },
  partnerPersonId: { id: `${prefix}-partner-person`, label: "Partner person" },
  coachKind: { id: `${prefix}-kind`, label: "Kind of coach" },
  credentials: { id: `${prefix}-credentials`, label: "Credentials" },
  modelFluency: { id: `${prefix}-fluency`, label: "Fluency in the practice model" },
  languages: { id: `${prefix}-languages`, label: "Languages" },
  culturalKnowledge: { id: `${prefix}-culture`, label: "Cultural knowledge" },
  capacityCoachees: { id: `${prefix}-capacity`, label: "Coachees at most" },
  capacityHoursPerMonth: { id: `${prefix}-hours`, label: "Hours a month at most" },
  availableForNew: { id: `${prefix}-available`, label: "Taking new coachees" },
  mentorCoachId: { id: `${prefix}-mentor`, label: "Mentor coach" },
  strengthItemIds: { id: `${prefix}-strengths`, label: "Strengths in the practice model" },
  regionOrgUnitId: { id: `${prefix}-region`, label: "Region" },
});

/** Org units in tree order, each indented under its parent, for the region select. */
function regionOptions(units: OrgUnitNode[]) {
  const open = units.filter((u) => !u.retired);
  const children = (parentId: string | null) =>
    open.filter((u) => u.parentId === parentId).sort((a, b) => a.name.localeCompare(b.name));
  const ids = new Set(open.map((u) => u.id));
  const options: { value: string; label: string }[] = [];
  const visit = (unit: OrgUnitNode, depth: number) => {
    options.push({ value: unit.id, label: `${"\u00a0\u00a0".repeat(depth)}${unit.name}` });
    for (const child of children(unit.id)) visit(child, depth + 1);
  };
  for (const root of open.filter((u) => u.parentId === null || !ids.has(u.parentId))) visit(root, 0);
  return options;
}

/**
 * Strengths are chosen from the practice model in use: each element can be chosen as a whole,
 * or by its behaviors; leadership commitments by their behaviors.
 */
function StrengthsPicker({
  id,
  label,
  groups,
  chosen,
  onChange,
  error,
}: {
  id: string;
  label: string;
  groups: StrengthGroup[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const toggle = (itemId: string, on: boolean) =>
    onChange(on ? [...chosen, itemId] : chosen.filter((x) => x !== itemId));
  if (groups.length === 0) {
    return (
      <p className="field-hint" id={id}>
        Strengths are chosen from the practice model once one is published.
      </p>
    );
  }
  return (
    <fieldset
      className={error ? "field field-invalid" : "field"}
      id={id}
      tabIndex={-1}
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
    >
      <legend>{label}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        What this coach is strongest in. Suggestions for a request weigh these against the person's goals.
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {groups.map((group, g) => (
        <fieldset key={group.elementId ?? group.label} className="fieldset">
          <legend>{group.label}</legend>
          {group.elementId ? (
            <CheckboxField
              id={`${id}-${g}-element`}
              label="The whole element"
              checked={chosen.includes(group.elementId)}
              onChange={(on) => toggle(group.elementId as string, on)}
            />
          ) : null}
          {group.behaviors.map((behavior) => (
            <CheckboxField
              key={behavior.id}
              id={`${id}-${behavior.id}`}
              label={behavior.label}
              checked={chosen.includes(behavior.id)}
              onChange={(on) => toggle(behavior.id, on)}
            />
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}

function CoachFields({
  prefix,
  draft,
  setField,
  error,
  roster,
  strengthGroups,
  selfId,
}: {
  prefix: string;
  draft: CoachDraft;
  setField: <K extends keyof CoachDraft>(key: K, value: CoachDraft[K]) => void;
  error: ApiError | null;
  roster: Coach[];
  strengthGroups: StrengthGroup[];
  selfId?: string;
}) {
  const fields = fieldsOf(prefix);
  const units = useQuery({ queryKey: ["org-units"], queryFn: () => api.get("/api/org-units", ZOrgUnits) });
  return (
    <>
      <SelectField
        id={fields.coachKind.id}
        label={fields.coachKind.label}
        value={draft.coachKind}
        onChange={(v) => setField("coachKind", v)}
        options={COACH_KINDS.map((k) => ({ value: k, label: COACH_KIND_LABELS[k] }))}
        error={error?.messageFor("coachKind")}
      />
      <TextField
        id={fields.credentials.id}
        label={fields.credentials.label}
        hint="Degrees, certifications, years of practice."
        value={draft.credentials}
        onChange={(v) => setField("credentials", v)}
        error={error?.messageFor("credentials")}
      />
      <SelectField
        id={fields.modelFluency.id}
        label={fields.modelFluency.label}
        value={draft.modelFluency}
        onChange={(v) => setField("modelFluency", v)}
        options={MODEL_FLUENCIES.map((f) => ({ value: f, label: MODEL_FLUENCY_LABELS[f] }))}
        error={error?.messageFor("modelFluency")}
      />
      <StrengthsPicker
        id={fields.strengthItemIds.id}
        label={fields.strengthItemIds.label}
        groups={strengthGroups}
        chosen={idsOf(draft.strengthItemIds)}
        onChange={(ids) => setField("strengthItemIds", ids.join(","))}
        error={error?.messageFor("strengthItemIds")}
      />
      <TextField
        id={fields.languages.id}
        label={fields.languages.label}
        hint="Separate languages with commas."
        value={draft.languages}
        onChange={(v) => setField("languages", v)}
        error={error?.messageFor("languages")}
      />
      <TextField
        id={fields.culturalKnowledge.id}
        label={fields.culturalKnowledge.label}
        hint="Communities, Tribes and cultures the coach knows well."
        value={draft.culturalKnowledge}
        onChange={(v) => setField("culturalKnowledge", v)}
        error={error?.messageFor("culturalKnowledge")}
      />
      <SelectField
        id={fields.regionOrgUnitId.id}
        label={fields.regionOrgUnitId.label}
        hint="Where the coach works; suggestions favor coaches in the coachee's own region."
        value={draft.regionOrgUnitId}
        onChange={(v) => setField("regionOrgUnitId", v)}
        options={[{ value: "", label: "No particular region" }, ...regionOptions(units.data?.units ?? [])]}
        error={error?.messageFor("regionOrgUnitId")}
      />
      <TextField
        id={fields.capacityCoachees.id}
        label={fields.capacityCoachees.label}
        inputMode="numeric"
        width="short"
        value={draft.capacityCoachees}
        onChange={(v) => setField("capacityCoachees", v)}
        error={error?.messageFor("capacityCoachees")}
      />
      <TextField
        id={fields.capacityHoursPerMonth.id}
        label={fields.capacityHoursPerMonth.label}
        inputMode="numeric"
        width="short"
        value={draft.capacityHoursPerMonth}
        onChange={(v) => setField("capacityHoursPerMonth", v)}
        error={error?.messageFor("capacityHoursPerMonth")}
      />
      <CheckboxField
        id={fields.availableForNew.id}
        label={fields.availableForNew.label}
        hint="Only available coaches are suggested for new requests."
        checked={draft.availableForNew}
        onChange={(v) => setField("availableForNew", v)}
        error={error?.messageFor("availableForNew")}
      />
      <SelectField
        id={fields.mentorCoachId.id}
        label={fields.mentorCoachId.label}
        value={draft.mentorCoachId}
        onChange={(v) => setField("mentorCoachId", v)}
        options={[
          { value: "", label: "No mentor" },
          ...roster.filter((c) => c.id !== selfId).map((c) => ({ value: c.id, label: c.name })),
        ]}
        error={error?.messageFor("mentorCoachId")}
      />
    </>
  );
}

/** A community or Tribal coach is one of a partner's people: choose the partner, then the person. */
function PartnerPersonChoice({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (partnerPersonId: string) => void;
  error?: string | undefined;
}) {
  const [organizationId, setOrganizationId] = useState("");
  const organizations = useQuery({
    queryKey: ["coaching", "partner-organizations"],
    queryFn: () => api.get("/api/partner-organizations", ZPartnerOrganizationList),
  });
  const organization = useQuery({
    enabled: organizationId !== "",
    queryKey: ["coaching", "partner-organization", organizationId],
    queryFn: () =>
      api.get(`/api/partner-organizations/${encodeURIComponent(organizationId)}`, ZPartnerOrganizationDetail),
  });
  return (
    <>
      <SelectField
        id={`${id}-organization`}
        label="Partner"
        value={organizationId}
        onChange={(v) => {
          setOrganizationId(v);
          onChange("");
        }}
        options={[
          { value: "", label: "Choose a partner" },
          ...(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      <SelectField
        id={id}
        label="Partner person"
        value={value}
        onChange={onChange}
        options={[
          { value: "", label: organizationId ? "Choose a person" : "Choose a partner first" },
          ...(organization.data?.people ?? []).map((p) => ({ value: p.id, label: p.fullName })),
        ]}
        error={error}
      />
    </>
  );
}

function NewCoachForm({
  roster,
  strengthGroups,
  onCreated,
}: {
  roster: Coach[];
  strengthGroups: StrengthGroup[];
  onCreated: (coach: Coach) => void;
}) {
  const [draft, setDraft] = useState(NEW_COACH);
  const [source, setSource] = useState<"staff" | "partner">("staff");
  const [person, setPerson] = useState<ChosenPerson | null>(null);
  const [partnerPersonId, setPartnerPersonId] = useState("");
  const create = useMutation({
    mutationFn: () =>
      api.post("/api/coaching/coaches", ZCoach, {
        ...toInput(draft),
        personId: source === "staff" ? (person?.id ?? null) : null,
        partnerPersonId: source === "partner" ? partnerPersonId || null : null,
      }),
    onSuccess: (coach) => {
      setDraft(NEW_COACH);
      setPerson(null);
      setPartnerPersonId("");
      onCreated(coach);
    },
  });
  const error = isApiError(create.error) ? create.error : null;
  const fields = fieldsOf("new-coach");
  return (
    <section className="panel" aria-labelledby="new-coach-heading">
      <h2 id="new-coach-heading">Add a coach</h2>
      <RecordForm
        error={error}
        fields={fields}
        busy={create.isPending}
        submitLabel="Add to the roster"
        onSubmit={() => create.mutate()}
      >
        <SelectField
          id="new-coach-source"
          label="The coach is"
          value={source}
          onChange={(v) => {
            const next = v === "partner" ? "partner" : "staff";
            setSource(next);
            if (next === "partner" && draft.coachKind === "internal") setDraft({ ...draft, coachKind: "community" });
          }}
          options={[
            { value: "staff", label: "On the agency's staff" },
            { value: "partner", label: "One of a community or Tribal partner's people" },
          ]}
        />
        {source === "staff" ? (
          <StaffPersonChooser
            id={fields.personId.id}
            legend="Staff person"
            chosen={person}
            onChoose={setPerson}
            error={error?.messageFor("personId")}
          />
        ) : (
          <PartnerPersonChoice
            id={fields.partnerPersonId.id}
            value={partnerPersonId}
            onChange={setPartnerPersonId}
            error={error?.messageFor("partnerPersonId") ?? error?.messageFor("personId")}
          />
        )}
        <CoachFields
          prefix="new-coach"
          draft={draft}
          setField={(key, value) => setDraft((current) => ({ ...current, [key]: value }))}
          error={error}
          roster={roster}
          strengthGroups={strengthGroups}
        />
      </RecordForm>
    </section>
  );
}

function EditCoachForm({
  coach,
  roster,
  strengthGroups,
  onDone,
}: {
  coach: Coach;
  roster: Coach[];
  strengthGroups: StrengthGroup[];
  onDone: (message: string | null) => void;
}) {
  const queryClient = useQueryClient();
  const edit = useVersionedEdit({
    record: coach,
    toDraft,
    save: (draft, version) =>
      api.put(`/api/coaching/coaches/${coach.id}`, ZCoach, {
        ...toInput(draft),
        personId: coach.personId,
        partnerPersonId: coach.partnerPersonId,
        version,
      }),
    parseCurrent: (current) => ZCoach.safeParse(current).data ?? null,
    onSaved: (saved) => {
      void queryClient.invalidateQueries({ queryKey: coachingKeys.all });
      onDone(`Saved ${saved.name}.`);
    },
  });
  const conflict = edit.conflict;
  const yesNo = (value: boolean) => (value ? "Taking new coachees" : "Not taking new coachees");
  return (
    <section className="panel" aria-labelledby="edit-coach-heading">
      <h2 id="edit-coach-heading">Edit {coach.name}</h2>
      <RecordForm
        error={edit.error}
        fields={fieldsOf("edit-coach")}
        conflict={
          conflict
            ? {
                rows: [
                  {
                    label: "Coachees at most",
                    mine: edit.draft.capacityCoachees,
                    current: String(conflict.capacityCoachees),
                  },
                  {
                    label: "Hours a month at most",
                    mine: edit.draft.capacityHoursPerMonth,
                    current: String(conflict.capacityHoursPerMonth),
                  },
                  {
                    label: "Availability",
                    mine: yesNo(edit.draft.availableForNew),
                    current: yesNo(conflict.availableForNew),
                  },
                ],
                onApplyMine: edit.applyMine,
                onDiscardMine: () => {
                  void queryClient.invalidateQueries({ queryKey: coachesKey });
                  onDone("Your changes were discarded. The coach is shown as they now stand.");
                },
              }
            : null
        }
        busy={edit.saving}
        submitLabel="Save coach"
        onSubmit={edit.submit}
        onCancel={() => onDone(null)}
      >
        <CoachFields
          prefix="edit-coach"
          draft={edit.draft}
          setField={edit.setField}
          error={edit.error}
          roster={roster}
          strengthGroups={strengthGroups}
          selfId={coach.id}
        />
      </RecordForm>
    </section>
  );
}

/** The coach roster: who coaches, of which kind, with what capacity, and who takes new coachees. */
export function CoachesPage() {
  const { can } = useSession();
  const manages = can("coaching.manage");
  const queryClient = useQueryClient();
  const [kind, setKind] = useState("");
  const [availableOnly, setAvailableOnly] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const coaches = useQuery({ queryKey: coachesKey, queryFn: () => api.get("/api/coaching/coaches", ZCoachList) });
  const roster = coaches.data?.items ?? [];
  const shown = roster.filter((c) => (kind === "" || c.coachKind === kind) && (!availableOnly || c.availableForNew));
  const editing = roster.find((c) => c.id === editingId);
  return (
    <>
      <PageHeader title="Coach roster" intro="Internal, external, community and Tribal coaches, and their capacity." />
      <p>
        <Link to="/coaching">Back to coaching</Link>
      </p>
      <div role="status" className={notice ? "notice notice-success" : "visually-hidden"}>
        {notice}
      </div>
      <section className="panel" aria-labelledby="roster-heading">
        <h2 id="roster-heading">Coaches</h2>
        <div className="filters">
          <SelectField
            id="roster-kind"
            label="Kind of coach"
            value={kind}
            onChange={setKind}
            options={[
              { value: "", label: "All kinds" },
              ...COACH_KINDS.map((k) => ({ value: k, label: COACH_KIND_LABELS[k] })),
            ]}
          />
          <CheckboxField
            id="roster-available"
            label="Only coaches taking new coachees"
            checked={availableOnly}
            onChange={setAvailableOnly}
          />
        </div>
        {coaches.isPending ? <Loading what="the coach roster" /> : null}
        {coaches.isError ? <LoadError error={coaches.error} what="the coach roster" /> : null}
        {coaches.data && shown.length === 0 ? <p>No coaches match.</p> : null}
        {shown.length > 0 ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">The coach roster</caption>
              <thead>
                <tr>
                  <th scope="col">Coach</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Model fluency</th>
                  <th scope="col">Languages</th>
                  <th scope="col">Coachees</th>
                  <th scope="col">Hours a month</th>
                  <th scope="col">New coachees</th>
                  {manages ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    <td>{COACH_KIND_LABELS[c.coachKind]}</td>
                    <td>{MODEL_FLUENCY_LABELS[c.modelFluency]}</td>
                    <td>{c.languages.join(", ")}</td>
                    <td>
                      {c.activeCoachees} of {c.capacityCoachees}
                    </td>
                    <td>{c.capacityHoursPerMonth}</td>
                    <td>{c.availableForNew ? "Yes" : "No"}</td>
                    {manages ? (
                      <td>
                        <button
                          type="button"
                          className="button button-secondary"
                          onClick={() => {
                            setNotice(null);
                            setEditingId(c.id);
                          }}
                        >
                          Edit<span className="visually-hidden"> {c.name}</span>
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {manages && editing ? (
        <EditCoachForm
          key={`${editing.id}-${editing.version}`}
          coach={editing}
          roster={roster}
          strengthGroups={coaches.data?.strengthGroups ?? []}
          onDone={(message) => {
            setEditingId(null);
            setNotice(message);
          }}
        />
      ) : null}
      {manages && coaches.data && !editing ? (
        <NewCoachForm
          roster={roster}
          strengthGroups={coaches.data.strengthGroups}
          onCreated={(coach) => {
            setNotice(`Added ${coach.name} to the roster.`);
            void queryClient.invalidateQueries({ queryKey: coachingKeys.all });
          }}
        />
      ) : null}
    </>
  );
}
