import type { MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { CsrfField, Field, FormAlert } from "~/components/forms";
import { loginSchema } from "~/domain/accounts/accounts.schema";
import { authenticate } from "~/domain/accounts/accounts.server";
import { metaT, useT } from "~/i18n/react";
import { CHANGE_PASSWORD_PATH, getUser, safeRedirect, startSession } from "~/utils/auth.server";
import { defineAction, defineLoader } from "~/utils/boundary.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("auth.login.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  if (await getUser(request, context)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const input = form.parse(loginSchema);
  const user = await authenticate(context.db, input, context.config, context.loginThrottle);
  // a temporary password from the counter is changed first
  return startSession(request, context, user.id, user.mustChangePassword ? CHANGE_PASSWORD_PATH : safeRedirect(input.redirectTo));
});

export default function Login() {
  const t = useT();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>{t("auth.login.title")}</h1>
      <FormAlert state={state} />
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <Field name="identifier" label={t("auth.login.identifier")} hint={t("auth.login.identifierHint")} autoComplete="username" required state={state} />
        <Field name="password" type="password" label={t("auth.login.password")} autoComplete="current-password" required state={state} />
        <button type="submit" disabled={busy}>
          {t("auth.login.submit")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("auth.login.forgot")}</Link>
      </p>
      <p>
        {t("auth.login.noAccount")} <Link to="/signup">{t("nav.signup")}</Link>
      </p>
    </>
  );
}
