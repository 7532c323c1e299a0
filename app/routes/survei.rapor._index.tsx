// Units side by side for a period (citizen report card): IKM, grade and respondents,
// best first, as an SVG chart with the same figures in a table. Public and printable.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BarChartSvg, RankingTable } from "~/components/satisfaction/Figures";
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
      <RankingTable
        rows={rows.map((r) => ({ id: r.unit.id, name: r.unit.name, ikm: r.ikm, grade: r.grade, respondents: r.respondents, rank: r.rank }))}
        linkTo={(id) => `/survei/rapor/${id}?period=${period}`}
      />
    </>
  );
}
