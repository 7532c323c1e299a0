import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/aspirations/BarChart";
import { PrintButton } from "~/components/aspirations/PrintButton";
import { getDeadlineSettings } from "~/domain/aspirations/calendar.server";
import { currentPeriod, formatPeriod, parsePeriod, recentPeriods, type Period } from "~/domain/aspirations/period";
import { cachedFollowUpReport, type Breakdown } from "~/domain/aspirations/report.server";
import { formatDate, type Locale, type MessageKey } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/aspirations.css";
import { TableRegion } from "~/components/TableRegion";
import { defineLoader } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("aspirations.report.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const period = parsePeriod(new URL(request.url).searchParams.get("period")) ?? currentPeriod("month");
  const [report, settings] = await Promise.all([cachedFollowUpReport(context.db, context.counts, period), getDeadlineSettings(context.db)]);
  return { report, settings, period, months: recentPeriods("month", 18), quarters: recentPeriods("quarter", 8) };
});

function periodName(p: Period, locale: Locale, t: ReturnType<typeof useT>) {
  if (p.kind === "quarter") return t("aspirations.report.quarter", { n: p.n, year: p.year });
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(p.year, p.n - 1, 15)),
  );
}

function BreakdownSection({ id, title, rows }: { id: string; title: string; rows: Breakdown[] }) {
  const t = useT();
  const locale = useLocale();
  const label = (r: Breakdown) => (locale === "en" ? r.labelEn : r.labelId);
  const columns: [MessageKey, (r: Breakdown) => string | number][] = [
    ["aspirations.report.received", (r) => r.received],
    ["aspirations.report.verified", (r) => r.verified],
    ["aspirations.report.rejected", (r) => r.rejected],
    ["aspirations.report.resolved", (r) => r.resolved],
    ["aspirations.report.overdue", (r) => r.overdue],
    [
      "aspirations.report.median",
      (r) =>
        r.medianDaysToFirstResponse === null
          ? t("aspirations.report.noMedian")
          : r.medianDaysToFirstResponse.toLocaleString(locale === "en" ? "en-GB" : "id-ID"),
    ],
  ];
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      <p className="legend" aria-hidden="true">
        <span>
          <span className="swatch swatch-received" />
          {t("aspirations.report.legendReceived")}
        </span>
        <span>
          <span className="swatch swatch-resolved" />
          {t("aspirations.report.legendResolved")}
        </span>
      </p>
      <BarChart
        id={id}
        title={t("aspirations.report.chartLabel", { by: title.toLowerCase() })}
        rows={rows.map((r) => ({ label: label(r), received: r.received, resolved: r.resolved }))}
      />
      {/* on a phone one card per row (the column names beside the figures); wider, a table that may scroll */}
      <TableRegion label={title}>
        {/* explicit roles: the cards' CSS display would otherwise drop the table's semantics */}
        <table className="card-table" role="table">
          <caption className="visually-hidden">{title}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                {t("aspirations.report.group")}
              </th>
              {columns.map(([key]) => (
                <th scope="col" role="columnheader" key={key}>
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((r) => (
              <tr key={r.key} role="row">
                <th scope="row" role="rowheader">
                  {label(r)}
                </th>
                {columns.map(([key, value]) => (
                  <td role="cell" key={key}>
                    <span className="cell-label" aria-hidden="true">
                      {t(key)}
                    </span>
                    <span>{value(r)}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

export default function Report() {
  const t = useT();
  const locale = useLocale();
  const { report, settings, period, months, quarters } = useLoaderData<typeof loader>();
  const current = formatPeriod(period);
  const m = report.totals.medianDaysToFirstResponse;
  const csv = `/aspirations/data/report.csv?period=${current}`;
  const jsonHref = `/aspirations/data/report.json?period=${current}`;
  return (
    <>
      <h1>
        {t("aspirations.report.title")}: {periodName(period, locale, t)}
      </h1>
      <p>{t("aspirations.report.lead", { verify: settings.verifyDays, response: settings.responseDays })}</p>
      <p className="meta">
        {formatDate(report.start, locale)} – {formatDate(new Date(report.end.getTime() - 1), locale)}
      </p>
      <Form method="get" className="search-form no-print">
        <div className="field">
          <label htmlFor="period">{t("aspirations.report.period")}</label>
          <select id="period" name="period" defaultValue={current}>
            <optgroup label={t("aspirations.report.months")}>
              {months.map((p) => (
                <option key={formatPeriod(p)} value={formatPeriod(p)}>
                  {periodName(p, locale, t)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("aspirations.report.quarters")}>
              {quarters.map((p) => (
                <option key={formatPeriod(p)} value={formatPeriod(p)}>
                  {periodName(p, locale, t)}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <button type="submit">{t("aspirations.report.show")}</button>
      </Form>

      <ul className="figures">
        <li>
          <span className="value">{report.totals.received}</span>
          {t("aspirations.report.received")}
        </li>
        <li>
          <span className="value">{report.totals.verified}</span>
          {t("aspirations.report.verified")}
        </li>
        <li>
          <span className="value">{report.totals.resolved}</span>
          {t("aspirations.report.resolved")}
        </li>
        <li>
          <span className="value">{report.totals.rejected}</span>
          {t("aspirations.report.rejected")}
        </li>
        <li>
          <span className="value">{report.totals.overdue}</span>
          {t("aspirations.report.overdue")}
        </li>
        <li>
          <span className="value">{m === null ? "–" : t("aspirations.report.days", { days: m.toLocaleString(locale === "en" ? "en-GB" : "id-ID") })}</span>
          {t("aspirations.report.median")}
        </li>
      </ul>

      {report.totals.received === 0 ? (
        <p>{t("aspirations.report.empty")}</p>
      ) : (
        <>
          <BreakdownSection id="by-category" title={t("aspirations.report.byCategory")} rows={report.byCategory} />
          <BreakdownSection id="by-kelurahan" title={t("aspirations.report.byKelurahan")} rows={report.byKelurahan} />
        </>
      )}
      <p className="no-print">
        {t("aspirations.report.download", { csv: "CSV", json: "JSON" })
          .split(/(CSV|JSON)/)
          .map((part, i) =>
            part === "CSV" ? (
              <a key={i} href={csv}>
                CSV
              </a>
            ) : part === "JSON" ? (
              <a key={i} href={jsonHref}>
                JSON
              </a>
            ) : (
              part
            ),
          )}
      </p>
      <p className="no-print">
        {t("aspirations.report.print")} <PrintButton label={t("aspirations.report.printButton")} />
      </p>
    </>
  );
}
