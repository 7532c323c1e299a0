import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { eventKindKey } from "~/domain/events/events.schema";
import { listUpcomingEvents } from "~/domain/events/events.server";
import { formatDateTime, type MessageKey } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import type { loader as rootLoader } from "~/root";
import { defineLoader } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: t("home.title") }, { name: "description", content: t("home.lead") }];
};

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => ({
  events: await listUpcomingEvents(context.db, 3, undefined, getLocale(request)),
}));

const ways: { title: MessageKey; text: MessageKey; to: string }[] = [
  { title: "home.way.ngopi.title", text: "home.way.ngopi.text", to: "/events?kind=dialogue" },
  { title: "home.way.vaganza.title", text: "home.way.vaganza.text", to: "/events?kind=fair" },
  { title: "home.way.qa.title", text: "home.way.qa.text", to: "/qa" },
  { title: "home.way.aspiration.title", text: "home.way.aspiration.text", to: "/aspirations/new" },
  { title: "home.way.deliberation.title", text: "home.way.deliberation.text", to: "/agenda" },
  { title: "home.way.services.title", text: "home.way.services.text", to: "/layanan" },
  { title: "home.way.survey.title", text: "home.way.survey.text", to: "/survei" },
];

export default function Home() {
  const { events } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>

      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{t("home.upcoming")}</h2>
        {events.length === 0 ? (
          <p>{t("home.noUpcoming")}</p>
        ) : (
          <ul className="cards">
            {events.map((e) => (
              <li key={e.id} className="card">
                <span className="tag">{t(eventKindKey(e.kind))}</span>
                <h3>
                  <Link to={`/events/${e.id}`}>{e.title}</Link>
                </h3>
                <p>
                  <time dateTime={e.startsAt.toISOString()}>{formatDateTime(e.startsAt, locale)}</time>
                  <br />
                  {e.kelurahan ? t("event.at", { venue: e.venueName, kelurahan: e.kelurahan }) : e.venueName}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ways">
        <h2 id="ways">{t("home.ways")}</h2>
        <ul className="cards">
          {ways.map((w) => (
            <li key={w.title} className="card">
              <h3>
                <Link to={w.to}>{t(w.title)}</Link>
              </h3>
              <p>{t(w.text)}</p>
            </li>
          ))}
        </ul>
        {!root?.user && (
          <p className="join-prompt">
            {t("home.joinPrompt")} <Link to="/signup">{t("nav.signup")}</Link>
          </p>
        )}
      </section>
    </>
  );
}
