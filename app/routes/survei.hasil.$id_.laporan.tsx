// The printable SKM report of a unit (or one of its services) for a period, as the
// regulation asks (PermenPAN-RB 14/2017): method and sample, the respondents' profile,
// the nine elements with their NRR and weighted NRR, the IKM and grade, the lowest
// elements and what answers them, the trend, the follow-up plan and the public
// consultation forum. One A4 document (print CSS); a plain page, no JavaScript needed.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PrintButton } from "~/components/aspirations/PrintButton";
import { ElementsTable, Facts, formatNrr, IkmSummary, ProfileTables, SampleNote, TrendSection } from "~/components/satisfaction/Figures";
import { FollowUpTable } from "~/components/satisfaction/FollowUpTable";
import { PeriodPicker, periodText } from "~/components/satisfaction/PeriodPicker";
import { TableRegion } from "~/components/TableRegion";
import { skmReport } from "~/domain/satisfaction/skm-report.server";
import { formatDate, formatDateTime, type MessageKey } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { defineLoader, idParam, notFound } from "~/utils/boundary.server";
import { periodChoices, periodFrom, serviceFrom } from "~/utils/satisfaction.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("satisfaction.skm.title")}: ${data?.report.unit.name ?? ""} · Balai` },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const id = idParam(params, "id", "satisfaction.unit.notFound");
  const period = periodFrom(request);
  const report = await skmReport(context.db, { unitId: id, serviceId: serviceFrom(request), period });
  if (!report) notFound("satisfaction.unit.notFound");
  return { report, choices: periodChoices(period) };
});

export default function SkmReportPage() {
  const t = useT();
  const locale = useLocale();
  const { report: r, choices } = useLoaderData<typeof loader>();
  const names = new Map(r.elements.map((e) => [e.key, e.name[locale]]));
  const query = `period=${r.period}${r.service ? `&service=${r.service.id}` : ""}`;
  return (
    <article className="skm-report">
      <header className="skm-report-head">
        <h1>{t("satisfaction.skm.title")}</h1>
        <p className="skm-period">
          {r.unit.name}
          {r.service && ` · ${r.service.name}`} · {periodText(t, r.period)}
        </p>
        <p>{t("satisfaction.skm.dates", { start: formatDate(new Date(r.start), locale), end: formatDate(new Date(r.end), locale) })}</p>
        <p className="hint">{t("satisfaction.skm.basis")}</p>
      </header>
      <div className="no-print">
        <PeriodPicker period={r.period} choices={choices} services={r.services} service={r.service?.id} />
        <PrintButton label={t("satisfaction.report.print")} />
        <p>
          <Link to={`/survei/hasil/${r.unit.id}?${query}`}>{t("satisfaction.skm.back")}</Link>
        </p>
      </div>

      <section aria-labelledby="skm-summary-h">
        <h2 id="skm-summary-h">{t("satisfaction.skm.summary")}</h2>
        <div className="skm-headline">
          <IkmSummary result={r.figures.result} respondents={r.figures.respondents} />
          <SampleNote sample={r.sample} users={r.users} />
        </div>
      </section>

      <section aria-labelledby="skm-method-h">
        <h2 id="skm-method-h">{t("satisfaction.skm.method")}</h2>
        <Facts
          rows={[
            {
              label: t("satisfaction.skm.population"),
              value:
                r.users.users === null
                  ? t("satisfaction.skm.populationUnknown")
                  : `${r.users.users} (${t(r.users.source === "queue" ? "satisfaction.skm.fromQueue" : "satisfaction.skm.fromStaff")})`,
            },
            { label: t("satisfaction.skm.sampleNeeded"), value: r.sample.needed === null ? "—" : r.sample.needed },
            { label: t("satisfaction.skm.respondents"), value: r.figures.respondents },
            {
              label: t("satisfaction.skm.representative"),
              value: t(r.sample.representative ? "satisfaction.skm.representativeYes" : "satisfaction.skm.representativeNo"),
            },
            { label: t("satisfaction.skm.excluded"), value: r.excluded },
          ]}
        />
        <p className="hint">{t("satisfaction.skm.formula")}</p>
        <TableRegion labelledBy="skm-channels">
          <table>
            <caption id="skm-channels">{t("satisfaction.skm.channels")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("satisfaction.skm.channel")}</th>
                <th scope="col">{t("satisfaction.results.answers")}</th>
              </tr>
            </thead>
            <tbody>
              {r.channels.map((c) => (
                <tr key={c.channel}>
                  <th scope="row">{t(`satisfaction.channel.${c.channel}` as MessageKey)}</th>
                  <td>{c.answers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <p className="hint">{t("satisfaction.skm.kioskNote")}</p>
        <p className="hint">{t("satisfaction.skm.computation")}</p>
      </section>

      <section aria-labelledby="skm-profile-h">
        <h2 id="skm-profile-h">{t("satisfaction.results.profile")}</h2>
        <p className="hint">{t("satisfaction.skm.profileNote")}</p>
        <ProfileTables profile={r.profile} shares />
      </section>

      <section aria-labelledby="skm-elements-h">
        <h2 id="skm-elements-h">{t("satisfaction.results.elements")}</h2>
        <ElementsTable id="skm-elements" elements={r.elements} nrr={r.figures.result.nrr} counts={r.figures.totals} result={r.figures.result} />
      </section>

      <section aria-labelledby="skm-lowest-h">
        <h2 id="skm-lowest-h">{t("satisfaction.skm.lowest")}</h2>
        {r.lowest.length === 0 ? (
          <p>{t("satisfaction.skm.noLowest")}</p>
        ) : (
          <ol className="skm-lowest">
            {r.lowest.map((e) => (
              <li key={e.key}>
                <strong>{t("satisfaction.skm.lowestItem", { key: e.key, name: names.get(e.key) ?? e.key, nrr: formatNrr(locale, e.nrr) })}</strong>
                {e.actions.length === 0 ? (
                  <p>{t("satisfaction.skm.lowestNoAction")}</p>
                ) : (
                  <ul>
                    {e.actions.map((a) => (
                      <li key={a.id}>
                        {a.title} ({t(`satisfaction.followUp.status.${a.status}` as MessageKey)})
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <TrendSection trend={r.trend} />

      <section aria-labelledby="plan-h">
        <h2 id="plan-h">{t("satisfaction.followUp.title")}</h2>
        <FollowUpTable plan={r.plan} />
      </section>

      <section aria-labelledby="skm-forum-h">
        <h2 id="skm-forum-h">{t("satisfaction.skm.forum")}</h2>
        {r.forumNote ? <p className="skm-forum-note">{r.forumNote}</p> : <p>{t("satisfaction.skm.forumNone")}</p>}
      </section>

      <footer className="skm-report-foot">
        <p className="muted">{t("satisfaction.skm.generated", { date: formatDateTime(new Date(r.generatedAt), locale) })}</p>
      </footer>
    </article>
  );
}
