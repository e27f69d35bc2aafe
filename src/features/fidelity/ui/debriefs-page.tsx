import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZDebriefList } from "../fidelity.schema.js";
import { decimal, EVENT_TYPE_LABELS, fidelityKeys } from "./fidelity-keys.js";

/** A staff member's debriefs (or, from a person's page, a report's): strengths first, then the consensus. */
export function DebriefsPage({ personId }: { personId?: string }) {
  const { session } = useSession();
  const who = personId ?? session.user.personId ?? "";
  const debriefs = useQuery({
    queryKey: fidelityKeys.debriefs(who),
    queryFn: () => api.get(`/api/people/${who}/fidelity-debriefs`, ZDebriefList),
    enabled: who !== "",
  });
  return (
    <>
      <PageHeader
        title="Fidelity debriefs"
        intro="What observers saw in meetings with families: what went well first, then what to try next."
      />
      {who === "" ? <p>Debriefs are for staff; this account has no staff record.</p> : null}
      {debriefs.isPending && who !== "" ? <Loading what="debriefs" /> : null}
      {debriefs.isError ? <LoadError error={debriefs.error} what="debriefs" /> : null}
      {debriefs.data?.items.length === 0 ? <p>No debriefs yet.</p> : null}
      {debriefs.data?.items.map((d) => (
        <section key={d.observationId} className="panel" aria-labelledby={`debrief-${d.observationId}`}>
          <h2 id={`debrief-${d.observationId}`}>
            {EVENT_TYPE_LABELS[d.eventType]} on {d.eventDate}
          </h2>
          <h3>What went well</h3>
          <p>{d.strengths}</p>
          {d.nextSteps ? (
            <>
              <h3>Next steps to try</h3>
              <p>{d.nextSteps}</p>
            </>
          ) : null}
          <div className="table-wrap">
            <table className="table">
              <caption className="table-caption">Agreed ratings</caption>
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">Rating</th>
                  <th scope="col">Notes</th>
                </tr>
              </thead>
              <tbody>
                {d.measures.map((m) => (
                  <tr key={m.code}>
                    <th scope="row">{m.name}</th>
                    <td>
                      {m.rating} · {m.label}
                    </td>
                    <td>{m.note || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            Overall {decimal(d.score.overall)} · {d.score.fidelityMet ? "Fidelity met" : "Fidelity not met yet"}
          </p>
        </section>
      ))}
    </>
  );
}
