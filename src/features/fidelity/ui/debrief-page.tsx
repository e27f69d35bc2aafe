import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api } from "../../../../web/src/api/api-client.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZDebriefDetail } from "../fidelity.schema.js";
import { decimal, EVENT_TYPE_LABELS, fidelityKeys } from "./fidelity-keys.js";

/**
 * One debrief, in the order a strengths-based conversation takes: what went well, what to try
 * next, then each measure's agreed level with what that level looks like in practice. Only the
 * observers' agreed ratings are shown; their own ratings stay with the fidelity team.
 */
export function DebriefPage({ observationId }: { observationId: string }) {
  const debrief = useQuery({
    queryKey: fidelityKeys.debrief(observationId),
    queryFn: () => api.get(`/api/fidelity/debriefs/${observationId}`, ZDebriefDetail),
  });
  if (debrief.isPending) return <Loading what="the debrief" />;
  if (debrief.isError) return <LoadError error={debrief.error} what="the debrief" />;
  const d = debrief.data;
  return (
    <>
      <PageHeader
        title={`Debrief: ${d.staffName}`}
        intro={`${EVENT_TYPE_LABELS[d.eventType]} on ${d.eventDate}${d.orgUnitName ? `, ${d.orgUnitName}` : ""}. Talk it through together, starting with what went well.`}
        actions={
          <Link className="button button-secondary" to="/fidelity/debriefs" search={{ personId: d.staffPersonId }}>
            All debriefs of {d.staffName}
          </Link>
        }
      />
      <section className="panel" aria-labelledby="strengths-heading">
        <h2 id="strengths-heading">What went well</h2>
        <p>{d.strengths}</p>
      </section>
      <section className="panel" aria-labelledby="next-steps-heading">
        <h2 id="next-steps-heading">Next steps to try</h2>
        <p>{d.nextSteps || "The observers suggested no next steps this time."}</p>
      </section>
      <section className="panel" aria-labelledby="ratings-heading">
        <h2 id="ratings-heading">Agreed ratings</h2>
        <p>
          Overall {decimal(d.score.overall)} · {d.score.fidelityMet ? "Fidelity met" : "Fidelity not met yet"}
        </p>
        <div className="table-wrap">
          <table className="table">
            <caption className="table-caption">
              The level both observers agreed on for each measure, and what it means
            </caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">Agreed level</th>
                <th scope="col">What this level looks like</th>
                <th scope="col">Observers' notes</th>
              </tr>
            </thead>
            <tbody>
              {d.measures.map((m) => (
                <tr key={m.code}>
                  <th scope="row">
                    {m.name}
                    {m.description ? (
                      <>
                        <br />
                        <span className="muted">{m.description}</span>
                      </>
                    ) : null}
                  </th>
                  <td>
                    {m.rating} · {m.label}
                  </td>
                  <td>{m.anchor || "—"}</td>
                  <td>{m.note || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
