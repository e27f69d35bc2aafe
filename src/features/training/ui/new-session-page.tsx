import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { ZAgency } from "../../agencies/agency.schema.js";
import { ZOrgTree } from "../../org/org-unit.schema.js";
import { ZPartnerOrganizationDetail, ZPartnerOrganizationList } from "../../partners/partner.schema.js";
import { ZPeoplePage } from "../../people/person.schema.js";
import { ZCurriculumList } from "../curriculum.schema.js";
import {
  TRAINER_ROLE_LABELS,
  TRAINER_ROLES,
  type TrainingSessionDetail,
  ZTrainingSessionDetail,
} from "../session.schema.js";
import { trainingKeys } from "./training-keys.js";

export const ZNewSessionSearch = z.object({ curriculumId: z.string().max(64).optional() });

type TrainerRole = (typeof TRAINER_ROLES)[number];

interface TrainerDraft {
  key: string;
  /** `staff:<personId>` or `partner:<partnerPersonId>`, so one list offers both. */
  who: string;
  role: TrainerRole;
}

let nextKey = 0;
const newTrainer = (role: TrainerRole): TrainerDraft => ({ key: `trainer-${++nextKey}`, who: "", role });

/** Staff who train, and the people of each partner organization, as one list of choices. */
function useTrainerChoices() {
  const staff = useQuery({
    queryKey: ["people", { jobRole: "trainer" }],
    queryFn: () => api.get("/api/people", ZPeoplePage, { jobRole: "trainer", pageSize: 200 }),
  });
  const organizations = useQuery({
    queryKey: ["partners", "organizations"],
    queryFn: () => api.get("/api/partner-organizations", ZPartnerOrganizationList),
  });
  const details = useQueries({
    queries: (organizations.data?.items ?? []).map((o) => ({
      queryKey: ["partners", "organizations", o.id],
      queryFn: () => api.get(`/api/partner-organizations/${o.id}`, ZPartnerOrganizationDetail),
    })),
  });
  return [
    { value: "", label: "Choose a trainer" },
    ...(staff.data?.items ?? []).map((p) => ({
      value: `staff:${p.id}`,
      label: `${p.givenName} ${p.familyName} (staff)`,
    })),
    ...details.flatMap((d) =>
      (d.data?.people ?? []).map((p) => ({
        value: `partner:${p.id}`,
        label: `${p.fullName} (${p.partnerOrganizationName})`,
      })),
    ),
  ];
}

interface Enrolled {
  id: string;
  name: string;
}

