import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { z } from "zod";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { queryKeys } from "../../../../web/src/api/query-keys.js";
import { formatDate, fullName, jobRoleLabel, LEVEL_LABELS } from "../../../../web/src/app/format.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ModalDialog } from "../../../../web/src/components/modal-dialog.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { type Person, ZPerson, ZPersonDetail, type ZPersonSummary } from "../person.schema.js";
import { PersonEditForm } from "./person-edit-form.js";

type PersonDetail = z.infer<typeof ZPersonDetail>;
type PersonSummary = z.infer<typeof ZPersonSummary>;

function PersonLink({ person }: { person: PersonSummary }) {
  return (
    <>
      <Link to="/people/$personId" params={{ personId: person.id }}>
        {fullName(person)}
      </Link>
      <span className="muted">
        {" "}
        · {jobRoleLabel(person.jobRole)}
        {person.orgUnitName ? `, ${person.orgUnitName}` : ""}
      </span>
    </>
  );
}

function accountStatus(person: Person): string {
  if (!person.hasAccount) return "No Cascade account";
  return person.accountActive ? "Can sign in" : "Deactivated: cannot sign in";
}

function AccountSection({ person, onChanged }: { person: PersonDetail; onChanged: (person: Person) => void }) {
  const [confirming, setConfirming] = useState(false);
  const deactivating = person.accountActive;
  const change = useMutation({
    mutationFn: () =>
      api.post(
        `/api/people/${encodeURIComponent(person.id)}/account/${deactivating ? "deactivate" : "reactivate"}`,
        ZPerson,
      ),
    onSuccess: (updated) => {
      setConfirming(false);
      onChanged(updated);
    },
  });
  const name = fullName(person);
  return (
    <section aria-labelledby="account-heading" className="panel">
      <h2 id="account-heading">Cascade account</h2>
      <p>{accountStatus(person)}.</p>
      {person.hasAccount ? (
        <button
          type="button"
          className={deactivating ? "button button-danger" : "button button-secondary"}
          onClick={() => {
            change.reset();
            setConfirming(true);
          }}
        >
          {deactivating ? "Deactivate account" : "Reactivate account"}
        </button>
      ) : null}
      {confirming ? (
        <ModalDialog
          title={deactivating ? `Deactivate ${name}'s account?` : `Reactivate ${name}'s account?`}
          onCancel={() => setConfirming(false)}
        >
          <p>
            {deactivating
              ? `${name} will be signed out everywhere at once and will not be able to sign in until the account is reactivated. Their record stays as it is.`
              : `${name} will be able to sign in again with their existing password.`}
          </p>
          {isApiError(change.error) ? (
            <p className="field-error" role="alert">
              {change.error.message}
            </p>
          ) : null}
          <div className="button-row">
            <button
              type="button"
              className={deactivating ? "button button-danger" : "button"}
              disabled={change.isPending}
              onClick={() => change.mutate()}
            >
              {deactivating ? "Yes, deactivate the account" : "Yes, reactivate the account"}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </ModalDialog>
      ) : null}
    </section>
  );
}

export function PersonPage({ personId }: { personId: string }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: queryKeys.person(personId),
    queryFn: () => api.get(`/api/people/${encodeURIComponent(personId)}`, ZPersonDetail),
  });

  if (detail.isPending) return <Loading what="this person" />;
  if (detail.isError) {
    return (
      <>
        <PageHeader title="Person" />
        <LoadError error={detail.error} what="this person" />
      </>
    );
  }
  const person = detail.data;
  const canManage = can("people.manage");

  /** Shows a saved or current record at once, then refreshes lists that may include it. */
  const showRecord = (updated: Person, message: string | null) => {
    queryClient.setQueryData(queryKeys.person(personId), { ...person, ...updated });
    void queryClient.invalidateQueries({ queryKey: queryKeys.people });
    void queryClient.invalidateQueries({ queryKey: queryKeys.home });
    setNotice(message);
  };

  const place = [jobRoleLabel(person.jobRole), person.orgUnitName].filter(Boolean).join(" · ");
  return (
    <>
      <PageHeader
        title={fullName(person)}
        intro={place}
        actions={
          canManage && !editing ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
            >
              Edit details
            </button>
          ) : null
        }
      />
      <div role="status" className={notice ? "notice notice-success" : "visually-hidden"}>
        {notice}
      </div>
      {editing ? (
        <PersonEditForm
          person={person}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            showRecord(saved, `Saved. ${fullName(saved)}'s details are up to date.`);
          }}
          onDiscard={(current) => {
            setEditing(false);
            showRecord(current, "Your changes were discarded. This is the current version.");
          }}
        />
      ) : (
        <section aria-labelledby="details-heading" className="panel">
          <h2 id="details-heading">Details</h2>
          <dl className="details">
            <div>
              <dt>Work email</dt>
              <dd>{person.workEmail ?? "—"}</dd>
            </div>
            <div>
              <dt>Employee ID</dt>
              <dd>{person.employeeId ?? "—"}</dd>
            </div>
            <div>
              <dt>Job role</dt>
              <dd>{jobRoleLabel(person.jobRole)}</dd>
            </div>
            <div>
              <dt>Level</dt>
              <dd>{LEVEL_LABELS[person.level]}</dd>
            </div>
            <div>
              <dt>Unit</dt>
              <dd>
                {person.orgUnitId && person.orgUnitName ? (
                  <Link to="/people" search={{ orgUnitId: person.orgUnitId }}>
                    {person.orgUnitName}
                  </Link>
                ) : (
                  "—"
                )}
              </dd>
            </div>
            <div>
              <dt>Hire date</dt>
              <dd>{formatDate(person.hireDate)}</dd>
            </div>
            <div>
              <dt>End date</dt>
              <dd>{formatDate(person.endDate)}</dd>
            </div>
            <div>
              <dt>Languages</dt>
              <dd>{person.languages.length > 0 ? person.languages.join(", ") : "—"}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>{person.active ? "Working here" : "Has left the agency"}</dd>
            </div>
          </dl>
        </section>
      )}

      <section aria-labelledby="reporting-heading" className="panel">
        <h2 id="reporting-heading">Reporting line</h2>
        {person.reportingLine.length === 0 ? (
          <p>{fullName(person)} does not report to anyone in Cascade.</p>
        ) : (
          <>
            <p className="muted">From the top of the agency down to {fullName(person)}.</p>
            <ol className="reporting-line">
              {[...person.reportingLine].reverse().map((boss) => (
                <li key={boss.id}>
                  <PersonLink person={boss} />
                </li>
              ))}
              <li aria-current="page">
                <strong>{fullName(person)}</strong>
              </li>
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="reports-heading" className="panel">
        <h2 id="reports-heading">Direct reports</h2>
        {person.directReports.length === 0 ? (
          <p>No one reports directly to {fullName(person)}.</p>
        ) : (
          <ul className="plain-list">
            {person.directReports.map((report) => (
              <li key={report.id}>
                <PersonLink person={report} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {canManage ? (
        <AccountSection
          person={person}
          onChanged={(updated) =>
            showRecord(
              updated,
              updated.accountActive
                ? "The account is active again."
                : "The account is deactivated and its sessions ended.",
            )
          }
        />
      ) : null}
    </>
  );
}
