import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { formatDate } from "../../../../web/src/app/format.js";
import { useSession } from "../../../../web/src/app/session.js";
import { useVersionedEdit } from "../../../../web/src/app/use-versioned-edit.js";
import { ConflictPanel } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary, type FieldTargets } from "../../../../web/src/components/error-summary.js";
import { CheckboxField, SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import {
  AGREEMENT_KIND_LABELS,
  AGREEMENT_KINDS,
  type Agreement,
  HOUR_ACTIVITIES,
  HOUR_ACTIVITY_LABELS,
  type HourActivity,
  RATE_UNIT_LABELS,
  RATE_UNITS,
  ZAgreement,
  type ZAgreementWithHours,
  ZHoursLogResult,
} from "../partner.schema.js";
import { centsFrom, dollarsFrom, formatHours, formatRate, hoursFrom } from "./partner-format.js";
import { partnerKeys } from "./partner-keys.js";

type AgreementWithHours = z.infer<typeof ZAgreementWithHours>;

type AgreementDraft = {
  kind: string;
  rate: string;
  rateUnit: string;
  budgetedHours: string;
  startDate: string;
  endDate: string;
};

const AGREEMENT_LABELS: Record<keyof AgreementDraft, string> = {
  kind: "Type",
  rate: "Rate in dollars",
  rateUnit: "The rate is",
  budgetedHours: "Budgeted hours",
  startDate: "Start date",
  endDate: "End date",
};

/** The API names the rate `rateCents`; the form asks for dollars. */
const agreementTargets = (prefix: string): FieldTargets => ({
  ...Object.fromEntries(
    (Object.keys(AGREEMENT_LABELS) as (keyof AgreementDraft)[]).map((f) => [
      f,
      { id: `${prefix}-${f}`, label: AGREEMENT_LABELS[f] },
    ]),
  ),
  rateCents: { id: `${prefix}-rate`, label: AGREEMENT_LABELS.rate },
});

const emptyAgreement: AgreementDraft = {
  kind: "hourly",
  rate: "",
  rateUnit: "hour",
  budgetedHours: "",
  startDate: "",
  endDate: "",
};

const agreementDraftOf = (a: Agreement): AgreementDraft => ({
  kind: a.kind,
  rate: dollarsFrom(a.rateCents),
  rateUnit: a.rateUnit,
  budgetedHours: String(a.budgetedHours),
  startDate: a.startDate,
  endDate: a.endDate ?? "",
});

const toAgreementInput = (draft: AgreementDraft) => ({
  kind: draft.kind,
  rateCents: centsFrom(draft.rate) ?? Number.NaN,
  rateUnit: draft.rateUnit,
  budgetedHours: hoursFrom(draft.budgetedHours),
  startDate: draft.startDate,
  endDate: draft.endDate,
});

function AgreementFields({
  prefix,
  draft,
  set,
  fieldError,
}: {
  prefix: string;
  draft: AgreementDraft;
  set: (field: keyof AgreementDraft, value: string) => void;
  fieldError: (field: string) => string | undefined;
}) {
  return (
    <>
      <div className="form-row">
        <SelectField
          id={`${prefix}-kind`}
          label={AGREEMENT_LABELS.kind}
          value={draft.kind}
          onChange={(v) => set("kind", v)}
          options={AGREEMENT_KINDS.map((k) => ({ value: k, label: AGREEMENT_KIND_LABELS[k] }))}
          error={fieldError("kind")}
        />
        <TextField
          id={`${prefix}-rate`}
          label={AGREEMENT_LABELS.rate}
          inputMode="text"
          hint="For example 45 or 1200.50"
          value={draft.rate}
          onChange={(v) => set("rate", v)}
          error={fieldError("rateCents")}
          width="short"
        />
        <SelectField
          id={`${prefix}-rateUnit`}
          label={AGREEMENT_LABELS.rateUnit}
          value={draft.rateUnit}
          onChange={(v) => set("rateUnit", v)}
          options={RATE_UNITS.map((u) => ({ value: u, label: RATE_UNIT_LABELS[u] }))}
          error={fieldError("rateUnit")}
        />
      </div>
      <div className="form-row">
        <TextField
          id={`${prefix}-budgetedHours`}
          label={AGREEMENT_LABELS.budgetedHours}
          hint="Decimal hours, for example 40 or 12.5"
          value={draft.budgetedHours}
          onChange={(v) => set("budgetedHours", v)}
          error={fieldError("budgetedHours")}
          width="short"
        />
        <TextField
          id={`${prefix}-startDate`}
          label={AGREEMENT_LABELS.startDate}
          type="date"
          value={draft.startDate}
          onChange={(v) => set("startDate", v)}
          error={fieldError("startDate")}
          width="medium"
        />
        <TextField
          id={`${prefix}-endDate`}
          label={AGREEMENT_LABELS.endDate}
          type="date"
          hint="Leave empty if open-ended."
          value={draft.endDate}
          onChange={(v) => set("endDate", v)}
          error={fieldError("endDate")}
          width="medium"
        />
      </div>
    </>
  );
}

export function AddAgreementForm({ partnerPersonId, onDone }: { partnerPersonId: string; onDone: () => void }) {
  const [draft, setDraft] = useState(emptyAgreement);
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: () =>
      api.post(
        `/api/partner-people/${encodeURIComponent(partnerPersonId)}/agreements`,
        ZAgreement,
        toAgreementInput(draft),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: partnerKeys.person(partnerPersonId) });
      onDone();
    },
  });
  const error = isApiError(add.error) ? add.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <section className="panel" aria-labelledby="add-agreement-heading">
      <h2 id="add-agreement-heading">Add a compensation agreement</h2>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} fields={agreementTargets("new-agreement")} />
        <AgreementFields
          prefix="new-agreement"
          draft={draft}
          set={(field, value) => setDraft({ ...draft, [field]: value })}
          fieldError={(field) => error?.messageFor(field)}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={add.isPending}>
            {add.isPending ? "Adding…" : "Add agreement"}
          </button>
          <button type="button" className="button button-secondary" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

