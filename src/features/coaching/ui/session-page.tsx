import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { CheckboxField, SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import {
  BARRIER_CATEGORIES,
  BARRIER_CATEGORY_LABELS,
  COACHING_STEP_LABELS,
  COACHING_STEPS,
  SESSION_FORMAT_LABELS,
  SESSION_FORMATS,
  type Session,
  ZSession,
} from "../coaching.schema.js";
import { coachingKeys } from "./coaching-keys.js";

const AUTOSAVE_MS = 10_000;
type Draft = {
  sessionDate: string;
  durationMinutes: string;
  format: Session["format"];
  stepsCovered: Session["stepsCovered"];
  reflectionEasy: string;
  reflectionHard: string;
  reflectionConfident: string;
  privateNotes: string;
  sharedSummary: string;
  /** A due date as typed: empty for none. */
  actionItems: { id: string; text: string; dueDate: string; status: ActionItemStatus }[];
  /** Each barrier with a key of this page's own, so React keeps rows apart as they are removed. */
  barriers: (NonNullable<Session["barriers"]>[number] & { key: string })[];
};
type ActionItemStatus = NonNullable<Session["actionItems"]>[number]["status"];
const localKey = (id: string) => `cascade-coaching-session-${id}`;

function draftOf(s: Session): Draft {
  return {
    sessionDate: s.sessionDate,
    durationMinutes: String(s.durationMinutes),
    format: s.format,
    stepsCovered: s.stepsCovered,
    reflectionEasy: s.reflectionEasy ?? "",
    reflectionHard: s.reflectionHard ?? "",
    reflectionConfident: s.reflectionConfident ?? "",
    privateNotes: s.privateNotes ?? "",
    sharedSummary: s.sharedSummary ?? "",
    actionItems: (s.actionItems ?? []).map((item) => ({ ...item, dueDate: item.dueDate ?? "" })),
    barriers: (s.barriers ?? []).map((barrier) => ({ ...barrier, key: crypto.randomUUID() })),
  };
}

/**
 * The coach writes the log of one session. What is typed is kept in this browser as it is
 * typed and saved to the server as a draft every few seconds, so an ended session or a closed
 * tab loses nothing; "Log session" makes it final and visible to the coachee.
 */
function SessionForm({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => {
    const kept = localStorage.getItem(localKey(session.id));
    // A draft kept before action items and barriers were on the form lacks them: the server's fill in.
    return kept ? { ...draftOf(session), ...(JSON.parse(kept) as Partial<Draft>) } : draftOf(session);
  });
  const [dirty, setDirty] = useState(localStorage.getItem(localKey(session.id)) !== null);
  const version = useRef(session.version);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (status: "draft" | "final") =>
      api.put(`/api/coaching/sessions/${session.id}`, ZSession, {
        ...draft,
        durationMinutes: Number(draft.durationMinutes),
        startTime: session.startTime,
        status,
        location: session.location,
        participants: session.participants,
        focusItemIds: session.focusItemIds,
        actionItems: draft.actionItems.map((item) => ({ ...item, dueDate: item.dueDate || null })),
        barriers: draft.barriers.map(({ description, category }) => ({ description, category })),
        version: version.current,
      }),
    onSuccess: (saved) => {
      version.current = saved.version;
      setDirty(false);
      setSavedAt(new Date().toLocaleTimeString());
      localStorage.removeItem(localKey(session.id));
      if (saved.status === "final") queryClient.setQueryData(coachingKeys.session(session.id), saved);
    },
  });
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    setDirty(true);
    localStorage.setItem(localKey(session.id), JSON.stringify(next));
  };
  const { mutate, isPending } = save;
  useEffect(() => {
    if (!dirty || isPending) return;
    const timer = window.setTimeout(() => mutate("draft"), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [dirty, isPending, mutate]);
  const error = isApiError(save.error) ? save.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate("final");
  };
  const setItem = (index: number, change: Partial<Draft["actionItems"][number]>) =>
    set(
      "actionItems",
      draft.actionItems.map((item, i) => (i === index ? { ...item, ...change } : item)),
    );
  const setBarrier = (index: number, change: Partial<Draft["barriers"][number]>) =>
    set(
      "barriers",
      draft.barriers.map((barrier, i) => (i === index ? { ...barrier, ...change } : barrier)),
    );
  const toggleStep = (step: Draft["stepsCovered"][number], on: boolean) =>
    set("stepsCovered", on ? [...draft.stepsCovered, step] : draft.stepsCovered.filter((s) => s !== step));
  return (
    <form onSubmit={submit} noValidate className="form">
      <p className="muted" role="status">
        {isPending
          ? "Saving…"
          : dirty
            ? "Changes kept on this device; saving shortly."
            : savedAt
              ? `Draft saved at ${savedAt}.`
              : "Draft."}
      </p>
      <ErrorSummary error={error} />
      <TextField
        label="Session date"
        type="date"
        width="medium"
        value={draft.sessionDate}
        onChange={(v) => set("sessionDate", v)}
        error={error?.messageFor("sessionDate")}
      />
      <TextField
        label="Duration in minutes"
        inputMode="numeric"
        width="short"
        value={draft.durationMinutes}
        onChange={(v) => set("durationMinutes", v)}
        error={error?.messageFor("durationMinutes")}
      />
      <SelectField
        label="Format"
        value={draft.format}
        onChange={(v) => set("format", v as Draft["format"])}
        options={SESSION_FORMATS.map((f) => ({ value: f, label: SESSION_FORMAT_LABELS[f] }))}
      />
      <fieldset className="field">
        <legend>Steps covered</legend>
        {COACHING_STEPS.map((step) => (
          <CheckboxField
            key={step}
            label={COACHING_STEP_LABELS[step]}
            checked={draft.stepsCovered.includes(step)}
            onChange={(on) => toggleStep(step, on)}
          />
        ))}
      </fieldset>
      <TextField label="What was easy?" value={draft.reflectionEasy} onChange={(v) => set("reflectionEasy", v)} />
      <TextField label="What was hard?" value={draft.reflectionHard} onChange={(v) => set("reflectionHard", v)} />
      <TextField
        label="When did you feel confident?"
        value={draft.reflectionConfident}
        onChange={(v) => set("reflectionConfident", v)}
      />
      <TextField
        label="Private notes"
        hint="Only you and your coachee can ever read these."
        value={draft.privateNotes}
        onChange={(v) => set("privateNotes", v)}
      />
      <TextField
        label="Shared summary"
        hint="Shared with the supervisor only if your agreement says so."
        value={draft.sharedSummary}
        onChange={(v) => set("sharedSummary", v)}
      />
      <fieldset className="field">
        <legend>Action items</legend>
        <p className="field-hint">
          What each of you will try before you meet again. Follow them up on the engagement page.
        </p>
        {draft.actionItems.map((item, i) => (
          <div key={item.id} className="form-row">
            <TextField
              id={`session-action-${i}`}
              label={`Action item ${i + 1}`}
              value={item.text}
              onChange={(v) => setItem(i, { text: v })}
              error={error?.messageFor(`actionItems.${i}.text`)}
            />
            <TextField
              id={`session-action-${i}-due`}
              label={`Due date of action item ${i + 1}`}
              type="date"
              width="medium"
              value={item.dueDate}
              onChange={(v) => setItem(i, { dueDate: v })}
              error={error?.messageFor(`actionItems.${i}.dueDate`)}
            />
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                set(
                  "actionItems",
                  draft.actionItems.filter((_, j) => j !== i),
                )
              }
            >
              Remove action item {i + 1}
            </button>
          </div>
        ))}
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              set("actionItems", [
                ...draft.actionItems,
                { id: crypto.randomUUID(), text: "", dueDate: "", status: "open" },
              ])
            }
          >
            Add an action item
          </button>
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>Barriers raised</legend>
        <p className="field-hint">Anything outside the two of you that stands in the way, for the agency to act on.</p>
        {draft.barriers.map((barrier, i) => (
          <div key={barrier.key} className="form-row">
            <TextField
              id={`session-barrier-${i}`}
              label={`Barrier ${i + 1}`}
              value={barrier.description}
              onChange={(v) => setBarrier(i, { description: v })}
              error={error?.messageFor(`barriers.${i}.description`)}
            />
            <SelectField
              id={`session-barrier-${i}-category`}
              label={`Category of barrier ${i + 1}`}
              value={barrier.category}
              onChange={(v) => setBarrier(i, { category: v as Draft["barriers"][number]["category"] })}
              options={BARRIER_CATEGORIES.map((c) => ({ value: c, label: BARRIER_CATEGORY_LABELS[c] }))}
            />
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                set(
                  "barriers",
                  draft.barriers.filter((_, j) => j !== i),
                )
              }
            >
              Remove barrier {i + 1}
            </button>
          </div>
        ))}
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              set("barriers", [...draft.barriers, { key: crypto.randomUUID(), description: "", category: "resources" }])
            }
          >
            Add a barrier
          </button>
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" disabled={isPending}>
          Log session
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={isPending}
          onClick={() => save.mutate("draft")}
        >
          Save draft now
        </button>
      </div>
    </form>
  );
}

