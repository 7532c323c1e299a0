// The fields of an agenda item (create from the pool, edit).
import { Field, SelectField, TextAreaField, type FormState } from "~/components/forms";
import { useT } from "~/i18n/react";

export interface ItemDefaults {
  title?: string;
  rationale?: string;
  costEstimate?: number | null;
  agency?: string | null;
  urgency?: number;
}

export function ItemFields({ state, defaults = {}, urgencyLocked = false }: { state?: FormState; defaults?: ItemDefaults; urgencyLocked?: boolean }) {
  const t = useT();
  return (
    <>
      <Field name="title" label={t("agenda.field.title")} state={state} required defaultValue={defaults.title} />
      <TextAreaField name="rationale" label={t("agenda.field.rationale")} state={state} required rows={4} maxLength={5000} defaultValue={defaults.rationale} />
      <Field
        name="costEstimate"
        label={t("agenda.field.costEstimate")}
        state={state}
        inputMode="numeric"
        defaultValue={defaults.costEstimate != null ? String(defaults.costEstimate) : undefined}
      />
      <Field name="agency" label={t("agenda.field.agency")} state={state} defaultValue={defaults.agency ?? undefined} />
      {urgencyLocked ? (
        <input type="hidden" name="urgency" value={defaults.urgency ?? 0} />
      ) : (
        <SelectField name="urgency" label={t("agenda.field.urgency")} state={state} required defaultValue={String(defaults.urgency ?? 0)}>
          {[0, 1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}
