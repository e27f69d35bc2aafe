import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import {
  BARRIER_CATEGORY_LABELS,
  type Engagement,
  type EngagementFollowUp,
  ZEngagementFollowUp,
  ZSession,
} from "../coaching.schema.js";
import { coachingKeys } from "./coaching-keys.js";

type Item = EngagementFollowUp["actionItems"][number];
type Settled = "done" | "dropped";

/**
 * What coach and coachee agreed to do, across every logged session, with the ones past their
 * due date marked, and the barriers they raised. Either of them settles an item here, long
 * after the session it came from.
 */
export function FollowUpSection({ engagement }: { engagement: Engagement }) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const followUp = useQuery({
    queryKey: coachingKeys.followUp(engagement.id),
    queryFn: () => api.get(`/api/coaching/engagements/${engagement.id}/follow-up`, ZEngagementFollowUp),
  });
  const settle = useMutation({
    mutationFn: ({ item, status }: { item: Item; status: Settled }) =>
      api.put(`/api/coaching/sessions/${item.sessionId}/action-items/${item.id}/status`, ZSession, {
        status,
        version: item.sessionVersion,
      }),
    onMutate: () => setNotice(null),
    onSuccess: (_saved, { item, status }) => {
      setNotice(`Marked "${item.text}" as ${status}.`);
      void queryClient.invalidateQueries({ queryKey: coachingKeys.followUp(engagement.id) });
    },
    // Someone saved the session meanwhile: show the list as it now stands, so a second try works.
    onError: () => void queryClient.invalidateQueries({ queryKey: coachingKeys.followUp(engagement.id) }),
  });
  const error = isApiError(settle.error) ? settle.error : null;
  const open = engagement.status !== "closed";
  return (
    <>
      <section className="panel" aria-labelledby="action-items-heading">
        <h2 id="action-items-heading">Open action items</h2>
        <p className="muted">
          What you agreed to do in your sessions. Mark each one done, or drop it, as you follow up.
        </p>
        <div role="status" className={notice ? "notice notice-success" : "visually-hidden"}>
          {notice}
        </div>
        <ErrorSummary error={error} />
        {followUp.isPending ? <Loading what="the action items" /> : null}
        {followUp.isError ? <LoadError error={followUp.error} what="the action items" /> : null}
        {followUp.data && followUp.data.actionItems.length === 0 ? (
          <p>No open action items. New ones come from the sessions you log.</p>
        ) : null}
        {followUp.data && followUp.data.actionItems.length > 0 ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Open action items, soonest due first</caption>
              <thead>
                <tr>
                  <th scope="col">Action item</th>
                  <th scope="col">Due</th>
                  <th scope="col">From the session of</th>
                  {open ? (
                    <th scope="col">
                      <span className="visually-hidden">Follow up</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {followUp.data.actionItems.map((item) => (
                  <tr key={`${item.sessionId}-${item.id}`}>
                    <th scope="row">{item.text}</th>
                    <td>
                      {item.dueDate ?? "No due date"}
                      {item.overdue ? <span className="badge badge-overdue">Overdue</span> : null}
                    </td>
                    <td>
                      <Link to="/coaching/sessions/$sessionId" params={{ sessionId: item.sessionId }}>
                        {item.sessionDate}
                      </Link>
                    </td>
                    {open ? (
                      <td>
                        <div className="button-row">
                          <button
                            type="button"
                            className="button"
                            disabled={settle.isPending}
                            onClick={() => settle.mutate({ item, status: "done" })}
                          >
                            Mark done<span className="visually-hidden">: {item.text}</span>
                          </button>
                          <button
                            type="button"
                            className="button button-secondary"
                            disabled={settle.isPending}
                            onClick={() => settle.mutate({ item, status: "dropped" })}
                          >
                            Drop<span className="visually-hidden">: {item.text}</span>
                          </button>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="barriers-heading">
        <h2 id="barriers-heading">Barriers raised</h2>
        {followUp.data && followUp.data.barriers.length === 0 ? <p>No barriers raised in your sessions.</p> : null}
        {followUp.data && followUp.data.barriers.length > 0 ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Barriers raised in your sessions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Barrier</th>
                  <th scope="col">Category</th>
                  <th scope="col">Raised in the session of</th>
                </tr>
              </thead>
              <tbody>
                {followUp.data.barriers.map((barrier) => (
                  <tr key={barrier.id}>
                    <th scope="row">{barrier.description}</th>
                    <td>{BARRIER_CATEGORY_LABELS[barrier.category]}</td>
                    <td>
                      <Link to="/coaching/sessions/$sessionId" params={{ sessionId: barrier.sessionId }}>
                        {barrier.sessionDate}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
