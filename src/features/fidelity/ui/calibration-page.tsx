import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextAreaField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import {
  CALIBRATION_PASS_WITHIN_ONE,
  ZCalibrationCase,
  ZCalibrationCaseList,
  ZCalibrationResults,
} from "../calibration.schema.js";
import { ZInstrumentDetail, ZInstrumentList } from "../fidelity.schema.js";
import { decimal, fidelityKeys, percent } from "./fidelity-keys.js";

const PASS_RULE = `Passing is at least ${Math.round(CALIBRATION_PASS_WITHIN_ONE * 100)}% of measures within one level of the reference.`;

function CasesSection() {
  const cases = useQuery({
    queryKey: fidelityKeys.calibrationCases,
    queryFn: () => api.get("/api/fidelity/calibration-cases", ZCalibrationCaseList),
  });
  if (cases.isPending) return <Loading what="calibration cases" />;
  if (cases.isError) return <LoadError error={cases.error} what="calibration cases" />;
  const { items, readerIsObserver } = cases.data;
  return (
    <section className="panel" aria-labelledby="cases-heading">
      <h2 id="cases-heading">Reference cases</h2>
      {items.length === 0 ? (
        <p>No reference cases yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Reference cases and your result on each</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Instrument</th>
                <th scope="col">Observers rated</th>
                {readerIsObserver ? <th scope="col">Your result</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to="/fidelity/calibration/$caseId" params={{ caseId: c.id }}>
                      {c.title}
                    </Link>
                  </td>
                  <td>
                    {c.instrumentName} (version {c.instrumentVersionNumber})
                  </td>
                  <td>{c.attempts}</td>
                  {readerIsObserver ? (
                    <td>
                      {c.mine
                        ? `${percent(c.mine.score.withinOneAgreement)} within one · ${c.mine.score.passed ? "passed" : "not passed"}`
                        : "Not rated yet"}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

type ReferenceDraft = Record<string, { rating: string; rationale: string }>;

/** The fidelity team writes a case: a fictional meeting and, per measure, the reference rating and why. */
function NewCaseSection() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const instruments = useQuery({
    queryKey: fidelityKeys.instruments,
    queryFn: () => api.get("/api/fidelity/instruments", ZInstrumentList),
  });
  const published = (instruments.data?.items ?? []).filter((i) => i.latestPublishedNumber !== null);
  const [chosen, setChosen] = useState("");
  const instrumentId = chosen || published[0]?.id || "";
  const detail = useQuery({
    queryKey: fidelityKeys.instrument(instrumentId),
    queryFn: () => api.get(`/api/fidelity/instruments/${instrumentId}`, ZInstrumentDetail),
    enabled: instrumentId !== "",
  });
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [reference, setReference] = useState<ReferenceDraft>({});
  const content = detail.data?.current?.content;
  const create = useMutation({
    mutationFn: () =>
      api.post("/api/fidelity/calibration-cases", ZCalibrationCase, {
        instrumentId,
        title,
        description,
        reference: (content?.measures ?? []).map((m) => ({
          measureCode: m.code,
          rating: reference[m.code]?.rating ? Number(reference[m.code]?.rating) : null,
          rationale: reference[m.code]?.rationale ?? "",
        })),
      }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: fidelityKeys.all });
      void navigate({ to: "/fidelity/calibration/$caseId", params: { caseId: created.id } });
    },
  });
  const error = isApiError(create.error) ? create.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section className="panel" aria-labelledby="new-case-heading">
      <h2 id="new-case-heading">Write a reference case</h2>
      <p className="muted">
        Describe a made-up teaming or family meeting in enough detail to rate, with no names or details of a real
        family. Then give the rating the fidelity team agreed for each measure and why.
      </p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} />
        <SelectField
          label="Instrument"
          value={instrumentId}
          onChange={(id) => {
            setChosen(id);
            setReference({});
          }}
          options={[
            ...(published.length === 0 ? [{ value: "", label: "No published instrument yet" }] : []),
            ...published.map((i) => ({ value: i.id, label: `${i.name} (version ${i.latestPublishedNumber})` })),
          ]}
          error={error?.messageFor("instrumentId")}
        />
        <TextField label="Title" value={title} onChange={setTitle} error={error?.messageFor("title")} />
        <TextAreaField
          width="wide"
          label="What happens in the meeting"
          rows={8}
          value={description}
          onChange={setDescription}
          error={error?.messageFor("description")}
        />
        {content?.measures.map((measure, index) => {
          const current = reference[measure.code] ?? { rating: "", rationale: "" };
          const set = (patch: Partial<typeof current>) =>
            setReference({ ...reference, [measure.code]: { ...current, ...patch } });
          return (
            <fieldset key={measure.code} className="fidelity-measure">
              <legend>
                {measure.code} · {measure.name}
              </legend>
              <SelectField
                label={`Reference rating for ${measure.name}`}
                value={current.rating}
                onChange={(rating) => set({ rating })}
                options={[
                  { value: "", label: "Choose a level" },
                  ...content.scale.map((level) => ({
                    value: String(level.value),
                    label: `${level.value} · ${level.label}`,
                  })),
                ]}
                error={error?.messageFor(`reference.${index}.rating`)}
              />
              <TextAreaField
                width="wide"
                label={`Why ${measure.name} is rated at this level`}
                value={current.rationale}
                onChange={(rationale) => set({ rationale })}
                error={error?.messageFor(`reference.${index}.rationale`)}
              />
            </fieldset>
          );
        })}
        <div className="button-row">
          <button type="submit" className="button" disabled={create.isPending || !content}>
            {create.isPending ? "Saving…" : "Save reference case"}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Every observer's results; the roster shows each one's latest. */
function ResultsSection() {
  const results = useQuery({
    queryKey: fidelityKeys.calibrationResults,
    queryFn: () => api.get("/api/fidelity/calibration-results", ZCalibrationResults),
  });
  if (results.isPending) return <Loading what="calibration results" />;
  if (results.isError) return <LoadError error={results.error} what="calibration results" />;
  return (
    <section className="panel" aria-labelledby="results-heading">
      <h2 id="results-heading">Observers' calibration results</h2>
      <p className="muted">{PASS_RULE}</p>
      {results.data.items.length === 0 ? (
        <p>No observer has rated a reference case yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Each observer's agreement with the reference, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Observer</th>
                <th scope="col">Case</th>
                <th scope="col">Date</th>
                <th scope="col">Exact</th>
                <th scope="col">Within one</th>
                <th scope="col">Weighted kappa</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {results.data.items.map((r) => (
                <tr key={`${r.caseId}:${r.observerId}`}>
                  <td>{r.observerName}</td>
                  <td>
                    <Link to="/fidelity/calibration/$caseId" params={{ caseId: r.caseId }}>
                      {r.caseTitle}
                    </Link>
                  </td>
                  <td>{r.submittedAt.slice(0, 10)}</td>
                  <td>{percent(r.score.exactAgreement)}</td>
                  <td>{percent(r.score.withinOneAgreement)}</td>
                  <td>{decimal(r.score.weightedKappa)}</td>
                  <td>{r.score.passed ? "Passed" : "Not passed"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Calibration: observers rate reference cases; the fidelity team writes them and follows the results. */
export function CalibrationPage() {
  const { can } = useSession();
  const manages = can("fidelity.manage");
  return (
    <>
      <PageHeader
        title="Calibration"
        intro={
          manages
            ? "Write reference cases and see how closely each observer's ratings match the reference."
            : `Rate a reference case on your own, then compare your ratings with the reference and its reasons. ${PASS_RULE}`
        }
        actions={
          <Link className="button button-secondary" to="/fidelity">
            Back to fidelity
          </Link>
        }
      />
      <CasesSection />
      {manages ? <ResultsSection /> : null}
      {manages ? <NewCaseSection /> : null}
    </>
  );
}
