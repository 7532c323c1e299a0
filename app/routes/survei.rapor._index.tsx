// Units side by side for a period (citizen report card): IKM, grade and respondents,
// best first, as an SVG chart with the same figures in a table. Public and printable.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/TableRegion";
import { BarChartSvg, gradeLabel } from "~/components/satisfaction/Figures";
import { PeriodPicker, periodText } from "~/components/satisfaction/PeriodPicker";
import { PrintButton } from "~/components/aspirations/PrintButton";
import { ranking } from "~/domain/satisfaction/figures.server";
import { formatIkm } from "~/domain/satisfaction/ikm";
import { formatPeriod } from "~/domain/periods";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { defineLoader } from "~/utils/boundary.server";
import { periodChoices, periodFrom } from "~/utils/satisfaction.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("satisfaction.report.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const period = periodFrom(request);
  return { rows: await ranking(context.db, period), period: formatPeriod(period), choices: periodChoices(period) };
});

export default function Ranking() {
  const t = useT();
  const locale = useLocale();
  const { rows, period, choices } = useLoaderData<typeof loader>();
  const ranked = rows.filter((r) => r.ikm !== null);
  return (
    <>
      <h1>{t("satisfaction.report.title")}</h1>
      <p className="skm-period">{periodText(t, period)}</p>
      <div className="no-print">
        <PeriodPicker period={period} choices={choices} />
        <PrintButton label={t("satisfaction.report.print")} />
      </div>
      <h2>{t("satisfaction.report.ranking")}</h2>
      {ranked.length > 0 && (
        <BarChartSvg
          id="ranking"
          title={t("satisfaction.report.rankingChart")}
          max={100}
          rows={ranked.map((r) => ({ label: r.unit.name, value: r.ikm, text: `${formatIkm(r.ikm!, locale)} (${r.grade})` }))}
        />
      )}
      <TableRegion labelledBy="ranking-caption">
        <table>
          <caption id="ranking-caption">{t("satisfaction.report.ranking")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("satisfaction.report.rank")}</th>
              <th scope="col">{t("satisfaction.report.unit")}</th>
              <th scope="col">IKM</th>
              <th scope="col">{t("satisfaction.report.grade")}</th>
              <th scope="col">{t("satisfaction.report.respondents")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unit.id}>
                <td>{r.rank ?? "—"}</td>
                <th scope="row">
                  <Link to={`/survei/rapor/${r.unit.id}?period=${period}`}>{r.unit.name}</Link>
                </th>
                <td>{r.ikm === null ? "—" : formatIkm(r.ikm, locale)}</td>
                <td>{r.grade ? `${r.grade} (${t(gradeLabel(r.grade))})` : "—"}</td>
                <td>{r.respondents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
