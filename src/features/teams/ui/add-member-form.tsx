import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { fullName, jobRoleLabel } from "../../../../web/src/app/format.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { ZPartnerOrganizationDetail, ZPartnerOrganizationList } from "../../partners/partner.schema.js";
import { ZPeoplePage } from "../../people/person.schema.js";
import { TEAM_MEMBER_ROLE_LABELS, TEAM_MEMBER_ROLES, type TeamMemberRole, ZTeamMember } from "../team.schema.js";
import { teamKeys } from "./team-keys.js";

type Kind = "staff" | "partner";

/** Finds a staff person by name: the agency may have thousands, so nothing is listed until a search. */
function StaffChooser({ chosen, onChoose, error }: { chosen: string; onChoose: (id: string) => void; error?: string }) {
  const [typed, setTyped] = useState("");
  const [term, setTerm] = useState("");
  const results = useQuery({
    queryKey: ["people", "list", { q: term, pageSize: 10, purpose: "team-member" }],
    queryFn: () => api.get("/api/people", ZPeoplePage, { q: term, pageSize: 10 }),
    enabled: term !== "",
  });
  return (
    <div className="stack">
      <div className="search-row">
        <TextField
          id="member-personId"
          label="Find a staff person"
          type="search"
          value={typed}
          onChange={setTyped}
          error={error}
        />
        <button type="button" className="button button-secondary" onClick={() => setTerm(typed.trim())}>
          Search
        </button>
      </div>
      {term && results.data ? (
        results.data.items.length === 0 ? (
          <p role="status">No one matches "{term}".</p>
        ) : (
          <fieldset className="fieldset">
            <legend>Choose the staff person</legend>
            <ul className="choice-list">
              {results.data.items.map((person) => (
                <li key={person.id}>
                  <input
                    type="radio"
                    id={`member-person-${person.id}`}
                    name="member-person"
                    checked={chosen === person.id}
                    onChange={() => onChoose(person.id)}
                  />
                  <label htmlFor={`member-person-${person.id}`}>
                    {fullName(person)}
                    <span className="muted">
                      {" "}
                      · {jobRoleLabel(person.jobRole)}
                      {person.orgUnitName ? `, ${person.orgUnitName}` : ""}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )
      ) : null}
    </div>
  );
}

/** Picks a partner organization, then one of its people. */
function PartnerChooser({
  chosen,
  onChoose,
  error,
}: {
  chosen: string;
  onChoose: (id: string) => void;
  error?: string;
}) {
  const [organizationId, setOrganizationId] = useState("");
  const organizations = useQuery({
    queryKey: ["partners", "list", { purpose: "team-member" }],
    queryFn: () => api.get("/api/partner-organizations", ZPartnerOrganizationList),
  });
  const organization = useQuery({
    queryKey: ["partners", "organization", organizationId],
    queryFn: () =>
      api.get(`/api/partner-organizations/${encodeURIComponent(organizationId)}`, ZPartnerOrganizationDetail),
    enabled: organizationId !== "",
  });
  return (
    <div className="form-row">
      <SelectField
        id="member-partner-organization"
        label="Partner"
        value={organizationId}
        onChange={(v) => {
          setOrganizationId(v);
          onChoose("");
        }}
        options={[
          { value: "", label: "Choose a partner" },
          ...(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      <SelectField
        id="member-partnerPersonId"
        label="Partner person"
        value={chosen}
        onChange={onChoose}
        options={[
          { value: "", label: organizationId ? "Choose a person" : "Choose a partner first" },
          ...(organization.data?.people ?? []).map((p) => ({ value: p.id, label: p.fullName })),
        ]}
        error={error}
      />
    </div>
  );
}

export function AddMemberForm({ teamId, onDone }: { teamId: string; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>("staff");
  const [chosen, setChosen] = useState("");
  const [role, setRole] = useState<TeamMemberRole>("member");
  const add = useMutation({
    mutationFn: () =>
      api.post(`/api/teams/${encodeURIComponent(teamId)}/members`, ZTeamMember, {
        personId: kind === "staff" ? chosen : null,
        partnerPersonId: kind === "partner" ? chosen : null,
        role,
      }),
    onSuccess: (member) => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
      onDone(`Added ${member.name} as ${TEAM_MEMBER_ROLE_LABELS[member.role].toLowerCase()}.`);
    },
  });
  const error = isApiError(add.error) ? add.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <section className="panel" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">Add a member</h2>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary
          error={error}
          fields={{
            personId: { id: "member-personId", label: "Staff person" },
            partnerPersonId: { id: "member-partnerPersonId", label: "Partner person" },
            role: { id: "member-role", label: "Role in the team" },
          }}
        />
        <fieldset className="fieldset">
          <legend>Who joins</legend>
          {(["staff", "partner"] as const).map((k) => (
            <div className="field field-checkbox" key={k}>
              <input
                type="radio"
                id={`member-kind-${k}`}
                name="member-kind"
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setChosen("");
                }}
              />
              <label htmlFor={`member-kind-${k}`}>{k === "staff" ? "Someone on staff" : "A partner person"}</label>
            </div>
          ))}
        </fieldset>
        {kind === "staff" ? (
          <StaffChooser chosen={chosen} onChoose={setChosen} error={error?.messageFor("personId")} />
        ) : (
          <PartnerChooser chosen={chosen} onChoose={setChosen} error={error?.messageFor("partnerPersonId")} />
        )}
        <SelectField
          id="member-role"
          label="Role in the team"
          value={role}
          onChange={(v) => setRole(v as TeamMemberRole)}
          options={TEAM_MEMBER_ROLES.map((r) => ({ value: r, label: TEAM_MEMBER_ROLE_LABELS[r] }))}
          error={error?.messageFor("role")}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={add.isPending}>
            {add.isPending ? "Adding…" : "Add member"}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone("")}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
