import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, FormAlert } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { resetWithLinkSchema } from "~/domain/accounts/password-reset.schema";
import { linkIsValid, resetWithLink } from "~/domain/accounts/password-reset.server";
import { metaT, useT } from "~/i18n/react";
import { endSession } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";
import { resetDeps } from "~/utils/password-reset.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("accounts.reset.title")} · Balai` }, { name: "robots", content: "noindex" }];

// the token is in the address: never sent on to another site, never cached
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

export const loader = /* @__PURE__ */ defineLoader(async ({ params, context }) => {
  return { valid: await linkIsValid(context.db, { secret: context.config.sessionSecret }, params.token ?? "") };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const input = form.parse(resetWithLinkSchema);
  const { userId } = await resetWithLink(context.db, resetDeps(context), { token: params.token ?? "", newPassword: input.newPassword }, context.config);
  // every session of the account ended with the reset: its open sockets reconnect without rights
  context.realtime.revoke({ userId });
  const headers = new Headers();
  await endSession(request, context, headers);
  return redirectWithFlash(context, "/login", { key: "accounts.reset.done" }, headers);
});

export default function ResetWithLink() {
  const t = useT();
  const { valid } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <>
      <h1>{t("accounts.reset.title")}</h1>
      {valid ? (
        <>
          <FormAlert state={state} />
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <NewPasswordFields state={state} />
            <button type="submit">{t("accounts.reset.submit")}</button>
          </Form>
        </>
      ) : (
        <div className="alert alert-error" role="alert">
          {t("accounts.reset.linkInvalid")}
        </div>
      )}
      <p>
        <Link to="/forgot-password">{t("accounts.reset.askAgain")}</Link>
      </p>
    </>
  );
}
