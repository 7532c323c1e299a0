// The service standard form: the six public components first, then the eight kept
// by the office, then when it takes effect and why it changed. Lists are one item
// per line ("name | what counts as valid", "who | what they do"), so the form is a
// plain form that works without JavaScript.
import type { ReactNode } from "react";
import { Field, SelectField, TextAreaField, type FormState } from "~/components/forms";
import { DURATION_UNITS, INTERNAL_FIELDS, SERVICE_CATEGORIES, type Requirement, type Step } from "~/domain/services/services.schema";
import { useT } from "~/i18n/react";

export interface VersionDefaults {
  name: string;
  summary: string;
  category: string;
  requirements: Requirement[];
  stepsCounter: Step[];
  stepsOnline: Step[];
  onlineName: string | null;
  onlineUrl: string | null;
  durationValue: number;
  durationUnit: string;
  costAmount: number;
  costBasis: string | null;
  product: string;
  complaints: string;
  legalBasis: string;
  facilities: string;
  competence: string;
  oversight: string;
  staffCount: string;
  guarantee: string;
  security: string;
  evaluation: string;
}

const reqLines = (rs: Requirement[]) => rs.map((r) => (r.validity ? `${r.name} | ${r.validity}` : r.name)).join("\n");
const stepLines = (ss: Step[]) => ss.map((s) => (s.actor ? `${s.actor} | ${s.text}` : s.text)).join("\n");

export function VersionFields({ state, defaults, today, children }: { state?: FormState; defaults?: VersionDefaults; today: string; children?: ReactNode }) {
  const t = useT();
  const d = defaults;
  return (
    <>
      <fieldset>
        <legend>{t("services.edit.public")}</legend>
        {children}
        <Field name="name" label={t("services.field.name")} required state={state} defaultValue={d?.name} />
        <TextAreaField name="summary" label={t("services.field.summary")} required rows={2} state={state} defaultValue={d?.summary} />
        <SelectField name="category" label={t("services.field.category")} required state={state} defaultValue={d?.category ?? "adminduk"}>
          {SERVICE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`services.category.${c}`)}
            </option>
          ))}
        </SelectField>
        <Field
          name="costAmount"
          label={t("services.field.costAmount")}
          hint={t("services.field.costAmountHint")}
          inputMode="numeric"
          required
          state={state}
          defaultValue={d ? String(d.costAmount) : "0"}
        />
        <Field
          name="costBasis"
          label={t("services.field.costBasis")}
          hint={t("services.field.costBasisHint")}
          state={state}
          defaultValue={d?.costBasis ?? ""}
        />
        <Field
          name="durationValue"
          label={t("services.field.durationValue")}
          inputMode="numeric"
          required
          state={state}
          defaultValue={d ? String(d.durationValue) : ""}
        />
        <SelectField name="durationUnit" label={t("services.field.durationUnit")} required state={state} defaultValue={d?.durationUnit ?? "working_days"}>
          {DURATION_UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`services.durationUnit.${u}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          name="requirements"
          label={t("services.field.requirements")}
          hint={t("services.field.requirementsHint")}
          required
          rows={6}
          state={state}
          defaultValue={d ? reqLines(d.requirements) : ""}
        />
        <TextAreaField
          name="stepsCounter"
          label={t("services.field.stepsCounter")}
          hint={t("services.field.stepsHint")}
          rows={6}
          state={state}
          defaultValue={d ? stepLines(d.stepsCounter) : ""}
        />
        <Field
          name="onlineName"
          label={t("services.field.onlineName")}
          hint={t("services.field.onlineNameHint")}
          state={state}
          defaultValue={d?.onlineName ?? ""}
        />
        <Field name="onlineUrl" type="url" label={t("services.field.onlineUrl")} state={state} defaultValue={d?.onlineUrl ?? ""} />
        <TextAreaField
          name="stepsOnline"
          label={t("services.field.stepsOnline")}
          hint={t("services.field.stepsHint")}
          rows={4}
          state={state}
          defaultValue={d ? stepLines(d.stepsOnline) : ""}
        />
        <TextAreaField name="product" label={t("services.field.product")} required rows={2} state={state} defaultValue={d?.product} />
        <TextAreaField name="complaints" label={t("services.field.complaints")} required rows={3} state={state} defaultValue={d?.complaints} />
      </fieldset>
      <fieldset>
        <legend>{t("services.edit.internal")}</legend>
        {INTERNAL_FIELDS.map((f) => (
          <TextAreaField key={f} name={f} label={t(`services.field.${f}`)} rows={2} state={state} defaultValue={d?.[f]} />
        ))}
      </fieldset>
      <Field name="effectiveFrom" type="date" label={t("services.field.effectiveFrom")} required state={state} defaultValue={today} />
      <TextAreaField name="reason" label={t("services.field.reason")} hint={t("services.field.reasonHint")} required rows={2} state={state} />
    </>
  );
}
