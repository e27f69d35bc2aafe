import { useId } from "react";

interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  id?: string;
  hint?: string;
  error?: string | undefined;
  rows?: number;
}

/** A multi-line field laid out like the shared text fields: label, hint, error, then the input. */
export function TextAreaField({ label, value, onChange, id, hint, error, rows = 3 }: TextAreaFieldProps) {
  const generated = useId();
  const areaId = id ?? generated;
  const described = [hint ? `${areaId}-hint` : null, error ? `${areaId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={areaId}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${areaId}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${areaId}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <textarea
        id={areaId}
        className="input fidelity-note"
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}
