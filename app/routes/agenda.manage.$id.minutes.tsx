import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DecisionTag, levelLabel } from "~/components/agenda/AgendaParts";
import { CsrfField, FormAlert, TextAreaField } from "~/components/forms";
import { minutesSchema } from "~/domain/agenda/agenda.schema";
import { attendance, loadDeliberation, saveMinutes, scoredItems } from "~/domain/agenda/agenda.server";
import { canEditMinutes } from "~/domain/agenda/phases";
import { can } from "~/domain/accounts/roles";
import { formatDateTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import agendaStyles from "~/styles/agenda.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("agenda.minutes.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context, params }) => {
  const actor = await requirePermission(request, context, can.plan);
  const d = await loadDeliberation(context.db, idParam(params, "id", "agenda.notFound"));
  const [items, present] = await Promise.all([scoredItems(context.db, d), attendance(context.db, actor, d)]);
  return {
    d: { id: d.id, year: d.year, level: d.level, areaName: d.area.name, event: d.event, minutes: d.minutes ?? "", phase: d.phase },
    editable: canEditMinutes(d.phase),
    items: items.map((i) => ({ id: i.id, rank: i.rank, title: i.title, decision: i.decision, decisionReason: i.decisionReason, score: i.breakdown.total })),
    presentCount: present.length,
  };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, params, form }) => {
  const actor = await requirePermission(request, context, can.plan);
  const id = idParam(params, "id", "agenda.notFound");
  await saveMinutes(context.db, actor, id, form.parse(minutesSchema).minutes);
  return redirectWithFlash(context, `/agenda/manage/${id}/minutes`, { key: "agenda.minutes.saved" });
});

export default function Minutes() {
  const t = useT();
  const locale = useLocale();
  const { d, editable, items, presentCount } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const title = t("agenda.heading", { year: d.year, level: levelLabel(t, d.level), area: d.areaName });
  return (
    <article>
      <p className="agenda-no-print">
        <Link to={`/agenda/manage/${d.id}`}>{t("agenda.manage.title")}</Link> · {t("agenda.print.hint")}
      </p>
      <h1>{t("agenda.minutes.title")}</h1>
      <p className="lead">{title}</p>
      {d.event && (
        <p>
          {formatDateTime(d.event.startsAt, locale)} · {d.event.venueName}, {d.event.venueAddress}
        </p>
      )}
      <p>{t("agenda.minutes.attendance", { count: presentCount })}</p>

      <h2>{t("agenda.minutes.decisions")}</h2>
      <ol>
        {items.map((i) => (
          <li key={i.id}>
            {i.title} ({t("agenda.score.total")} {i.score}): <DecisionTag decision={i.decision} />
            {i.decisionReason && (
              <>
                {" "}
                {t("agenda.decision.reason")}: {i.decisionReason}
              </>
            )}
          </li>
        ))}
      </ol>

      {editable ? (
        <Form method="post" className="agenda-no-print" noValidate>
          <CsrfField />
          <FormAlert state={state} />
          <TextAreaField
            name="minutes"
            label={t("agenda.minutes.field")}
            hint={t("agenda.minutes.hint")}
            state={state}
            rows={14}
            maxLength={20000}
            defaultValue={d.minutes}
          />
          <button type="submit">{t("agenda.minutes.submit")}</button>
        </Form>
      ) : (
        <p className="agenda-no-print">{t("agenda.minutes.locked")}</p>
      )}
      <section aria-labelledby="minutes-text">
        <h2 id="minutes-text">{t("agenda.minutes.field")}</h2>
        <p className="agenda-minutes-text">{d.minutes || t("agenda.minutes.empty")}</p>
      </section>
      <section aria-labelledby="signatures">
        <h2 id="signatures">{t("agenda.minutes.signatures")}</h2>
        <div className="agenda-signatures">
          <div>{t("agenda.minutes.chair")}</div>
          <div>{t("agenda.minutes.secretary")}</div>
          <div>{t("agenda.minutes.residentRep")}</div>
        </div>
      </section>
    </article>
  );
}
