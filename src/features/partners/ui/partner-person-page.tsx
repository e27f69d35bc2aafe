import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { useVersionedEdit } from "../../../../web/src/app/use-versioned-edit.js";
import { ConflictPanel } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import {
  PARTNER_KIND_LABELS,
  PARTNER_ROLE_LABELS,
  type PartnerPerson,
  ZPartnerAccount,
  ZPartnerPerson,
  ZPartnerPersonDetail,
} from "../partner.schema.js";
import { AgreementsSection } from "./agreement-section.js";
import { partnerKeys } from "./partner-keys.js";
import {
  type PartnerPersonDraft,
  PERSON_LABELS,
  PERSON_TARGETS,
  PersonFields,
  personDraftOf,
  rolesIn,
  toPersonInput,
} from "./person-fields.js";

type PartnerPersonDetail = z.infer<typeof ZPartnerPersonDetail>;

function EditPersonForm({
  person,
  onDone,
}: {
  person: PartnerPerson;
  onDone: (person: PartnerPerson, message: string) => void;
}) {
  const edit = useVersionedEdit({
    record: person,
    toDraft: personDraftOf,
    save: (draft, version) =>
      api.put(`/api/partner-people/${encodeURIComponent(person.id)}`, ZPartnerPerson, {
        ...toPersonInput(draft),
        version,
      }),
    parseCurrent: (current) => ZPartnerPerson.safeParse(current).data ?? null,
    onSaved: (saved) => onDone(saved, "Saved."),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    edit.submit();
  };
  const rows = (mine: PartnerPersonDraft, current: PartnerPersonDraft) => [
    ...(["fullName", "email", "phone", "languages"] as const).map((field) => ({
      label: PERSON_LABELS[field],
      mine: mine[field],
      current: current[field],
    })),
    { label: PERSON_LABELS.roles, mine: rolesIn(mine), current: rolesIn(current) },
  ];
  return (
    <section className="panel" aria-labelledby="edit-partner-person-heading">
      <h2 id="edit-partner-person-heading">Edit details</h2>
      {edit.conflict ? (
        <ConflictPanel
          busy={edit.saving}
          rows={rows(edit.draft, personDraftOf(edit.conflict))}
          onApplyMine={edit.applyMine}
          onDiscardMine={() =>
            onDone(edit.conflict as PartnerPerson, "Your changes were discarded. This is the current version.")
          }
        />
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={edit.error} fields={PERSON_TARGETS} />
        <PersonFields
          draft={edit.draft}
          onChange={(next) => {
            for (const key of Object.keys(next) as (keyof PartnerPersonDraft)[]) {
              if (next[key] !== edit.draft[key]) edit.setField(key, next[key]);
            }
          }}
          error={edit.error}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={edit.saving}>
            {edit.saving ? "Saving…" : "Save changes"}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone(person, "")}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

/** An administrator opens a partner-viewer account with an initial password to hand over. */
function AccountSection({ person }: { person: PartnerPerson }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [opening, setOpening] = useState(false);
  const [email, setEmail] = useState(person.email ?? "");
  const [password, setPassword] = useState("");
  const open = useMutation({
    mutationFn: () =>
      api.post(`/api/partner-people/${encodeURIComponent(person.id)}/account`, ZPartnerAccount, { email, password }),
    onSuccess: () => {
      setOpening(false);
      void queryClient.invalidateQueries({ queryKey: partnerKeys.person(person.id) });
    },
  });
  const error = isApiError(open.error) ? open.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate();
  };
  return (
    <section className="panel" aria-labelledby="partner-account-heading">
      <h2 id="partner-account-heading">Cascade account</h2>
      <p>
        {person.hasAccount
          ? "Has a partner-viewer account: they can sign in and see the agency's aggregate figures, nothing about individual staff."
          : "No Cascade account."}
      </p>
      {!person.hasAccount && can("partnerAccounts.create") && !opening ? (
        <button type="button" className="button button-secondary" onClick={() => setOpening(true)}>
          Open a partner-viewer account
        </button>
      ) : null}
      {opening ? (
        <form onSubmit={submit} noValidate className="form">
          <ErrorSummary
            error={error}
            fields={{
              email: { id: "partner-account-email", label: "Sign-in email" },
              password: { id: "partner-account-password", label: "Initial password" },
            }}
          />
          <TextField
            id="partner-account-email"
            label="Sign-in email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={setEmail}
            error={error?.messageFor("email")}
          />
          <TextField
            id="partner-account-password"
            label="Initial password"
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters; a short phrase works well. Give it to them in person; they can change it after signing in."
            value={password}
            onChange={setPassword}
            error={error?.messageFor("password")}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={open.isPending}>
              {open.isPending ? "Opening…" : "Open account"}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpening(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

/** A partner person: contact, roles, account, and (for those who may see pay) agreements and hours. */
export function PartnerPersonPage({ partnerPersonId }: { partnerPersonId: string }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState("");
  const detail = useQuery({
    queryKey: partnerKeys.person(partnerPersonId),
    queryFn: () => api.get(`/api/partner-people/${encodeURIComponent(partnerPersonId)}`, ZPartnerPersonDetail),
  });
  if (detail.isPending) return <Loading what="this partner person" />;
  if (detail.isError) {
    return (
      <>
        <PageHeader title="Partner person" />
        <LoadError error={detail.error} what="this partner person" />
      </>
    );
  }
  const person: PartnerPersonDetail = detail.data;
  const done = (saved: PartnerPerson, message: string) => {
    queryClient.setQueryData(partnerKeys.person(partnerPersonId), { ...person, ...saved });
    void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
    setEditing(false);
    setNotice(message);
  };
  return (
    <>
      <PageHeader
        title={person.fullName}
        intro={`${person.partnerOrganizationName} · ${PARTNER_KIND_LABELS[person.partnerOrganizationKind]}`}
        actions={
          can("partners.manage") && !editing ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                setNotice("");
                setEditing(true);
              }}
            >
              Edit details
            </button>
          ) : null
        }
      />
      <p>
        <Link to="/partners/$partnerOrganizationId" params={{ partnerOrganizationId: person.partnerOrganizationId }}>
          Back to {person.partnerOrganizationName}
        </Link>
      </p>
      <div role="status" className={notice ? "notice notice-success" : "visually-hidden"}>
        {notice}
      </div>
      {editing ? <EditPersonForm person={person} onDone={done} /> : null}
      <section className="panel" aria-labelledby="partner-person-heading">
        <h2 id="partner-person-heading">Details</h2>
        <dl className="details">
          <dt>Roles</dt>
          <dd>{person.roles.map((r) => PARTNER_ROLE_LABELS[r]).join(", ") || "None yet"}</dd>
          <dt>Email</dt>
          <dd>{person.email ?? "Not recorded"}</dd>
          <dt>Phone</dt>
          <dd>{person.phone ?? "Not recorded"}</dd>
          <dt>Languages</dt>
          <dd>{person.languages.join(", ") || "Not recorded"}</dd>
        </dl>
      </section>
      <AccountSection person={person} />
      {person.agreements ? <AgreementsSection partnerPersonId={person.id} agreements={person.agreements} /> : null}
    </>
  );
}
