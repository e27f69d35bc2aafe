import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { api } from "../../../../web/src/api/api-client.js";
import { queryKeys } from "../../../../web/src/api/query-keys.js";
import { AdminNav } from "../../../../web/src/app/admin-nav.js";
import { formatInZone, nextDay, startOfDayInZone } from "../../../../web/src/app/format.js";
import { useSession } from "../../../../web/src/app/session.js";
import { type Option, SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { Pagination } from "../../../../web/src/components/pagination.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { type ZAuditEvent, ZAuditPage, type ZAuditQuery } from "../audit.schema.js";
import type { AuditSearch } from "./audit-search.js";

type AuditAction = NonNullable<z.infer<typeof ZAuditQuery>["action"]>;
type AuditEvent = z.infer<typeof ZAuditEvent>;

const ACTION_LABELS: Record<AuditAction, string> = {
  create: "Created",
  update: "Changed",
  delete: "Deleted",
  "read-confidential": "Viewed confidential",
  "sign-in": "Signed in",
  "sign-out": "Signed out",
};

const ENTITY_LABELS: Record<string, string> = {
  person: "Person",
  account: "Account",
  agency: "Agency",
  session: "Sign-in session",
};

const actionLabel = (action: string) => ACTION_LABELS[action as AuditAction] ?? action;

interface AuditLogPageProps {
  search: AuditSearch;
  onSearchChange: (search: AuditSearch) => void;
}

function FilterForm({ search, onApply }: { search: AuditSearch; onApply: (search: AuditSearch) => void }) {
  const [action, setAction] = useState<string>(search.action ?? "");
  const [entityType, setEntityType] = useState(search.entityType ?? "");
  const [from, setFrom] = useState(search.from ?? "");
  const [to, setTo] = useState(search.to ?? "");
  const [rangeError, setRangeError] = useState<string | undefined>();

  const entityOptions: Option[] = [
    { value: "", label: "Any kind of record" },
    ...Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label })),
  ];
  if (entityType && !ENTITY_LABELS[entityType]) entityOptions.push({ value: entityType, label: entityType });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from && to && to < from) {
      setRangeError("The last day must be on or after the first day.");
      return;
    }
    setRangeError(undefined);
    onApply({
      action: (action || undefined) as AuditSearch["action"],
      entityType: entityType || undefined,
      from: from || undefined,
      to: to || undefined,
    });
  };

  return (
    <form className="filters" onSubmit={submit} noValidate aria-label="Filter the audit log">
      <div className="filters-row">
        <SelectField
          label="What happened"
          value={action}
          onChange={setAction}
          options={[
            { value: "", label: "Anything" },
            ...Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label })),
          ]}
        />
        <SelectField label="Record" value={entityType} onChange={setEntityType} options={entityOptions} />
        <TextField label="From (first day)" type="date" value={from} onChange={setFrom} width="medium" />
        <TextField label="To (last day)" type="date" value={to} onChange={setTo} error={rangeError} width="medium" />
      </div>
      <div className="filters-actions">
        <button type="submit" className="button">
          Show events
        </button>
        <Link to="/admin/audit" search={{}} className="button-link">
          Clear filters
        </Link>
      </div>
    </form>
  );
}

function Change({ event }: { event: AuditEvent }) {
  if (event.before == null && event.after == null) return <span className="muted">—</span>;
  return (
    <details className="audit-details">
      <summary>
        Before and after<span className="visually-hidden">: {event.summary}</span>
      </summary>
      <div className="before-after">
        <div>
          <h3>Before</h3>
          <pre>{event.before == null ? "(nothing)" : JSON.stringify(event.before, null, 2)}</pre>
        </div>
        <div>
          <h3>After</h3>
          <pre>{event.after == null ? "(nothing)" : JSON.stringify(event.after, null, 2)}</pre>
        </div>
      </div>
    </details>
  );
}

export function AuditLogPage({ search, onSearchChange }: AuditLogPageProps) {
  const { session } = useSession();
  const timeZone = session.agency.timeZone;
  const query = {
    action: search.action,
    entityType: search.entityType,
    from: search.from ? startOfDayInZone(search.from, timeZone) : undefined,
    to: search.to ? startOfDayInZone(nextDay(search.to), timeZone) : undefined,
    page: search.page,
  };
  const events = useQuery({
    queryKey: queryKeys.auditPage(query),
    queryFn: () => api.get("/api/audit-events", ZAuditPage, query),
    placeholderData: keepPreviousData,
  });
  const filterKey = JSON.stringify([search.action, search.entityType, search.from, search.to]);

  return (
    <>
      <AdminNav />
      <PageHeader
        title="Audit log"
        intro={`Every sign-in and every change to the agency's records, newest first. Times are in ${timeZone.replaceAll("_", " ")} time.`}
      />
      <FilterForm key={filterKey} search={search} onApply={onSearchChange} />
      {events.isPending ? <Loading what="the audit log" /> : null}
      {events.isError ? <LoadError error={events.error} what="the audit log" /> : null}
      {events.data ? (
        <section aria-labelledby="audit-results-heading" aria-busy={events.isFetching}>
          <h2 id="audit-results-heading" className="visually-hidden">
            Events
          </h2>
          {events.data.total === 0 ? (
            <div className="notice">
              <p>No events match these filters.</p>
            </div>
          ) : (
            <div className="table-wrap">
              <table className="table audit-table">
                <caption className="visually-hidden">Audit events, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">What happened</th>
                    <th scope="col">Details</th>
                  </tr>
                </thead>
                <tbody>
                  {events.data.items.map((event) => (
                    <tr key={event.id}>
                      <td className="nowrap">
                        <time dateTime={event.occurredAt}>{formatInZone(event.occurredAt, timeZone)}</time>
                      </td>
                      <td>{event.actorName ?? "System"}</td>
                      <td>
                        <span className={`badge badge-${event.action}`}>{actionLabel(event.action)}</span>{" "}
                        {event.summary}
                        <span className="muted"> · {ENTITY_LABELS[event.entityType] ?? event.entityType}</span>
                      </td>
                      <td>
                        <Change event={event} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={events.data.page}
            pageSize={events.data.pageSize}
            total={events.data.total}
            noun={events.data.total === 1 ? "event" : "events"}
            onPageChange={(page) => onSearchChange({ ...search, page: page === 1 ? undefined : page })}
          />
        </section>
      ) : null}
    </>
  );
}