function EditAgreementForm({ agreement, onDone }: { agreement: Agreement; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const prefix = `agreement-${agreement.id}`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: partnerKeys.person(agreement.partnerPersonId) });
  const edit = useVersionedEdit({
    record: agreement,
    toDraft: agreementDraftOf,
    save: (draft, version) =>
      api.put(`/api/partner-agreements/${encodeURIComponent(agreement.id)}`, ZAgreement, {
        ...toAgreementInput(draft),
        version,
      }),
    parseCurrent: (current) => ZAgreement.safeParse(current).data ?? null,
    onSaved: () => {
      void refresh();
      onDone("Agreement saved.");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    edit.submit();
  };
  return (
    <div className="stack">
      <h4>Edit agreement</h4>
      {edit.conflict ? (
        <ConflictPanel
          busy={edit.saving}
          rows={(Object.keys(AGREEMENT_LABELS) as (keyof AgreementDraft)[]).map((field) => ({
            label: AGREEMENT_LABELS[field],
            mine: edit.draft[field],
            current: agreementDraftOf(edit.conflict as Agreement)[field],
          }))}
          onApplyMine={edit.applyMine}
          onDiscardMine={() => {
            void refresh();
            onDone("Your changes were discarded. This is the current version.");
          }}
        />
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={edit.error} fields={agreementTargets(prefix)} />
        <AgreementFields
          prefix={prefix}
          draft={edit.draft}
          set={(field, value) => edit.setField(field, value)}
          fieldError={(field) => edit.error?.messageFor(field)}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={edit.saving}>
            {edit.saving ? "Saving…" : "Save agreement"}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone("")}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

function LogHoursForm({ agreement }: { agreement: Agreement }) {
  const queryClient = useQueryClient();
  const prefix = `hours-${agreement.id}`;
  const blank = { activity: "training" as HourActivity, workDate: today(), hours: "", note: "", overBudget: false };
  const [draft, setDraft] = useState(blank);
  const [saved, setSaved] = useState("");
  const log = useMutation({
    mutationFn: () =>
      api.post(`/api/partner-agreements/${encodeURIComponent(agreement.id)}/hours`, ZHoursLogResult, {
        activity: draft.activity,
        workDate: draft.workDate,
        hours: hoursFrom(draft.hours),
        note: draft.note,
        overBudgetConfirmed: draft.overBudget,
      }),
    onSuccess: (result) => {
      setDraft(blank);
      setSaved(`Logged ${formatHours(result.entry.hours)}.`);
      void queryClient.invalidateQueries({ queryKey: partnerKeys.person(agreement.partnerPersonId) });
    },
  });
  const error = isApiError(log.error) ? log.error : null;
  const overBudgetError = error?.messageFor("overBudgetConfirmed");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved("");
    log.mutate();
  };
  const targets: FieldTargets = {
    activity: { id: `${prefix}-activity`, label: "Activity" },
    workDate: { id: `${prefix}-date`, label: "Date worked" },
    hours: { id: `${prefix}-hours`, label: "Hours" },
    note: { id: `${prefix}-note`, label: "Note" },
    overBudgetConfirmed: { id: `${prefix}-over`, label: "Over budget" },
  };
  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Log hours">
      <h4>Log hours</h4>
      <ErrorSummary error={error} fields={targets} />
      <div role="status" className={saved ? "notice notice-success" : "visually-hidden"}>
        {saved}
      </div>
      <div className="form-row">
        <SelectField
          id={`${prefix}-activity`}
          label="Activity"
          value={draft.activity}
          onChange={(v) => setDraft({ ...draft, activity: v as HourActivity })}
          options={HOUR_ACTIVITIES.map((a) => ({ value: a, label: HOUR_ACTIVITY_LABELS[a] }))}
          error={error?.messageFor("activity")}
        />
        <TextField
          id={`${prefix}-date`}
          label="Date worked"
          type="date"
          value={draft.workDate}
          onChange={(v) => setDraft({ ...draft, workDate: v })}
          error={error?.messageFor("workDate")}
          width="medium"
        />
        <TextField
          id={`${prefix}-hours`}
          label="Hours"
          hint="For example 1.5"
          value={draft.hours}
          onChange={(v) => setDraft({ ...draft, hours: v })}
          error={error?.messageFor("hours")}
          width="short"
        />
      </div>
      <TextField
        id={`${prefix}-note`}
        label="Note"
        value={draft.note}
        onChange={(v) => setDraft({ ...draft, note: v })}
        error={error?.messageFor("note")}
      />
      {overBudgetError || draft.overBudget ? (
        <CheckboxField
          id={`${prefix}-over`}
          label="Log these hours even though they go over the budget"
          checked={draft.overBudget}
          onChange={(checked) => setDraft({ ...draft, overBudget: checked })}
          error={overBudgetError}
        />
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={log.isPending}>
          {log.isPending ? "Logging…" : "Log hours"}
        </button>
      </div>
    </form>
  );
}

/** How much of the budget is used, as a bar with the numbers in words beside it. */
function BudgetBar({ agreement }: { agreement: Agreement }) {
  const percent = Math.round(agreement.usedShare * 100);
  const barId = `budget-${agreement.id}`;
  return (
    <div className="budget">
      <label htmlFor={barId}>
        {formatHours(agreement.loggedHours)} of {formatHours(agreement.budgetedHours)} used ({percent}%) ·{" "}
        {agreement.remainingHours >= 0
          ? `${formatHours(agreement.remainingHours)} remaining`
          : `${formatHours(-agreement.remainingHours)} over budget`}
      </label>
      <progress
        id={barId}
        className={agreement.nearBudget ? "budget-bar budget-bar-warning" : "budget-bar"}
        max={agreement.budgetedHours}
        value={Math.min(agreement.loggedHours, agreement.budgetedHours)}
      />
      {agreement.nearBudget ? (
        <p className="notice notice-warning">
          <strong>Budget warning:</strong>{" "}
          {agreement.remainingHours > 0
            ? `${percent}% of the budgeted hours are used. Plan the remaining ${formatHours(agreement.remainingHours)} or extend the agreement.`
            : "The budgeted hours are used up. More hours need a confirmed over-budget entry or an amended agreement."}
        </p>
      ) : null}
    </div>
  );
}

function AgreementCard({ agreement }: { agreement: AgreementWithHours }) {
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState("");
  const heading = `${AGREEMENT_KIND_LABELS[agreement.kind]} agreement, ${formatDate(agreement.startDate)} to ${
    agreement.endDate ? formatDate(agreement.endDate) : "open-ended"
  }`;
  return (
    <article className="panel agreement" aria-label={heading}>
      <h3>{heading}</h3>
      <p>
        Rate: <strong>{formatRate(agreement.rateCents, agreement.rateUnit)}</strong>
      </p>
      <BudgetBar agreement={agreement} />
      <div role="status" className={notice ? "notice notice-success" : "visually-hidden"}>
        {notice}
      </div>
      {editing ? (
        <EditAgreementForm
          agreement={agreement}
          onDone={(message) => {
            setEditing(false);
            setNotice(message);
          }}
        />
      ) : can("partners.manage") ? (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => {
            setNotice("");
            setEditing(true);
          }}
        >
          Edit agreement
        </button>
      ) : null}
      {can("partnerHours.log") ? <LogHoursForm agreement={agreement} /> : null}
      <h4>Hours log</h4>
      {agreement.hours.length === 0 ? (
        <p>No hours logged yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Hours logged against this agreement, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Activity</th>
                <th scope="col">Hours</th>
                <th scope="col">Note</th>
                <th scope="col">Logged by</th>
              </tr>
            </thead>
            <tbody>
              {agreement.hours.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{formatDate(entry.workDate)}</td>
                  <td>{HOUR_ACTIVITY_LABELS[entry.activity]}</td>
                  <td>{formatHours(entry.hours)}</td>
                  <td>{entry.note}</td>
                  <td>{entry.loggedByName ?? (entry.sourceType === "manual" ? "" : "Added automatically")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}

export function AgreementsSection({
  partnerPersonId,
  agreements,
}: {
  partnerPersonId: string;
  agreements: AgreementWithHours[];
}) {
  const { can } = useSession();
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="agreements-heading">
      <h2 id="agreements-heading">Compensation agreements</h2>
      {can("partners.manage") && !adding ? (
        <p>
          <button type="button" className="button button-secondary" onClick={() => setAdding(true)}>
            Add an agreement
          </button>
        </p>
      ) : null}
      {adding ? <AddAgreementForm partnerPersonId={partnerPersonId} onDone={() => setAdding(false)} /> : null}
      {agreements.length === 0 ? <p>No agreements yet.</p> : null}
      {agreements.map((agreement) => (
        <AgreementCard key={agreement.id} agreement={agreement} />
      ))}
    </section>
  );
}
