import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useVersionedEdit } from "../../../../web/src/app/use-versioned-edit.js";
import { ConflictPanel } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZPartnerOrganizationDetail, ZPartnerOrganizationList } from "../../partners/partner.schema.js";
import { ZPeoplePage } from "../../people/person.schema.js";
import { type CalibrationResults, ZCalibrationResults } from "../calibration.schema.js";
import { type Observer, ZObserver, ZObserverList } from "../fidelity.schema.js";
import { fidelityKeys, percent } from "./fidelity-keys.js";

/** Certifications ending within this many days are flagged so they can be renewed in time. */
const EXPIRES_SOON_DAYS = 60;
const TYPE_LABELS = { community_partner: "Community partner", agency_partner: "Agency partner" } as const;
const today = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function certificationStatus(observer: Observer): string {
  if (!observer.certifiedOn) return observer.trainedOn ? "Trained, not certified" : "Not trained yet";
  if (observer.certifiedOn > today()) return `Certified from ${observer.certifiedOn}`;
  if (observer.certificationExpiresOn && observer.certificationExpiresOn < today()) return "Expired";
  if (observer.certificationExpiresOn && observer.certificationExpiresOn <= daysFromToday(EXPIRES_SOON_DAYS)) {
    return "Expires soon";
  }
  return "Certified";
}

type Latest = CalibrationResults["latestByObserver"][number]["latest"];

/** Calibration is a warning, not a block: certification stays a decision of the fidelity team. */
function CalibrationCell({ observer, latest }: { observer: Observer; latest: Latest }) {
  const certified = observer.certifiedOn !== null;
  if (!latest) return <>{certified ? <strong>Certified without calibration</strong> : "Not calibrated yet"}</>;
  const summary = `${latest.submittedAt.slice(0, 10)} · ${percent(latest.score.withinOneAgreement)} within one`;
  if (latest.score.passed) return <>{summary} · passed</>;
  return (
    <>
      {summary} · <strong>{certified ? "certified, but calibration not passed" : "not passed"}</strong>
    </>
  );
}

const toDraft = (o: Observer) => ({
  trainedOn: o.trainedOn ?? "",
  certifiedOn: o.certifiedOn ?? "",
  certificationExpiresOn: o.certificationExpiresOn ?? "",
});
const orNull = (value: string) => (value === "" ? null : value);

