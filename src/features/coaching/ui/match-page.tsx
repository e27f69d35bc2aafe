import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZCoachingRequest, ZSuggestions } from "../coaching.schema.js";
import { coachingKeys } from "./coaching-keys.js";

/**
 * The coaching supervisor's matching page: coaches ranked for one request, each score explained,
 * the coaches a conflict rule leaves out, and a confirmation that asks for a reason whenever
 * the choice is not the top suggestion.
 */
export function MatchPage({ requestId }: { requestId: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const requestQuery = useQuery({
    queryKey: coachingKeys.request(requestId),
    queryFn: () => api.get(`/api/coaching/requests/${requestId}`, ZCoachingRequest),
  });
  const suggestions = useQuery({
    queryKey: coachingKeys.suggestions(requestId),
    queryFn: () => api.get(`/api/coaching/requests/${requestId}/suggestions`, ZSuggestions),
  });
  const request = requestQuery.data;
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const top = suggestions.data?.ranked[0]?.coachId ?? null;
  const coachId = chosen ?? top;
  const confirm = useMutation({
    mutationFn: () =>
      api.post(`/api/coaching/requests/${requestId}/match`, ZCoachingRequest, {
        coachId,
        overrideReason: coachId === top ? null : reason,
        version: request?.version ?? 1,
      }),
    onSuccess: (matched) => {
      void queryClient.invalidateQueries({ queryKey: coachingKeys.all });
      if (matched.engagementId) {
        void navigate({ to: "/coaching/engagements/$engagementId", params: { engagementId: matched.engagementId } });
      }
    },
  });
  const error = isApiError(confirm.error) ? confirm.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  if (requestQuery.isPending || suggestions.isPending) return <Loading what="suggestions" />;
  if (suggestions.isError) return <LoadError error={suggestions.error} what="suggestions" />;
  if (!request) return <p>This request was not found.</p>;
  return (
    <>
      <PageHeader
        title={`Find a coach for ${request.coacheeName}`}
        intro={request.goalsText ? `Their goals: ${request.goalsText}` : "They did not write goals yet."}
      />
      <p>
        <Link to="/coaching">Back to coaching</Link>
      </p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary
          error={error}
          fields={{
            overrideReason: { id: "override-reason", label: "Why this coach" },
            coachId: { id: "coach-choices", label: "Coach" },
          }}
        />
        <fieldset className="panel" id="coach-choices">
          <legend>Suggested coaches, best match first</legend>
          {suggestions.data.ranked.length === 0 ? <p>No coach is free for this request.</p> : null}
          {suggestions.data.ranked.map((s, index) => (
            <div key={s.coachId} className="field field-checkbox">
              <input
                type="radio"
                id={`coach-${s.coachId}`}
                name="coach"
                checked={coachId === s.coachId}
                onChange={() => setChosen(s.coachId)}
                aria-describedby={`coach-${s.coachId}-why`}
              />
              <div>
                <label htmlFor={`coach-${s.coachId}`}>
                  {s.name} — {s.score} of 100{index === 0 ? " (top suggestion)" : ""}
                </label>
                <ul className="field-hint" id={`coach-${s.coachId}-why`}>
                  {s.parts.map((p) => (
                    <li key={p.factor}>
                      {p.points}/{p.max}: {p.explanation}
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          ))}
        </fieldset>
        {coachId !== top ? (
          <TextField
            id="override-reason"
            label="Why this coach rather than the top suggestion"
            value={reason}
            onChange={setReason}
            error={error?.messageFor("overrideReason")}
          />
        ) : null}
        <div className="button-row">
          <button type="submit" className="button" disabled={confirm.isPending || coachId === null}>
            {confirm.isPending ? "Confirming…" : "Confirm coach"}
          </button>
        </div>
      </form>
      {suggestions.data.excluded.length > 0 ? (
        <section className="panel" aria-labelledby="excluded-heading">
          <h2 id="excluded-heading">Not suggested</h2>
          <ul>
            {suggestions.data.excluded.map((e) => (
              <li key={e.coachId}>
                {e.name}: {e.explanation}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
