import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { CsrfField, Field, FormAlert } from "~/components/forms";
import { RESET_CODE_MINUTES, RESET_LINK_MINUTES } from "~/domain/accounts/password-reset";
import { forgotPasswordSchema } from "~/domain/accounts/password-reset.schema";
import { requestReset } from "~/domain/accounts/password-reset.server";
import { metaT, useT } from "~/i18n/react";
import { defineAction } from "~/utils/boundary.server";
import { resetDeps } from "~/utils/password-reset.server";
import { ResetCodeForm } from "~/components/password-reset";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("accounts.forgot.title")} · Balai` }];

export const action = /* @__PURE__ */ defineAction(async ({ context, form }) => {
  const input = form.parse(forgotPasswordSchema);
  // the same answer whether or not an account has this identifier (and about the same time)
  const { via } = await requestReset(context.db, resetDeps(context), { identifier: input.identifier, ip: context.clientIp });
  return { sent: via, identifier: form.values.identifier ?? "" };
});

export default function ForgotPassword() {
  const t = useT();
  const state = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const sent = state && "sent" in state ? state : null;
  const failed = state && !("sent" in state) ? state : undefined;
  return (
    <>
      <h1>{t("accounts.forgot.title")}</h1>
      {sent ? (
        <>
          <div className="alert alert-info" role="status">
            {sent.sent === "email"
              ? t("accounts.forgot.sentEmail", { minutes: RESET_LINK_MINUTES })
              : t("accounts.forgot.sentPhone", { minutes: RESET_CODE_MINUTES })}
          </div>
          {sent.sent === "phone" && <ResetCodeForm identifier={sent.identifier} />}
          <p>
            <Link to="/forgot-password">{t("accounts.reset.askAgain")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("accounts.forgot.intro")}</p>
          <FormAlert state={failed} />
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <Field name="identifier" label={t("auth.login.identifier")} hint={t("auth.login.identifierHint")} autoComplete="username" required state={failed} />
            <button type="submit" disabled={busy}>
              {t("accounts.forgot.submit")}
            </button>
          </Form>
          <p>
            {t("accounts.forgot.haveCode")} <Link to="/reset-password/code">{t("accounts.forgot.enterCode")}</Link>
          </p>
        </>
      )}
      <p className="muted">{t("accounts.forgot.counter")}</p>
    </>
  );
}
