import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import eventsCss from "~/styles/events.css";
import { EventCard, kindKey } from "~/components/events";
import { Pagination } from "~/components/Pagination";
import { can } from "~/domain/accounts/roles";
import { listKelurahan } from "~/domain/areas/areas.server";
import { ACCESSIBILITY, EVENT_KINDS, filtersToParams, parseFilters } from "~/domain/events/events.schema";
import { listEvents, listEventsBetween } from "~/domain/events/events.server";
import { addMonths, monthGrid, wibMonth, wibMonthRange, wibParts } from "~/domain/events/wib";
import { formatShortDate, formatTime, type MessageKey } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import { getUser } from "~/utils/auth.server";
import { defineLoader } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";
import { originOf } from "~/utils/origin.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventsCss }];
export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("events.title")} · Balai` }, { name: "description", content: t("events.lead") }];
};

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const user = await getUser(request, context);
  const url = new URL(request.url);
  const filters = parseFilters(url.searchParams);
  const viewParam = url.searchParams.get("view");
  const view = viewParam === "calendar" || viewParam === "past" ? viewParam : "list";
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  const kelurahan = (await listKelurahan(context.db)).map((k) => ({ id: k.id, name: k.name }));
  const feedQuery = filtersToParams(filters).toString();
  const origin = originOf(request, context);
  const base = {
    view,
    filters,
    kelurahan,
    feedUrl: `${origin}/calendar.ics${feedQuery ? `?${feedQuery}` : ""}`,
    canManage: can.manageEvents(user),
    signedIn: !!user,
  };
  if (view === "calendar") {
    const requested = url.searchParams.get("month") ?? "";
    const month = wibMonthRange(requested) ? requested : wibMonth(new Date());
    const range = wibMonthRange(month)!;
    const part = Number(url.searchParams.get("part")) || 1;
    const result = await listEventsBetween(context.db, user, filters, range.from, range.to, getLocale(request), part);
    return { ...base, month, events: result.events, total: result.total, pages: result.parts, page: result.part };
  }
  const result = await listEvents(context.db, user, {
    scope: view === "past" ? "past" : "upcoming",
    filters,
    page,
    locale: getLocale(request),
    counts: context.counts,
  });
  return { ...base, month: null, ...result };
});

const WEEK: number[] = [1, 2, 3, 4, 5, 6, 0];

export default function EventsIndex() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const filterParams = filtersToParams(data.filters);
  const viewHref = (view: string, extra: Record<string, string> = {}) => {
    const p = new URLSearchParams(filterParams);
    if (view !== "list") p.set("view", view);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    const s = p.toString();
    return `/events${s ? `?${s}` : ""}`;
  };
  const webcal = data.feedUrl.replace(/^https?:/, "webcal:");
  return (
    <>
      <h1>{t("events.title")}</h1>
      <p className="lead">{t("events.lead")}</p>
      {data.canManage && (
        <p className="staff-links">
          <Link className="button" to="/events/new">
            {t("events.staff.new")}
          </Link>{" "}
          <Link className="button button-secondary" to="/events/manage">
            {t("events.staff.title")}
          </Link>
        </p>
      )}

      <nav aria-label={t("events.views")} className="view-tabs">
        <ul>
          {(["list", "calendar", "past"] as const).map((v) => (
            <li key={v}>
              <Link to={viewHref(v)} aria-current={data.view === v ? "page" : undefined}>
                {t(v === "list" ? "events.view.list" : v === "calendar" ? "events.view.calendar" : "events.view.past")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <details className="filters" open={filterParams.toString() !== ""}>
        <summary>{t("events.filters")}</summary>
        <Form method="get" className="filter-form">
          {data.view !== "list" && <input type="hidden" name="view" value={data.view} />}
          {data.month && <input type="hidden" name="month" value={data.month} />}
          <div className="field">
            <label htmlFor="filter-kind">{t("events.filter.kind")}</label>
            <select id="filter-kind" name="kind" defaultValue={data.filters.kind ?? ""}>
              <option value="">{t("events.filter.allKinds")}</option>
              {EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(kindKey(k))}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-kelurahan">{t("events.filter.kelurahan")}</label>
            <select id="filter-kelurahan" name="kelurahan" defaultValue={data.filters.kelurahanId ? String(data.filters.kelurahanId) : ""}>
              <option value="">{t("events.filter.allKelurahan")}</option>
              {data.kelurahan.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="checkbox-group">
            <legend>{t("events.filter.access")}</legend>
            {ACCESSIBILITY.map((a) => (
              <div key={a} className="field-checkbox">
                <input id={`access-${a}`} type="checkbox" name="access" value={a} defaultChecked={data.filters.access.includes(a)} />
                <label htmlFor={`access-${a}`}>{t(`events.access.${a}` as MessageKey)}</label>
              </div>
            ))}
          </fieldset>
          <p className="form-actions">
            <button type="submit">{t("events.filter.submit")}</button>{" "}
            {filterParams.toString() !== "" && (
              <Link to={viewHref(data.view, data.month ? { month: data.month } : {})} className="reset-link" reloadDocument={false}>
                {t("events.filter.reset")}
              </Link>
            )}
          </p>
        </Form>
      </details>

      {data.view === "calendar" && data.month ? (
        <MonthCalendar
          month={data.month}
          events={data.events}
          hrefFor={(m) => viewHref("calendar", { month: m })}
          partHref={(part) => viewHref("calendar", { month: data.month!, ...(part > 1 ? { part: String(part) } : {}) })}
        />
      ) : (
        <section aria-labelledby="events-heading">
          <h2 id="events-heading">{t(data.view === "past" ? "events.past" : "events.upcoming")}</h2>
          <p className="muted">{t("events.count", { count: data.total })}</p>
          {data.events.length === 0 ? (
            <p>{t("events.none")}</p>
          ) : (
            <ul className="cards">
              {data.events.map((e) => (
                <EventCard key={e.id} event={e} past={data.view === "past"} />
              ))}
            </ul>
          )}
          <Pagination page={data.page} pages={data.pages} />
        </section>
      )}

      <section aria-labelledby="subscribe" className="subscribe">
        <h2 id="subscribe">{t("events.feed.subscribe")}</h2>
        <p>{t("events.feed.subscribeText")}</p>
        <p className="feed-url">
          <a href={webcal}>{data.feedUrl}</a>
        </p>
        <p>
          <a href={data.feedUrl} download>
            {t("events.detail.ics")}
          </a>
          {data.signedIn && (
            <>
              {" · "}
              <Link to="/account/calendar">{t("events.feed.mine")}</Link>
            </>
          )}
        </p>
      </section>
    </>
  );

  function MonthCalendar({
    month,
    events,
    hrefFor,
    partHref,
  }: {
    month: string;
    events: typeof data.events;
    hrefFor: (m: string) => string;
    partHref: (part: number) => string;
  }) {
    const byDay = new Map<string, typeof events>();
    for (const e of events) {
      const day = wibParts(e.startsAt).date;
      byDay.set(day, [...(byDay.get(day) ?? []), e]);
    }
    const [y, m] = month.split("-").map(Number);
    const monthName = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(Date.UTC(y, m - 1, 1)),
    );
    const dayLabel = (date: string) =>
      new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(
        new Date(`${date}T00:00:00Z`),
      );
    return (
      <section aria-labelledby="month-heading">
        <h2 id="month-heading">{monthName}</h2>
        <nav className="month-nav" aria-label={t("events.month.caption", { month: monthName })}>
          <Link to={hrefFor(addMonths(month, -1))} rel="prev">
            ← {t("events.month.prev")}
          </Link>
          <Link to={hrefFor(addMonths(month, 1))} rel="next">
            {t("events.month.next")} →
          </Link>
        </nav>
        {events.length === 0 && <p>{t("events.month.empty")}</p>}
        {data.pages > 1 && events.length > 0 && (
          <nav className="month-parts" aria-label={t("events.month.partsLabel")}>
            <p>
              {t("events.month.part", {
                part: data.page,
                parts: data.pages,
                total: data.total,
                from: formatShortDate(events[0].startsAt, locale),
                to: formatShortDate(events[events.length - 1].startsAt, locale),
              })}
            </p>
            <p>
              {data.page > 1 && (
                <Link to={partHref(data.page - 1)} rel="prev">
                  ← {t("events.month.partPrev")}
                </Link>
              )}
              {data.page > 1 && data.page < data.pages && " · "}
              {data.page < data.pages && (
                <Link to={partHref(data.page + 1)} rel="next">
                  {t("events.month.partNext")} →
                </Link>
              )}
            </p>
          </nav>
        )}
        <table className="month">
          <caption className="visually-hidden">{t("events.month.caption", { month: monthName })}</caption>
          <thead>
            <tr>
              {WEEK.map((d) => (
                <th key={d} scope="col">
                  <abbr title={t(`events.weekday.${d}` as MessageKey)}>{t(`events.weekday.short.${d}` as MessageKey)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthGrid(month).map((week) => (
              <tr key={week[0].date}>
                {week.map((day) => {
                  const list = byDay.get(day.date) ?? [];
                  return (
                    <td key={day.date} className={[day.inMonth ? "" : "outside", list.length ? "has-events" : "empty"].join(" ").trim()}>
                      <span className="day-number" aria-hidden="true">
                        {day.day}
                      </span>
                      <span className="day-label">{dayLabel(day.date)}</span>
                      {list.length > 0 && (
                        <ul>
                          {list.map((e) => (
                            <li key={e.id} className={`cal-event cal-${e.kind}${e.status === "cancelled" ? " cal-cancelled" : ""}`}>
                              <Link to={`/events/${e.id}`}>
                                <span className="cal-time">{formatTime(e.startsAt, locale)}</span> {e.title}
                                {e.status === "cancelled" && <> ({t("events.status.cancelled")})</>}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    );
  }
}
