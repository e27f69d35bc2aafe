import { useEffect, useRef } from "react";
import type { ApiError } from "../api/api-client.js";

/** Where each API field is on the form: the input to jump to and the label to name it by. */
export type FieldTargets = Record<string, { id: string; label: string }>;

interface ErrorSummaryProps {
  error: ApiError | null;
  fields?: FieldTargets;
}

function targetFor(field: string, fields: FieldTargets) {
  return fields[field] ?? fields[field.split(".")[0] ?? field];
}

/**
 * Says at the top of a form what went wrong, with a link to each field that needs attention.
 * Focus moves here when it appears, so keyboard and screen reader users hear about it at once.
 */
export function ErrorSummary({ error, fields = {} }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="error-summary-title">
        {error.errors.length > 0 ? "Some fields need attention" : "That did not work"}
      </h2>
      <p>{error.message}</p>
      {error.errors.length > 0 ? (
        <ul>
          {error.errors.map((fieldError) => {
            const target = targetFor(fieldError.field, fields);
            return (
              <li key={`${fieldError.field}:${fieldError.message}`}>
                {target ? (
                  <a
                    href={`#${target.id}`}
                    onClick={(event) => {
                      // Focus the field itself rather than letting the router treat the hash as a page change.
                      event.preventDefault();
                      document.getElementById(target.id)?.focus();
                    }}
                  >
                    {target.label}: {fieldError.message}
                  </a>
                ) : (
                  fieldError.message
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
