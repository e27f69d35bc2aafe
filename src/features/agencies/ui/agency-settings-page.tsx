import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../../../../web/src/api/api-client.js";
import { queryKeys } from "../../../../web/src/api/query-keys.js";
import { AdminNav } from "../../../../web/src/app/admin-nav.js";
import { useSession } from "../../../../web/src/app/session.js";
import { useVersionedEdit } from "../../../../web/src/app/use-versioned-edit.js";
import { ConflictPanel } from "../../../../web/src/components/conflict-panel.js";
import { ErrorSummary } from "../../../../web/src/components/error-summary.js";
import { CheckboxField, SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { type Agency, ZAgency } from "../agency.schema.js";

/** The follow-up days stay as typed, so a mistake is shown with the user's own text. */
type AgencyDraft = { name: string; timeZone: string; requireTotp: boolean; coachingFollowUpDays: string };

const FIELDS = {
  name: { id: "agency-name", label: "Agency name" },
  timeZone: { id: "agency-time-zone", label: "Time zone" },
  requireTotp: { id: "agency-require-totp", label: "Require two-factor sign-in for everyone" },
  coachingFollowUpDays: {
    id: "agency-coaching-follow-up-days",
    label: "Days after training before a unit needs coaching",
  },
};

const toDraft = (agency: Agency): AgencyDraft => ({
  name: agency.name,
  timeZone: agency.timeZone,
  requireTotp: agency.requireTotp,
  coachingFollowUpDays: String(agency.coachingFollowUpDays),
});

/** A whole number goes as a number; anything else goes as typed, for the server to explain. */
const daysForSaving = (typed: string) => (/^\s*\d+\s*$/.test(typed) ? Number(typed) : typed);

/** The browser's list of IANA zones, with the agency's own zone kept even if the list lacks it. */
function timeZoneOptions(current: string) {
  const zones = Intl.supportedValuesOf("timeZone");
  const all = zones.includes(current) ? zones : [current, ...zones];
  return all.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
}

/** Remounted (by key) whenever the stored version changes, so it always starts from the saved settings. */
function AgencySettingsForm({ agency, onNotice }: { agency: Agency; onNotice: (message: string | null) => void }) {
  const queryClient = useQueryClient();
  const { refresh } = useSession();
  const edit = useVersionedEdit({
    record: agency,
    toDraft,
    save: (draft, version) =>
      api.put("/api/agency", ZAgency, {
        ...draft,
        coachingFollowUpDays: daysForSaving(draft.coachingFollowUpDays),
        version,
      }),
    parseCurrent: (current) => ZAgency.safeParse(current).data ?? null,
    onSaved: (saved) => {
      queryClient.setQueryData(queryKeys.agency, saved);
      onNotice("Saved. The new settings apply straight away.");
      // The header and every time shown depend on the agency's name and zone.
      void refresh();
    },
  });
  const { draft, setField, error } = edit;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNotice(null);
    edit.submit();
  };
  const yesNo = (value: boolean) => (value ? "Required" : "Not required");
  const conflict = edit.conflict;

  return (
    <>
      {conflict ? (
        <ConflictPanel
          busy={edit.saving}
          rows={[
            { label: FIELDS.name.label, mine: draft.name, current: conflict.name },
            { label: FIELDS.timeZone.label, mine: draft.timeZone, current: conflict.timeZone },
            { label: "Two-factor sign-in", mine: yesNo(draft.requireTotp), current: yesNo(conflict.requireTotp) },
            {
              label: FIELDS.coachingFollowUpDays.label,
              mine: draft.coachingFollowUpDays,
              current: String(conflict.coachingFollowUpDays),
            },
          ]}
          onApplyMine={edit.applyMine}
          onDiscardMine={() => {
            queryClient.setQueryData(queryKeys.agency, conflict);
            onNotice("Your changes were discarded. These are the current settings.");
          }}
        />
      ) : null}
      <form onSubmit={submit} noValidate className="form panel">
        <ErrorSummary error={error} fields={FIELDS} />
        <TextField
          id={FIELDS.name.id}
          label={FIELDS.name.label}
          hint="As staff and partners know it. It appears at the top of every page."
          value={draft.name}
          onChange={(v) => setField("name", v)}
          error={error?.messageFor("name")}
        />
        <SelectField
          id={FIELDS.timeZone.id}
          label={FIELDS.timeZone.label}
          hint="Every date and time in Cascade is shown in this time zone."
          value={draft.timeZone}
          onChange={(v) => setField("timeZone", v)}
          options={timeZoneOptions(agency.timeZone)}
          error={error?.messageFor("timeZone")}
        />
        <CheckboxField
          id={FIELDS.requireTotp.id}
          label={FIELDS.requireTotp.label}
          hint="Anyone who has not set up two-factor sign-in will be asked to do so the next time they sign in."
          checked={draft.requireTotp}
          onChange={(v) => setField("requireTotp", v)}
          error={error?.messageFor("requireTotp")}
        />
        <TextField
          id={FIELDS.coachingFollowUpDays.id}
          label={FIELDS.coachingFollowUpDays.label}
          hint="A unit whose training ended longer ago than this, with nobody in coaching, is flagged on the coaching page. Between 1 and 180 days."
          value={draft.coachingFollowUpDays}
          onChange={(v) => setField("coachingFollowUpDays", v)}
          error={error?.messageFor("coachingFollowUpDays")}
          inputMode="numeric"
          width="short"
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={edit.saving}>
            {edit.saving ? "Saving…" : "Save settings"}
          </button>
        </div>
      </form>
    </>
  );
}

export function AgencySettingsPage() {
  const agency = useQuery({ queryKey: queryKeys.agency, queryFn: () => api.get("/api/agency", ZAgency) });
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <AdminNav />
      <PageHeader
        title="Agency settings"
        intro="Your agency's name, time zone, sign-in rules and coaching follow-up."
      />
      <div role="status" className={notice ? "notice notice-success" : "visually-hidden"}>
        {notice}
      </div>
      {agency.isPending ? <Loading what="the agency's settings" /> : null}
      {agency.isError ? <LoadError error={agency.error} what="the agency's settings" /> : null}
      {agency.data ? <AgencySettingsForm key={agency.data.version} agency={agency.data} onNotice={setNotice} /> : null}
    </>
  );
}