function CohortPicker({
  enrolled,
  onChange,
  error,
}: {
  enrolled: Enrolled[];
  onChange: (next: Enrolled[]) => void;
  error: string | undefined;
}) {
  const [unitId, setUnitId] = useState("");
  const [term, setTerm] = useState("");
  const [adding, setAdding] = useState(false);
  const tree = useQuery({ queryKey: ["org-units"], queryFn: () => api.get("/api/org-units", ZOrgTree) });
  const found = useQuery({
    queryKey: ["people", { q: term.trim() }],
    queryFn: () => api.get("/api/people", ZPeoplePage, { q: term.trim(), pageSize: 10 }),
    enabled: term.trim().length >= 2,
  });
  const add = (people: Enrolled[]) => {
    const known = new Set(enrolled.map((e) => e.id));
    onChange([...enrolled, ...people.filter((p) => !known.has(p.id))]);
  };
  const addUnit = async () => {
    if (!unitId) return;
    setAdding(true);
    try {
      const page = await api.get("/api/people", ZPeoplePage, { orgUnitId: unitId, pageSize: 200 });
      add(page.items.map((p) => ({ id: p.id, name: `${p.givenName} ${p.familyName}` })));
    } finally {
      setAdding(false);
    }
  };
  const units = (tree.data?.units ?? []).filter((u) => u.kind === "unit" && !u.retired);
  return (
    <fieldset className={error ? "fieldset field-invalid" : "fieldset"} id="enrolledPersonIds" tabIndex={-1}>
      <legend>Cohort ({enrolled.length} enrolled)</legend>
      {error ? (
        <p className="field-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <SelectField
        label="Unit"
        hint="Enrolls everyone now placed in the unit."
        value={unitId}
        onChange={setUnitId}
        options={[
          { value: "", label: "Choose a unit" },
          ...units.map((u) => ({ value: u.id, label: `${u.name} (${u.headCount})` })),
        ]}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={!unitId || adding}
          onClick={() => void addUnit()}
        >
          {adding ? "Adding…" : "Enroll the whole unit"}
        </button>
      </div>
      <TextField
        label="Find a person"
        hint="Type at least two letters of a name."
        type="search"
        value={term}
        onChange={setTerm}
      />
      {found.data && term.trim().length >= 2 ? (
        found.data.items.length === 0 ? (
          <p className="muted">Nobody matches.</p>
        ) : (
          <ul className="plain-list">
            {found.data.items.map((p) => {
              const name = `${p.givenName} ${p.familyName}`;
              return (
                <li key={p.id}>
                  {name} {p.orgUnitName ? <span className="muted">({p.orgUnitName})</span> : null}{" "}
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={enrolled.some((e) => e.id === p.id)}
                    onClick={() => add([{ id: p.id, name }])}
                  >
                    Enroll {name}
                  </button>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
      {enrolled.length > 0 ? (
        <ul className="plain-list" aria-label="Enrolled">
          {enrolled.map((person) => (
            <li key={person.id}>
              {person.name}{" "}
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => onChange(enrolled.filter((e) => e.id !== person.id))}
              >
                Remove {person.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

function Scheduled({ session, onAnother }: { session: TrainingSessionDetail; onAnother: () => void }) {
  return (
    <section className="panel" aria-labelledby="scheduled-heading">
      <h2 id="scheduled-heading">Session scheduled</h2>
      <p role="status">
        {session.title} on {session.startsLocal} ({session.timeZone}), {session.enrollments.length} of{" "}
        {session.capacity} enrolled.
      </p>
      {session.cohortNote ? <p className="training-finding-warning">Planner check: {session.cohortNote}</p> : null}
      <div className="button-row">
        <Link to="/training/sessions/$sessionId" params={{ sessionId: session.id }} className="button">
          Open the session
        </Link>
        <button type="button" className="button button-secondary" onClick={onAnother}>
          Schedule another session
        </button>
      </div>
    </section>
  );
}

/**
 * Scheduling a training session: when (on the agency's clock), where, who trains, which modules,
 * and the cohort. The planner's cohort check comes back with the saved session.
 */
export function NewSessionPage({ curriculumId: initialCurriculum }: { curriculumId: string | undefined }) {
  const queryClient = useQueryClient();
  const agency = useQuery({ queryKey: ["agency"], queryFn: () => api.get("/api/agency", ZAgency) });
  const curricula = useQuery({
    queryKey: trainingKeys.curricula,
    queryFn: () => api.get("/api/curricula", ZCurriculumList),
  });
  const trainerChoices = useTrainerChoices();
  const [title, setTitle] = useState("");
  const [curriculumId, setCurriculumId] = useState(initialCurriculum ?? "");
  const [moduleIds, setModuleIds] = useState<string[]>([]);
  const [date, setDate] = useState("");
  const [startTime, setStartTime] = useState("09:00");
  const [endTime, setEndTime] = useState("16:00");
  const [place, setPlace] = useState("");
  const [videoLink, setVideoLink] = useState("");
  const [facility, setFacility] = useState("");
  const [capacity, setCapacity] = useState("20");
  const [trainers, setTrainers] = useState<TrainerDraft[]>(() => [newTrainer("lead")]);
  const [enrolled, setEnrolled] = useState<Enrolled[]>([]);
  const [scheduled, setScheduled] = useState<TrainingSessionDetail | null>(null);

  const save = useMutation({
    mutationFn: () =>
      api.post("/api/training-sessions", ZTrainingSessionDetail, {
        title,
        curriculumId,
        moduleIds,
        date,
        startTime,
        endTime,
        place,
        videoLink,
        facility,
        capacity: capacity.trim() === "" ? null : Number(capacity),
        trainers: trainers.map((t) => {
          const [kind, id] = t.who.split(":");
          return {
            personId: kind === "staff" ? (id ?? "") : "",
            partnerPersonId: kind === "partner" ? (id ?? "") : "",
            role: t.role,
          };
        }),
        enrolledPersonIds: enrolled.map((e) => e.id),
      }),
    onSuccess: (session) => {
      void queryClient.invalidateQueries({ queryKey: trainingKeys.sessions });
      queryClient.setQueryData(trainingKeys.session(session.id), session);
      setScheduled(session);
    },
  });
  const error = isApiError(save.error) ? save.error : null;
  const errorFor = (field: string) => error?.messageFor(field);
  const curriculum = curricula.data?.items.find((c) => c.id === curriculumId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const header = (
    <>
      <p className="breadcrumb">
        <Link to="/training/sessions">Training sessions</Link>
      </p>
      <PageHeader
        title="Schedule a session"
        intro="Set the time and place, name the trainers, and enroll the cohort."
      />
    </>
  );
  if (scheduled) {
    return (
      <>
        {header}
        <Scheduled
          session={scheduled}
          onAnother={() => {
            setScheduled(null);
            setEnrolled([]);
            save.reset();
          }}
        />
      </>
    );
  }
  const fields = {
    title: { id: "session-title", label: "Title" },
    curriculumId: { id: "session-curriculum", label: "Curriculum" },
    moduleIds: { id: "session-modules", label: "Modules" },
    date: { id: "session-date", label: "Date" },
    startTime: { id: "session-start", label: "Starts" },
    endTime: { id: "session-end", label: "Ends" },
    place: { id: "session-place", label: "Place" },
    videoLink: { id: "session-video", label: "Video link" },
    facility: { id: "session-facility", label: "Facility" },
    capacity: { id: "session-capacity", label: "Capacity" },
    trainers: { id: "trainer-0", label: "Trainers" },
    enrolledPersonIds: { id: "enrolledPersonIds", label: "Cohort" },
  };
  return (
    <>
      {header}
      <form onSubmit={submit} noValidate className="stack">
        <ErrorSummary error={error} fields={fields} />
        <TextField id="session-title" label="Title" value={title} onChange={setTitle} error={errorFor("title")} />
        <SelectField
          id="session-curriculum"
          label="Curriculum"
          value={curriculumId}
          onChange={(next) => {
            setCurriculumId(next);
            setModuleIds([]);
          }}
          options={[
            { value: "", label: "No curriculum (open to everyone)" },
            ...(curricula.data?.items ?? []).map((c) => ({ value: c.id, label: c.title })),
          ]}
          error={errorFor("curriculumId")}
        />
        {curriculum && curriculum.modules.length > 0 ? (
          <fieldset className="fieldset" id="session-modules" tabIndex={-1}>
            <legend>Modules taught in this session</legend>
            <p className="field-hint">None checked means the whole curriculum.</p>
            {errorFor("moduleIds") ? <p className="field-error">{errorFor("moduleIds")}</p> : null}
            {curriculum.modules.map((m) => (
              <div key={m.id} className="field field-checkbox">
                <input
                  id={`session-module-${m.id}`}
                  type="checkbox"
                  checked={moduleIds.includes(m.id)}
                  onChange={(event) =>
                    setModuleIds(event.target.checked ? [...moduleIds, m.id] : moduleIds.filter((id) => id !== m.id))
                  }
                />
                <label htmlFor={`session-module-${m.id}`}>
                  {m.title} ({m.durationMinutes} min)
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <TextField
          id="session-date"
          label="Date"
          type="date"
          width="medium"
          value={date}
          onChange={setDate}
          error={errorFor("date")}
        />
        <TextField
          id="session-start"
          label="Starts"
          type="time"
          width="short"
          hint={agency.data ? `On the agency's clock (${agency.data.timeZone}).` : "On the agency's clock."}
          value={startTime}
          onChange={setStartTime}
          error={errorFor("startTime")}
        />
        <TextField
          id="session-end"
          label="Ends"
          type="time"
          width="short"
          value={endTime}
          onChange={setEndTime}
          error={errorFor("endTime")}
        />
        <TextField
          id="session-place"
          label="Place"
          hint="An address or room; leave empty for an online session with a video link."
          value={place}
          onChange={setPlace}
          error={errorFor("place")}
        />
        <TextField
          id="session-video"
          label="Video link"
          value={videoLink}
          onChange={setVideoLink}
          error={errorFor("videoLink")}
        />
        <TextField
          id="session-facility"
          label="Facility"
          hint="Optional, e.g. the training center's name."
          value={facility}
          onChange={setFacility}
          error={errorFor("facility")}
        />
        <TextField
          id="session-capacity"
          label="Capacity"
          inputMode="numeric"
          width="short"
          value={capacity}
          onChange={setCapacity}
          error={errorFor("capacity")}
        />
        <fieldset className="fieldset">
          <legend>Trainers</legend>
          {errorFor("trainers") ? <p className="field-error">{errorFor("trainers")}</p> : null}
          {trainers.map((trainer, index) => (
            <div key={trainer.key} className="session-trainer">
              <SelectField
                id={`trainer-${index}`}
                label={`Trainer ${index + 1}`}
                value={trainer.who}
                onChange={(who) => setTrainers(trainers.map((t, i) => (i === index ? { ...t, who } : t)))}
                options={trainerChoices}
                error={errorFor(`trainers.${index}.personId`) ?? errorFor(`trainers.${index}.partnerPersonId`)}
              />
              <SelectField
                label={`Trainer ${index + 1} role`}
                value={trainer.role}
                onChange={(role) =>
                  setTrainers(trainers.map((t, i) => (i === index ? { ...t, role: role as TrainerRole } : t)))
                }
                options={TRAINER_ROLES.map((r) => ({ value: r, label: TRAINER_ROLE_LABELS[r] }))}
              />
              {trainers.length > 1 ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => setTrainers(trainers.filter((_, i) => i !== index))}
                >
                  Remove trainer {index + 1}
                </button>
              ) : null}
            </div>
          ))}
          <div className="button-row">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setTrainers([...trainers, newTrainer("co_trainer")])}
            >
              Add a co-trainer
            </button>
          </div>
        </fieldset>
        <CohortPicker enrolled={enrolled} onChange={setEnrolled} error={errorFor("enrolledPersonIds")} />
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? "Scheduling…" : "Schedule session"}
          </button>
        </div>
      </form>
    </>
  );
}
