// The public results of a unit (or one of its services) for a period: IKM and grade,
// the nine NRRs, respondents against the minimum sample (said plainly when too
// small), the respondents' profile and the moderated comments. No identities.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ElementsTable, IkmSummary, ProfileTables, SampleNote } from "~/components/satisfaction/Figures";
import { PeriodPicker, periodText } from "~/components/satisfaction/PeriodPicker";
import { trendFigures, trendPeriods, unitResults } from "~/domain/satisfaction/figures.server";
import { PrintButton } from "~/components/aspirations/PrintButton";
import { TrendSection } from "~/components/satisfaction/Figures";
import { followUpPlan } from "~/domain/satisfaction/followup.server";
import { FollowUpTable } from "~/components/satisfaction/FollowUpTable";
import { formatPeriod } from "~/domain/periods";
import { formatDate } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { defineLoader, idParam, notFound } from "~/utils/boundary.server";
import { periodChoices, periodFrom, serviceFrom } from "~/utils/satisfaction.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("satisfaction.results.title", { unit: data?.results.unit.name ?? "" })} · Balai` },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const id = idParam(params, "id", "satisfaction.unit.notFound");
  const period = periodFrom(request);
  const results = await unitResults(context.db, id, period, serviceFrom(request));
  if (!results) notFound("satisfaction.unit.notFound");
  const periods = trendPeriods(period, 4);
  const [plan, trend] = await Promise.all([
    followUpPlan(context.db, id, formatPeriod(period)),
    trendFigures(context.db, { unitId: id, serviceId: results.service?.id }, periods),
  ]);
  return {
    results,
    plan,
    trend: periods.map((p, i) => ({ period: formatPeriod(p), ikm: trend[i].result.shown, grade: trend[i].result.grade, respondents: trend[i].respondents })),
    period: formatPeriod(period),
    choices: periodChoices(period),
  };
});

export default function Results() {
  const t = useT();
  const locale = useLocale();
  const { results: r, plan, trend, period, choices } = useLoaderData<typeof loader>();
  const kiosk = r.figures.answers - r.figures.respondents;
  return (
    <>
      <h1>{t("satisfaction.results.title", { unit: r.unit.name })}</h1>
      <p className="skm-period">
        {periodText(t, period)}
        {r.service && ` · ${r.service.name}`}
      </p>
      <div className="no-print">
        <PeriodPicker period={period} choices={choices} services={r.services} service={r.service?.id} />
        <PrintButton label={t("satisfaction.report.print")} />
      </div>
      <div className="skm-headline">
        <IkmSummary result={r.figures.result} respondents={r.figures.respondents} />
        <SampleNote sample={r.sample} users={r.users} />
      </div>
      {kiosk > 0 && <p className="muted">{t("satisfaction.results.kioskAnswers", { count: kiosk })}</p>}
      <section aria-labelledby="elements-h">
        <h2 id="elements-h">{t("satisfaction.results.elements")}</h2>
        <ElementsTable id="elements" elements={r.elements} nrr={r.figures.result.nrr} counts={r.figures.totals} />
        <p className="hint">{t("satisfaction.results.method")}</p>
      </section>
      <section aria-labelledby="profile-h">
        <h2 id="profile-h">{t("satisfaction.results.profile")}</h2>
        <ProfileTables profile={r.profile} />
      </section>
      <section aria-labelledby="comments-h">
        <h2 id="comments-h">{t("satisfaction.results.comments")}</h2>
        {r.comments.length === 0 ? (
          <p>{t("satisfaction.results.noComments")}</p>
        ) : (
          <ul className="skm-comments">
            {r.comments.map((c) => (
              <li key={c.id}>
                <blockquote>{c.comment}</blockquote>
                <p className="muted">{formatDate(new Date(c.answeredAt), locale)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <TrendSection trend={trend} />
      <section aria-labelledby="plan-h">
        <h2 id="plan-h">{t("satisfaction.followUp.title")}</h2>
        <FollowUpTable plan={plan} />
      </section>
      <p>
        {(() => {
          const [before, middle, after] = t("satisfaction.publish.openData", { json: "\u0000", csv: "\u0001" }).split(/[\u0000\u0001]/);
          return (
            <>
              {before}
              <a href={`/survei/data/${r.unit.id}/hasil.json?period=${period}`}>JSON</a>
              {middle}
              <a href={`/survei/data/${r.unit.id}/hasil.csv?period=${period}`}>CSV</a>
              {after}
            </>
          );
        })()}
      </p>
      <p>
        <Link to={`/survei/unit/${r.unit.id}`}>{t("satisfaction.answer")}</Link> ·{" "}
        <Link to={`/survei/rapor/${r.unit.id}?period=${period}`}>{t("satisfaction.report.open")}</Link> ·{" "}
        <Link to={`/survei/hasil/${r.unit.id}/laporan?period=${period}${r.service ? `&service=${r.service.id}` : ""}`}>{t("satisfaction.skm.open")}</Link>
      </p>
    </>
  );
}
