import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { type ChosenPerson, StaffPersonChooser } from "../../../../web/src/components/staff-person-chooser.js";
import { ZDeliveryCheck, ZDeliveryCheckList } from "../delivery-check.schema.js";
import { trainingKeys } from "./training-keys.js";

function AssignObserverForm({ sessionId, current }: { sessionId: string; current: ChosenPerson | null }) {
  const queryClient = useQueryClient();
  const [observer, setObserver] = useState<ChosenPerson | null>(current);
  const [notice, setNotice] = useState("");
  const assign = useMutation({
    mutationFn: () =>
      api.put(`/api/training-sessions/${sessionId}/delivery-check`, ZDeliveryCheck, {
        observerPersonId: observer?.id ?? "",
      }),
    onSuccess: (check) => {
      void queryClient.invalidateQueries({ queryKey: trainingKeys.deliveryChecks });
      setNotice(`${check.observerName} is asked to observe this session.`);
    },
  });
  const error = isApiError(assign.error) ? assign.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice("");
    assign.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} fields={{ observerPersonId: { id: "delivery-observer", label: "Observer" } }} />
      <StaffPersonChooser
        id="delivery-observer"
        legend="Observer"
        hint="Any staff member, yourself included, who watches the session with the checklist."
        chosen={observer}
        onChoose={setObserver}
        error={error?.messageFor("observerPersonId")}
      />
      <p role="status" className="training-notice">
        {notice}
      </p>
      <div className="button-row">
        <button type="submit" className="button" disabled={assign.isPending}>
          {current ? "Change the observer" : "Assign the observer"}
        </button>
      </div>
    </form>
  );
}

/** On a session's page: its delivery check, and for coordinators who observes it. */
export function DeliveryCheckPanel({ sessionId }: { sessionId: string }) {
  const { can } = useSession();
  const checks = useQuery({
    queryKey: trainingKeys.deliveryChecks,
    queryFn: () => api.get("/api/training/delivery-checks", ZDeliveryCheckList),
  });
  const check = checks.data?.items.find((c) => c.sessionId === sessionId);
  const mayAssign = can("trainingDelivery.assign");
  if (!check && !mayAssign) return null;
  return (
    <section className="panel" aria-labelledby="delivery-check-heading">
      <h2 id="delivery-check-heading">Delivery check</h2>
      {check ? (
        <p>
          Observer: {check.observerName}.{" "}
          <Link to="/training/delivery-checks/$checkId" params={{ checkId: check.id }}>
            {check.canRecord && !check.recordedAt
              ? "Record the delivery check"
              : check.recordedAt
                ? "See the delivery check"
                : "Open the delivery check"}
          </Link>
        </p>
      ) : (
        <p>No observer yet. Assign one to check that this session runs as the curriculum intends.</p>
      )}
      {mayAssign && !check?.recordedAt && checks.isSuccess ? (
        <AssignObserverForm
          sessionId={sessionId}
          current={check ? { id: check.observerPersonId, name: check.observerName, orgUnitName: null } : null}
        />
      ) : null}
    </section>
  );
}
