import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useState } from "react";
import { ZPeoplePage } from "../../../src/features/people/person.schema.js";
import { api } from "../api/api-client.js";
import { queryKeys } from "../api/query-keys.js";
import { HintAndError } from "./form-fields.js";

export interface ChosenPerson {
  id: string;
  name: string;
  /** Tells apart two people of the same name. */
  orgUnitName: string | null;
}

const MATCHES_SHOWN = 8;
/** Long enough that a search does not go out on every key a fast typist presses. */
const TYPING_PAUSE_MS = 300;
/** One letter matches half the agency; the list starts from two. */
const SHORTEST_TYPED_SEARCH = 2;

/**
 * Finding one staff person by name in an agency of any size: the matches appear as the person
 * types, as radio buttons, which work with the keyboard and screen readers as they are. Enter
 * or Find searches at once instead of sending the form.
 */
export function StaffPersonChooser({
  id,
  legend,
  hint,
  chosen,
  onChoose,
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  chosen: ChosenPerson | null;
  onChoose: (person: ChosenPerson) => void;
  error?: string | undefined;
}) {
  const [typed, setTyped] = useState("");
  const [term, setTerm] = useState("");
  useEffect(() => {
    const wanted = typed.trim();
    if (wanted.length < SHORTEST_TYPED_SEARCH) return;
    const timer = setTimeout(() => setTerm(wanted), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: queryKeys.peopleSearch(term),
    queryFn: () => api.get("/api/people", ZPeoplePage, { q: term, pageSize: MATCHES_SHOWN }),
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
  const total = found.data?.total ?? 0;
  const choices = chosen && !results.some((p) => p.id === chosen.id) ? [chosen, ...results] : results;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className={error ? "fieldset field-invalid" : "fieldset"}>
      <legend>{legend}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      <div className="field">
        <label htmlFor={id}>Search staff by name</label>
        <input
          id={id}
          className="input input-medium"
          type="search"
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={describedBy || undefined}
        />
      </div>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => setTerm(typed.trim())}>
          Find
        </button>
      </div>
      <p role="status">
        {term && found.data && !found.isPlaceholderData
          ? total === 0
            ? `No one matches "${term}".`
            : total > results.length
              ? `The first ${results.length} of ${total} people matching "${term}". Type more of the name to narrow them.`
              : `${total} ${total === 1 ? "person matches" : "people match"} "${term}". Choose one.`
          : ""}
      </p>
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
