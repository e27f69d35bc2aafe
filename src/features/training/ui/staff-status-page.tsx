import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { formatInZone } from "../../../shared/time.js";
import { ZNudge } from "../nudge.schema.js";
import { ZStaffTrainingStatus } from "../session.schema.js";
import { StaffSurveyChangeSection } from "./staff-survey-change-section.js";
import { trainingKeys } from "./training-keys.js";
import { TrainingNav } from "./training-nav.js";

const STATUS_LABELS = { trained: "Trained", scheduled: "Scheduled", missing: "Not trained or scheduled" } as const;
type Status = keyof typeof STATUS_LABELS;

/** Asks one person to sign up; they see it on their home page (there is no e-mail). */
function NudgeButton({ personId, name }: { personId: string; name: string }) {
  const queryClient = useQueryClient();
  const nudge = useMutation({
    mutationFn: () => api.post(`/api/training/staff/${personId}/nudges`, ZNudge, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.staffStatus }),
  });
  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        disabled={nudge.isPending}
        onClick={() => nudge.mutate()}
      >
        Nudge <span className="visually-hidden">{name}</span> to sign up
      </button>
      {isApiError(nudge.error) ? <span role="alert"> {nudge.error.message}</span> : null}
    </>
  );
}

/** For supervisors and managers: who of their staff is trained, scheduled, or still missing. */
export function StaffStatusPage() {
  const { session, can } = useSession();
  const mayNudge = can("training.nudge");
  const [show, setShow] = useState<Status | "all">("all");
  const status = useQuery({
    queryKey: trainingKeys.staffStatus,
    queryFn: () => api.get("/api/training/staff-status", ZStaffTrainingStatus),
  });
  return (
    <>
      <PageHeader
        title="Who is trained"
        intro="Your staff and where each stands with practice model training. Those not trained or scheduled need a session: nudge them, and they see it on their home page. Below, how each one's confidence and competence changed after training."
      />
      <TrainingNav />
      {status.isPending ? (
        <Loading what="training status" />
      ) : status.isError ? (
        <LoadError error={status.error} what="training status" />
      ) : (
        <>
          <dl className="roster-counts">
            {(Object.keys(STATUS_LABELS) as Status[]).map((key) => (
              <div key={key}>
                <dt>{STATUS_LABELS[key]}</dt>
                <dd>{status.data.counts[key]}</dd>
              </div>
            ))}
          </dl>
          <div className="field">
            <label htmlFor="status-filter">Show</label>
            <select
              id="status-filter"
              className="input input-medium"
              value={show}
              onChange={(event) => setShow(event.target.value as Status | "all")}
            >
              <option value="all">Everyone</option>
              {(Object.keys(STATUS_LABELS) as Status[]).map((key) => (
                <option key={key} value={key}>
                  {STATUS_LABELS[key]}
                </option>
              ))}
            </select>
          </div>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Training status of your staff</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Unit</th>
                  <th scope="col">Status</th>
                  <th scope="col">Next session</th>
                  {mayNudge ? <th scope="col">Nudge</th> : null}
                </tr>
              </thead>
              <tbody>
                {status.data.items
                  .filter((item) => show === "all" || item.status === show)
                  .map((item) => (
                    <tr key={item.personId}>
                      <th scope="row">{item.name}</th>
                      <td>{item.orgUnitName ?? "–"}</td>
                      <td>{STATUS_LABELS[item.status]}</td>
                      <td>
                        {item.nextSession
                          ? `${item.nextSession.title}, ${formatInZone(item.nextSession.startsAt, session.agency.timeZone)}`
                          : "–"}
                      </td>
                      {mayNudge ? (
                        <td>
                          {item.nudgedAt ? (
                            <span className="muted">
                              Nudged on {formatInZone(item.nudgedAt, session.agency.timeZone)}.{" "}
                            </span>
                          ) : null}
                          {item.status === "missing" && item.personId !== session.user.personId ? (
                            <NudgeButton personId={item.personId} name={item.name} />
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <StaffSurveyChangeSection />
    </>
  );
}
