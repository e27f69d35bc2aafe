import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { api } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { SelectField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZPersonResults, ZResults } from "../fidelity.schema.js";
import { decimal, fidelityKeys, percent } from "./fidelity-keys.js";

const GROUPINGS = [
  { value: "quarter", label: "Quarter" },
  { value: "office", label: "Office" },
  { value: "unit", label: "Unit" },
  { value: "cohort", label: "Training cohort" },
] as const;

/** Each person below a supervisor or manager in their line: individual results are for that line only. */
function PeopleOfMyLine() {
  const results = useQuery({
    queryKey: fidelityKeys.personResults,
    queryFn: () => api.get("/api/fidelity/results/people", ZPersonResults),
  });
  return (
    <section className="panel" aria-labelledby="people-results-heading">
      <h2 id="people-results-heading">The staff you supervise</h2>
      <p className="muted">
        Individual results are for the person and their supervisors. Open a person's debriefs to talk them through.
      </p>
      {results.isPending ? <Loading what="individual results" /> : null}
      {results.isError ? <LoadError error={results.error} what="individual results" /> : null}
      {results.data?.people.length === 0 ? <p>None of your staff has a reconciled observation yet.</p> : null}
      {results.data && results.data.people.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="table-caption">Results per person</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Unit</th>
                <th scope="col">Observations</th>
                <th scope="col">Meeting fidelity</th>
                <th scope="col">Mean score</th>
                <th scope="col">Latest</th>
              </tr>
            </thead>
            <tbody>
              {results.data.people.map((p) => (
                <tr key={p.personId}>
                  <th scope="row">
                    <Link to="/fidelity/debriefs" search={{ personId: p.personId }}>
                      {p.name}
                      <span className="visually-hidden"> debriefs</span>
                    </Link>
                  </th>
                  <td>{p.orgUnitName ?? "—"}</td>
                  <td>{p.observations}</td>
                  <td>
                    {p.met} of {p.observations}
                  </td>
                  <td>{decimal(p.meanOverall)}</td>
                  <td>{p.latestEventDate ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/**
 * Fidelity results for the agency's instrument in use. Leaders and partners see the whole agency;
 * supervisors and managers their own part of it, plus each person in their line.
 */
export function ResultsPage() {
  const { can } = useSession();
  const [groupBy, setGroupBy] = useState<(typeof GROUPINGS)[number]["value"]>("quarter");
  const groupLabel = GROUPINGS.find((g) => g.value === groupBy)?.label ?? "";
  const results = useQuery({
    queryKey: ["fidelity", "results", groupBy],
    queryFn: () => api.get("/api/fidelity/results", ZResults, { groupBy }),
  });
  return (
    <>
      <PageHeader
        title="Fidelity results"
        intro="How often observed meetings met fidelity. Groups with fewer than five observations show only their count."
      />
      <SelectField
        label="Group by"
        value={groupBy}
        onChange={(value) => setGroupBy(value as typeof groupBy)}
        options={GROUPINGS}
      />
      {groupBy === "cohort" ? (
        <p className="muted">
          An observation counts as trained when the observed worker attended a training session before the meeting. For
          workers with no attendance recorded, their unit counts as trained once its period in the newest rollout plan
          has ended.
        </p>
      ) : null}
      {results.isPending ? <Loading what="results" /> : null}
      {results.isError ? <LoadError error={results.error} what="results" /> : null}
      {results.data ? (
        <p>
          {results.data.scope.kind === "agency"
            ? `Showing the whole agency, ${results.data.scope.name}.`
            : `Showing your part of the organization: ${results.data.scope.name} and everything below it.`}
        </p>
      ) : null}
      {results.data ? (
        <section className="panel" aria-labelledby="results-heading">
          <h2 id="results-heading">Share of observations meeting fidelity</h2>
          <div
            className="fidelity-chart"
            role="img"
            aria-label="Bar chart of the share meeting fidelity per group; the table below lists the same numbers."
          >
            <ResponsiveContainer width="100%" height={260}>
              <BarChart
                accessibilityLayer={false}
                data={results.data.groups.map((g) => ({
                  label: g.label,
                  met: g.shareMet === null ? 0 : Math.round(g.shareMet * 100),
                }))}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" />
                <YAxis domain={[0, 100]} unit="%" />
                <Tooltip />
                <Bar dataKey="met" name="Meeting fidelity (%)" fill="#1d4ed8" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="table-wrap">
            <table className="table">
              <caption className="table-caption">Results by {groupLabel.toLowerCase()}</caption>
              <thead>
                <tr>
                  <th scope="col">{groupLabel}</th>
                  <th scope="col">Observations</th>
                  <th scope="col">Meeting fidelity</th>
                  <th scope="col">Mean score</th>
                </tr>
              </thead>
              <tbody>
                {results.data.groups.map((g) => (
                  <tr key={g.key}>
                    <th scope="row">{g.label}</th>
                    <td>{g.observations}</td>
                    <td>{g.suppressed ? "Fewer than 5" : percent(g.shareMet)}</td>
                    <td>{g.suppressed ? "—" : decimal(g.meanOverall)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {can("fidelity.results.individual") ? <PeopleOfMyLine /> : null}
    </>
  );
}
