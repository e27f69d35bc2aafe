import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useId, useState } from "react";
import { api } from "../../../../web/src/api/api-client.js";
import { queryKeys } from "../../../../web/src/api/query-keys.js";
import { formatDate, jobRoleLabel, LEVEL_LABELS } from "../../../../web/src/app/format.js";
import { useSession } from "../../../../web/src/app/session.js";
import { type Option, SelectField, TextField } from "../../../../web/src/components/form-fields.js";
import { PageHeader } from "../../../../web/src/components/page-header.js";
import { Pagination } from "../../../../web/src/components/pagination.js";
import { LoadError, Loading } from "../../../../web/src/components/query-status.js";
import { buildOrgForest, flattenOrgForest, indentedName } from "../../org/ui/org-forest.js";
import { useOrgTree } from "../../org/ui/org-tree-page.js";
import { JOB_ROLE_LABELS, JOB_ROLES, LEVELS, type SORTABLE_PERSON_FIELDS, ZPeoplePage } from "../person.schema.js";
import type { PeopleSearch } from "./people-search.js";
import { RosterExportActions } from "./roster-export-actions.js";

type SortField = (typeof SORTABLE_PERSON_FIELDS)[number];

interface PeoplePageProps {
  search: PeopleSearch;
  onSearchChange: (search: PeopleSearch) => void;
}

const STATUS_OPTIONS: Option[] = [
  { value: "true", label: "Working here now" },
  { value: "false", label: "Left the agency" },
  { value: "all", label: "Everyone" },
];

type Filters = Pick<PeopleSearch, "q" | "orgUnitId" | "level" | "jobRole" | "active">;

function FilterForm({ search, onApply }: { search: PeopleSearch; onApply: (filters: Filters) => void }) {
  const { can } = useSession();
  const orgTree = useOrgTree();
  const [q, setQ] = useState(search.q ?? "");
  const [orgUnitId, setOrgUnitId] = useState(search.orgUnitId ?? "");
  const [level, setLevel] = useState<string>(search.level ?? "");
  const [jobRole, setJobRole] = useState<string>(search.jobRole ?? "");
  const [active, setActive] = useState<string>(search.active ?? "true");
  const headingId = useId();

  const unitOptions: Option[] = [
    { value: "", label: "All units" },
    ...flattenOrgForest(buildOrgForest(orgTree.data?.units ?? [])).map((node) => ({
      value: node.unit.id,
      label: node.unit.retired ? `${indentedName(node)} (retired)` : indentedName(node),
    })),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      q: q.trim() || undefined,
      orgUnitId: orgUnitId || undefined,
      level: (level || undefined) as Filters["level"],
      jobRole: (jobRole || undefined) as Filters["jobRole"],
      active: active === "true" ? undefined : (active as Filters["active"]),
    });
  };

  return (
    <form className="filters" onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        Find people
      </h2>
      <div className="filters-search">
        <TextField
          label="Search"
          hint="Part of a name, an email or an employee ID"
          type="search"
          value={q}
          onChange={setQ}
        />
      </div>
      <div className="filters-row">
        {can("orgUnits.read") ? (
          <SelectField label="Unit" value={orgUnitId} onChange={setOrgUnitId} options={unitOptions} />
        ) : null}
        <SelectField
          label="Level"
          value={level}
          onChange={setLevel}
          options={[{ value: "", label: "All levels" }, ...LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))]}
        />
        <SelectField
          label="Job role"
          value={jobRole}
          onChange={setJobRole}
          options={[
            { value: "", label: "All job roles" },
            ...JOB_ROLES.map((r) => ({ value: r, label: JOB_ROLE_LABELS[r] })),
          ]}
        />
        <SelectField label="Status" value={active} onChange={setActive} options={STATUS_OPTIONS} />
      </div>
      <div className="filters-actions">
        <button type="submit" className="button">
          Show people
        </button>
        <Link to="/people" search={{}} className="button-link">
          Clear filters
        </Link>
      </div>
    </form>
  );
}

interface SortHeaderProps {
  field: SortField;
  label: string;
  search: PeopleSearch;
  onSort: (field: SortField) => void;
}

