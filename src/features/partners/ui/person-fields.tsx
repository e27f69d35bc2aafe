import type { ApiError } from "../../../../web/src/api/api-client.js";
import type { FieldTargets } from "../../../../web/src/components/error-summary.js";
import { TextField } from "../../../../web/src/components/form-fields.js";
import { parseLanguages } from "../../people/ui/languages.js";
import { PARTNER_ROLE_LABELS, PARTNER_ROLES, type PartnerPerson, type PartnerRole } from "../partner.schema.js";

/** Text fields as typed, and one checkbox per partner role. */
export type PartnerPersonDraft = {
  fullName: string;
  email: string;
  phone: string;
  languages: string;
} & Record<`role_${PartnerRole}`, boolean>;

export const PERSON_LABELS = {
  fullName: "Full name",
  email: "Email",
  phone: "Phone",
  languages: "Languages",
  roles: "Roles",
} as const;

export const PERSON_TARGETS: FieldTargets = {
  fullName: { id: "partner-person-name", label: PERSON_LABELS.fullName },
  email: { id: "partner-person-email", label: PERSON_LABELS.email },
  phone: { id: "partner-person-phone", label: PERSON_LABELS.phone },
  languages: { id: "partner-person-languages", label: PERSON_LABELS.languages },
  roles: { id: `partner-person-role-${PARTNER_ROLES[0]}`, label: PERSON_LABELS.roles },
};

const roleKey = (role: PartnerRole) => `role_${role}` as const;

export function personDraftOf(person: PartnerPerson | null): PartnerPersonDraft {
  const draft = {
    fullName: person?.fullName ?? "",
    email: person?.email ?? "",
    phone: person?.phone ?? "",
    languages: person?.languages.join(", ") ?? "",
  } as PartnerPersonDraft;
  for (const role of PARTNER_ROLES) draft[roleKey(role)] = person?.roles.includes(role) ?? false;
  return draft;
}

export function toPersonInput(draft: PartnerPersonDraft) {
  return {
    fullName: draft.fullName,
    email: draft.email,
    phone: draft.phone,
    languages: parseLanguages(draft.languages),
    roles: PARTNER_ROLES.filter((role) => draft[roleKey(role)]),
  };
}

export const rolesIn = (draft: PartnerPersonDraft) =>
  PARTNER_ROLES.filter((role) => draft[roleKey(role)])
    .map((role) => PARTNER_ROLE_LABELS[role])
    .join(", ");

interface PersonFieldsProps {
  draft: PartnerPersonDraft;
  onChange: (draft: PartnerPersonDraft) => void;
  error: ApiError | null;
}

/** The fields of a partner person, shared by the add and edit forms. */
export function PersonFields({ draft, onChange, error }: PersonFieldsProps) {
  const set = (field: keyof PartnerPersonDraft) => (value: string | boolean) => onChange({ ...draft, [field]: value });
  const rolesError = error?.messageFor("roles");
  return (
    <>
      <TextField
        id="partner-person-name"
        label={PERSON_LABELS.fullName}
        value={draft.fullName}
        onChange={set("fullName")}
        error={error?.messageFor("fullName")}
        autoComplete="off"
      />
      <div className="form-row">
        <TextField
          id="partner-person-email"
          label={PERSON_LABELS.email}
          type="email"
          value={draft.email}
          onChange={set("email")}
          error={error?.messageFor("email")}
          autoComplete="off"
        />
        <TextField
          id="partner-person-phone"
          label={PERSON_LABELS.phone}
          value={draft.phone}
          onChange={set("phone")}
          error={error?.messageFor("phone")}
          autoComplete="off"
          width="medium"
        />
      </div>
      <TextField
        id="partner-person-languages"
        label={PERSON_LABELS.languages}
        hint="Separate languages with commas, for example: English, Ojibwe"
        value={draft.languages}
        onChange={set("languages")}
        error={error?.messageFor("languages")}
      />
      <fieldset className={rolesError ? "fieldset field-invalid" : "fieldset"}>
        <legend>{PERSON_LABELS.roles}</legend>
        {rolesError ? (
          <p className="field-error">
            <span className="visually-hidden">Error: </span>
            {rolesError}
          </p>
        ) : null}
        {PARTNER_ROLES.map((role) => (
          <div className="field field-checkbox" key={role}>
            <input
              id={`partner-person-role-${role}`}
              type="checkbox"
              checked={draft[roleKey(role)]}
              onChange={(event) => set(roleKey(role))(event.target.checked)}
            />
            <label htmlFor={`partner-person-role-${role}`}>{PARTNER_ROLE_LABELS[role]}</label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
