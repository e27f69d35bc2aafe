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
import { useArrivalNotice } from "./arrival-notice.js";
import { EndEmploymentDialog } from "./end-employment-dialog.js";
import { PersonEditForm } from "./person-edit-form.js";
import { TransferForm } from "./transfer-form.js";

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

/** Whether someone still works here, in words: "Working here", "Leaves on …", "Employment ended on …". */
function employmentStatus(person: Person): string {
  if (!person.endDate) return "Working here";
  return person.active
    ? `Working here; employment ends on ${formatDate(person.endDate)}`
    : `Employment ended on ${formatDate(person.endDate)}`;
}

type Mode = "view" | "edit" | "transfer";

/** Debriefs are for the person and their supervisor line (the server decides; this only hides a dead link). */
function canReadDebriefsOf(
  person: { id: string; reportingLine: { id: string }[] },
  viewerPersonId: string | null,
  isFidelityTeam: boolean,
) {
  if (isFidelityTeam) return true;
  return (
    viewerPersonId !== null &&
    (person.id === viewerPersonId || person.reportingLine.some((b) => b.id === viewerPersonId))
  );
}

export function PersonPage({ personId }: { personId: string }) {
  const { can, session } = useSession();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>("view");
  const [ending, setEnding] = useState(false);
  const arrivalNotice = useArrivalNotice();
  const [notice, setNotice] = useState<string | null>(arrivalNotice);
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
    void queryClient.invalidateQueries({ queryKey: queryKeys.orgTree });
    void queryClient.invalidateQueries({ queryKey: queryKeys.home });
    setMode("view");
    setEnding(false);
    setNotice(message);
  };
  const start = (next: Mode) => {
    setNotice(null);
    setMode(next);
  };
  const discarded = (current: Person) =>
    showRecord(current, "Your changes were discarded. This is the current version.");

  const place = [jobRoleLabel(person.jobRole), person.orgUnitName].filter(Boolean).join(" · ");
  return (
    <>
      <PageHeader
        title={fullName(person)}
        intro={place}
        actions={
          canManage && mode === "view" ? (
            <>
              <button type="button" className="button" onClick={() => start("edit")}>
                Edit details
              </button>
              {person.active ? (
                <>
                  <button type="button" className="button button-secondary" onClick={() => start("transfer")}>
                    Transfer
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => {
                      setNotice(null);
                      setEnding(true);
                    }}
                  >
                    End employment
                  </button>
                </>
              ) : null}
            </>
          ) : null
        }
      />
      <div role="status" className={notice ? "notice notice-success" : "visually-hidden"}>
        {notice}
      </div>
      {person.active ? null : (
        <div className="notice notice-ended">
          <h2>Employment ended on {formatDate(person.endDate)}</h2>
          <p>
            {fullName(person)} no longer works here. Their records stay in Cascade for history and retention figures
            {person.hasAccount ? ", and their account cannot be used to sign in" : ""}.
          </p>
        </div>
      )}
      {ending ? (
        <EndEmploymentDialog
          person={person}
          onCancel={() => setEnding(false)}
          onSaved={(saved) =>
            showRecord(
              saved,
              saved.active
                ? `${fullName(saved)}'s employment will end on ${formatDate(saved.endDate)}.`
                : `${fullName(saved)}'s employment has ended. Their records are kept.`,
            )
          }
          onDiscard={discarded}
        />
      ) : null}
      {mode === "edit" ? (
        <PersonEditForm
          person={person}
          onCancel={() => setMode("view")}
          onSaved={(saved) => showRecord(saved, `Saved. ${fullName(saved)}'s details are up to date.`)}
          onDiscard={discarded}
        />
      ) : null}
      {mode === "transfer" ? (
        <TransferForm
          person={person}
          onCancel={() => setMode("view")}
          onSaved={(saved) =>
            showRecord(saved, `Transferred ${fullName(saved)} to ${saved.orgUnitName ?? "the new unit"}.`)
          }
          onDiscard={discarded}
        />
      ) : null}
      {mode === "view" ? (
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
              <dd>{employmentStatus(person)}</dd>
            </div>
          </dl>
        </section>
      ) : null}

      {canReadDebriefsOf(person, session.user.personId, can("fidelity.manage")) ? (
        <p>
          <Link to="/fidelity/debriefs" search={{ personId: person.id }}>
            Fidelity debriefs of {fullName(person)}
          </Link>
        </p>
      ) : null}
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
