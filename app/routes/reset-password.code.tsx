import type { MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { Link } from "@remix-run/react";
import { ResetCodeForm } from "~/components/password-reset";
import { resetWithCodeSchema } from "~/domain/accounts/password-reset.schema";
import { resetWithCode } from "~/domain/accounts/password-reset.server";
import { metaT, useT } from "~/i18n/react";
import { endSession } from "~/utils/auth.server";
import { defineAction, redirectWithFlash } from "~/utils/boundary.server";
import { resetDeps } from "~/utils/password-reset.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("accounts.reset.codeTitle")} · Balai` }];

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const input = form.parse(resetWithCodeSchema);
  const { userId } = await resetWithCode(context.db, resetDeps(context), { ...input, ip: context.clientIp }, context.config);
  // every session of the account ended with the reset: its open sockets reconnect without rights
  context.realtime.revoke({ userId });
  const headers = new Headers();
  await endSession(request, context, headers); // this browser's own cookie too, if it had one
  return redirectWithFlash(context, "/login", { key: "accounts.reset.done" }, headers);
});

export default function ResetWithCode() {
  const t = useT();
  const state = useActionData<typeof action>();
  return (
    <>
      <h1>{t("accounts.reset.codeTitle")}</h1>
      <ResetCodeForm state={state} />
      <p>
        <Link to="/forgot-password">{t("accounts.reset.askAgain")}</Link>
      </p>
    </>
  );
}
