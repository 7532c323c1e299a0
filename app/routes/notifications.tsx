import type { MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/forms";
import { Pagination } from "~/components/Pagination";
import { listNotifications, markAllRead } from "~/domain/notifications/notifications.server";
import { localizeParams } from "~/domain/notifications/templates";
import { formatDateTime, isMessageKey } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import { requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader } from "~/utils/boundary.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("notifications.title")} · Balai` }];

/** far beyond any real list: keeps a typed page number within what the databases take */
const MAX_PAGE = 10_000;

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const user = await requireUser(request, context);
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(Number(new URL(request.url).searchParams.get("page"))) || 1));
  return { page, ...(await listNotifications(context.db, user.id, page)) };
});

// the one form on the page: "mark all as read" (CSRF checked by defineAction)
export const action = /* @__PURE__ */ defineAction(async ({ request, context }) => {
  const user = await requireUser(request, context);
  await markAllRead(context.db, user.id);
  return redirect("/notifications");
});

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
            <button type="submit" className="button-secondary">
              {t("notifications.markAllRead")}
            </button>
          </Form>
          <ul className="cards notifications">
            {notifications.map((n) => (
              <li key={n.id} className="card">
                {!n.read && <span className="tag">{t("notifications.unread")}</span>}
                <p>{isMessageKey(n.messageKey) ? t(n.messageKey, localizeParams(locale, n.params)) : n.messageKey}</p>
                <p className="muted">
                  <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, locale)}</time>
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
