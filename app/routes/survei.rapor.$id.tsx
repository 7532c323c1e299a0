// A unit's (or service's) report card for a period: IKM and grade, the nine NRRs, the
// trend over earlier periods, and from the rest of Balai the counter's waiting and
// service times, assisted digital sessions and the days to a first answer on
// aspirations. Charts as SVG with the same figures in tables; printable.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PrintButton } from "~/components/aspirations/PrintButton";
import { ElementsTable, IkmSummary, SampleNote, TrendSection } from "~/components/satisfaction/Figures";
import { PeriodPicker, periodText } from "~/components/satisfaction/PeriodPicker";
import { reportCard } from "~/domain/satisfaction/figures.server";
import { formatPeriod } from "~/domain/periods";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { defineLoader, idParam, notFound } from "~/utils/boundary.server";
import { periodChoices, periodFrom, serviceFrom } from "~/utils/satisfaction.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("satisfaction.report.unitTitle", { unit: data?.card.unit.name ?? "" })} · Balai` },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const id = idParam(params, "id", "satisfaction.unit.notFound");
  const period = periodFrom(request);
  const card = await reportCard(context.db, { unitId: id, serviceId: serviceFrom(request), period });
  if (!card) notFound("satisfaction.unit.notFound");
  const services = await context.db.service.findMany({ where: { unitId: id }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return { card, services, period: formatPeriod(period), choices: periodChoices(period) };
});

export default function ReportCardPage() {
  const t = useT();
  const locale = useLocale();
  const { card, services, period, choices } = useLoaderData<typeof loader>();
  const num = (v: number | null, key: "satisfaction.report.minutes" | "satisfaction.report.days") =>
    v === null
      ? t("satisfaction.report.none")
      : t(key, { value: new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: 1 }).format(v) });
  const c = card.counter;
  return (
    <>
      <h1>{t("satisfaction.report.unitTitle", { unit: card.unit.name })}</h1>
      <p className="skm-period">
        {periodText(t, period)}
        {card.service && ` · ${card.service.name}`}
      </p>
      <div className="no-print">
        <PeriodPicker period={period} choices={choices} services={services} service={card.service?.id} />
        <PrintButton label={t("satisfaction.report.print")} />
      </div>
      <div className="skm-headline">
        <IkmSummary result={card.figures.result} respondents={card.figures.respondents} />
        <SampleNote sample={card.sample} users={card.users} />
      </div>
      <section aria-labelledby="card-elements-h">
        <h2 id="card-elements-h">{t("satisfaction.results.elements")}</h2>
        <ElementsTable id="card-elements" elements={card.elements} nrr={card.figures.result.nrr} />
      </section>
      <TrendSection trend={card.trend} />
      <section aria-labelledby="counter-h">
        <h2 id="counter-h">{t("satisfaction.report.counter")}</h2>
        <dl className="skm-facts">
          <dt>{t("satisfaction.report.visits")}</dt>
          <dd>{c.visits}</dd>
          <dt>{t("satisfaction.report.waiting")}</dt>
          <dd>{num(c.waitingMinutes, "satisfaction.report.minutes")}</dd>
          <dt>{t("satisfaction.report.service")}</dt>
          <dd>{num(c.serviceMinutes, "satisfaction.report.minutes")}</dd>
          <dt>{t("satisfaction.report.assisted")}</dt>
          <dd>{c.assistedSessions}</dd>
          <dt>{t("satisfaction.report.alone")}</dt>
          <dd>{c.canDoAloneShare === null ? t("satisfaction.report.none") : `${Math.round(c.canDoAloneShare * 100)}%`}</dd>
          <dt>{t("satisfaction.report.firstAnswer")}</dt>
          <dd>{num(c.firstAnswerDays, "satisfaction.report.days")}</dd>
        </dl>
      </section>
      <p className="no-print">
        <Link to={`/survei/hasil/${card.unit.id}?period=${period}`}>{t("satisfaction.results")}</Link> ·{" "}
        <Link to={`/survei/rapor?period=${period}`}>{t("satisfaction.report.ranking")}</Link>
      </p>
    </>
  );
}
