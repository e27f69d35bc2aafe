import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { type Engagement, ZEngagement } from "../coaching.schema.js";
import { coachingKeys } from "./coaching-keys.js";

const READINESS_OPTIONS = [
  { value: "go", label: "Ready: go ahead with coaching" },
  { value: "not_yet", label: "Not yet: come back to it later" },
];

/**
 * The readiness check coach and coachee do together before coaching starts (and again after a
 * "not yet"). Either party records it; the goals settled here become the agreement's goals.
 */
export function ReadinessSection({ engagement }: { engagement: Engagement }) {
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<"go" | "not_yet">(engagement.readiness.decision ?? "go");
  const [notes, setNotes] = useState(engagement.readiness.notes ?? "");
  const firstGoal = engagement.agreement.goals?.[0];
  const [goal, setGoal] = useState(firstGoal?.text ?? "");
  const record = useMutation({
    mutationFn: () =>
      api.put(`/api/coaching/engagements/${engagement.id}/readiness`, ZEngagement, {
        decision,
        notes,
        goals: goal.trim() ? [{ ...(firstGoal ?? { id: crypto.randomUUID(), itemIds: [] }), text: goal }] : [],
        version: engagement.version,
      }),
    onSuccess: (saved) => queryClient.setQueryData(coachingKeys.engagement(engagement.id), saved),
  });
  const error = isApiError(record.error) ? record.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate();
  };
  const checked = engagement.readiness.checkedAt;
  return (
    <section className="panel" aria-labelledby="readiness-heading">
      <h2 id="readiness-heading">Readiness check</h2>
      <p className="muted">
        {checked
          ? `Last checked ${checked.slice(0, 10)}: ${engagement.readiness.decision === "go" ? "ready" : "not yet"}.`
          : "Before the first session, talk together about whether now is a good time, and what you want to work on."}
      </p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary
          error={error}
          fields={{
            decision: { id: "readiness-decision", label: "Decision" },
            notes: { id: "readiness-notes", label: "Notes" },
            goals: { id: "readiness-goal", label: "Goal to work on" },
          }}
        />
        <SelectField
          id="readiness-decision"
          label="Decision"
          value={decision}
          onChange={(value) => setDecision(value as typeof decision)}
          options={READINESS_OPTIONS}
          error={error?.messageFor("decision")}
        />
        <TextField
          id="readiness-goal"
          label="Goal to work on"
          hint="What the coachee wants to get better at."
          value={goal}
          onChange={setGoal}
          error={error?.messageFor("goals")}
        />
        <TextField
          id="readiness-notes"
          label="Notes"
          hint="Seen only by the coach and the coachee."
          value={notes}
          onChange={setNotes}
          error={error?.messageFor("notes")}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={record.isPending}>
            {record.isPending ? "Saving…" : "Record the readiness check"}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Ending coaching with a summary of what was reached; after this nothing more is logged. */
export function CloseSection({ engagement }: { engagement: Engagement }) {
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState("");
  const close = useMutation({
    mutationFn: () =>
      api.post(`/api/coaching/engagements/${engagement.id}/close`, ZEngagement, {
        summary,
        version: engagement.version,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(coachingKeys.engagement(engagement.id), saved);
      void queryClient.invalidateQueries({ queryKey: coachingKeys.engagementLists });
    },
  });
  const error = isApiError(close.error) ? close.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate();
  };
  return (
    <section className="panel" aria-labelledby="close-heading">
      <h2 id="close-heading">Close this engagement</h2>
      <p className="muted">When the goals are reached or coaching stops. After closing, no more sessions are logged.</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} fields={{ summary: { id: "closing-summary", label: "Closing summary" } }} />
        <TextField
          id="closing-summary"
          label="Closing summary"
          hint="What was reached and what comes next."
          value={summary}
          onChange={setSummary}
          error={error?.messageFor("summary")}
        />
        <div className="button-row">
          <button type="submit" className="button button-secondary" disabled={close.isPending}>
            {close.isPending ? "Closing…" : "Close the engagement"}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Once closed, everyone who may see the engagement sees that it ended; parties also see how. */
export function ClosedNotice({ engagement }: { engagement: Engagement }) {
  return (
    <section className="panel" aria-labelledby="closed-heading">
      <h2 id="closed-heading">Closed</h2>
      <p>Closed on {engagement.closedAt?.slice(0, 10) ?? "an unknown date"}.</p>
      {engagement.closingSummary ? <p>{engagement.closingSummary}</p> : null}
    </section>
  );
}
