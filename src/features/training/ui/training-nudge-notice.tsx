import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api } from "../../../../web/src/api/api-client.js";
import { queryKeys } from "../../../../web/src/api/query-keys.js";
import { useSession } from "../../../../web/src/app/session.js";
import { formatInZone } from "../../../shared/time.js";
import { type OpenNudge, ZNudge } from "../nudge.schema.js";

/** On the home page: a supervisor's request to sign up for training, until enrolled or dismissed. */
export function TrainingNudgeNotice({ nudge }: { nudge: OpenNudge }) {
  const { session } = useSession();
  const queryClient = useQueryClient();
  const dismiss = useMutation({
    mutationFn: () => api.post(`/api/training/nudges/${nudge.id}/dismiss`, ZNudge),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.home }),
  });
  const next = nudge.suggestedSession;
  return (
    <section className="panel" aria-labelledby="training-nudge-heading">
      <h2 id="training-nudge-heading">Your supervisor asks you to sign up for training</h2>
      <p>
        {nudge.nudgedByName} asked on {formatInZone(nudge.createdAt, session.agency.timeZone)}.
        {nudge.message ? ` “${nudge.message}”` : ""}
      </p>
      {next ? (
        <p>
          Next session that fits:{" "}
          <Link to="/training/sessions/$sessionId" params={{ sessionId: next.id }}>
            {next.title}, {formatInZone(next.startsAt, session.agency.timeZone)}
          </Link>
          . Ask your training coordinator to enroll you.
        </p>
      ) : (
        <p>
          No session with room fits yet. <Link to="/training/sessions">See all training sessions</Link>.
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={dismiss.isPending}
          onClick={() => dismiss.mutate()}
        >
          Dismiss
        </button>
      </div>
    </section>
  );
}
