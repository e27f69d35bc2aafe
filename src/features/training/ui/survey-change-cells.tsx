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
