import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { CsrfField, Field, FormAlert, type FormState } from "~/components/forms";
import { changePasswordSchema } from "~/domain/accounts/accounts.schema";
import { changePassword } from "~/domain/accounts/accounts.server";
import { revokeOtherSessions } from "~/domain/accounts/sessions.server";
import { DomainError } from "~/domain/errors";
import { metaT, useT } from "~/i18n/react";
import { getSessionId, requireUser } from "~/utils/auth.server";
import { setFlash } from "~/utils/flash.server";
import { failure, invalid, readForm } from "~/utils/forms.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("auth.password.title")} · Balai` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const form = await readForm(request, context, changePasswordSchema);
  if (!form.ok) return invalid(form);
  try {
    await changePassword(context.db, user, form.data, context.config);
  } catch (error) {
    if (error instanceof DomainError) return invalid(failure(error, form.formData));
    throw error;
  }
  const sessionId = await getSessionId(request, context);
  if (sessionId) await revokeOtherSessions(context.db, user.id, sessionId);
  return redirect("/account", { headers: { "Set-Cookie": await setFlash(context, { key: "auth.password.changed" }) } });
}

export default function ChangePassword() {
  const t = useT();
  const state = useActionData<typeof action>() as FormState | undefined;
  return (
    <>
      <h1>{t("auth.password.title")}</h1>
      <FormAlert state={state} />
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <Field name="currentPassword" type="password" label={t("auth.password.current")} autoComplete="current-password" required state={state} />
        <Field name="newPassword" type="password" label={t("auth.password.new")} hint={t("auth.signup.passwordHint")} autoComplete="new-password" required state={state} />
        <Field name="confirmPassword" type="password" label={t("auth.password.confirm")} autoComplete="new-password" required state={state} />
        <button type="submit">{t("auth.password.submit")}</button>
      </Form>
    </>
  );
}
