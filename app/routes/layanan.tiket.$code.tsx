// A resident's ticket: number, state, people ahead, the counter when called; a plain
// refresh link (and a meta refresh without JavaScript), live with it. After the visit
// is closed as served: the satisfaction survey link.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLiveQueue } from "~/components/queue";
import { ticketView } from "~/domain/services/queue.server";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { defineLoader } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) => [
  { title: `${metaT(matches)("queue.ticket.title", { label: d?.ticket.label ?? "" })} · Balai` },
  { name: "robots", content: "noindex" },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ params, context }) => {
  const ticket = await ticketView(context.db, context.config.sessionSecret, params.code ?? "");
  return data({ ticket }, { headers: { "Cache-Control": "no-store" } });
});

export default function Ticket() {
  const t = useT();
  const { ticket } = useLoaderData<typeof loader>();
  useLiveQueue(ticket.unit.id);
  const live = ticket.status === "waiting" || ticket.status === "called" || ticket.status === "serving";
  const self = `/layanan/tiket/${ticket.code}`;
  return (
    <div className="queue-page">
      {live && (
        <noscript>
          <meta httpEquiv="refresh" content={`30;url=${self}`} />
        </noscript>
      )}
      <p className="svc-kicker">
        {ticket.unit.name} · {ticket.service.name}
      </p>
      <h1>{t("queue.ticket.title", { label: ticket.label })}</h1>
      <p className="queue-number" data-testid="ticket-number">
        {ticket.label}
      </p>
      <p className="queue-status" role="status" data-testid="ticket-status" data-status={ticket.status}>
        <strong>{t(`queue.ticket.status.${ticket.status}`)}</strong>
        {ticket.status === "waiting" && <> · {t("queue.ticket.ahead", { count: ticket.ahead })}</>}
        {(ticket.status === "called" || ticket.status === "serving") && ticket.counter && <> · {t("queue.ticket.counter", { counter: ticket.counter })}</>}
      </p>
      {ticket.transferredTo && (
        <p>
          <Link to={`/layanan/tiket/${ticket.transferredTo.code}`}>{t("queue.ticket.transferredTo", { label: ticket.transferredTo.label })}</Link>
        </p>
      )}
      {ticket.surveyToken && (
        <p>
          <Link to={`/survei/t/${ticket.surveyToken}`}>{t("queue.ticket.survey")}</Link>
        </p>
      )}
      <p className="muted">{t("queue.ticket.day", { day: ticket.day })}</p>
      {live && (
        <p>
          <a href={self} className="button">
            {t("queue.ticket.refresh")}
          </a>
        </p>
      )}
    </div>
  );
}
