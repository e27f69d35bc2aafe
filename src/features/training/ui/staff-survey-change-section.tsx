import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../web/src/api/api-client.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { type StaffSurveyChange, ZStaffSurveyChange } from "../survey.schema.js";
import { trainingKeys } from "./training-keys.js";

const HEADINGS: Record<StaffSurveyChange["reach"], string> = {
  line: "Your staff's change after training",
  agency: "Everyone's change after training",
  self: "Your change after training",
};
const NOBODY: Record<StaffSurveyChange["reach"], string> = {
  line: "Nobody below you in your line has been surveyed yet. Their change shows here once a training survey of theirs opens.",
  agency: "Nobody has been surveyed yet. Open a session's pre or post survey from its page.",
  self: "You have not been surveyed yet. When a session you are enrolled in opens its survey, it waits for you on the sessions page.",
};

const rating = (value: number | null) => (value === null ? "–" : value.toFixed(1));
const signed = (value: number | null) => (value === null ? "–" : `${value > 0 ? "+" : ""}${value.toFixed(1)}`);

/**
 * Beside who is trained: how much each person's confidence and competence grew. The server
 * decides whose rows these are (a supervisor's or manager's line, everyone for the training team).
 */
export function StaffSurveyChangeSection() {
  const query = useQuery({
    queryKey: trainingKeys.staffSurveyChange,
    queryFn: () => api.get("/api/training/survey-results/staff", ZStaffSurveyChange),
  });
  if (query.isPending) return <Loading what="the change after training" />;
  if (query.isError) return <LoadError error={query.error} what="the change after training" />;
  const { reach, items } = query.data;
  return (
    <section className="panel" aria-labelledby="staff-survey-change-heading">
      <h2 id="staff-survey-change-heading">{HEADINGS[reach]}</h2>
      {items.length === 0 ? (
        <p>{NOBODY[reach]}</p>
      ) : (
        <>
          <p className="muted">
            From the pre/post surveys: the mean of the confidence and competence ratings, 1 (not at all) to 5
            (completely), over the sessions where the person answered both before and after. A dash means they have not
            answered both yet.
          </p>
          <div className="table-wrap">
            <table className="table">
              <caption className="table-caption">Ratings before and after training, per person</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Unit</th>
                  <th scope="col">Sessions surveyed</th>
                  <th scope="col">Answered before and after</th>
                  <th scope="col">Before (1–5)</th>
                  <th scope="col">After (1–5)</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.personId}>
                    <th scope="row">{item.name}</th>
                    <td>{item.orgUnitName ?? "–"}</td>
                    <td>{item.sessions}</td>
                    <td>{item.matchedSessions}</td>
                    <td>{rating(item.before)}</td>
                    <td>{rating(item.after)}</td>
                    <td>{signed(item.change)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
