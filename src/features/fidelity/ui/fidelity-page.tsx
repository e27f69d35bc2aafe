import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { CheckboxField, SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { ZOrgUnitNode } from "../../org/org-unit.schema.js";
import { ZInstrumentList, ZObservationForRating, ZObserverList, ZSample } from "../fidelity.schema.js";
import { EVENT_TYPE_LABELS, fidelityKeys } from "./fidelity-keys.js";
import { ObservationsList } from "./observations-list.js";

const ZOrgUnits = z.object({ units: z.array(ZOrgUnitNode) });
const today = () => new Date().toISOString().slice(0, 10);

/** Step 1: a seeded random sample of a unit's staff; the seed is shown so the draw can be repeated. */
function SampleSection({ onSchedule }: { onSchedule: (person: { id: string; name: string }) => void }) {
  const units = useQuery({ queryKey: ["org-units"], queryFn: () => api.get("/api/org-units", ZOrgUnits) });
  const [draft, setDraft] = useState({ orgUnitId: "", periodStart: today(), periodEnd: today(), size: "3", seed: "" });
  const draw = useMutation({
    mutationFn: () =>
      api.post("/api/fidelity/samples", ZSample, {
        orgUnitId: draft.orgUnitId,
        periodStart: draft.periodStart,
        periodEnd: draft.periodEnd,
        size: Number(draft.size),
        ...(draft.seed.trim() ? { seed: draft.seed.trim() } : {}),
      }),
  });
  const error = isApiError(draw.error) ? draw.error : null;
  const set = (field: keyof typeof draft) => (value: string) => setDraft({ ...draft, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    draw.mutate();
  };
  const unitOptions = [
    { value: "", label: "Choose a unit" },
    ...(units.data?.units ?? []).filter((u) => !u.retired).map((u) => ({ value: u.id, label: u.name })),
  ];
  return (
    <section className="panel" aria-labelledby="sample-heading">
      <h2 id="sample-heading">1. Draw a sample of staff</h2>
      <p className="muted">Choose a unit and period. Keep the seed to draw the same sample again.</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} />
        <SelectField
          label="Unit"
          value={draft.orgUnitId}
          onChange={set("orgUnitId")}
          options={unitOptions}
          error={error?.messageFor("orgUnitId")}
        />
        <TextField
          label="Period starts"
          type="date"
          width="medium"
          value={draft.periodStart}
          onChange={set("periodStart")}
          error={error?.messageFor("periodStart")}
        />
        <TextField
          label="Period ends"
          type="date"
          width="medium"
          value={draft.periodEnd}
          onChange={set("periodEnd")}
          error={error?.messageFor("periodEnd")}
        />
        <TextField
          label="How many staff"
          inputMode="numeric"
          width="short"
          value={draft.size}
          onChange={set("size")}
          error={error?.messageFor("size")}
        />
        <TextField
          label="Seed (optional)"
          width="medium"
          hint="Leave empty for a new random draw."
          value={draft.seed}
          onChange={set("seed")}
          error={error?.messageFor("seed")}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={draw.isPending}>
            {draw.isPending ? "Drawing…" : "Draw sample"}
          </button>
        </div>
      </form>
      {draw.data ? (
        <div className="fidelity-sample" aria-live="polite">
          <p>
            Sample of {draw.data.people.length} from {draw.data.poolSize} staff in {draw.data.orgUnitName}, seed{" "}
            <strong className="fidelity-seed">{draw.data.seed}</strong>.
          </p>
          <ul>
            {draw.data.people.map((person) => (
              <li key={person.id}>
                {person.name}{" "}
                <button type="button" className="button button-secondary" onClick={() => onSchedule(person)}>
                  Schedule an observation of {person.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** Step 2: the event, with one community and one agency observer, and the family's consent. */
function ScheduleSection({ staff }: { staff: { id: string; name: string } }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const instruments = useQuery({
    queryKey: fidelityKeys.instruments,
    queryFn: () => api.get("/api/fidelity/instruments", ZInstrumentList),
  });
  const observers = useQuery({
    queryKey: fidelityKeys.observers,
    queryFn: () => api.get("/api/fidelity/observers", ZObserverList),
  });
  const published = (instruments.data?.items ?? []).filter((i) => i.latestPublishedNumber !== null);
  const [draft, setDraft] = useState({
    instrumentId: "",
    eventType: "family_meeting",
    eventDate: today(),
    community: "",
    agency: "",
    consentReference: "",
    consentGiven: false,
  });
  const schedule = useMutation({
    mutationFn: () =>
      api.post("/api/fidelity/observations", ZObservationForRating, {
        instrumentId: draft.instrumentId || published[0]?.id || "",
        eventType: draft.eventType,
        eventDate: draft.eventDate,
        staffPersonId: staff.id,
        observerIds: [draft.community, draft.agency],
        consentReference: draft.consentReference,
        consentGiven: draft.consentGiven,
      }),
    onSuccess: (observation) => {
      void queryClient.invalidateQueries({ queryKey: fidelityKeys.all });
      void navigate({ to: "/fidelity/observations/$observationId", params: { observationId: observation.id } });
    },
  });
  const error = isApiError(schedule.error) ? schedule.error : null;
  const observerOptions = (type: "community_partner" | "agency_partner") => [
    { value: "", label: "Choose an observer" },
    ...(observers.data?.items ?? [])
      .filter((o) => o.observerType === type)
      .map((o) => ({
        value: o.id,
        label: `${o.name}${o.certificationExpiresOn ? ` (certified to ${o.certificationExpiresOn})` : ""}`,
      })),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    schedule.mutate();
  };
  return (
    <section className="panel" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">2. Schedule an observation of {staff.name}</h2>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} />
        <SelectField
          label="Instrument"
          value={draft.instrumentId || published[0]?.id || ""}
          onChange={(instrumentId) => setDraft({ ...draft, instrumentId })}
          options={published.map((i) => ({ value: i.id, label: `${i.name} (version ${i.latestPublishedNumber})` }))}
          error={error?.messageFor("instrumentId")}
        />
        <SelectField
          label="Event"
          value={draft.eventType}
          onChange={(eventType) => setDraft({ ...draft, eventType })}
          options={Object.entries(EVENT_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <TextField
          label="Event date"
          type="date"
          width="medium"
          value={draft.eventDate}
          onChange={(eventDate) => setDraft({ ...draft, eventDate })}
          error={error?.messageFor("eventDate")}
        />
        <SelectField
          label="Community partner observer"
          value={draft.community}
          onChange={(community) => setDraft({ ...draft, community })}
          options={observerOptions("community_partner")}
          error={error?.messageFor("observerIds.0") ?? error?.messageFor("observerIds")}
        />
        <SelectField
          label="Agency partner observer"
          value={draft.agency}
          onChange={(agency) => setDraft({ ...draft, agency })}
          options={observerOptions("agency_partner")}
          error={error?.messageFor("observerIds.1")}
        />
        <TextField
          label="Consent reference"
          width="medium"
          hint="Where the family's consent is filed, e.g. CF-2026-0142. Never a name or case number."
          value={draft.consentReference}
          onChange={(consentReference) => setDraft({ ...draft, consentReference })}
          error={error?.messageFor("consentReference")}
        />
        <CheckboxField
          label="The family agreed to the observers being present"
          checked={draft.consentGiven}
          onChange={(consentGiven) => setDraft({ ...draft, consentGiven })}
          error={error?.messageFor("consentGiven")}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={schedule.isPending}>
            {schedule.isPending ? "Scheduling…" : "Schedule observation"}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Where the fidelity team keeps instruments, the roster, calibration and past observations. */
function FidelitySetupNav() {
  return (
    <nav className="panel" aria-labelledby="fidelity-setup-heading">
      <h2 id="fidelity-setup-heading">Set up</h2>
      <ul>
        <li>
          <Link to="/fidelity/instruments">Instruments</Link>: measures, scales and scoring rules, drafts and versions
        </li>
        <li>
          <Link to="/fidelity/observers">Observer roster</Link>: training, certification and calibration
        </li>
        <li>
          <Link to="/fidelity/calibration">Calibration</Link>: reference cases and observers' results
        </li>
        <li>
          <Link to="/fidelity/import">Import observation history</Link> from a CSV file
        </li>
      </ul>
    </nav>
  );
}

/** The fidelity team's start page: sample, schedule, follow observations, check reliability. */
export function FidelityPage() {
  const { can } = useSession();
  const [staff, setStaff] = useState<{ id: string; name: string } | null>(null);
  const manages = can("fidelity.manage");
  return (
    <>
      <PageHeader
        title="Fidelity"
        intro={
          manages
            ? "Draw a sample, schedule observations with a community and an agency observer, and check how well observers agree."
            : "The observations you are assigned to. Rate each one on your own; you see your partner's ratings once you have both submitted."
        }
        actions={
          manages ? (
            <Link className="button button-secondary" to="/fidelity/reliability">
              Observer reliability
            </Link>
          ) : (
            <Link className="button button-secondary" to="/fidelity/calibration">
              Calibration
            </Link>
          )
        }
      />
      {manages ? <FidelitySetupNav /> : null}
      {manages ? <SampleSection onSchedule={setStaff} /> : null}
      {manages && staff ? <ScheduleSection key={staff.id} staff={staff} /> : null}
      <ObservationsList />
    </>
  );
}
