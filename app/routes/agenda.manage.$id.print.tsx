import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DecisionTag, formatRupiah, levelLabel } from "~/components/agenda/AgendaParts";
import { agendaPath, attendance, loadDeliberation, scoredItems } from "~/domain/agenda/agenda.server";
import { can } from "~/domain/accounts/roles";
import { formatDateTime, formatTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import agendaStyles from "~/styles/agenda.css";
import { requirePermission } from "~/utils/auth.server";
import { defineLoader, idParam } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("agenda.manage.print")} · Balai` }];

/** empty rows at the end of the attendance sheet for people who sign on paper */
const BLANK_ROWS = 10;

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context, params }) => {
  const actor = await requirePermission(request, context, can.plan);
  const d = await loadDeliberation(context.db, idParam(params, "id", "agenda.notFound"));
  const [items, present] = await Promise.all([scoredItems(context.db, d), attendance(context.db, actor, d)]);
  const origin = context.config.publicUrl ?? new URL(request.url).origin;
  return {
    d: { id: d.id, year: d.year, level: d.level, areaName: d.area.name, event: d.event, url: `${origin}${agendaPath(d)}` },
    items,
    present,
  };
});

export default function PrintableAgenda() {
  const t = useT();
  const locale = useLocale();
  const { d, items, present } = useLoaderData<typeof loader>();
  const title = t("agenda.heading", { year: d.year, level: levelLabel(t, d.level), area: d.areaName });
  return (
    <article className="agenda-print">
      <p className="agenda-no-print">
        <Link to={`/agenda/manage/${d.id}`}>{t("agenda.manage.title")}</Link> · {t("agenda.print.hint")}
      </p>
      <h1>{t("agenda.print.title", { year: d.year })}</h1>
      <p className="lead">{title}</p>
      {d.event && (
        <p>
          {formatDateTime(d.event.startsAt, locale)} · {d.event.venueName}, {d.event.venueAddress}
        </p>
      )}
      <p>
        <a className="agenda-print-url" href={d.url}>
          {d.url}
        </a>
      </p>

      <h2>{t("agenda.public.items")}</h2>
      <ol className="agenda-items">
        {items.map((item) => (
          <li key={item.id} className="agenda-item">
            <div className="agenda-item-head">
              <span className="agenda-rank">{t("agenda.public.rank", { rank: item.rank })}</span>
              <span className="agenda-score">
                {t("agenda.score.total")}: {item.breakdown.total} ({t("agenda.score.supports")} {item.breakdown.components.supports}, {t("agenda.score.votes")}{" "}
                {item.breakdown.components.votes}, {t("agenda.score.urgency")} {item.breakdown.components.urgency}, {t("agenda.score.reach")}{" "}
                {item.breakdown.components.reach})
              </span>
            </div>
            <h3>{item.title}</h3>
            <p>{item.rationale}</p>
            <ul className="agenda-meta">
              {item.agency && (
                <li>
                  {t("agenda.public.agency")}: {item.agency}
                </li>
              )}
              {item.costEstimate !== null && (
                <li>
                  {t("agenda.public.cost")}: {formatRupiah(item.costEstimate, locale)}
                </li>
              )}
              <li>
                {t("agenda.decision.label")}: <DecisionTag decision={item.decision} />
              </li>
            </ul>
            <p>
              <strong>{t("agenda.public.sources")}:</strong>{" "}
              {item.aspirations
                .map((a) => `${a.code} ${a.title}${a.sourceQuestion ? ` (${a.sourceQuestion.eventTitle})` : a.sourceEvent ? ` (${a.sourceEvent.title})` : ""}`)
                .join("; ")}
            </p>
          </li>
        ))}
      </ol>

      <section className="agenda-page-break" aria-labelledby="attendance-title">
        <h2 id="attendance-title">{t("agenda.print.attendance")}</h2>
        <p>{title}</p>
        {present.length === 0 && <p>{t("agenda.print.attendanceEmpty")}</p>}
        <div className="table-wrap">
          <table className="agenda-attendance">
            <thead>
              <tr>
                <th scope="col">{t("agenda.print.no")}</th>
                <th scope="col">{t("agenda.print.name")}</th>
                <th scope="col">{t("agenda.print.area")}</th>
                <th scope="col">{t("agenda.print.time")}</th>
                <th scope="col">{t("agenda.print.signature")}</th>
              </tr>
            </thead>
            <tbody>
              {present.map((p, i) => (
                <tr key={p.id}>
                  <td>{i + 1}</td>
                  <td>
                    {p.name}
                    {p.walkIn && <span className="muted"> ({t("agenda.print.walkIn")})</span>}
                  </td>
                  <td>{p.area}</td>
                  <td>{formatTime(p.checkedInAt, locale)}</td>
                  <td className="sign" />
                </tr>
              ))}
              {Array.from({ length: BLANK_ROWS }, (_, i) => (
                <tr key={`blank-${i}`}>
                  <td>{present.length + i + 1}</td>
                  <td />
                  <td />
                  <td />
                  <td className="sign" />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </article>
  );
}
