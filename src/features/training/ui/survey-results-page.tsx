import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { CheckboxField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import {
  type Change,
  SURVEY_ITEM_KIND_LABELS,
  type SurveyResults,
  ZSurveyResults,
  ZTrainingSurvey,
} from "../survey.schema.js";
import { BeforeAfterBarChart, CHANGE_HEADERS, ChangeCells, decimal, signed } from "./survey-change-cells.js";
import { SurveyChangeByPeriodSection } from "./survey-periods-section.js";
import { trainingKeys } from "./training-keys.js";
import { TrainingNav } from "./training-nav.js";

function ChangeTable({
  caption,
  firstHeader,
  rows,
}: {
  caption: string;
  firstHeader: string;
  rows: { key: string; label: string; change: Change; digits?: number }[];
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstHeader}</th>
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
              <th scope="row">{row.label}</th>
              <ChangeCells change={row.change} digits={row.digits} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SurveyControls({ results }: { results: SurveyResults }) {
  const queryClient = useQueryClient();
  const [retrospective, setRetrospective] = useState(false);
  const [notice, setNotice] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trainingKeys.surveyResults(results.sessionId) });
  const open = useMutation({
    mutationFn: (phase: "pre" | "post") =>
      api.post(`/api/training-sessions/${results.sessionId}/surveys`, ZTrainingSurvey, {
        phase,
        retrospective: phase === "post" && retrospective,
      }),
    onSuccess: async (survey) => {
      setNotice(`The ${survey.phase} survey is open. The enrolled people see it on their training page.`);
      await refresh();
    },
  });
  const close = useMutation({
    mutationFn: (surveyId: string) => api.post(`/api/training/surveys/${surveyId}/close`, ZTrainingSurvey),
    onSuccess: async (survey) => {
      setNotice(`The ${survey.phase} survey is closed.`);
      await refresh();
    },
  });
  const error = [open.error, close.error].find(isApiError) ?? null;
  const pre = results.surveys.find((s) => s.phase === "pre");
  const post = results.surveys.find((s) => s.phase === "post");
  const state = (survey: typeof pre) =>
    !survey
      ? "Not opened"
      : `${survey.closedAt ? "Closed" : "Open"}, ${survey.responses} ${survey.responses === 1 ? "response" : "responses"}${survey.retrospective ? ", with retrospective before" : ""}`;
  return (
    <section className="panel" aria-labelledby="survey-controls-heading">
      <h2 id="survey-controls-heading">Surveys of this session</h2>
      <ErrorSummary error={error} />
      <dl className="training-facts">
        <dt>Pre survey</dt>
        <dd>{state(pre)}</dd>
        <dt>Post survey</dt>
        <dd>{state(post)}</dd>
      </dl>
      <p role="status" className="training-notice">
        {notice}
      </p>
      <div className="button-row">
        {!pre && !post ? (
          <button type="button" className="button" disabled={open.isPending} onClick={() => open.mutate("pre")}>
            Open the pre survey
          </button>
        ) : null}
        {pre && !pre.closedAt && !post ? (
          <button type="button" className="button button-secondary" onClick={() => close.mutate(pre.id)}>
            Close the pre survey
          </button>
        ) : null}
        {post && !post.closedAt ? (
          <button type="button" className="button button-secondary" onClick={() => close.mutate(post.id)}>
            Close the post survey
          </button>
        ) : null}
      </div>
      {!post ? (
        <>
          <CheckboxField
            label="Also ask how things were before the training (retrospective pre)"
            hint="Use this when there was no pre survey, or when people may rate themselves differently once they know what the training covers."
            checked={retrospective}
            onChange={setRetrospective}
          />
          <div className="button-row">
            <button type="button" className="button" disabled={open.isPending} onClick={() => open.mutate("post")}>
              Open the post survey
            </button>
          </div>
        </>
      ) : null}
      <p className="muted">
        The survey asks the items of the <Link to="/training/survey">agency's instrument</Link> as they are when it
        opens. Opening the post survey closes the pre survey.
      </p>
    </section>
  );
}

