import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { TextField } from "../../../../web/src/components/form-fields.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZPeoplePage } from "../../people/person.schema.js";
import { ZStaffTrainingStatus, ZTrainingSessionDetail } from "../session.schema.js";
import { trainingKeys } from "./training-keys.js";

/** New hires are counted from this many days back unless the coordinator picks another date. */
const NEW_HIRE_DAYS = 90;

interface Placement {
  personId: string;
  name: string;
  session: { id: string; title: string; startsLocal: string } | null;
  /** Why the person could not be placed; empty when they were. */
  reason: string;
}

function daysAgo(days: number) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * The onboarding track for the training coordinator: people hired recently who are neither
 * trained nor scheduled, each enrolled in the next session with room meant for their job. The
 * server chooses the session one person at a time, so a full session sends the next person on.
 */
export function OnboardingPanel() {
  const queryClient = useQueryClient();
  const [since, setSince] = useState(() => daysAgo(NEW_HIRE_DAYS));
  const [placements, setPlacements] = useState<Placement[]>([]);
  const recent = useQuery({
    queryKey: ["people", { sort: "hireDate", direction: "desc" }],
    queryFn: () => api.get("/api/people", ZPeoplePage, { sort: "hireDate", direction: "desc", pageSize: 200 }),
  });
  const status = useQuery({
    queryKey: trainingKeys.staffStatus,
    queryFn: () => api.get("/api/training/staff-status", ZStaffTrainingStatus),
  });
  const missing = new Set(status.data?.items.filter((i) => i.status === "missing").map((i) => i.personId) ?? []);
  const newHires = (recent.data?.items ?? []).filter(
    (p) => p.hireDate !== null && p.hireDate >= since && missing.has(p.id),
  );

  const enroll = useMutation({
    mutationFn: async () => {
      const results: Placement[] = [];
      for (const person of newHires) {
        const name = `${person.givenName} ${person.familyName}`;
        try {
          const session = await api.post("/api/training/onboarding", ZTrainingSessionDetail, { personId: person.id });
          results.push({ personId: person.id, name, session, reason: "" });
        } catch (error) {
          if (!isApiError(error)) throw error;
          results.push({
            personId: person.id,
            name,
            session: null,
            reason: error.messageFor("personId") ?? error.message,
          });
        }
      }
      return results;
    },
    onSuccess: (results) => {
      setPlacements(results);
      void queryClient.invalidateQueries({ queryKey: trainingKeys.all });
    },
  });

  return (
    <section className="panel" aria-labelledby="onboarding-heading">
      <h2 id="onboarding-heading">Onboarding new hires</h2>
      <p>New hires who are not trained or scheduled yet join the next session with room that is meant for their job.</p>
      <TextField label="Hired on or after" type="date" width="medium" value={since} onChange={setSince} />
      {recent.isPending || status.isPending ? (
        <Loading what="new hires" />
      ) : recent.isError ? (
        <LoadError error={recent.error} what="new hires" />
      ) : status.isError ? (
        <LoadError error={status.error} what="training status" />
      ) : newHires.length === 0 ? (
        <p>Nobody hired since then is waiting for training.</p>
      ) : (
        <>
          <p>Waiting for training: {newHires.map((p) => `${p.givenName} ${p.familyName}`).join(", ")}.</p>
          <div className="button-row">
            <button type="button" className="button" disabled={enroll.isPending} onClick={() => enroll.mutate()}>
              {enroll.isPending ? "Enrolling…" : `Enroll ${newHires.length} new hires in the next fitting session`}
            </button>
          </div>
        </>
      )}
      {enroll.isError ? <p role="alert">Enrolling stopped: {enroll.error.message}</p> : null}
      {placements.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption>Where the new hires were enrolled</caption>
            <thead>
              <tr>
                <th scope="col">New hire</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {placements.map((p) => (
                <tr key={p.personId}>
                  <th scope="row">{p.name}</th>
                  <td>
                    {p.session ? (
                      <>
                        Enrolled in{" "}
                        <Link to="/training/sessions/$sessionId" params={{ sessionId: p.session.id }}>
                          {p.session.title}
                        </Link>{" "}
                        on {p.session.startsLocal}
                      </>
                    ) : (
                      <>Not placed: {p.reason}</>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
