// "Kami mendengar, kami bertindak": the office's public report for a period: what
// residents said, what was decided, what was done. Printable.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PrintButton } from "~/components/aspirations/PrintButton";
import { Facts, RankingTable } from "~/components/satisfaction/Figures";
import { PeriodPicker, periodText } from "~/components/satisfaction/PeriodPicker";
import { officeReport } from "~/domain/satisfaction/office-report.server";
import { metaT, useT } from "~/i18n/react";
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
        <Facts
          rows={[
            { label: t("satisfaction.office.aspirations"), value: r.said.aspirations },
            { label: t("satisfaction.office.answers"), value: r.said.answers },
          ]}
        />
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
        <Facts
          rows={[
            { label: t("satisfaction.office.accepted"), value: r.decided.accepted },
            { label: t("satisfaction.office.deferred"), value: r.decided.deferred },
            { label: t("satisfaction.office.declined"), value: r.decided.declined },
          ]}
        />
        <p>
          <Link to="/agenda">{t("satisfaction.office.agendaLink")}</Link>
        </p>
      </section>
      <section aria-labelledby="done-h">
        <h2 id="done-h">{t("satisfaction.office.done")}</h2>
        <Facts
          rows={[
            { label: t("satisfaction.office.resolved"), value: r.done.aspirationsResolved },
            { label: t("satisfaction.followUp.status.done"), value: r.done.actionsDone },
            { label: t("satisfaction.followUp.status.in_progress"), value: r.done.actionsInProgress },
            { label: t("satisfaction.followUp.status.planned"), value: r.done.actionsPlanned },
          ]}
        />
      </section>
      <section aria-labelledby="units-h">
        <h2 id="units-h">{t("satisfaction.report.ranking")}</h2>
        <RankingTable rows={r.units} linkTo={(id) => `/survei/hasil/${id}?period=${r.period}`} />
      </section>
    </>
  );
}
