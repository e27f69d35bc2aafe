import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useState } from "react";
import { api } from "../../../../web/src/api/api-client.js";
import { ZPeoplePage } from "../../people/person.schema.js";

export interface ChosenPerson {
  id: string;
  name: string;
  /** Tells apart two people of the same name. */
  orgUnitName: string | null;
}

/**
 * Finding one staff person by name: a search box and the matches as radio buttons, which work
 * with the keyboard and screen readers as they are. Enter searches instead of sending the form.
 */
export function StaffPersonChooser({
  id,
  legend,
  chosen,
  onChoose,
  error,
}: {
  id: string;
  legend: string;
  chosen: ChosenPerson | null;
  onChoose: (person: ChosenPerson) => void;
  error?: string | undefined;
}) {
  const [typed, setTyped] = useState("");
  const [term, setTerm] = useState("");
  const found = useQuery({
    queryKey: ["coaching", "staff-search", term],
    queryFn: () => api.get("/api/people", ZPeoplePage, { q: term, pageSize: 8 }),
    enabled: term !== "",
    placeholderData: keepPreviousData,
  });
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    setTerm(typed.trim());
  };
  const results = (found.data?.items ?? []).map((p) => ({
    id: p.id,
    name: `${p.givenName} ${p.familyName}`,
    orgUnitName: p.orgUnitName,
  }));
  const choices = chosen && !results.some((p) => p.id === chosen.id) ? [chosen, ...results] : results;
  return (
    <fieldset className={error ? "fieldset field-invalid" : "fieldset"}>
      <legend>{legend}</legend>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={id}>Search staff by name</label>
        <input
          id={id}
          className="input input-medium"
          type="search"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => setTerm(typed.trim())}>
          Find
        </button>
      </div>
      {term && found.data && results.length === 0 ? <p>No one matches "{term}".</p> : null}
      {choices.length > 0 ? (
        <ul className="plain-list">
          {choices.map((person) => (
            <li key={person.id}>
              <label>
                <input
                  type="radio"
                  name={`${id}-choice`}
                  value={person.id}
                  checked={chosen?.id === person.id}
                  onChange={() => onChoose(person)}
                />{" "}
                {person.name}
                {person.orgUnitName ? <span className="muted"> · {person.orgUnitName}</span> : null}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