function SortHeader({ field, label, search, onSort }: SortHeaderProps) {
  const currentField = search.sort ?? "name";
  const direction = search.direction ?? "asc";
  const isSorted = currentField === field;
  const ariaSort = isSorted ? (direction === "asc" ? "ascending" : "descending") : undefined;
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" className="sort-button" onClick={() => onSort(field)}>
        {label}
        <span className="sort-icon" aria-hidden="true">
          {isSorted ? (direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}

export function PeoplePage({ search, onSearchChange }: PeoplePageProps) {
  const { can } = useSession();
  const people = useQuery({
    queryKey: queryKeys.peopleList(search),
    queryFn: () => api.get("/api/people", ZPeoplePage, search),
    placeholderData: keepPreviousData,
  });

  const sortBy = (field: SortField) => {
    const sameField = (search.sort ?? "name") === field;
    const direction = sameField && (search.direction ?? "asc") === "asc" ? "desc" : "asc";
    onSearchChange({
      ...search,
      sort: field === "name" ? undefined : field,
      direction: direction === "asc" ? undefined : direction,
      page: undefined,
    });
  };
  const filterKey = JSON.stringify([search.q, search.orgUnitId, search.level, search.jobRole, search.active]);

  return (
    <>
      <PageHeader
        title="People"
        intro={
          can("people.manage")
            ? "Find anyone in the agency, see who they report to, and keep their details up to date."
            : "Find the people you work with and see who they report to."
        }
        actions={
          <>
            {can("people.manage") ? (
              <>
                <Link to="/people/new" className="button">
                  Add a person
                </Link>
                <Link to="/people/import" className="button button-secondary">
                  Import roster
                </Link>
              </>
            ) : null}
            <RosterExportActions search={search} />
          </>
        }
      />
      <FilterForm
        key={filterKey}
        search={search}
        onApply={(filters) => onSearchChange({ ...filters, sort: search.sort, direction: search.direction })}
      />
      {people.isPending ? <Loading what="people" /> : null}
      {people.isError ? <LoadError error={people.error} what="these people" /> : null}
      {people.data ? (
        <section aria-labelledby="people-results-heading" aria-busy={people.isFetching}>
          <h2 id="people-results-heading" className="visually-hidden">
            Results
          </h2>
          {people.data.total === 0 ? (
            <div className="notice">
              <p>No one matches these filters.</p>
              <p>
                <Link to="/people" search={{}}>
                  Clear the filters
                </Link>{" "}
                to see everyone you have access to.
              </p>
            </div>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="table-caption">
                  {people.data.total === 1 ? "1 person" : `${people.data.total} people`}
                  <span className="visually-hidden">, sorted by the column marked as sorted</span>
                </caption>
                <thead>
                  <tr>
                    <SortHeader field="name" label="Name" search={search} onSort={sortBy} />
                    <SortHeader field="jobRole" label="Job role" search={search} onSort={sortBy} />
                    <SortHeader field="level" label="Level" search={search} onSort={sortBy} />
                    <SortHeader field="unit" label="Unit" search={search} onSort={sortBy} />
                    <SortHeader field="hireDate" label="Hire date" search={search} onSort={sortBy} />
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {people.data.items.map((person) => (
                    <tr key={person.id}>
                      <th scope="row">
                        <Link to="/people/$personId" params={{ personId: person.id }}>
                          {person.familyName}, {person.givenName}
                        </Link>
                      </th>
                      <td>{jobRoleLabel(person.jobRole)}</td>
                      <td>{LEVEL_LABELS[person.level]}</td>
                      <td>{person.orgUnitName ?? "—"}</td>
                      <td>{formatDate(person.hireDate)}</td>
                      <td>{person.active ? "Working here" : `Left ${formatDate(person.endDate)}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={people.data.page}
            pageSize={people.data.pageSize}
            total={people.data.total}
            noun={people.data.total === 1 ? "person" : "people"}
            onPageChange={(page) => onSearchChange({ ...search, page: page === 1 ? undefined : page })}
          />
        </section>
      ) : null}
    </>
  );
}