function EditObserverForm({ observer, onDone }: { observer: Observer; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const edit = useVersionedEdit({
    record: observer,
    toDraft,
    save: (draft, version) =>
      api.put(`/api/fidelity/observers/${observer.id}`, ZObserver, {
        trainedOn: orNull(draft.trainedOn),
        certifiedOn: orNull(draft.certifiedOn),
        certificationExpiresOn: orNull(draft.certificationExpiresOn),
        version,
      }),
    parseCurrent: (current) => ZObserver.safeParse(current).data ?? null,
    onSaved: (saved) => {
      void queryClient.invalidateQueries({ queryKey: fidelityKeys.observers });
      onDone(`Saved the dates for ${saved.name}.`);
    },
  });
  const { draft, setField, error, conflict } = edit;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    edit.submit();
  };
  return (
    <section className="panel" aria-labelledby="edit-observer-heading">
      <h2 id="edit-observer-heading">Training and certification of {observer.name}</h2>
      {conflict ? (
        <ConflictPanel
          busy={edit.saving}
          rows={[
            { label: "Trained on", mine: draft.trainedOn, current: conflict.trainedOn ?? "" },
            { label: "Certified on", mine: draft.certifiedOn, current: conflict.certifiedOn ?? "" },
            {
              label: "Certification expires on",
              mine: draft.certificationExpiresOn,
              current: conflict.certificationExpiresOn ?? "",
            },
          ]}
          onApplyMine={edit.applyMine}
          onDiscardMine={() => {
            void queryClient.invalidateQueries({ queryKey: fidelityKeys.observers });
            onDone("Your changes were discarded. The roster shows the current dates.");
          }}
        />
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} />
        <TextField
          label="Trained on"
          type="date"
          width="medium"
          value={draft.trainedOn}
          onChange={(v) => setField("trainedOn", v)}
          error={error?.messageFor("trainedOn")}
        />
        <TextField
          label="Certified on"
          type="date"
          width="medium"
          value={draft.certifiedOn}
          onChange={(v) => setField("certifiedOn", v)}
          error={error?.messageFor("certifiedOn")}
        />
        <TextField
          label="Certification expires on"
          type="date"
          width="medium"
          hint="Leave empty if it does not expire."
          value={draft.certificationExpiresOn}
          onChange={(v) => setField("certificationExpiresOn", v)}
          error={error?.messageFor("certificationExpiresOn")}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={edit.saving}>
            {edit.saving ? "Saving…" : "Save dates"}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone("")}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

const ZOrganizationPeople = ZPartnerOrganizationDetail.pick({ people: true });

/** A staff person is found by name search; a partner person is chosen from their organization. */
function AddObserverForm({ onDone }: { onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({
    observerType: "community_partner" as Observer["observerType"],
    search: "",
    personId: "",
    organizationId: "",
    partnerPersonId: "",
    trainedOn: "",
    certifiedOn: "",
    certificationExpiresOn: "",
  });
  const set = (field: keyof typeof draft) => (value: string) => setDraft({ ...draft, [field]: value });
  const isAgency = draft.observerType === "agency_partner";
  const people = useQuery({
    queryKey: ["people", "observer-search", draft.search],
    queryFn: () => api.get("/api/people", ZPeoplePage, { q: draft.search, pageSize: 20 }),
    enabled: isAgency && draft.search.trim().length >= 2,
  });
  const organizations = useQuery({
    queryKey: ["partner-organizations"],
    queryFn: () => api.get("/api/partner-organizations", ZPartnerOrganizationList),
    enabled: !isAgency,
  });
  const partnerPeople = useQuery({
    queryKey: ["partner-organization", draft.organizationId],
    queryFn: () => api.get(`/api/partner-organizations/${draft.organizationId}`, ZOrganizationPeople),
    enabled: !isAgency && draft.organizationId !== "",
  });
  const add = useMutation({
    mutationFn: () =>
      api.post("/api/fidelity/observers", ZObserver, {
        observerType: draft.observerType,
        personId: isAgency ? orNull(draft.personId) : null,
        partnerPersonId: isAgency ? null : orNull(draft.partnerPersonId),
        trainedOn: orNull(draft.trainedOn),
        certifiedOn: orNull(draft.certifiedOn),
        certificationExpiresOn: orNull(draft.certificationExpiresOn),
      }),
    onSuccess: (added) => {
      void queryClient.invalidateQueries({ queryKey: fidelityKeys.all });
      onDone(`Added ${added.name} to the roster.`);
    },
  });
  const error = isApiError(add.error) ? add.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <section className="panel" aria-labelledby="add-observer-heading">
      <h2 id="add-observer-heading">Add an observer</h2>
      <p className="muted">
        Each observation needs one community partner (a person from a partner organization) and one agency partner (a
        staff member).
      </p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} />
        <SelectField
          label="Observes as"
          value={draft.observerType}
          onChange={(observerType) =>
            setDraft({
              ...draft,
              observerType: observerType as Observer["observerType"],
              personId: "",
              partnerPersonId: "",
            })
          }
          options={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        {isAgency ? (
          <>
            <TextField
              label="Find the staff member"
              type="search"
              hint="Type at least two letters of their name, email or employee id."
              value={draft.search}
              onChange={set("search")}
            />
            <SelectField
              label="Staff member"
              value={draft.personId}
              onChange={set("personId")}
              options={[
                { value: "", label: people.data ? `Choose from ${people.data.items.length} found` : "Search first" },
                ...(people.data?.items ?? []).map((p) => ({
                  value: p.id,
                  label: `${p.givenName} ${p.familyName}${p.orgUnitName ? `, ${p.orgUnitName}` : ""}`,
                })),
              ]}
              error={error?.messageFor("personId")}
            />
          </>
        ) : (
          <>
            <SelectField
              label="Partner organization"
              value={draft.organizationId}
              onChange={(organizationId) => setDraft({ ...draft, organizationId, partnerPersonId: "" })}
              options={[
                { value: "", label: "Choose an organization" },
                ...(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
              ]}
            />
            <SelectField
              label="Partner person"
              value={draft.partnerPersonId}
              onChange={set("partnerPersonId")}
              options={[
                { value: "", label: "Choose a person" },
                ...(partnerPeople.data?.people ?? []).map((p) => ({ value: p.id, label: p.fullName })),
              ]}
              error={error?.messageFor("partnerPersonId")}
            />
          </>
        )}
        <TextField
          label="Trained on"
          type="date"
          width="medium"
          value={draft.trainedOn}
          onChange={set("trainedOn")}
          error={error?.messageFor("trainedOn")}
        />
        <TextField
          label="Certified on"
          type="date"
          width="medium"
          value={draft.certifiedOn}
          onChange={set("certifiedOn")}
          error={error?.messageFor("certifiedOn")}
        />
        <TextField
          label="Certification expires on"
          type="date"
          width="medium"
          hint="Leave empty if it does not expire."
          value={draft.certificationExpiresOn}
          onChange={set("certificationExpiresOn")}
          error={error?.messageFor("certificationExpiresOn")}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={add.isPending}>
            {add.isPending ? "Adding…" : "Add observer"}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone("")}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

/** The observer roster: who may observe, until when, and how their latest calibration went. */
export function ObserversPage() {
  const observers = useQuery({
    queryKey: fidelityKeys.observers,
    queryFn: () => api.get("/api/fidelity/observers", ZObserverList),
  });
  const calibration = useQuery({
    queryKey: fidelityKeys.calibrationResults,
    queryFn: () => api.get("/api/fidelity/calibration-results", ZCalibrationResults),
  });
  const [mode, setMode] = useState<{ kind: "list" } | { kind: "add" } | { kind: "edit"; observer: Observer }>({
    kind: "list",
  });
  const [notice, setNotice] = useState("");
  const done = (message: string) => {
    setNotice(message);
    setMode({ kind: "list" });
  };
  if (observers.isPending || calibration.isPending) return <Loading what="the observer roster" />;
  if (observers.isError) return <LoadError error={observers.error} what="the observer roster" />;
  if (calibration.isError) return <LoadError error={calibration.error} what="the observer roster" />;
  const latest = new Map<string, Latest>(calibration.data.latestByObserver.map((o) => [o.observerId, o.latest]));
  return (
    <>
      <PageHeader
        title="Observer roster"
        intro="Observers are trained and certified before they rate. Calibration against a reference case shows whether their ratings match the fidelity team's."
        actions={
          <>
            <Link className="button button-secondary" to="/fidelity/calibration">
              Calibration
            </Link>
            <Link className="button button-secondary" to="/fidelity">
              Back to fidelity
            </Link>
          </>
        }
      />
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      {mode.kind === "add" ? <AddObserverForm onDone={done} /> : null}
      {mode.kind === "edit" ? <EditObserverForm key={mode.observer.id} observer={mode.observer} onDone={done} /> : null}
      <section className="panel" aria-labelledby="roster-heading">
        <h2 id="roster-heading">Observers</h2>
        {mode.kind === "list" ? (
          <div className="button-row">
            <button type="button" className="button" onClick={() => setMode({ kind: "add" })}>
              Add an observer
            </button>
          </div>
        ) : null}
        {observers.data.items.length === 0 ? (
          <p>No observers yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">
                The observers with their certification and latest calibration
              </caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Observes as</th>
                  <th scope="col">Trained</th>
                  <th scope="col">Certified</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Status</th>
                  <th scope="col">Latest calibration</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {observers.data.items.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">{o.name}</th>
                    <td>{TYPE_LABELS[o.observerType]}</td>
                    <td>{o.trainedOn ?? "—"}</td>
                    <td>{o.certifiedOn ?? "—"}</td>
                    <td>{o.certificationExpiresOn ?? "—"}</td>
                    <td>{certificationStatus(o)}</td>
                    <td>
                      <CalibrationCell observer={o} latest={latest.get(o.id) ?? null} />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => setMode({ kind: "edit", observer: o })}
                      >
                        Edit dates<span className="visually-hidden"> of {o.name}</span>
                      </button>
                    </td>
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
