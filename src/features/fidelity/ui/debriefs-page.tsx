import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZDebriefSummaryList } from "../fidelity.schema.js";
import { decimal, EVENT_TYPE_LABELS, fidelityKeys } from "./fidelity-keys.js";

/** The address can name the person whose debriefs to show, as a person's page does. */
export const ZDebriefsSearch = z.object({ personId: z.string().max(64).optional() });

/**
 * The debriefs a reader may open: their own and, for a supervisor or manager, those of the staff
 * below them. Opened from a person's page it starts filtered to that person.
 */
export function DebriefsPage({ personId = "" }: { personId?: string }) {
  const { session, can } = useSession();
  const [filters, setFilters] = useState({ personId, from: "", to: "" });
  const query = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ""));
  const debriefs = useQuery({
    queryKey: fidelityKeys.debriefList(query),
    queryFn: () => api.get("/api/fidelity/debriefs", ZDebriefSummaryList, query),
    enabled: can("fidelity.debriefs.read"),
  });
  const error = isApiError(debriefs.error) ? debriefs.error : null;
  const set = (field: keyof typeof filters) => (value: string) => setFilters({ ...filters, [field]: value });
  const people = debriefs.data?.people ?? [];
  const personOptions = [
    { value: "", label: "Everyone I may see" },
    ...people.map((p) => ({ value: p.id, label: p.id === session.user.personId ? `${p.name} (you)` : p.name })),
  ];
  // Keep a person chosen from another page selectable before their name has loaded.
  if (filters.personId && !people.some((p) => p.id === filters.personId)) {
    personOptions.push({ value: filters.personId, label: "The person you came from" });
  }
  return (
    <>
      <PageHeader
        title="Fidelity debriefs"
        intro="What observers saw in meetings with families, for the person observed and their supervisors: what went well first, then what to try next. Open a debrief to read it."
      />
      <form className="filters" aria-label="Filter debriefs" onSubmit={(event) => event.preventDefault()}>
        {people.length > 1 || filters.personId ? (
          <SelectField
            label="Person"
            value={filters.personId}
            onChange={set("personId")}
            options={personOptions}
            error={error?.messageFor("personId")}
          />
        ) : null}
        <TextField label="From" type="date" width="short" value={filters.from} onChange={set("from")} />
        <TextField
          label="To"
          type="date"
          width="short"
          value={filters.to}
          onChange={set("to")}
          error={error?.messageFor("to")}
        />
      </form>
      {debriefs.isPending && can("fidelity.debriefs.read") ? <Loading what="debriefs" /> : null}
      {debriefs.isError && !error?.messageFor("to") ? <LoadError error={debriefs.error} what="debriefs" /> : null}
      {debriefs.data?.items.length === 0 ? (
        <p>No debriefs match. Debriefs appear here once observers agree on their ratings.</p>
      ) : null}
      {debriefs.data && debriefs.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="table-caption">Debriefs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Person observed</th>
                <th scope="col">Unit</th>
                <th scope="col">Event</th>
                <th scope="col">Overall</th>
                <th scope="col">Fidelity</th>
              </tr>
            </thead>
            <tbody>
              {debriefs.data.items.map((d) => (
                <tr key={d.observationId}>
                  <td>
                    <Link to="/fidelity/debriefs/$observationId" params={{ observationId: d.observationId }}>
                      {d.eventDate}
                      <span className="visually-hidden"> debrief of {d.staffName}</span>
                    </Link>
                  </td>
                  <td>{d.staffName}</td>
                  <td>{d.orgUnitName ?? "—"}</td>
                  <td>{EVENT_TYPE_LABELS[d.eventType]}</td>
                  <td>{decimal(d.score.overall)}</td>
                  <td>{d.score.fidelityMet ? "Met" : "Not met yet"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
