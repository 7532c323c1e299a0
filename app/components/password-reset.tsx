// The form that takes a reset code (from WhatsApp, SMS or the counter's slip) and a new
// password: on its own page, and under "a code is on its way" after asking for one.
import { Form } from "@remix-run/react";
import { CsrfField, Field, FormAlert, type FormState } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { useT } from "~/i18n/react";

export function ResetCodeForm({ identifier, state }: { identifier?: string; state?: FormState }) {
  const t = useT();
  return (
    <>
      <FormAlert state={state} />
      <Form method="post" action="/reset-password/code" className="stack" noValidate>
        <CsrfField />
        <Field
          name="identifier"
          label={t("auth.login.identifier")}
          hint={t("auth.login.identifierHint")}
          autoComplete="username"
          required
          defaultValue={identifier}
          state={state}
        />
        <Field
          name="code"
          label={t("accounts.reset.code")}
          hint={t("accounts.reset.codeHint")}
          autoComplete="one-time-code"
          inputMode="text"
          required
          state={state}
        />
        <NewPasswordFields state={state} />
        <button type="submit">{t("accounts.reset.submit")}</button>
      </Form>
    </>
  );
}
