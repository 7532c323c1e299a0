// The new password and its confirmation, each with its error next to it: on the
// change-password page and both ways of resetting a forgotten one (link and code).
import { Field, type FormState } from "~/components/forms";
import { useT } from "~/i18n/react";

export function NewPasswordFields({ state }: { state?: FormState }) {
  const t = useT();
  return (
    <>
      <Field
        name="newPassword"
        type="password"
        label={t("auth.password.new")}
        hint={t("auth.signup.passwordHint")}
        autoComplete="new-password"
        required
        state={state}
      />
      <Field name="confirmPassword" type="password" label={t("auth.password.confirm")} autoComplete="new-password" required state={state} />
    </>
  );
}
