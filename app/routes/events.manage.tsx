// /events/manage: drafts to publish and events that took place but are not closed yet.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import eventsCss from "~/styles/events.css";
import { kindKey } from "~/components/events";
import { can } from "~/domain/accounts/roles";
import { listStaffEvents } from "~/domain/events/events.server";
import { formatDateTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import { requirePermission } from "~/utils/auth.server";
import { defineLoader } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventsCss }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("events.staff.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const actor = await requirePermission(request, context, can.manageEvents);
  return listStaffEvents(context.db, actor);
});

export default function ManageEvents() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const list = (items: typeof data.drafts) =>
    items.length === 0 ? (
      <p>{t("events.staff.nothing")}</p>
    ) : (
      <ul className="plain-list">
        {items.map((e) => (
          <li key={e.id}>
            <Link to={`/events/${e.id}/edit`}>{e.title}</Link>{" "}
            <span className="muted">
              ({t(kindKey(e.kind))}, {formatDateTime(e.startsAt, locale)})
            </span>
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <h1>{t("events.staff.title")}</h1>
      <p>
        <Link className="button" to="/events/new">
          {t("events.staff.new")}
        </Link>
      </p>
      <h2>{t("events.staff.drafts")}</h2>
      {list(data.drafts)}
      <h2>{t("events.staff.toClose")}</h2>
      {list(data.toClose)}
    </>
  );
}
