// The SKM answer sheet: nine questions by element key, each a group of four radio
// buttons (values 1-4) with the labels admins set, then the optional profile and a
// comment. A plain form: works without JavaScript; what was chosen is kept on error.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfField, FormAlert, SelectField, TextAreaField } from "~/components/forms";
import type { ElementLabels } from "~/domain/satisfaction/elements";
import { PROFILE_FIELDS, type ProfileField } from "~/domain/satisfaction/satisfaction.schema";
import type { MessageKey } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import type { FormState } from "~/utils/forms";

const PROFILE_LABEL: Record<ProfileField, MessageKey> = {
  ageGroup: "satisfaction.form.ageGroup",
  sex: "satisfaction.form.sex",
  education: "satisfaction.form.education",
  occupation: "satisfaction.form.occupation",
};
const PROFILE_PREFIX: Record<ProfileField, string> = {
  ageGroup: "satisfaction.age.",
  sex: "satisfaction.sex.",
  education: "satisfaction.education.",
  occupation: "satisfaction.occupation.",
};

export function profileLabel(field: ProfileField, value: string | null): MessageKey {
  return (value === null ? "satisfaction.profile.unknown" : `${PROFILE_PREFIX[field]}${value}`) as MessageKey;
}

export function ElementQuestion({ element, state }: { element: ElementLabels; state?: FormState }) {
  const t = useT();
  const locale = useLocale();
  const error = state?.errors?.[element.key];
  const chosen = state?.values?.[element.key];
  const id = `q-${element.key}`;
  return (
    <fieldset className="skm-question" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        <span className="skm-key">{element.key}</span> {element.question[locale]} <span className="muted">({element.name[locale]})</span>
      </legend>
      <div className="skm-answers">
        {element.answers[locale].map((label, i) => (
          <label key={i} className="skm-answer">
            <input type="radio" name={element.key} value={i + 1} defaultChecked={chosen === String(i + 1)} required aria-invalid={error ? true : undefined} />
            <span className="skm-score">{i + 1}</span> {label}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {t(error.key, error.params)}
        </p>
      )}
    </fieldset>
  );
}

export function SheetForm(props: {
  elements: ElementLabels[];
  services?: { id: number; name: string }[];
  state?: FormState;
  hidden?: Record<string, string>;
  submitLabel?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const { elements, services, state, hidden = {} } = props;
  return (
    <Form method="post" className="stack skm-form" noValidate>
      <CsrfField />
      <FormAlert state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.children}
      {services && services.length > 0 && (
        <SelectField name="serviceId" label={t("satisfaction.form.service")} state={state}>
          <option value="">{t("satisfaction.form.serviceNone")}</option>
          {services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
      )}
      <section aria-labelledby="skm-elements">
        <h2 id="skm-elements">{t("satisfaction.form.elements")}</h2>
        <p className="hint">{t("satisfaction.form.elementsHint")}</p>
        {elements.map((e) => (
          <ElementQuestion key={e.key} element={e} state={state} />
        ))}
      </section>
      <section aria-labelledby="skm-profile">
        <h2 id="skm-profile">{t("satisfaction.form.profile")}</h2>
        <div className="skm-profile">
          {(Object.keys(PROFILE_FIELDS) as ProfileField[]).map((field) => (
            <SelectField key={field} name={field} label={t(PROFILE_LABEL[field])} state={state}>
              <option value="">{t("satisfaction.form.none")}</option>
              {PROFILE_FIELDS[field].map((v) => (
                <option key={v} value={v}>
                  {t(profileLabel(field, v))}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
      </section>
      <TextAreaField name="comment" label={t("satisfaction.form.comment")} hint={t("satisfaction.form.commentHint")} state={state} rows={4} maxLength={1000} />
      <button type="submit">{props.submitLabel ?? t("satisfaction.form.submit")}</button>
    </Form>
  );
}
