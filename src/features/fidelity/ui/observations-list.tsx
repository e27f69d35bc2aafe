import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";
import { api, isApiError } from "../../../../web/src/api/api-client.js";
import { useSession } from "../../../../web/src/app/session.js";
import { SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { Pagination } from "../../../../web/src/components/pagination.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { ZOrgUnitNode } from "../../org/org-unit.schema.js";
import { ZObservationList, ZObserverList } from "../fidelity.schema.js";
import { EVENT_TYPE_LABELS, fidelityKeys, STATUS_LABELS } from "./fidelity-keys.js";

const ZOrgUnits = z.object({ units: z.array(ZOrgUnitNode) });
const PAGE_SIZE = 25;
const STATUS_OPTIONS = [
  { value: "", label: "Any status" },
  ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
];

/**
 * Observations, newest first, a page at a time. The fidelity team filters by unit and observer
 * too; an observer's list holds only the observations they are assigned to, which the server decides.
 */
export function ObservationsList() {
  const { can } = useSession();
  const manages = can("fidelity.manage");
  const [filters, setFilters] = useState({ status: "", orgUnitId: "", from: "", to: "", observerId: "" });
  const [page, setPage] = useState(1);
  const query = {
    ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== "")),
    page: String(page),
    pageSize: String(PAGE_SIZE),
  };
  const observations = useQuery({
    queryKey: fidelityKeys.observationPage(query),
    queryFn: () => api.get("/api/fidelity/observations", ZObservationList, query),
    placeholderData: keepPreviousData,
  });
  const units = useQuery({
    queryKey: ["org-units"],
    queryFn: () => api.get("/api/org-units", ZOrgUnits),
    enabled: manages,
  });
  const observers = useQuery({
    queryKey: fidelityKeys.observers,
    queryFn: () => api.get("/api/fidelity/observers", ZObserverList),
    enabled: manages,
  });
  const error = isApiError(observations.error) ? observations.error : null;
  const set = (field: keyof typeof filters) => (value: string) => {
    setFilters({ ...filters, [field]: value });
    setPage(1);
  };
  return (
    <section className="panel" aria-labelledby="observations-heading">
      <h2 id="observations-heading">Observations</h2>
      <form className="filters" aria-label="Filter observations" onSubmit={(event) => event.preventDefault()}>
        <SelectField label="Status" value={filters.status} onChange={set("status")} options={STATUS_OPTIONS} />
        {manages ? (
          <SelectField
            label="Unit (and below)"
            value={filters.orgUnitId}
            onChange={set("orgUnitId")}
            options={[
              { value: "", label: "Any unit" },
              ...(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name })),
            ]}
            error={error?.messageFor("orgUnitId")}
          />
        ) : null}
        {manages ? (
          <SelectField
            label="Observer"
            value={filters.observerId}
            onChange={set("observerId")}
            options={[
              { value: "", label: "Any observer" },
              ...(observers.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
            ]}
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
      {observations.isPending ? <Loading what="observations" /> : null}
      {observations.isError && !error?.messageFor("to") ? (
        <LoadError error={observations.error} what="observations" />
      ) : null}
      {observations.data && observations.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="table-caption">Observations, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Event</th>
                <th scope="col">Staff observed</th>
                <th scope="col">Unit</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {observations.data.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to="/fidelity/observations/$observationId" params={{ observationId: o.id }}>
                      {o.eventDate}
                      <span className="visually-hidden"> observation of {o.staffName}</span>
                    </Link>
                  </td>
                  <td>{EVENT_TYPE_LABELS[o.eventType]}</td>
                  <td>{o.staffName}</td>
                  <td>{o.orgUnitName ?? "—"}</td>
                  <td>{STATUS_LABELS[o.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {observations.data ? (
        <Pagination
          page={observations.data.page}
          pageSize={observations.data.pageSize}
          total={observations.data.total}
          noun="observations"
          onPageChange={setPage}
        />
      ) : null}
    </section>
  );
}