function SessionView({ session }: { session: Session }) {
  return (
    <section className="panel" aria-labelledby="session-heading">
      <h2 id="session-heading">What was logged</h2>
      <dl className="details">
        <dt>Format</dt>
        <dd>
          {SESSION_FORMAT_LABELS[session.format]}, {session.durationMinutes} minutes
        </dd>
        <dt>Steps covered</dt>
        <dd>{session.stepsCovered.map((s) => COACHING_STEP_LABELS[s]).join(", ") || "None recorded"}</dd>
        <dt>Shared summary</dt>
        <dd>{session.sharedSummary ?? "Not shared with you"}</dd>
        <dt>Private notes</dt>
        <dd>
          {session.privateNotes ??
            (session.hasPrivateNotes ? "There are private notes, kept between coach and coachee." : "None")}
        </dd>
      </dl>
      {session.actionItems ? (
        <>
          <h3>Action items</h3>
          {session.actionItems.length === 0 ? <p>None agreed in this session.</p> : null}
          <ul>
            {session.actionItems.map((item) => (
              <li key={item.id}>
                {item.text} · {item.dueDate ? `due ${item.dueDate}` : "no due date"} · {item.status}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {session.barriers && session.barriers.length > 0 ? (
        <>
          <h3>Barriers raised</h3>
          <ul>
            {session.barriers.map((barrier) => (
              <li key={`${barrier.category}-${barrier.description}`}>
                {barrier.description} ({BARRIER_CATEGORY_LABELS[barrier.category]})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function SessionPage({ sessionId }: { sessionId: string }) {
  const session = useQuery({
    queryKey: coachingKeys.session(sessionId),
    queryFn: () => api.get(`/api/coaching/sessions/${sessionId}`, ZSession),
  });
  if (session.isPending) return <Loading what="the session" />;
  if (session.isError) return <LoadError error={session.error} what="the session" />;
  const s = session.data;
  return (
    <>
      <PageHeader
        title={`Coaching session of ${s.sessionDate}`}
        intro={s.status === "draft" ? "A draft: only you can see it until you log it." : "Logged."}
      />
      <p>
        <Link to="/coaching/engagements/$engagementId" params={{ engagementId: s.engagementId }}>
          Back to the engagement
        </Link>
      </p>
      {s.keepsLog && s.status === "draft" ? <SessionForm session={s} /> : <SessionView session={s} />}
    </>
  );
}
