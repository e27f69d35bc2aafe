import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { z } from "zod";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { ConflictPanel } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZOrgTree } from "../../org/org-unit.schema.js";
import { type PlanFinding, type PlannedUnit, ZProposal, ZRolloutPlanDetail } from "../rollout-plan.schema.js";
import { differingCells, type GridDraft, gridOf, sameGrid } from "./rollout-grid.js";
import { trainingKeys } from "./training-keys.js";

type PlanDetail = z.infer<typeof ZRolloutPlanDetail>;

const RULE_LABELS: Record<PlanFinding["rule"], string> = {
  leaders_first: "Leaders first",
  cohort_size: "Cohort size",
  trainer_capacity: "Trainer capacity",
  unit_links: "Units not linked",
};

function PlanChecks({ plan }: { plan: PlanDetail }) {
  const problems = plan.findings.filter((f) => f.severity === "problem");
  const warnings = plan.findings.filter((f) => f.severity === "warning");
  return (
    <section className="panel" aria-labelledby="plan-checks-heading">
      <h2 id="plan-checks-heading">Checks</h2>
      <p className="muted">
        Leaders (each unit's supervisor, manager and executives) train in an earlier period than the unit's staff, so
        they can coach them right away. Cohorts hold {plan.cohortMin} to {plan.cohortMax} people ({plan.cohortLimit} at
        most). Trainers deliver up to {plan.sessionsPerPeriod} sessions per period.
      </p>
      {plan.findings.length === 0 ? (
        <p className="training-check-ok">Every check passes.</p>
      ) : (
        <>
          <p>
            {problems.length} {problems.length === 1 ? "problem" : "problems"} to fix, {warnings.length}{" "}
            {warnings.length === 1 ? "warning" : "warnings"}.
          </p>
          <ul className="training-findings">
            {[...problems, ...warnings].map((finding) => (
              <li key={`${finding.rule}:${finding.message}`} className={`training-finding-${finding.severity}`}>
                <strong>
                  {finding.severity === "problem" ? "Problem" : "Warning"} · {RULE_LABELS[finding.rule]}:
                </strong>{" "}
                {finding.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function RolloutCurve({ plan }: { plan: PlanDetail }) {
  const hasStaff = plan.summary.some((p) => p.staffTrained > 0);
  return (
    <section className="panel" aria-labelledby="rollout-curve-heading">
      <h2 id="rollout-curve-heading">Units using the model</h2>
      <figure className="training-chart">
        <div aria-hidden="true" className="training-chart-canvas">
          <ResponsiveContainer width="100%" height={280}>
            <LineChart
              data={plan.summary}
              margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
              accessibilityLayer={false}
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Line type="monotone" dataKey="cumulativeUnits" name="Units (planned)" stroke="#1d4e89" strokeWidth={2} />
              <Line
                type="monotone"
                dataKey="actualCumulativeUnits"
                name="Units (actually trained)"
                stroke="#2f7d32"
                strokeWidth={2}
                strokeDasharray="2 2"
                connectNulls={false}
              />
              {hasStaff ? (
                <Line
                  type="monotone"
                  dataKey="cumulativeStaff"
                  name="Staff of linked units (planned)"
                  stroke="#b5541b"
                  strokeWidth={2}
                  strokeDasharray="6 3"
                />
              ) : null}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <figcaption className="muted">
          The cumulative number of units (and staff of linked units) using the model after each period, as planned, and
          the units actually trained so far: a unit counts once half its current staff attended a session. The table
          below holds the same numbers.
        </figcaption>
      </figure>
      <div className="table-wrap">
        <table className="table">
          <caption>Units and staff using the model after each period</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Units trained</th>
              <th scope="col">Units using the model</th>
              <th scope="col">Staff trained</th>
              <th scope="col">Staff using the model</th>
              <th scope="col">Units actually trained</th>
            </tr>
          </thead>
          <tbody>
            {plan.summary.map((period) => (
              <tr key={period.periodIndex}>
                <th scope="row">{period.label}</th>
                <td>{period.unitsTrained}</td>
                <td>{period.cumulativeUnits}</td>
                <td>
                  {period.staffTrained}
                  {period.unlinkedUnits > 0 ? (
                    <span className="muted"> (+{period.unlinkedUnits} units not linked)</span>
                  ) : null}
                </td>
                <td>{period.cumulativeStaff}</td>
                <td>{period.actualCumulativeUnits ?? "Not yet"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function settingsOf(plan: PlanDetail) {
  return {
    name: plan.name,
    cohortMin: plan.cohortMin,
    cohortMax: plan.cohortMax,
    cohortLimit: plan.cohortLimit,
    sessionsPerPeriod: plan.sessionsPerPeriod,
  };
}

function GridEditor({ plan, onSaved }: { plan: PlanDetail; onSaved: (plan: PlanDetail) => void }) {
  const [base, setBase] = useState(plan);
  const [grid, setGrid] = useState<GridDraft>(() => gridOf(plan));
  const [conflict, setConflict] = useState<PlanDetail | null>(null);
  // Saving a unit's link or the auto-planner also changes the plan's version. Unsaved cells stay;
  // the grid follows the new plan when nothing was typed, or quietly takes its version when the
  // change left the grid as it was, so the next save is not refused for a change elsewhere.
  const [seenVersion, setSeenVersion] = useState(plan.version);
  if (plan.version !== seenVersion) {
    setSeenVersion(plan.version);
    const untouched = sameGrid(grid, gridOf(base));
    if (untouched || sameGrid(gridOf(plan), gridOf(base))) setBase(plan);
    if (untouched) setGrid(gridOf(plan));
  }
  const save = useMutation({
    mutationFn: (input: { grid: GridDraft; from: PlanDetail }) =>
      api.put(`/api/rollout-plans/${plan.id}`, ZRolloutPlanDetail, {
        ...settingsOf(input.from),
        periods: input.grid.periods,
        regions: input.grid.regions,
        version: input.from.version,
      }),
    onSuccess: (next) => {
      setConflict(null);
      setBase(next);
      setGrid(gridOf(next));
      onSaved(next);
    },
    onError: (error) => {
      if (!isApiError(error) || error.status !== 409) return;
      const current = ZRolloutPlanDetail.safeParse(error.current);
      if (current.success) setConflict(current.data);
    },
  });
  const error = isApiError(save.error) && !(save.error.status === 409 && conflict) ? save.error : null;
  const setCell = (r: number, p: number, value: string) => {
    setGrid({
      ...grid,
      regions: grid.regions.map((region, i) =>
        i === r
          ? { ...region, cells: grid.periods.map((_, j) => (j === p ? value : (region.cells[j] ?? ""))) }
          : region,
      ),
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ grid, from: base });
  };
  const cellId = (r: number, p: number) => `grid-cell-${r}-${p}`;
  // The summary names each cell with a problem and links to it, as a person reads the grid.
  const cellTargets = Object.fromEntries(
    grid.regions.flatMap((region, r) =>
      grid.periods.map((period, p) => [
        `regions.${r}.cells.${p}`,
        { id: cellId(r, p), label: `${region.label}, ${period}` },
      ]),
    ),
  );
  return (
    <section className="panel" aria-labelledby="grid-heading">
      <h2 id="grid-heading">Rollout grid</h2>
      <p className="muted">
        Each cell lists the units trained in that period, written as in your spreadsheet: <q>Units 1,2</q>,{" "}
        <q>Units 3-5</q>, <q>Unit 7</q>; leave it empty for none. Save to update the totals and checks.
      </p>
      {conflict ? (
        <ConflictPanel
          rows={differingCells(grid, gridOf(conflict))}
          busy={save.isPending}
          onApplyMine={() => {
            setBase(conflict);
            save.mutate({ grid, from: conflict });
          }}
          onDiscardMine={() => {
            setBase(conflict);
            setGrid(gridOf(conflict));
            setConflict(null);
            onSaved(conflict);
          }}
        />
      ) : null}
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} fields={cellTargets} />
        <div className="table-wrap">
          <table className="table training-grid">
            <caption className="visually-hidden">Units trained in each period, by region</caption>
            <thead>
              <tr>
                <th scope="col">Region</th>
                {grid.periods.map((period) => (
                  <th scope="col" key={period}>
                    {period}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.regions.map((region, r) => (
                <tr key={region.label}>
                  <th scope="row">{region.label}</th>
                  {grid.periods.map((period, p) => {
                    const message = error?.messageFor(`regions.${r}.cells.${p}`);
                    return (
                      <td key={period} className={message ? "field-invalid" : undefined}>
                        <input
                          id={cellId(r, p)}
                          className="input training-grid-cell"
                          aria-label={`${region.label}, ${period}`}
                          value={region.cells[p] ?? ""}
                          onChange={(event) => setCell(r, p, event.target.value)}
                          aria-invalid={message ? true : undefined}
                          aria-describedby={message ? `${cellId(r, p)}-error` : undefined}
                        />
                        {message ? (
                          <p className="field-error" id={`${cellId(r, p)}-error`}>
                            <span className="visually-hidden">Error: </span>
                            {message}
                          </p>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save grid"}
          </button>
        </div>
      </form>
    </section>
  );
}

interface UnitEdits {
  orgUnitId?: string;
  volunteer?: boolean;
  leaders?: string;
}

const leadersOf = (unit: PlannedUnit) => (unit.leadersPeriodIndex === null ? "" : String(unit.leadersPeriodIndex));

function UnitRow({
  plan,
  unit,
  unitOptions,
}: {
  plan: PlanDetail;
  unit: PlannedUnit;
  unitOptions: { id: string; name: string }[];
}) {
  const queryClient = useQueryClient();
  // Only what the person changed in this row, over the saved values: saving another row changes
  // the plan, and an unsaved choice here must survive that.
  const [edits, setEdits] = useState<UnitEdits>({});
  const orgUnitId = edits.orgUnitId ?? unit.orgUnitId ?? "";
  const volunteer = edits.volunteer ?? unit.volunteer;
  const leaders = edits.leaders ?? leadersOf(unit);
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/rollout-plans/${plan.id}/units/${unit.id}`, ZRolloutPlanDetail, {
        orgUnitId,
        volunteer,
        leadersPeriodIndex: leaders === "" ? null : Number(leaders),
        version: plan.version,
      }),
    onSuccess: (next) => {
      setEdits({});
      queryClient.setQueryData(trainingKeys.plan(plan.id), next);
    },
    onError: (error) => {
      // Show the plan as it is now; this row's choices stay, to be saved again on purpose.
      if (!isApiError(error) || error.status !== 409) return;
      const current = ZRolloutPlanDetail.safeParse(error.current);
      if (current.success) queryClient.setQueryData(trainingKeys.plan(plan.id), current.data);
    },
  });
  const name = `${unit.unitLabel} of ${unit.regionLabel}`;
  const changed = orgUnitId !== (unit.orgUnitId ?? "") || volunteer !== unit.volunteer || leaders !== leadersOf(unit);
  const failure = isApiError(save.error)
    ? save.error.status === 409
      ? "Someone else changed the plan meanwhile; the page now shows it as it is. Your choices in this row are kept: check them and save again."
      : save.error.message
    : null;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{unit.periodIndex === null ? "Not scheduled" : plan.periods[unit.periodIndex]?.label}</td>
      <td>
        <select
          aria-label={`Org unit for ${name}`}
          value={orgUnitId}
          onChange={(e) => setEdits({ ...edits, orgUnitId: e.target.value })}
          className="input"
        >
          <option value="">Not linked</option>
          {unitOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      </td>
      <td>{unit.staff ?? "–"}</td>
      <td>
        <select
          aria-label={`When the leaders of ${name} train`}
          value={leaders}
          onChange={(e) => setEdits({ ...edits, leaders: e.target.value })}
          className="input"
        >
          <option value="">Not planned</option>
          {plan.periods.map((period, index) => (
            <option key={period.label} value={String(index)}>
              {period.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={`${name} volunteers`}
          checked={volunteer}
          onChange={(e) => setEdits({ ...edits, volunteer: e.target.checked })}
        />
      </td>
      <td>
        <button
          type="button"
          className="button button-small"
          disabled={!changed || save.isPending}
          onClick={() => save.mutate()}
        >
          Save
        </button>
        {failure ? (
          <p className="field-error" role="alert">
            {failure}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

function PlannedUnits({ plan }: { plan: PlanDetail }) {
  const orgTree = useQuery({ queryKey: ["org-units"], queryFn: () => api.get("/api/org-units", ZOrgTree) });
  const unitOptions = (orgTree.data?.units ?? [])
    .filter((u) => u.kind === "unit" && !u.retired)
    .map((u) => ({ id: u.id, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  return (
    <section className="panel" aria-labelledby="planned-units-heading">
      <h2 id="planned-units-heading">Units, links and leaders</h2>
      <p className="muted">
        Link each planned unit to its org unit so its staff are counted; choose when its leaders train (before the
        unit); mark units that volunteered to go first.
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Planned units</caption>
          <thead>
            <tr>
              <th scope="col">Unit</th>
              <th scope="col">Trains in</th>
              <th scope="col">Org unit</th>
              <th scope="col">Staff</th>
              <th scope="col">Leaders train in</th>
              <th scope="col">Volunteer</th>
              <th scope="col">
                <span className="visually-hidden">Save</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.units.map((unit) => (
              <UnitRow key={unit.id} plan={plan} unit={unit} unitOptions={unitOptions} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function AutoPlanner({ plan }: { plan: PlanDetail }) {
  const queryClient = useQueryClient();
  const [volunteersFirst, setVolunteersFirst] = useState(false);
  const [asked, setAsked] = useState(false);
  const proposal = useQuery({
    queryKey: trainingKeys.proposal(plan.id, volunteersFirst),
    queryFn: () =>
      api.get(`/api/rollout-plans/${plan.id}/proposal`, ZProposal, { volunteersFirst: String(volunteersFirst) }),
    enabled: asked,
  });
  const accept = useMutation({
    mutationFn: () =>
      api.post(`/api/rollout-plans/${plan.id}/proposal/accept`, ZRolloutPlanDetail, {
        volunteersFirst,
        version: plan.version,
      }),
    onSuccess: (next) => {
      setAsked(false);
      queryClient.setQueryData(trainingKeys.plan(plan.id), next);
    },
  });
  const perPeriod = plan.periods.map(
    (_, index) => proposal.data?.placements.filter((p) => p.periodIndex === index).length ?? 0,
  );
  return (
    <section className="panel" aria-labelledby="auto-planner-heading">
      <h2 id="auto-planner-heading">Auto-planner</h2>
      <p className="muted">
        Proposes when each unit trains: leaders in the first period, then units in turn across regions, as many per
        period as the trainers can take. Nothing changes until you accept; you can edit the grid afterwards.
      </p>
      <div className="field field-checkbox">
        <input
          id="volunteers-first"
          type="checkbox"
          checked={volunteersFirst}
          onChange={(e) => setVolunteersFirst(e.target.checked)}
        />
        <label htmlFor="volunteers-first">Volunteer units first</label>
      </div>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => setAsked(true)}>
          Propose a schedule
        </button>
      </div>
      {asked && proposal.isPending ? <Loading what="the proposal" /> : null}
      {asked && proposal.isError ? <LoadError error={proposal.error} what="the proposal" /> : null}
      {asked && proposal.data ? (
        <div className="training-proposal" aria-live="polite">
          <h3>Proposed schedule</h3>
          <ul>
            {plan.periods.map((period, index) => (
              <li key={period.label}>
                {period.label}: {index === 0 ? "leaders" : ""}
                {index === 0 && perPeriod[index] ? ", " : ""}
                {perPeriod[index] ? `${perPeriod[index]} units` : index === 0 ? "" : "no units"}
              </li>
            ))}
          </ul>
          {proposal.data.unscheduledUnitIds.length > 0 ? (
            <p>
              {proposal.data.unscheduledUnitIds.length} units do not fit in any period; add periods or raise trainer
              capacity.
            </p>
          ) : null}
          <p className="muted">
            Units not linked yet are assumed to have {proposal.data.assumedUnitSize} staff. After accepting:{" "}
            {proposal.data.findings.filter((f) => f.severity === "problem").length} problems.
          </p>
          <button type="button" className="button" disabled={accept.isPending} onClick={() => accept.mutate()}>
            Accept this schedule
          </button>
          {isApiError(accept.error) ? (
            <p className="field-error" role="alert">
              {accept.error.status === 409
                ? "Someone changed the plan meanwhile; propose again to see the current plan."
                : accept.error.message}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** One rollout plan: its checks, its curve, the grid to edit, its units and the auto-planner. */
export function RolloutPlanPage({ planId }: { planId: string }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState("");
  const plan = useQuery({
    queryKey: trainingKeys.plan(planId),
    queryFn: () => api.get(`/api/rollout-plans/${planId}`, ZRolloutPlanDetail),
  });
  if (plan.isPending) return <Loading what="the rollout plan" />;
  if (plan.isError) return <LoadError error={plan.error} what="the rollout plan" />;
  const detail = plan.data;
  const last = detail.summary[detail.summary.length - 1];
  return (
    <>
      <p className="breadcrumb">
        <Link to="/training/plans">Rollout plans</Link>
      </p>
      <PageHeader
        title={detail.name}
        intro={`${detail.periods.length} periods, ${detail.units.length} units; ${last?.cumulativeUnits ?? 0} units use the model after ${last?.label ?? "the last period"}.`}
      />
      <p role="status" className="training-notice">
        {notice}
      </p>
      <PlanChecks plan={detail} />
      <RolloutCurve plan={detail} />
      {can("training.manage") ? (
        <>
          <GridEditor
            plan={detail}
            onSaved={(next) => {
              queryClient.setQueryData(trainingKeys.plan(planId), next);
              setNotice("Grid saved. The totals and checks below are up to date.");
            }}
          />
          <PlannedUnits plan={detail} />
          <AutoPlanner plan={detail} />
        </>
      ) : null}
    </>
  );
}
