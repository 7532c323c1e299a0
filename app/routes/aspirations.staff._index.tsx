import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusTag, channelLabel } from "~/components/aspirations/AspirationFields";
import { can } from "~/domain/accounts/roles";
import { listOverdue, listToVerify } from "~/domain/aspirations/aspirations.server";
import { formatDateTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/aspirations.css";
import { requirePermission } from "~/utils/auth.server";
import { defineLoader } from "~/utils/boundary.server";
import { TableRegion } from "~/components/TableRegion";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("aspirations.staff.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const actor = await requirePermission(request, context, can.manageAspirations);
  const [overdue, toVerify] = await Promise.all([listOverdue(context.db, actor), listToVerify(context.db, actor)]);
  return { overdue, toVerify, admin: can.configureAspirations(actor) };
});

export default function StaffDesk() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="wide-layout">
      <h1>{t("aspirations.staff.title")}</h1>
      <ul className="actions">
        <li>
          <Link className="button" to="/aspirations/staff/intake">
            {t("aspirations.staff.intake")}
          </Link>
        </li>
        <li>
          <Link to="/aspirations/staff/import">{t("aspirations.staff.import")}</Link>
        </li>
        <li>
          <Link to="/aspirations/staff/inbox">{t("channels.inbox.title")}</Link>
        </li>
        <li>
          <Link to="/aspirations/report">{t("aspirations.index.report")}</Link>
        </li>
        {data.admin && (
          <li>
            <Link to="/aspirations/staff/settings">{t("aspirations.staff.settings")}</Link>
          </li>
        )}
      </ul>

      {/* on a laptop what is late beside what waits to be verified */}
      <div className="desk-columns">
        <section aria-labelledby="overdue-title">
          <h2 id="overdue-title">
            {t("aspirations.staff.overdue")} ({data.overdue.length})
          </h2>
          {data.overdue.length === 0 ? (
            <p>{t("aspirations.staff.noOverdue")}</p>
          ) : (
            <TableRegion labelledBy="overdue-title">
              <table aria-labelledby="overdue-title">
                <thead>
                  <tr>
                    <th scope="col">{t("aspirations.staff.aspiration")}</th>
                    <th scope="col">{t("aspirations.staff.problem")}</th>
                    <th scope="col">{t("aspirations.staff.due")}</th>
                    <th scope="col">{t("aspirations.detail.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.overdue.map((o) => (
                    <tr key={o.code}>
                      <td>
                        <Link to={`/aspirations/${o.code}/manage`}>{o.title}</Link>
                        <br />
                        <span className="code-inline">{o.code}</span> · {t(channelLabel(o.channel))}
                      </td>
                      <td>{t(`aspirations.staff.kind.${o.kind}`)}</td>
                      <td>{formatDateTime(o.dueAt, locale)}</td>
                      <td>
                        <StatusTag status={o.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </section>
        <section aria-labelledby="verify-title">
          <h2 id="verify-title">
            {t("aspirations.staff.toVerify")} ({data.toVerify.length})
          </h2>
          {data.toVerify.length === 0 ? (
            <p>{t("aspirations.staff.noneToVerify")}</p>
          ) : (
            <ul className="aspiration-list">
              {data.toVerify.map((a) => (
                <li key={a.code}>
                  <h3>
                    <Link to={`/aspirations/${a.code}/manage`}>{a.title}</Link>
                  </h3>
                  <p className="meta">
                    <span className="code-inline">{a.code}</span> · {t(channelLabel(a.channel))} ·{" "}
                    {a.verifyDueAt ? t("aspirations.detail.verifyBy", { date: formatDateTime(a.verifyDueAt, locale) }) : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
