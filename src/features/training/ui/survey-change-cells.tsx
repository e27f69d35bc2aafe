import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Change } from "../survey.schema.js";

/** How the survey pages show a matched-pair change: shared by a session's results and the per-period totals. */
export const decimal = (value: number | null, digits = 2) => (value === null ? "–" : value.toFixed(digits));
export const signed = (value: number | null, digits = 2) =>
  value === null ? "–" : `${value > 0 ? "+" : ""}${value.toFixed(digits)}`;
export const percent = (value: number | null) => (value === null ? "–" : `${Math.round(value * 100)}%`);

export const CHANGE_HEADERS = [
  "Invited",
  "Answered before",
  "Answered after",
  "Matched pairs",
  "Response rate",
  "Mean before",
  "Mean after",
  "Mean change",
  "Effect size (d_z)",
];

export function ChangeCells({ change, digits = 2 }: { change: Change; digits?: number }) {
  return (
    <>
      <td>{change.invited}</td>
      <td>{change.respondedBefore}</td>
      <td>{change.respondedAfter}</td>
      <td>{change.pairs}</td>
      <td>{percent(change.responseRate)}</td>
      <td>{decimal(change.meanBefore, digits)}</td>
      <td>{decimal(change.meanAfter, digits)}</td>
      <td>{signed(change.meanChange, digits)}</td>
      <td>{decimal(change.effectSize)}</td>
    </>
  );
}

/**
 * Mean rating before and after, side by side for each group (an element, a rollout period), on the
 * survey's 0–5 scale. The chart is one image to a screen reader; `description` says what it shows
 * and the table beside it holds the same numbers.
 */
export function BeforeAfterBarChart({
  data,
  description,
}: {
  data: { label: string; before: number; after: number }[];
  description: string;
}) {
  return (
    <div className="fidelity-chart" role="img" aria-label={description}>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart accessibilityLayer={false} data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis domain={[0, 5]} />
          <Tooltip />
          <Legend />
          <Bar dataKey="before" name="Before" fill="#9ca3af" />
          <Bar dataKey="after" name="After" fill="#1d4ed8" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
