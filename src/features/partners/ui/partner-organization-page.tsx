import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { useVersionedEdit } from "../../../../web/src/app/use-versioned-edit.js";
import { ConflictPanel } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { CheckboxField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import {
  PARTNER_KIND_LABELS,
  PARTNER_ROLE_LABELS,
  type PartnerOrganization,
  ZPartnerOrganization,
  ZPartnerOrganizationDetail,
  ZPartnerPerson,
} from "../partner.schema.js";
import {
  ORGANIZATION_LABELS,
  ORGANIZATION_TARGETS,
  type OrganizationDraft,
  OrganizationFields,
  organizationDraftOf,
  toOrganizationInput,
} from "./organization-fields.js";
import { partnerKeys } from "./partner-keys.js";
import { PERSON_TARGETS, PersonFields, personDraftOf, toPersonInput } from "./person-fields.js";

type OrganizationDetail = z.infer<typeof ZPartnerOrganizationDetail>;
type EditDraft = OrganizationDraft & { retired: boolean };

const editDraftOf = (org: PartnerOrganization): EditDraft => ({ ...organizationDraftOf(org), retired: org.retired });

function EditOrganizationForm({
  organization,
  onDone,
}: {
  organization: PartnerOrganization;
  onDone: (org: PartnerOrganization, message: string) => void;
}) {
  const edit = useVersionedEdit({
    record: organization,
    toDraft: editDraftOf,
    save: (draft, version) =>
      api.put(`/api/partner-organizations/${encodeURIComponent(organization.id)}`, ZPartnerOrganization, {
        ...toOrganizationInput(draft),
        retired: draft.retired,
        version,
      }),
    parseCurrent: (current) => ZPartnerOrganization.safeParse(current).data ?? null,
    onSaved: (saved) => onDone(saved, "Saved."),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    edit.submit();
  };
  const readable = (draft: EditDraft, field: keyof EditDraft) =>
    field === "retired" ? (draft.retired ? "Yes" : "No") : String(draft[field]);
  return (
    <section className="panel" aria-labelledby="edit-partner-heading">
      <h2 id="edit-partner-heading">Edit partner</h2>
      {edit.conflict ? (
        <ConflictPanel
          busy={edit.saving}
          rows={([...Object.keys(ORGANIZATION_LABELS), "retired"] as (keyof EditDraft)[]).map((field) => ({
            label: field === "retired" ? "Retired" : ORGANIZATION_LABELS[field as keyof OrganizationDraft],
            mine: readable(edit.draft, field),
            current: readable(editDraftOf(edit.conflict as PartnerOrganization), field),
          }))}
          onApplyMine={edit.applyMine}
          onDiscardMine={() =>
            onDone(edit.conflict as PartnerOrganization, "Your changes were discarded. This is the current version.")
          }
        />
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={edit.error} fields={ORGANIZATION_TARGETS} />
        <OrganizationFields
          draft={edit.draft}
          onChange={(next) => {
            for (const key of Object.keys(next) as (keyof EditDraft)[]) {
              if (next[key] !== edit.draft[key]) edit.setField(key, next[key]);
            }
          }}
          error={edit.error}
        />
        <CheckboxField
          id="partner-retired"
          label="Retired"
          hint="A retired partner keeps its people, agreements and history but is hidden from the list."
          checked={edit.draft.retired}
          onChange={(checked) => edit.setField("retired", checked)}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={edit.saving}>
            {edit.saving ? "Saving…" : "Save changes"}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone(organization, "")}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

function AddPersonForm({ organizationId, onCancel }: { organizationId: string; onCancel: () => void }) {
  const [draft, setDraft] = useState(() => personDraftOf(null));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const add = useMutation({
    mutationFn: () =>
      api.post(
        `/api/partner-organizations/${encodeURIComponent(organizationId)}/people`,
        ZPartnerPerson,
        toPersonInput(draft),
      ),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      void navigate({ to: "/partners/people/$partnerPersonId", params: { partnerPersonId: created.id } });
    },
  });
  const error = isApiError(add.error) ? add.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <section className="panel" aria-labelledby="add-partner-person-heading">
      <h2 id="add-partner-person-heading">Add a person</h2>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} fields={PERSON_TARGETS} />
        <PersonFields draft={draft} onChange={setDraft} error={error} />
        <div className="button-row">
          <button type="submit" className="button" disabled={add.isPending}>
            {add.isPending ? "Adding…" : "Add person"}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

type Mode = "view" | "edit" | "add-person";

/** A partner organization or Tribe, its contact and the people who work with the agency. */
export function PartnerOrganizationPage({ partnerOrganizationId }: { partnerOrganizationId: string }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>("view");
  const [notice, setNotice] = useState("");
  const detail = useQuery({
    queryKey: partnerKeys.organization(partnerOrganizationId),
    queryFn: () =>
      api.get(`/api/partner-organizations/${encodeURIComponent(partnerOrganizationId)}`, ZPartnerOrganizationDetail),
  });
  if (detail.isPending) return <Loading what="this partner" />;
  if (detail.isError) {
    return (
      <>
        <PageHeader title="Partner" />
        <LoadError error={detail.error} what="this partner" />
      </>
    );
  }
  const org: OrganizationDetail = detail.data;
  const canManage = can("partners.manage");
  const done = (saved: PartnerOrganization, message: string) => {
    queryClient.setQueryData(partnerKeys.organization(partnerOrganizationId), { ...org, ...saved });
    void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
    setMode("view");
    setNotice(message);
  };

  return (
    <>
      <PageHeader
        title={org.name}
        intro={PARTNER_KIND_LABELS[org.kind] + (org.retired ? " · Retired" : "")}
        actions={
          canManage && mode === "view" ? (
            <>
              <button type="button" className="button" onClick={() => setMode("edit")}>
                Edit partner
              </button>
              {org.retired ? null : (
                <button type="button" className="button button-secondary" onClick={() => setMode("add-person")}>
                  Add a person
                </button>
              )}
            </>
          ) : null
        }
      />
      <p>
        <Link to="/partners">All partners</Link>
      </p>
      <div role="status" className={notice ? "notice notice-success" : "visually-hidden"}>
        {notice}
      </div>
      {mode === "edit" ? <EditOrganizationForm organization={org} onDone={done} /> : null}
      {mode === "add-person" ? <AddPersonForm organizationId={org.id} onCancel={() => setMode("view")} /> : null}
      <section className="panel" aria-labelledby="partner-contact-heading">
        <h2 id="partner-contact-heading">Contact</h2>
        <dl className="details">
          <dt>Contact person</dt>
          <dd>{org.contactName ?? "Not recorded"}</dd>
          <dt>Phone</dt>
          <dd>{org.contactPhone ?? "Not recorded"}</dd>
          <dt>Email</dt>
          <dd>{org.contactEmail ?? "Not recorded"}</dd>
          <dt>Notes</dt>
          <dd>{org.notes || "None"}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="partner-people-heading">
        <h2 id="partner-people-heading">People</h2>
        {org.people.length === 0 ? (
          <p>No people recorded yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">People of {org.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Languages</th>
                </tr>
              </thead>
              <tbody>
                {org.people.map((person) => (
                  <tr key={person.id}>
                    <td>
                      <Link to="/partners/people/$partnerPersonId" params={{ partnerPersonId: person.id }}>
                        {person.fullName}
                      </Link>
                    </td>
                    <td>{person.roles.map((r) => PARTNER_ROLE_LABELS[r]).join(", ") || "None yet"}</td>
                    <td>{person.languages.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
