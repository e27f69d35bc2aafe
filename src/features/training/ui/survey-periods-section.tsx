import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { z } from "zod";
import { api } from "../../../../web/src/api/api-client.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { type SurveyChangeByPeriod, type ZPeriodSurveyChange, ZSurveyChangeByPeriod } from "../survey.schema.js";
import { BeforeAfterBarChart, CHANGE_HEADERS, ChangeCells } from "./survey-change-cells.js";
import { trainingKeys } from "./training-keys.js";

const dayRange = (period: z.infer<typeof ZPeriodSurveyChange>) =>
  period.startsOn && period.endsOn ? `${period.startsOn} to ${period.endsOn}` : "no dates in the plan";

function PeriodTable({ result }: { result: SurveyChangeByPeriod }) {
  const rows = [
    ...result.periods.map((p) => ({ key: String(p.periodIndex), label: p.label, days: dayRange(p), change: p })),
    ...(result.outside.sessions > 0
      ? [{ key: "outside", label: "Outside the plan's periods", days: null, change: result.outside }]
      : []),
  ];
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: twelve columns scroll sideways, and a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-wrap" tabIndex={0} aria-label="Change per rollout period (scrolls sideways)">
      <table className="table">
        <caption className="table-caption">Change per rollout period</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Sessions surveyed</th>
            {CHANGE_HEADERS.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.label}
                {row.days ? <span className="muted period-days">{row.days}</span> : null}
              </th>
              <td>{row.change.sessions}</td>
              <ChangeCells change={row.change} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * Every surveyed session of the agency, totalled per period of its most recent rollout plan, so
 * the training team sees whether the change holds up as the rollout reaches more units.
 */
export function SurveyChangeByPeriodSection() {
  const query = useQuery({
    queryKey: trainingKeys.surveyChangeByPeriod,
    queryFn: () => api.get("/api/training/survey-results/by-period", ZSurveyChangeByPeriod),
  });
  if (query.isPending) return <Loading what="the change per rollout period" />;
  if (query.isError) return <LoadError error={query.error} what="the change per rollout period" />;
  const result = query.data;
  const chartData = result.periods
    .filter((p) => p.pairs > 0)
    .map((p) => ({
      label: p.label,
      before: Number((p.meanBefore ?? 0).toFixed(2)),
      after: Number((p.meanAfter ?? 0).toFixed(2)),
    }));
  return (
    <section className="panel" aria-labelledby="survey-periods-heading">
      <h2 id="survey-periods-heading">All sessions, per rollout period</h2>
      {result.planId === null ? (
        <p>
          The agency has no rollout plan yet, so sessions cannot be grouped by period.{" "}
          <Link to="/training/plans">Import or build a rollout plan</Link>.
        </p>
      ) : (
        <>
          <p className="muted">
            Every session with a survey, in the period of{" "}
            <Link to="/training/plans/$planId" params={{ planId: result.planId }}>
              {result.planName}
            </Link>{" "}
            (the agency's most recent rollout plan) it was held in. The matched pairs of all its sessions are pooled:
            someone in two sessions of a period counts twice.
          </p>
          {chartData.length > 0 ? (
            <BeforeAfterBarChart
              data={chartData}
              description="Rollout periods compared: a bar chart of each period's mean rating before and after training; the table below lists the same numbers."
            />
          ) : null}
          <PeriodTable result={result} />
        </>
      )}
    </section>
  );
}
