import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { api } from "../../../../web/src/api/api-client.js";
import { SelectField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZInstrumentList, ZReliability } from "../fidelity.schema.js";
import { decimal, fidelityKeys, percent } from "./fidelity-keys.js";

type Agreement = {
  n: number;
  exactAgreement: number | null;
  withinOneAgreement: number | null;
  kappa: number | null;
  weightedKappa: number | null;
};

function AgreementCells({ row }: { row: Agreement }) {
  return (
    <>
      <td>{row.n}</td>
      <td>{percent(row.exactAgreement)}</td>
      <td>{percent(row.withinOneAgreement)}</td>
      <td>{decimal(row.kappa)}</td>
      <td>{decimal(row.weightedKappa)}</td>
    </>
  );
}

const HEADINGS = ["Ratings paired", "Exact agreement", "Within one level", "Cohen's kappa", "Weighted kappa"];

function AgreementTable({
  caption,
  first,
  rows,
}: {
  caption: string;
  first: string;
  rows: { key: string; label: string; row: Agreement; extra?: string }[];
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {HEADINGS.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, row, extra }) => (
            <tr key={key}>
              <th scope="row">
                {label}
                {extra ? <strong className="fidelity-drift"> {extra}</strong> : null}
              </th>
              <AgreementCells row={row} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How well observers agree: overall, per measure, per pair (with drift) and by quarter. */
export function ReliabilityPage() {
  const instruments = useQuery({
    queryKey: fidelityKeys.instruments,
    queryFn: () => api.get("/api/fidelity/instruments", ZInstrumentList),
  });
  const [chosen, setChosen] = useState("");
  const published = (instruments.data?.items ?? []).filter((i) => i.latestPublishedNumber !== null);
  const instrumentId = chosen || published[0]?.id || "";
  const reliability = useQuery({
    queryKey: fidelityKeys.reliability(instrumentId),
    queryFn: () => api.get("/api/fidelity/reliability", ZReliability, { instrumentId }),
    enabled: instrumentId !== "",
  });
  return (
    <>
      <PageHeader
        title="Observer reliability"
        intro="How often each pair of observers rated the same meeting the same way, from observations both observers submitted. Kappa corrects for agreement by chance: above 0.6 is good, above 0.8 very good."
      />
      {instruments.isPending ? <Loading what="instruments" /> : null}
      {published.length > 1 ? (
        <SelectField
          label="Instrument"
          value={instrumentId}
          onChange={setChosen}
          options={published.map((i) => ({ value: i.id, label: i.name }))}
        />
      ) : null}
      {published.length === 0 && !instruments.isPending ? <p>Publish an instrument to see reliability.</p> : null}
      {reliability.isPending && instrumentId ? <Loading what="reliability" /> : null}
      {reliability.isError ? <LoadError error={reliability.error} what="reliability" /> : null}
      {reliability.data ? (
        <>
          <section className="panel" aria-labelledby="overall-heading">
            <h2 id="overall-heading">Overall</h2>
            <p>
              {reliability.data.observations} observations rated by two observers: exact agreement{" "}
              {percent(reliability.data.overall.exactAgreement)}, weighted kappa{" "}
              {decimal(reliability.data.overall.weightedKappa)}.
            </p>
            <AgreementTable
              caption="Agreement by measure"
              first="Measure"
              rows={reliability.data.measures.map((m) => ({
                key: m.measureCode,
                label: `${m.measureCode} · ${m.measureName}`,
                row: m,
              }))}
            />
          </section>
          <section className="panel" aria-labelledby="pairs-heading">
            <h2 id="pairs-heading">Observer pairs</h2>
            <p className="muted">
              A pair is flagged when their latest quarter agrees exactly at least 15 points less often than before.
            </p>
            <AgreementTable
              caption="Agreement by observer pair"
              first="Pair"
              rows={reliability.data.pairs.map((p) => ({
                key: p.observerIds.join("|"),
                label: p.observerNames.join(" and "),
                row: p,
                ...(p.drift ? { extra: `Drift in ${p.driftQuarter}` } : {}),
              }))}
            />
          </section>
          <section className="panel" aria-labelledby="quarters-heading">
            <h2 id="quarters-heading">Over time</h2>
            <div
              className="fidelity-chart"
              role="img"
              aria-label="Line chart of exact agreement and weighted kappa by quarter; the table below lists the same numbers."
            >
              <ResponsiveContainer width="100%" height={260}>
                <LineChart
                  accessibilityLayer={false}
                  data={reliability.data.quarters.map((q) => ({
                    quarter: q.quarter,
                    exact: q.exactAgreement,
                    kappa: q.weightedKappa,
                  }))}
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="quarter" />
                  <YAxis domain={[0, 1]} />
                  <Tooltip />
                  <Legend />
                  <Line type="monotone" dataKey="exact" name="Exact agreement" stroke="#1d4ed8" />
                  <Line type="monotone" dataKey="kappa" name="Weighted kappa" stroke="#b45309" strokeDasharray="5 3" />
                </LineChart>
              </ResponsiveContainer>
            </div>
            <AgreementTable
              caption="Agreement by quarter (the chart's numbers)"
              first="Quarter"
              rows={reliability.data.quarters.map((q) => ({ key: q.quarter, label: q.quarter, row: q }))}
            />
          </section>
        </>
      ) : null}
    </>
  );
}
