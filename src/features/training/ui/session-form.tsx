import { useQueries, useQuery } from "@tanstack/react-query";
import { api } from "../../../../web/src/api/api-client.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { ZAgency } from "../../agencies/agency.schema.js";
import { ZPartnerOrganizationDetail, ZPartnerOrganizationList } from "../../partners/partner.schema.js";
import { ZPeoplePage } from "../../people/person.schema.js";
import { ZCurriculumList } from "../curriculum.schema.js";
import { TRAINER_ROLE_LABELS, TRAINER_ROLES, type TrainingSessionDetail } from "../session.schema.js";
import { trainingKeys } from "./training-keys.js";

type TrainerRole = (typeof TRAINER_ROLES)[number];

/**
 * A session's fields as typed, all as text so scheduling and editing share one form and an edit
 * can be compared field by field when someone else saved first. Modules are ids joined by
 * commas; trainers are `who|role` joined by semicolons, where `who` is `staff:<personId>` or
 * `partner:<partnerPersonId>`, so one list offers both.
 */
export interface SessionDraft extends Record<string, string> {
  title: string;
  curriculumId: string;
  moduleIds: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  videoLink: string;
  facility: string;
  capacity: string;
  trainers: string;
}

interface TrainerDraft {
  who: string;
  role: TrainerRole;
}

const listOf = (joined: string, separator: string) => (joined === "" ? [] : joined.split(separator));

export const modulesOf = (draft: SessionDraft) => listOf(draft.moduleIds, ",");

export function trainersOf(draft: SessionDraft): TrainerDraft[] {
  return listOf(draft.trainers, ";").map((entry) => {
    const [who = "", role = "lead"] = entry.split("|");
    return { who, role: role as TrainerRole };
  });
}

const joinTrainers = (trainers: TrainerDraft[]) => trainers.map((t) => `${t.who}|${t.role}`).join(";");

export const emptySessionDraft = (curriculumId: string): SessionDraft => ({
  title: "",
  curriculumId,
  moduleIds: "",
  date: "",
  startTime: "09:00",
  endTime: "16:00",
  place: "",
  videoLink: "",
  facility: "",
  capacity: "20",
  trainers: joinTrainers([{ who: "", role: "lead" }]),
});

/** The date and clock time of a UTC instant in the agency's time zone, as the form's inputs take them. */
function localParts(utc: string, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(utc));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${part("year")}-${part("month")}-${part("day")}`, time: `${part("hour")}:${part("minute")}` };
}

export function sessionDraftOf(session: TrainingSessionDetail): SessionDraft {
  const start = localParts(session.startsAt, session.timeZone);
  const end = localParts(session.endsAt, session.timeZone);
  return {
    title: session.title,
    curriculumId: session.curriculumId ?? "",
    moduleIds: session.moduleIds.join(","),
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    place: session.place,
    videoLink: session.videoLink,
    facility: session.facility,
    capacity: String(session.capacity),
    trainers: joinTrainers(
      session.trainers.map((t) => ({
        who: t.personId ? `staff:${t.personId}` : `partner:${t.partnerPersonId}`,
        role: t.role,
      })),
    ),
  };
}

/** The request body's session fields; the server checks them and answers field by field. */
export function toSessionBody(draft: SessionDraft) {
  return {
    title: draft.title,
    curriculumId: draft.curriculumId,
    moduleIds: modulesOf(draft),
    date: draft.date,
    startTime: draft.startTime,
    endTime: draft.endTime,
    place: draft.place,
    videoLink: draft.videoLink,
    facility: draft.facility,
    capacity: draft.capacity.trim() === "" ? null : Number(draft.capacity),
    trainers: trainersOf(draft).map((t) => {
      const [kind, id] = t.who.split(":");
      return {
        personId: kind === "staff" ? (id ?? "") : "",
        partnerPersonId: kind === "partner" ? (id ?? "") : "",
        role: t.role,
      };
    }),
  };
}

export const SESSION_FIELDS = {
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
};

/** Staff who train, and the people of each partner organization, as one list of choices. */
export function useTrainerChoices() {
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

export function useCurricula() {
  return useQuery({ queryKey: trainingKeys.curricula, queryFn: () => api.get("/api/curricula", ZCurriculumList) });
}

/**
 * The fields of a session shared by scheduling and editing: when (on the agency's clock),
 * where, capacity, modules and who trains.
 */
export function SessionFields({
  draft,
  setField,
  errorFor,
}: {
  draft: SessionDraft;
  setField: (field: keyof SessionDraft, value: string) => void;
  errorFor: (field: string) => string | undefined;
}) {
  const agency = useQuery({ queryKey: ["agency"], queryFn: () => api.get("/api/agency", ZAgency) });
  const curricula = useCurricula();
  const trainerChoices = useTrainerChoices();
  const curriculum = curricula.data?.items.find((c) => c.id === draft.curriculumId);
  const moduleIds = modulesOf(draft);
  const trainers = trainersOf(draft);
  const setModuleIds = (next: string[]) => setField("moduleIds", next.join(","));
  const setTrainers = (next: TrainerDraft[]) => setField("trainers", joinTrainers(next));
  const { title, date, startTime, endTime, place, videoLink, facility, capacity, curriculumId } = draft;
  const setTitle = (v: string) => setField("title", v);
  const setDate = (v: string) => setField("date", v);
  const setStartTime = (v: string) => setField("startTime", v);
  const setEndTime = (v: string) => setField("endTime", v);
  const setPlace = (v: string) => setField("place", v);
  const setVideoLink = (v: string) => setField("videoLink", v);
  const setFacility = (v: string) => setField("facility", v);
  const setCapacity = (v: string) => setField("capacity", v);
  const setCurriculumId = (v: string) => setField("curriculumId", v);
  return (
    <>
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
          // biome-ignore lint/suspicious/noArrayIndexKey: a trainer row is its position in the draft; its selects are controlled.
          <div key={index} className="session-trainer">
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
            onClick={() => setTrainers([...trainers, { who: "", role: "co_trainer" }])}
          >
            Add a co-trainer
          </button>
        </div>
      </fieldset>
    </>
  );
}
