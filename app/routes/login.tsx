import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { CsrfField, Field, FormAlert, type FormState } from "~/components/forms";
import { loginSchema } from "~/domain/accounts/accounts.schema";
import { authenticate } from "~/domain/accounts/accounts.server";
import { DomainError } from "~/domain/errors";
import { metaT, useT } from "~/i18n/react";
import { getUser, safeRedirect, startSession } from "~/utils/auth.server";
import { failure, invalid, readForm } from "~/utils/forms.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("auth.login.title")} · Balai` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context, loginSchema);
  if (!form.ok) return invalid(form);
  try {
    const user = await authenticate(context.db, form.data, context.config);
    return startSession(request, context, user.id, safeRedirect(form.data.redirectTo));
  } catch (error) {
    if (error instanceof DomainError) return invalid(failure(error, form.formData), error.status);
    throw error;
  }
}

export default function Login() {
  const t = useT();
  const state = useActionData<typeof action>() as FormState | undefined;
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
        <button type="submit" disabled={busy}>{t("auth.login.submit")}</button>
      </Form>
      <p>
        {t("auth.login.noAccount")} <Link to="/signup">{t("nav.signup")}</Link>
      </p>
    </>
  );
}
