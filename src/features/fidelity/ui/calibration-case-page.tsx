import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import {
  CALIBRATION_PASS_WITHIN_ONE,
  type CalibrationCase,
  ZCalibrationCase,
  ZCalibrationCaseList,
} from "../calibration.schema.js";
import { decimal, fidelityKeys, percent } from "./fidelity-keys.js";

const labelOf = (c: CalibrationCase, value: number) =>
  `${value} · ${c.scale.find((level) => level.value === value)?.label ?? ""}`;

/** The observer rates every measure on their own; the reference stays hidden until they submit. */
function RatingForm({ calibrationCase }: { calibrationCase: CalibrationCase }) {
  const queryClient = useQueryClient();
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const submit = useMutation({
    mutationFn: () =>
      api.post(`/api/fidelity/calibration-cases/${calibrationCase.id}/ratings`, ZCalibrationCase, {
        ratings: calibrationCase.measures.map((m) => ({
          measureCode: m.code,
          rating: ratings[m.code] ? Number(ratings[m.code]) : null,
        })),
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(fidelityKeys.calibrationCase(calibrationCase.id), next);
      void queryClient.invalidateQueries({ queryKey: fidelityKeys.calibrationCases });
    },
  });
  const error = isApiError(submit.error) ? submit.error : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  return (
    <section className="panel" aria-labelledby="rate-heading">
      <h2 id="rate-heading">Your ratings</h2>
      <p className="muted">
        Rate every measure on your own. You see the reference ratings and the reasons for them once you submit; you can
        rate each case once.
      </p>
      <form onSubmit={onSubmit} noValidate className="form">
        <ErrorSummary error={error} />
        {calibrationCase.measures.map((measure, index) => (
          <fieldset key={measure.code} className="fidelity-measure">
            <legend>
              {measure.code} · {measure.name}
            </legend>
            <p className="muted">{measure.description}</p>
            <SelectField
              label={`Rating for ${measure.name}`}
              value={ratings[measure.code] ?? ""}
              onChange={(rating) => setRatings({ ...ratings, [measure.code]: rating })}
              options={[
                { value: "", label: "Not rated yet" },
                ...calibrationCase.scale.map((level) => ({
                  value: String(level.value),
                  label: `${level.value} · ${level.label}: ${measure.anchors.find((a) => a.value === level.value)?.text ?? ""}`,
                })),
              ]}
              error={error?.messageFor(`ratings.${index}`)}
            />
          </fieldset>
        ))}
        <div className="button-row">
          <button type="submit" className="button" disabled={submit.isPending}>
            {submit.isPending ? "Submitting…" : "Submit and compare with the reference"}
          </button>
        </div>
      </form>
    </section>
  );
}

/** After submitting: how the observer's ratings compare with the reference, measure by measure. */
function ComparisonSection({ calibrationCase }: { calibrationCase: CalibrationCase }) {
  const { mine, comparison } = calibrationCase;
  if (!mine || !comparison) return null;
  return (
    <section className="panel" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">Your ratings and the reference</h2>
      <p role="status">
        {mine.score.passed ? "Passed." : "Not passed yet."} Exact agreement {percent(mine.score.exactAgreement)}, within
        one level {percent(mine.score.withinOneAgreement)}, weighted kappa {decimal(mine.score.weightedKappa)}. Passing
        is at least {Math.round(CALIBRATION_PASS_WITHIN_ONE * 100)}% within one level.
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">
            Your rating and the reference rating of each measure, with the reason
          </caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Your rating</th>
              <th scope="col">Reference</th>
              <th scope="col">Difference</th>
              <th scope="col">Why the reference is at this level</th>
            </tr>
          </thead>
          <tbody>
            {comparison.map((row) => (
              <tr key={row.measureCode}>
                <th scope="row">
                  {row.measureCode} · {row.measureName}
                </th>
                <td>{labelOf(calibrationCase, row.rating)}</td>
                <td>{labelOf(calibrationCase, row.referenceRating)}</td>
                <td>
                  {row.rating === row.referenceRating
                    ? "Same"
                    : `${row.rating - row.referenceRating > 0 ? "+" : ""}${row.rating - row.referenceRating}`}
                </td>
                <td>{row.rationale}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** For the fidelity team (not observing): the reference they wrote. */
function ReferenceSection({ calibrationCase }: { calibrationCase: CalibrationCase }) {
  if (!calibrationCase.reference || calibrationCase.comparison) return null;
  const nameOf = new Map(calibrationCase.measures.map((m) => [m.code, m.name]));
  return (
    <section className="panel" aria-labelledby="reference-heading">
      <h2 id="reference-heading">Reference ratings</h2>
      <p className="muted">Observers see these only after submitting their own ratings.</p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">The reference rating of each measure and the reason for it</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Reference</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {calibrationCase.reference.map((r) => (
              <tr key={r.measureCode}>
                <th scope="row">
                  {r.measureCode} · {nameOf.get(r.measureCode) ?? ""}
                </th>
                <td>{labelOf(calibrationCase, r.rating)}</td>
                <td>{r.rationale}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function CalibrationCasePage({ caseId }: { caseId: string }) {
  const calibrationCase = useQuery({
    queryKey: fidelityKeys.calibrationCase(caseId),
    queryFn: () => api.get(`/api/fidelity/calibration-cases/${caseId}`, ZCalibrationCase),
  });
  // Whether the reader is on the roster (and so rates) comes with the case list.
  const list = useQuery({
    queryKey: fidelityKeys.calibrationCases,
    queryFn: () => api.get("/api/fidelity/calibration-cases", ZCalibrationCaseList),
  });
  if (calibrationCase.isPending || list.isPending) return <Loading what="the calibration case" />;
  if (calibrationCase.isError) return <LoadError error={calibrationCase.error} what="the calibration case" />;
  if (list.isError) return <LoadError error={list.error} what="the calibration case" />;
  const data = calibrationCase.data;
  const rates = list.data.readerIsObserver && data.mine === null;
  return (
    <>
      <PageHeader
        title={data.title}
        intro={`Calibration case for ${data.instrumentName} (version ${data.instrumentVersionNumber}).`}
        actions={
          <Link className="button button-secondary" to="/fidelity/calibration">
            All calibration cases
          </Link>
        }
      />
      <section className="panel" aria-labelledby="case-heading">
        <h2 id="case-heading">The meeting</h2>
        <p className="fidelity-case-text">{data.description}</p>
      </section>
      {rates ? <RatingForm calibrationCase={data} /> : null}
      <ComparisonSection calibrationCase={data} />
      <ReferenceSection calibrationCase={data} />
    </>
  );
}
