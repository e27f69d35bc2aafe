import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { TrainingFollowUpSection } from "../../coaching/ui/training-follow-up-section.js";
import { ZRolloutPlanDetail, ZRolloutPlanList } from "../rollout-plan.schema.js";
import { trainingKeys } from "./training-keys.js";
import { TrainingNav } from "./training-nav.js";

const IMPORT_FIELDS = {
  name: { id: "plan-name", label: "Plan name" },
  text: { id: "plan-text", label: "The plan" },
};

function ImportPlanForm({ onCancel }: { onCancel: () => void }) {
  const [name, setName] = useState("");
  const [text, setText] = useState("");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => api.post("/api/rollout-plans/import", ZRolloutPlanDetail, { name, text }),
    onSuccess: (plan) => {
      void queryClient.invalidateQueries({ queryKey: trainingKeys.all });
      void navigate({ to: "/training/plans/$planId", params: { planId: plan.id } });
    },
  });
  const error = isApiError(create.error) ? create.error : null;
  // Every row that could not be read, beside the text to fix, not only in the summary above.
  const textProblems = [...new Set(error?.errors.filter((e) => e.field === "text").map((e) => e.message))];
  const readFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (name === "") setName(file.name.replace(/\.[^.]+$/, ""));
    void file.text().then(setText);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section className="panel" aria-labelledby="import-plan-heading">
      <h2 id="import-plan-heading">Import a rollout plan</h2>
      <p>
        Copy the plan from your spreadsheet and paste it below, or choose a CSV file. Either layout works: the grid
        (periods across the top such as <q>May '12</q>, one row per region, cells such as <q>Units 3-5</q>) or one row
        per region and period with columns <q>Region</q>, <q>Period</q> and <q>Units</q>. A total row is not needed:
        Cascade adds it up.
      </p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} fields={IMPORT_FIELDS} />
        <TextField id="plan-name" label="Plan name" value={name} onChange={setName} error={error?.messageFor("name")} />
        <div className="field">
          <label htmlFor="plan-file">CSV file (optional)</label>
          <input id="plan-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" onChange={readFile} />
        </div>
        <div className={textProblems.length > 0 ? "field field-invalid" : "field"}>
          <label htmlFor="plan-text">The plan</label>
          <p className="field-hint" id="plan-text-hint">
            Paste the table here; the file you choose appears here too.
          </p>
          {textProblems.length > 0 ? (
            <div className="field-error" id="plan-text-error">
              {textProblems.map((problem) => (
                <p key={problem}>
                  <span className="visually-hidden">Error: </span>
                  {problem}
                </p>
              ))}
            </div>
          ) : null}
          <textarea
            id="plan-text"
            className="input training-plan-text"
            rows={10}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={textProblems.length > 0 ? "plan-text-hint plan-text-error" : "plan-text-hint"}
            aria-invalid={textProblems.length > 0 ? true : undefined}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? "Importing…" : "Import plan"}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

/** The agency's rollout plans, and the way to start one from a spreadsheet. */
export function RolloutPlansPage() {
  const { can } = useSession();
  const [importing, setImporting] = useState(false);
  const plans = useQuery({
    queryKey: trainingKeys.plans,
    queryFn: () => api.get("/api/rollout-plans", ZRolloutPlanList),
  });
  return (
    <>
      <PageHeader
        title="Rollout plans"
        intro="When each unit is trained in the practice model, period by period, and how many use it after each."
        actions={
          can("training.manage") && !importing ? (
            <button type="button" className="button" onClick={() => setImporting(true)}>
              Import a plan
            </button>
          ) : null
        }
      />
      <TrainingNav />
      {can("coaching.followUp.read") ? <TrainingFollowUpSection /> : null}
      {importing ? <ImportPlanForm onCancel={() => setImporting(false)} /> : null}
      {plans.isPending ? (
        <Loading what="rollout plans" />
      ) : plans.isError ? (
        <LoadError error={plans.error} what="rollout plans" />
      ) : plans.data.items.length === 0 ? (
        <p>
          No rollout plans yet.
          {can("training.manage") ? " Import one from your spreadsheet to start." : ""}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Rollout plans</caption>
            <thead>
              <tr>
                <th scope="col">Plan</th>
                <th scope="col">Periods</th>
                <th scope="col">Units</th>
                <th scope="col">Linked to org units</th>
              </tr>
            </thead>
            <tbody>
              {plans.data.items.map((plan) => (
                <tr key={plan.id}>
                  <td>
                    <Link to="/training/plans/$planId" params={{ planId: plan.id }}>
                      {plan.name}
                    </Link>
                  </td>
                  <td>
                    {plan.periodCount} ({plan.firstPeriod} to {plan.lastPeriod})
                  </td>
                  <td>{plan.unitCount}</td>
                  <td>
                    {plan.linkedUnitCount} of {plan.unitCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
