import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useId, useState } from "react";
import type { z } from "zod";
import { api } from "../../../../web/src/api/api-client.js";
import { queryKeys } from "../../../../web/src/api/query-keys.js";
import { fullName, jobRoleLabel } from "../../../../web/src/app/format.js";
import { ZPeoplePage, type ZPersonSummary } from "../person.schema.js";

export type PersonSummary = z.infer<typeof ZPersonSummary>;

const SUGGESTIONS = 8;

interface SupervisorPickerProps {
  /** The search box's id, so an error summary can link to it. */
  id: string;
  chosen: PersonSummary | null;
  onChoose: (person: PersonSummary | null) => void;
  /** Suggestions come from this unit until the person searches by name. */
  unitId: string;
  unitName: string;
  /** The person being placed, who cannot supervise themself. */
  excludeId?: string;
  error?: string | undefined;
}

function describe(person: PersonSummary) {
  return [jobRoleLabel(person.jobRole), person.orgUnitName].filter(Boolean).join(", ");
}

/**
 * Choosing a supervisor among thousands of people: the supervisory staff of the chosen unit are
 * offered first, and a name search finds anyone else. Choices are plain radio buttons, so they
 * work with the keyboard and screen readers without any scripting of focus.
 */
export function SupervisorPicker({ id, chosen, onChoose, unitId, unitName, excludeId, error }: SupervisorPickerProps) {
  const [typed, setTyped] = useState("");
  const [term, setTerm] = useState("");
  const group = useId();
  const query = term
    ? { q: term, pageSize: SUGGESTIONS }
    : unitId
      ? { orgUnitId: unitId, level: "supervisory", pageSize: SUGGESTIONS }
      : null;
  const found = useQuery({
    queryKey: queryKeys.peopleList(query ?? {}),
    queryFn: () => api.get("/api/people", ZPeoplePage, query ?? {}),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });

  const search = () => setTerm(typed.trim());
  // Enter in the search box searches; it must not submit the form the picker sits in.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    search();
  };

  const results = (found.data?.items ?? []).filter((person) => person.id !== excludeId);
  const choices = chosen && !results.some((person) => person.id === chosen.id) ? [chosen, ...results] : results;
  const heading = term ? `People matching "${term}"` : unitId ? `Supervisors in ${unitName}` : null;
  let summary = "";
  if (query && found.data) {
    if (results.length === 0) {
      summary = term
        ? `No one working here matches "${term}".`
        : `No one at supervisory level works in ${unitName} yet. Search by name instead.`;
    } else if (found.data.total > results.length && term) {
      summary = `Showing the first ${results.length} of ${found.data.total}. Type more of the name to narrow it down.`;
    }
  }
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  return (
    <fieldset className={error ? "fieldset field-invalid" : "fieldset"}>
      <legend>Supervisor (optional)</legend>
      <p className="field-hint" id={hintId}>
        The person they report to. Choose from the list, or search by name.
      </p>
      {error ? (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={id}>Find a supervisor by name</label>
        <div className="search-row">
          <input
            id={id}
            className="input input-medium"
            type="search"
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onKeyDown={onKeyDown}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          />
          <button type="button" className="button button-secondary" onClick={search}>
            Search
          </button>
        </div>
      </div>
      {heading ? <p className="choice-heading">{heading}</p> : null}
      <p className="muted" aria-live="polite">
        {summary}
      </p>
      <ul className="choice-list">
        <li>
          <input
            type="radio"
            id={`${group}-none`}
            name={group}
            checked={chosen === null}
            onChange={() => onChoose(null)}
          />
          <label htmlFor={`${group}-none`}>No supervisor for now</label>
        </li>
        {choices.map((person) => (
          <li key={person.id}>
            <input
              type="radio"
              id={`${group}-${person.id}`}
              name={group}
              checked={chosen?.id === person.id}
              onChange={() => onChoose(person)}
            />
            <label htmlFor={`${group}-${person.id}`}>
              {fullName(person)}
              <span className="muted"> · {describe(person)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
