// Accessible form pieces: a visible label, the hint and the error tied to the
// input with aria-describedby, and the value the person typed kept on error.
import { useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState, type InputHTMLAttributes, type ReactNode } from "react";
import type { FieldErrors, FormState } from "~/utils/forms";
import { useT } from "~/i18n/react";

export function CsrfField() {
  const data = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  return <input type="hidden" name="csrf" value={data?.csrfToken ?? ""} />;
}

export type { FormState };

interface FieldProps {
  name: string;
  label: string;
  state?: FormState;
  hint?: string;
  type?: string;
  autoComplete?: string;
  required?: boolean;
  defaultValue?: string;
  inputMode?: "text" | "email" | "tel" | "numeric" | "search";
  autoFocus?: boolean;
}

function describedBy(...ids: (string | false | undefined)[]) {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

/** The id, the error and the accessibility attributes of one form control. */
function controlOf(name: string, state: FormState | undefined, hint?: string) {
  const id = `f-${name}`;
  const error = state?.errors?.[name];
  const aria = {
    id,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(hint && `${id}-hint`, error && `${id}-error`),
  } as const;
  return { id, error, aria };
}

/** Label (with "optional" when not required), hint, the control, and its error below it. */
function Labelled(props: { id: string; label: string; required?: boolean; hint?: string; error?: FieldErrors[string]; children: ReactNode }) {
  const t = useT();
  const { id, label, required, hint, error, children } = props;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} {!required && <span className="muted">{t("form.optional")}</span>}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {t(error.key, error.params)}
        </p>
      )}
    </div>
  );
}

export function Field({ name, label, state, hint, type = "text", autoComplete, required, defaultValue, inputMode, autoFocus }: FieldProps) {
  const { id, error, aria } = controlOf(name, state, hint);
  const keepValue = type !== "password";
  return (
    <Labelled id={id} label={label} required={required} hint={hint} error={error}>
      <input
        {...aria}
        type={type}
        autoComplete={autoComplete}
        required={required}
        inputMode={inputMode}
        autoFocus={autoFocus}
        defaultValue={keepValue ? (state?.values?.[name] ?? defaultValue) : undefined}
      />
    </Labelled>
  );
}

interface SelectProps {
  name: string;
  label: string;
  state?: FormState;
  required?: boolean;
  defaultValue?: string;
  autoFocus?: boolean;
  children: ReactNode;
}

export function SelectField({ name, label, state, required, defaultValue, autoFocus, children }: SelectProps) {
  const { id, error, aria } = controlOf(name, state);
  return (
    <Labelled id={id} label={label} required={required} error={error}>
      <select {...aria} required={required} autoFocus={autoFocus} defaultValue={state?.values?.[name] ?? defaultValue ?? ""}>
        {children}
      </select>
    </Labelled>
  );
}

/** Shown above a form that failed: a summary with a count, announced to screen readers. */
export function FormAlert({ state }: { state?: FormState }) {
  const t = useT();
  if (!state?.formError && !state?.errors) return null;
  const hasFieldErrors = state.errors && Object.keys(state.errors).length > 0;
  if (!state.formError && !hasFieldErrors) return null;
  return (
    <div className="alert alert-error" role="alert">
      {state.formError ? t(state.formError.key, state.formError.params) : t("form.errorSummary")}
    </div>
  );
}

interface TextAreaProps {
  name: string;
  label: string;
  state?: FormState;
  hint?: string;
  required?: boolean;
  defaultValue?: string;
  rows?: number;
  maxLength?: number;
}

export function TextAreaField({ name, label, state, hint, required, defaultValue, rows = 5, maxLength }: TextAreaProps) {
  const { id, error, aria } = controlOf(name, state, hint);
  return (
    <Labelled id={id} label={label} required={required} hint={hint} error={error}>
      <textarea {...aria} rows={rows} required={required} maxLength={maxLength} defaultValue={state?.values?.[name] ?? defaultValue} />
    </Labelled>
  );
}

interface CheckboxProps {
  name: string;
  label: string;
  state?: FormState;
  hint?: string;
  value?: string;
  defaultChecked?: boolean;
}

/** A checkbox whose checked state survives a failed submit (the browser only sends checked boxes). */
export function CheckboxField({ name, label, state, hint, value = "on", defaultChecked }: CheckboxProps) {
  const t = useT();
  const error = state?.errors?.[name];
  const id = `f-${name}${value === "on" ? "" : `-${value}`}`;
  const submitted = state?.values !== undefined;
  const checked = submitted ? state?.values?.[name] === value || (state?.values?.[name] ?? "").split(",").includes(value) : defaultChecked;
  return (
    <div className="field field-checkbox">
      <input
        id={id}
        name={name}
        type="checkbox"
        value={value}
        defaultChecked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {t(error.key, error.params)}
        </p>
      )}
    </div>
  );
}

/**
 * A file input that says "Pilih file" in Indonesian (the browser's own button speaks the
 * browser's language: "Choose Files"). Once the page runs JavaScript, the real input lies,
 * transparent, over a button in the page's language and the chosen names are shown; screen
 * readers and the keyboard still reach the real input (its label is the field's label).
 * Without JavaScript the browser's input is shown as it is.
 */
export function FileInput({ onChange, ...props }: InputHTMLAttributes<HTMLInputElement> & { id: string }) {
  const t = useT();
  const [enhanced, setEnhanced] = useState(false);
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => setEnhanced(true), []);
  return (
    <span className={enhanced ? "file-input is-enhanced" : "file-input"}>
      <input
        {...props}
        type="file"
        onChange={(event) => {
          setNames([...(event.currentTarget.files ?? [])].map((f) => f.name));
          onChange?.(event);
        }}
      />
      {enhanced && (
        <span className="file-input-face" aria-hidden="true">
          <span className="file-input-button">{t(props.multiple ? "form.file.chooseMany" : "form.file.choose")}</span>
          <span className="file-input-names">{names.length > 0 ? names.join(", ") : t("form.file.none")}</span>
        </span>
      )}
    </span>
  );
}
