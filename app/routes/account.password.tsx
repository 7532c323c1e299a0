import type { MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, Field, FormAlert } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { changePasswordSchema } from "~/domain/accounts/accounts.schema";
import { changePassword } from "~/domain/accounts/accounts.server";
import { revokeOtherSessions } from "~/domain/accounts/sessions.server";
import { metaT, useT } from "~/i18n/react";
import { getSessionId, requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("auth.password.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const user = await requireUser(request, context);
  return { mustChange: user.mustChangePassword };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const user = await requireUser(request, context);
  const input = form.parse(changePasswordSchema);
  await changePassword(context.db, user, input, context.config);
  const sessionId = await getSessionId(request, context);
  if (sessionId) await revokeOtherSessions(context.db, user.id, sessionId);
  // every open socket of this user reconnects: the other devices' as a guest, this tab's with its still-valid cookie
  context.realtime.revoke({ userId: user.id });
  return redirectWithFlash(context, "/account", { key: "auth.password.changed" });
});

export default function ChangePassword() {
  const t = useT();
  const state = useActionData<typeof action>();
  const { mustChange } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("auth.password.title")}</h1>
      {mustChange && <p className="alert alert-info">{t("auth.password.mustChange")}</p>}
      <FormAlert state={state} />
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <Field
          name="currentPassword"
          type="password"
          label={t(mustChange ? "auth.password.currentTemporary" : "auth.password.current")}
          autoComplete="current-password"
          required
          state={state}
        />
        <NewPasswordFields state={state} />
        <button type="submit">{t("auth.password.submit")}</button>
      </Form>
    </>
  );
}
