import type { ApiError } from "../../../../web/src/api/api-client.js";
import type { FieldTargets } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PARTNER_KIND_LABELS, PARTNER_KINDS, type PartnerKind, type PartnerOrganization } from "../partner.schema.js";

export type OrganizationDraft = {
  kind: string;
  name: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  notes: string;
};

export const ORGANIZATION_LABELS: Record<keyof OrganizationDraft, string> = {
  kind: "Kind",
  name: "Name",
  contactName: "Contact person",
  contactEmail: "Contact email",
  contactPhone: "Contact phone",
  notes: "Notes",
};

const id = (field: keyof OrganizationDraft) => `partner-${field}`;

export const ORGANIZATION_TARGETS: FieldTargets = Object.fromEntries(
  (Object.keys(ORGANIZATION_LABELS) as (keyof OrganizationDraft)[]).map((f) => [
    f,
    { id: id(f), label: ORGANIZATION_LABELS[f] },
  ]),
);

export const emptyOrganizationDraft: OrganizationDraft = {
  kind: "community_organization",
  name: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  notes: "",
};

export function organizationDraftOf(org: PartnerOrganization): OrganizationDraft {
  return {
    kind: org.kind,
    name: org.name,
    contactName: org.contactName ?? "",
    contactEmail: org.contactEmail ?? "",
    contactPhone: org.contactPhone ?? "",
    notes: org.notes,
  };
}

export const toOrganizationInput = (draft: OrganizationDraft) => ({ ...draft, kind: draft.kind as PartnerKind });

interface OrganizationFieldsProps<D extends OrganizationDraft> {
  draft: D;
  onChange: (draft: D) => void;
  error: ApiError | null;
}

/** The fields of a partner organization, shared by the add and edit forms. */
export function OrganizationFields<D extends OrganizationDraft>({
  draft,
  onChange,
  error,
}: OrganizationFieldsProps<D>) {
  const set = (field: keyof OrganizationDraft) => (value: string) => onChange({ ...draft, [field]: value });
  const text = (field: keyof OrganizationDraft, extra: { type?: "email"; hint?: string } = {}) => (
    <TextField
      id={id(field)}
      label={ORGANIZATION_LABELS[field]}
      value={draft[field]}
      onChange={set(field)}
      error={error?.messageFor(field)}
      autoComplete="off"
      {...extra}
    />
  );
  return (
    <>
      <SelectField
        id={id("kind")}
        label={ORGANIZATION_LABELS.kind}
        value={draft.kind}
        onChange={set("kind")}
        options={PARTNER_KINDS.map((k) => ({ value: k, label: PARTNER_KIND_LABELS[k] }))}
        error={error?.messageFor("kind")}
      />
      {text("name")}
      <div className="form-row">
        {text("contactName")}
        {text("contactPhone")}
      </div>
      {text("contactEmail", { type: "email" })}
      {text("notes", { hint: "Anything colleagues should know, such as how the partnership is governed." })}
    </>
  );
}
