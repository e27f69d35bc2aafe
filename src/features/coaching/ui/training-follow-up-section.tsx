import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZTrainingFollowUp } from "../coaching.schema.js";
import { coachingKeys } from "./coaching-keys.js";

/**
 * Trained units where nobody has coaching yet, longest waiting first. Shown to the coaching
 * supervisor (who matches coaches) and the training coordinator (who tells them), each with
 * the next step in their own words.
 */
export function TrainingFollowUpSection() {
  const { can } = useSession();
  const matchesCoaches = can("coaching.manage");
  const followUp = useQuery({
    queryKey: coachingKeys.trainingFollowUp,
    queryFn: () => api.get("/api/coaching/training-follow-up", ZTrainingFollowUp),
  });
  const nextStep = matchesCoaches
    ? "Next step: match a coach for someone in this unit."
    : "Next step: ask the coaching supervisor to match a coach for someone in this unit.";
  return (
    <section className="panel" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">Trained units waiting for coaching</h2>
      {followUp.isPending ? (
        <Loading what="trained units waiting for coaching" />
      ) : followUp.isError ? (
        <LoadError error={followUp.error} what="trained units waiting for coaching" />
      ) : followUp.data.units.length === 0 ? (
        <p>
          Every unit trained more than {followUp.data.thresholdDays} days ago has someone in coaching. Nothing to do
          here.
        </p>
      ) : (
        <>
          <p className="muted">
            Training fades without coaching. These units finished training more than {followUp.data.thresholdDays} days
            ago and nobody in them has a coach yet.
          </p>
          <ul>
            {followUp.data.units.map((unit) => (
              <li key={unit.orgUnitId}>
                <strong>{unit.orgUnitName}</strong>: training ended {unit.daysSinceTraining} days ago (
                {unit.trainingEndedOn}). {nextStep}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
