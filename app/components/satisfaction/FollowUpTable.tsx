// The follow-up plan (rencana tindak lanjut) as a table: action, owner, due date,
// status and what it answers (aspirations by code, deliberation items, findings).
import { Link } from "@remix-run/react";
import { TableRegion } from "~/components/TableRegion";
import type { FollowUpPlan } from "~/domain/satisfaction/followup.server";
import { formatDate, type MessageKey } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

export function FollowUpTable({ plan }: { plan: FollowUpPlan }) {
  const t = useT();
  const locale = useLocale();
  if (plan.length === 0) return <p>{t("satisfaction.followUp.none")}</p>;
  return (
    <TableRegion labelledBy="plan-caption">
      <table>
        <caption id="plan-caption">{t("satisfaction.followUp.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("satisfaction.followUp.actionTitle")}</th>
            <th scope="col">{t("satisfaction.followUp.owner")}</th>
            <th scope="col">{t("satisfaction.followUp.due")}</th>
            <th scope="col">{t("satisfaction.followUp.status")}</th>
            <th scope="col">{t("satisfaction.followUp.answers")}</th>
          </tr>
        </thead>
        <tbody>
          {plan.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                {a.title}
                {a.description && <span className="muted"> — {a.description}</span>}
              </th>
              <td>{a.ownerName}</td>
              <td>{formatDate(new Date(a.dueOn), locale)}</td>
              <td>{t(`satisfaction.followUp.status.${a.status}` as MessageKey)}</td>
              <td>
                <ul className="skm-inline-list">
                  {a.elementKey && <li>{t("satisfaction.followUp.element", { key: a.elementKey })}</li>}
                  {a.aspirations.map((x) => (
                    <li key={x.code}>
                      <Link to={`/aspirations/${x.code}`}>{x.code}</Link> {x.title}
                    </li>
                  ))}
                  {a.agendaItems.map((x) => (
                    <li key={x.id}>{t("satisfaction.followUp.agendaItem", { year: x.year, title: x.title })}</li>
                  ))}
                  {a.findings > 0 && <li>{t("satisfaction.followUp.finding", { count: a.findings })}</li>}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
