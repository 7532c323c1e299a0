// "Kami mendengar, kami bertindak": the office's public report for a period: what
// residents said, what was decided, what was done. Printable.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/TableRegion";
import { PrintButton } from "~/components/aspirations/PrintButton";
import { PeriodPicker, periodText } from "~/components/satisfaction/PeriodPicker";
import { officeReport } from "~/domain/satisfaction/office-report.server";
import { formatIkm } from "~/domain/satisfaction/ikm";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { defineLoader } from "~/utils/boundary.server";
import { periodChoices, periodFrom } from "~/utils/satisfaction.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("satisfaction.office.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const period = periodFrom(request);
  return { report: await officeReport(context.db, period), choices: periodChoices(period) };
});

export default function OfficeReport() {
  const t = useT();
  const locale = useLocale();
  const { report: r, choices } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("satisfaction.office.title")}</h1>
      <p className="skm-period">{periodText(t, r.period)}</p>
      <div className="no-print">
        <PeriodPicker period={r.period} choices={choices} />
        <PrintButton label={t("satisfaction.report.print")} />
      </div>
      <section aria-labelledby="said-h">
        <h2 id="said-h">{t("satisfaction.office.said")}</h2>
        <dl className="skm-facts">
          <dt>{t("satisfaction.office.aspirations")}</dt>
          <dd>{r.said.aspirations}</dd>
          <dt>{t("satisfaction.office.answers")}</dt>
          <dd>{r.said.answers}</dd>
        </dl>
        {r.said.comments.length > 0 && (
          <ul className="skm-comments">
            {r.said.comments.map((c) => (
              <li key={c.id}>
                <blockquote>{c.comment}</blockquote>
                <p className="muted">{c.unit}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="decided-h">
        <h2 id="decided-h">{t("satisfaction.office.decided")}</h2>
        <dl className="skm-facts">
          <dt>{t("satisfaction.office.accepted")}</dt>
          <dd>{r.decided.accepted}</dd>
          <dt>{t("satisfaction.office.deferred")}</dt>
          <dd>{r.decided.deferred}</dd>
          <dt>{t("satisfaction.office.declined")}</dt>
          <dd>{r.decided.declined}</dd>
        </dl>
        <p>
          <Link to="/agenda">{t("satisfaction.office.agendaLink")}</Link>
        </p>
      </section>
      <section aria-labelledby="done-h">
        <h2 id="done-h">{t("satisfaction.office.done")}</h2>
        <dl className="skm-facts">
          <dt>{t("satisfaction.office.resolved")}</dt>
          <dd>{r.done.aspirationsResolved}</dd>
          <dt>{t("satisfaction.followUp.status.done")}</dt>
          <dd>{r.done.actionsDone}</dd>
          <dt>{t("satisfaction.followUp.status.in_progress")}</dt>
          <dd>{r.done.actionsInProgress}</dd>
          <dt>{t("satisfaction.followUp.status.planned")}</dt>
          <dd>{r.done.actionsPlanned}</dd>
        </dl>
      </section>
      <section aria-labelledby="units-h">
        <h2 id="units-h">{t("satisfaction.report.ranking")}</h2>
        <TableRegion labelledBy="units-caption">
          <table>
            <caption id="units-caption">{t("satisfaction.report.ranking")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("satisfaction.report.unit")}</th>
                <th scope="col">IKM</th>
                <th scope="col">{t("satisfaction.report.grade")}</th>
                <th scope="col">{t("satisfaction.report.respondents")}</th>
              </tr>
            </thead>
            <tbody>
              {r.units.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    <Link to={`/survei/hasil/${u.id}?period=${r.period}`}>{u.name}</Link>
                  </th>
                  <td>{u.ikm === null ? "—" : formatIkm(u.ikm, locale)}</td>
                  <td>{u.grade ?? "—"}</td>
                  <td>{u.respondents}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>
    </>
  );
}
