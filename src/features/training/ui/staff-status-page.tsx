import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { formatInZone } from "../../../shared/time.js";
import { ZStaffTrainingStatus } from "../session.schema.js";
import { trainingKeys } from "./training-keys.js";
import { TrainingNav } from "./training-nav.js";

const STATUS_LABELS = { trained: "Trained", scheduled: "Scheduled", missing: "Not trained or scheduled" } as const;
type Status = keyof typeof STATUS_LABELS;

/** For supervisors and managers: who of their staff is trained, scheduled, or still missing. */
export function StaffStatusPage() {
  const { session } = useSession();
  const [show, setShow] = useState<Status | "all">("all");
  const status = useQuery({
    queryKey: trainingKeys.staffStatus,
    queryFn: () => api.get("/api/training/staff-status", ZStaffTrainingStatus),
  });
  return (
    <>
      <PageHeader
        title="Who is trained"
        intro="Your staff and where each stands with practice model training. Those not trained or scheduled need a session."
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
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
