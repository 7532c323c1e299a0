import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { metaT, useT } from "~/i18n/react";
import { requireUser } from "~/utils/auth.server";
import { defineLoader } from "~/utils/boundary.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("account.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => ({ user: await requireUser(request, context) }));

export default function Account() {
  const t = useT();
  const { user } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("account.title")}</h1>
      <dl>
        <dt>{t("admin.users.name")}</dt>
        <dd>{user.name}</dd>
        <dt>{t("account.contact")}</dt>
        <dd>{user.email ?? user.phone}</dd>
        <dt>{t("account.role")}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
      </dl>
      <p>
        <Link to="/account/password">{t("auth.password.title")}</Link>
      </p>
      <p>
        <Link to="/account/calendar">{t("events.calendar.title")}</Link>
      </p>
      <p>
        <Link to="/account/notifications">{t("channels.prefs.title")}</Link>
      </p>
    </>
  );
}
