import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { levelLabel } from "~/components/agenda/AgendaParts";
import { listDeliberations } from "~/domain/agenda/agenda.server";
import { can } from "~/domain/accounts/roles";
import type { MessageKey } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import agendaStyles from "~/styles/agenda.css";
import { getUser } from "~/utils/auth.server";
import { defineLoader } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("agenda.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const user = await getUser(request, context);
  return { canPlan: can.plan(user), deliberations: await listDeliberations(context.db, user) };
});

export default function AgendaIndex() {
  const t = useT();
  const { canPlan, deliberations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("agenda.title")}</h1>
      <p className="lead">{t("agenda.intro")}</p>
      {canPlan && (
        <p>
          <Link className="button" to="/agenda/new">
            {t("agenda.create")}
          </Link>
        </p>
      )}
      {deliberations.length === 0 ? (
        <p>{t("agenda.list.empty")}</p>
      ) : (
        <ul className="cards">
          {deliberations.map((d) => (
            <li key={d.id} className="card">
              <span className="tag">{t(`agenda.phase.${d.phase}` as MessageKey)}</span>
              <h2 className="h3">
                <Link to={d.path}>{t("agenda.heading", { year: d.year, level: levelLabel(t, d.level), area: d.areaName })}</Link>
              </h2>
              <p>{t("agenda.list.items", { count: d.itemCount })}</p>
              {canPlan && (
                <p>
                  <Link to={`/agenda/manage/${d.id}`}>{t("agenda.list.manage")}</Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
