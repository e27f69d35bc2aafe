import { type ReactNode, useId } from "react";

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}

/**
 * A field's hint, then its error, with the ids its input names in `aria-describedby` (`<id>-hint`,
 * `<id>-error`); for custom fields too, so every field reads the same way.
 */
export function HintAndError({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** Label, hint and error always sit in the same order, so every form reads the same way. */
function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

function describedBy(id: string, hint: string | undefined, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Lets an error summary link straight to the input. */
  id?: string;
  hint?: string;
  error?: string | undefined;
  type?: "text" | "email" | "password" | "date" | "time" | "search";
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email";
  required?: boolean;
  readOnly?: boolean;
  width?: "short" | "medium" | "long";
}

export function TextField({
  label,
  value,
  onChange,
  id,
  hint,
  error,
  type = "text",
  autoComplete,
  inputMode,
  required,
  readOnly,
  width = "long",
}: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} error={error}>
      <input
        id={inputId}
        className={`input input-${width}`}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        inputMode={inputMode}
        required={required}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
      />
    </FieldFrame>
  );
}

interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  id?: string;
  hint?: string;
  error?: string | undefined;
  rows?: number;
  /** Notes and descriptions read better wider than a one-line field. */
  width?: "long" | "wide";
}

/** A multi-line field laid out like the text fields: label, hint, error, then the input. */
export function TextAreaField({
  label,
  value,
  onChange,
  id,
  hint,
  error,
  rows = 3,
  width = "long",
}: TextAreaFieldProps) {
  const generated = useId();
  const areaId = id ?? generated;
  return (
    <FieldFrame id={areaId} label={label} hint={hint} error={error}>
      <textarea
        id={areaId}
        className={`input input-${width}`}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(areaId, hint, error)}
      />
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  id?: string;
  hint?: string;
  error?: string | undefined;
}

export function SelectField({ label, value, onChange, options, id, hint, error }: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <FieldFrame id={selectId} label={label} hint={hint} error={error}>
      <select
        id={selectId}
        className="input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(selectId, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  id?: string;
  hint?: string;
  error?: string | undefined;
}

export function CheckboxField({ label, checked, onChange, id, hint, error }: CheckboxFieldProps) {
  const generated = useId();
  const boxId = id ?? generated;
  return (
    <div className={error ? "field field-checkbox field-invalid" : "field field-checkbox"}>
      <input
        id={boxId}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(boxId, hint, error)}
      />
      <div>
        <label htmlFor={boxId}>{label}</label>
        <HintAndError id={boxId} hint={hint} error={error} />
      </div>
    </div>
  );
}
