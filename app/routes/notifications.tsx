import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfField } from "~/components/forms";
import { Pagination } from "~/components/Pagination";
import { listNotifications, markAllRead } from "~/domain/notifications/notifications.server";
import { formatDateTime, isMessageKey } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import { requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("notifications.title")} · Balai` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("page")) || 1);
  return json({ page, ...(await listNotifications(context.db, user.id, page)) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  await readForm(request, context, z.object({}));
  await markAllRead(context.db, user.id);
  return redirect("/notifications");
}

export default function Notifications() {
  const t = useT();
  const locale = useLocale();
  const { notifications, page, pages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("notifications.title")}</h1>
      {notifications.length === 0 ? (
        <p>{t("notifications.empty")}</p>
      ) : (
        <>
          <Form method="post">
            <CsrfField />
            <button type="submit" className="button-secondary">{t("notifications.markAllRead")}</button>
          </Form>
          <ul className="cards notifications">
            {notifications.map((n) => (
              <li key={n.id} className="card">
                {!n.read && <span className="tag">{t("notifications.unread")}</span>}
                <p>{isMessageKey(n.messageKey) ? t(n.messageKey, n.params) : n.messageKey}</p>
                <p className="muted">
                  <time dateTime={n.createdAt}>{formatDateTime(new Date(n.createdAt), locale)}</time>
                  {n.link && (
                    <>
                      {" · "}
                      <Link to={n.link}>{t("notifications.open")}</Link>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <Pagination page={page} pages={pages} />
    </>
  );
}