function Results({ results }: { results: SurveyResults }) {
  const overall = [
    { key: "overall", label: "Confidence and competence", change: results.overall },
    ...results.byKind.map((k) => ({ key: k.kind, label: SURVEY_ITEM_KIND_LABELS[k.kind], change: k })),
    { key: "knowledge", label: "Knowledge check (% correct)", change: results.knowledge, digits: 0 },
  ];
  const chartData = results.byElement.map((e) => ({
    label: e.code,
    before: e.meanBefore === null ? 0 : Number(e.meanBefore.toFixed(2)),
    after: e.meanAfter === null ? 0 : Number(e.meanAfter.toFixed(2)),
  }));
  return (
    <>
      <section className="panel" aria-labelledby="survey-overall-heading">
        <h2 id="survey-overall-heading">Change of this cohort</h2>
        <p className="muted">
          Ratings run from 1 to 5. Only people who answered both before and after count toward the change; the effect
          size is Cohen's d for paired answers (mean change over the standard deviation of the changes).
        </p>
        <ChangeTable caption="Change overall and by kind of item" firstHeader="Measure" rows={overall} />
      </section>
      <section className="panel" aria-labelledby="survey-elements-heading">
        <h2 id="survey-elements-heading">Before and after, per element</h2>
        {results.byElement.length === 0 ? (
          <p>No element was rated yet.</p>
        ) : (
          <>
            <BeforeAfterBarChart
              data={chartData}
              description="Bar chart of the mean rating before and after the training per element; the table below lists the same numbers."
            />
            <ChangeTable
              caption="Change per element"
              firstHeader="Element"
              rows={results.byElement.map((e) => ({ key: e.elementId, label: `${e.code} ${e.name}`, change: e }))}
            />
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="survey-units-heading">
        <h2 id="survey-units-heading">Per unit</h2>
        <ChangeTable
          caption="Change per unit of the people enrolled"
          firstHeader="Unit"
          rows={results.byUnit.map((u) => ({ key: u.orgUnitId ?? "none", label: u.name, change: u }))}
        />
      </section>
      <section className="panel" aria-labelledby="survey-people-heading">
        <h2 id="survey-people-heading">Per person</h2>
        <div className="table-wrap">
          <table className="table">
            <caption className="table-caption">Each enrolled person's mean rating and knowledge check</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Unit</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col">Change</th>
                <th scope="col">Knowledge before</th>
                <th scope="col">Knowledge after</th>
              </tr>
            </thead>
            <tbody>
              {results.people.map((p) => (
                <tr key={p.personId}>
                  <th scope="row">{p.name}</th>
                  <td>{p.orgUnitName ?? "–"}</td>
                  <td>{decimal(p.before)}</td>
                  <td>{decimal(p.after)}</td>
                  <td>{signed(p.change)}</td>
                  <td>{p.knowledgeBefore === null ? "–" : `${Math.round(p.knowledgeBefore)}%`}</td>
                  <td>{p.knowledgeAfter === null ? "–" : `${Math.round(p.knowledgeAfter)}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** A session's pre/post surveys: opening and closing them, and the matched-pair change they show. */
export function SurveyResultsPage({ sessionId }: { sessionId: string }) {
  const { can } = useSession();
  const query = useQuery({
    queryKey: trainingKeys.surveyResults(sessionId),
    queryFn: () => api.get(`/api/training-sessions/${sessionId}/survey-results`, ZSurveyResults),
  });
  if (query.isPending) return <Loading what="the survey results" />;
  if (query.isError) return <LoadError error={query.error} what="the survey results" />;
  const results = query.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/training/sessions/$sessionId" params={{ sessionId }}>
          {results.sessionTitle}
        </Link>
      </p>
      <PageHeader
        title={`Pre/post survey: ${results.sessionTitle}`}
        intro="How confidence, competence and knowledge changed for the people enrolled in this session."
      />
      <TrainingNav />
      {can("trainingSurvey.manage") ? <SurveyControls results={results} /> : null}
      {results.surveys.length === 0 ? (
        <p>No survey has been opened for this session yet.</p>
      ) : (
        <Results results={results} />
      )}
      <SurveyChangeByPeriodSection />
    </>
  );
}
