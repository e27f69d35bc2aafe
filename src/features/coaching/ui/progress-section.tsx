import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { type Engagement, ZEngagement } from "../coaching.schema.js";
import { coachingKeys } from "./coaching-keys.js";
import { RatingsLineChart } from "./ratings-line-chart.js";

const LINE_COLORS = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c"];
const RATINGS = ["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v }));

/** Goal progress over time: a chart to look at and the same numbers as a table to read. */
export function ProgressSection({ engagement }: { engagement: Engagement }) {
  const queryClient = useQueryClient();
  const goals = engagement.agreement.goals ?? [];
  const ratings = engagement.progress ?? [];
  const [goalId, setGoalId] = useState(goals[0]?.id ?? "");
  const [rating, setRating] = useState("3");
  const [ratedOn, setRatedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const rate = useMutation({
    mutationFn: () =>
      api.post(`/api/coaching/engagements/${engagement.id}/progress`, ZEngagement, {
        goalId,
        rating: Number(rating),
        ratedOn,
      }),
    onSuccess: (saved) => queryClient.setQueryData(coachingKeys.engagement(engagement.id), saved),
  });
  const error = isApiError(rate.error) ? rate.error : null;
  const dates = [...new Set(ratings.map((r) => r.ratedOn))].sort();
  const points = dates.map((date) => {
    const point: { date: string } & Record<string, string | number> = { date };
    for (const r of ratings.filter((x) => x.ratedOn === date)) point[r.goalId] = r.rating;
    return point;
  });
  const goalText = (id: string) => goals.find((g) => g.id === id)?.text ?? "A goal no longer in the agreement";
  return (
    <section className="panel" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress on the goals</h2>
      {ratings.length === 0 ? (
        <p>No progress ratings yet. Rate each goal from 1 (just starting) to 5 (done well, every time).</p>
      ) : (
        <>
          <RatingsLineChart
            points={points}
            lines={goals.map((g, i) => ({
              dataKey: g.id,
              name: g.text,
              color: LINE_COLORS[i % LINE_COLORS.length] as string,
            }))}
            maxRating={5}
            height={240}
            label="Chart of the progress ratings listed in the table below"
          />
          <div className="table-wrap">
            <table className="table">
              <caption className="table-caption">Progress ratings, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Goal</th>
                  <th scope="col">Rating (1–5)</th>
                </tr>
              </thead>
              <tbody>
                {ratings.map((r) => (
                  <tr key={r.id}>
                    <td>{r.ratedOn}</td>
                    <td>{goalText(r.goalId)}</td>
                    <td>{r.rating}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {goals.length > 0 && engagement.status !== "closed" ? (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            rate.mutate();
          }}
        >
          <ErrorSummary error={error} />
          <SelectField
            label="Goal to rate"
            value={goalId}
            onChange={setGoalId}
            options={goals.map((g) => ({ value: g.id, label: g.text }))}
          />
          <SelectField label="Progress (1 to 5)" value={rating} onChange={setRating} options={RATINGS} />
          <TextField
            label="Rated on"
            type="date"
            width="medium"
            value={ratedOn}
            onChange={setRatedOn}
            error={error?.messageFor("ratedOn")}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={rate.isPending}>
              Add rating
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
