import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DecisionTag, FormErrors, PhaseTimeline, ScheduleList, ScoreBreakdown, ScoreFormula, levelLabel } from "~/components/agenda/AgendaParts";
import { SettingsFields } from "~/components/agenda/SettingsFields";
import { CsrfField, FormAlert, type FormState } from "~/components/forms";
import { advanceSchema, decideSchema, itemIdSchema, settingsSchema, wibDayValue } from "~/domain/agenda/agenda.schema";
import { advancePhase, decideItem, deliberationView, loadDeliberation, removeItem, scoredItems, updateSettings } from "~/domain/agenda/agenda.server";
import { canChangeItemSet, canDecide, canEditItemText, canEditSettings, nextPhase, type Phase } from "~/domain/agenda/phases";
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import type { MessageKey } from "~/i18n";
import { translate } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import agendaStyles from "~/styles/agenda.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("agenda.manage.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context, params }) => {
  await requirePermission(request, context, can.plan);
  const d = await loadDeliberation(context.db, idParam(params, "id", "agenda.notFound"));
  const items = await scoredItems(context.db, d);
  return { d: deliberationView(d), next: nextPhase(d.phase as Phase), items };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, params, form }) => {
  const actor = await requirePermission(request, context, can.plan);
  const id = idParam(params, "id", "agenda.notFound");
  const back = (hash = "") => `/agenda/manage/${id}${hash}`;
  switch (form.get("intent")) {
    case "advance": {
      const { to } = form.parse(advanceSchema);
      await advancePhase(context.db, context.mailer, actor, id, to);
      const phase = translate(getLocale(request), `agenda.phase.${to}` as MessageKey);
      return redirectWithFlash(context, back(), { key: "agenda.phase.advanced", params: { phase } });
    }
    case "settings": {
      await updateSettings(context.db, actor, id, form.parse(settingsSchema));
      return redirectWithFlash(context, back(), { key: "agenda.settings.saved" });
    }
    case "remove": {
      const { itemId } = form.parse(itemIdSchema);
      await removeItem(context.db, actor, id, itemId);
      return redirectWithFlash(context, back(), { key: "agenda.item.removed" });
    }
    case "decide": {
      const input = form.parse(decideSchema);
      await decideItem(context.db, context.mailer, actor, id, input);
      return redirectWithFlash(context, back(`#item-${input.itemId}`), { key: "agenda.decision.saved" });
    }
    default:
      throw new DomainError("error.badRequest");
  }
});

export default function ManageDeliberation() {
  const t = useT();
  const { d, next, items } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const heading = t("agenda.heading", { year: d.year, level: levelLabel(t, d.level), area: d.areaName });
  const failedItem = state?.values?.itemId;
  const settingsState = state?.values?.intent === "settings" ? state : undefined;
  // refused with no form of its own on the page (e.g. an item id that is not one): said at the top
  const strayState =
    state && !["advance", "settings"].includes(state.values.intent ?? "") && !items.some((i) => String(i.id) === failedItem) ? state : undefined;
  return (
    <>
      <h1>{heading}</h1>
      <p className="muted">{t("agenda.manage.title")}</p>
      <PhaseTimeline phase={d.phase} />
      <FormErrors state={strayState} />
      {state?.values?.intent === "advance" && <FormErrors state={state} />}
      {next && (
        <Form method="post" className="agenda-inline-actions">
          <CsrfField />
          <input type="hidden" name="intent" value="advance" />
          <input type="hidden" name="to" value={next} />
          <button type="submit">{t("agenda.phase.advance", { phase: t(`agenda.phase.${next}` as MessageKey) })}</button>
        </Form>
      )}
      <ul className="agenda-links">
        <li>
          <Link to={`/agenda/manage/${d.id}/pool`}>{t("agenda.manage.pool")}</Link>
        </li>
        <li>
          <Link to={`/agenda/manage/${d.id}/print`}>{t("agenda.manage.print")}</Link>
        </li>
        <li>
          <Link to={`/agenda/manage/${d.id}/minutes`}>{t("agenda.manage.minutes")}</Link>
        </li>
        <li>
          <Link to={`/agenda/manage/${d.id}/assist`}>{t("agenda.manage.assist")}</Link>
        </li>
        <li>
          <Link to={d.path}>{t("agenda.manage.public")}</Link>
        </li>
      </ul>
      <ScheduleList d={d} />

      <h2>{t("agenda.manage.items", { count: items.length })}</h2>
      {items.length === 0 ? (
        <p>{t("agenda.manage.none")}</p>
      ) : (
        <ol className="agenda-items">
          {items.map((item) => {
            const itemState = failedItem === String(item.id) ? state : undefined;
            const decided = item.decision !== null;
            return (
              <li key={item.id} id={`item-${item.id}`} className="agenda-item">
                <div className="agenda-item-head">
                  <span className="agenda-rank">{t("agenda.public.rank", { rank: item.rank })}</span>
                  <DecisionTag decision={item.decision} />
                </div>
                <h3>{item.title}</h3>
                <ScoreBreakdown breakdown={item.breakdown} weights={d} label={`${t("agenda.score.breakdown")}: ${item.title}`} />
                <p className="muted">
                  {item.aspirations.map((a) => a.code).join(", ")}
                  {item.decisionReason && (
                    <>
                      {" "}
                      · {t("agenda.decision.reason")}: {item.decisionReason}
                    </>
                  )}
                </p>
                <div className="agenda-inline-actions">
                  {canEditItemText(d.phase, decided) && (
                    <Link className="button button-secondary" to={`/agenda/manage/${d.id}/items/${item.id}`}>
                      {t("agenda.item.edit")}
                    </Link>
                  )}
                  {canChangeItemSet(d.phase) && (
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="itemId" value={item.id} />
                      <button type="submit" className="button-secondary" aria-label={`${t("agenda.item.remove")}: ${item.title}`}>
                        {t("agenda.item.remove")}
                      </button>
                    </Form>
                  )}
                </div>
                {canDecide(d.phase, decided) && (
                  <Form method="post" className="agenda-decide" noValidate>
                    <CsrfField />
                    <FormAlert state={itemState} />
                    <input type="hidden" name="intent" value="decide" />
                    <input type="hidden" name="itemId" value={item.id} />
                    <fieldset>
                      <legend>
                        {t("agenda.decision.label")}: {item.title}
                      </legend>
                      {(["accepted", "deferred", "declined"] as const).map((dec) => (
                        <label key={dec} className="agenda-radio">
                          <input type="radio" name="decision" value={dec} defaultChecked={itemState?.values?.decision === dec} required />
                          {t(`agenda.decision.${dec}`)}
                        </label>
                      ))}
                      {itemState?.errors?.decision && <p className="field-error">{t(itemState.errors.decision.key)}</p>}
                    </fieldset>
                    <TextAreaFieldFor itemId={item.id} state={itemState} />
                    <button type="submit">{t("agenda.decision.submit")}</button>
                  </Form>
                )}
              </li>
            );
          })}
        </ol>
      )}

      <ScoreFormula d={d} />

      <h2>{t("agenda.settings.title")}</h2>
      {canEditSettings(d.phase) ? (
        <Form method="post" className="stack" noValidate>
          <CsrfField />
          <FormAlert state={settingsState} />
          <input type="hidden" name="intent" value="settings" />
          <SettingsFields
            state={settingsState}
            defaults={{
              intakeStart: wibDayValue(d.intakeStart),
              intakeEnd: wibDayValue(d.intakeEnd),
              reviewStart: wibDayValue(d.reviewStart),
              reviewEnd: wibDayValue(d.reviewEnd),
              votesPerResident: d.votesPerResident,
              weightSupports: d.weightSupports,
              weightVotes: d.weightVotes,
              weightUrgency: d.weightUrgency,
              weightReach: d.weightReach,
              verifiedResidentsOnly: d.verifiedResidentsOnly,
            }}
          />
          <button type="submit">{t("agenda.settings.submit")}</button>
        </Form>
      ) : (
        <p>{t("agenda.settings.locked")}</p>
      )}
    </>
  );
}

function TextAreaFieldFor({ itemId, state }: { itemId: number; state?: FormState }) {
  const t = useT();
  // one reason field per item: ids must be unique on the page
  const error = state?.errors?.reason;
  const id = `reason-${itemId}`;
  return (
    <div className="field">
      <label htmlFor={id}>{t("agenda.decision.reason")}</label>
      <p className="hint" id={`${id}-hint`}>
        {t("agenda.decision.reasonHint")}
      </p>
      <textarea
        id={id}
        name="reason"
        rows={3}
        maxLength={2000}
        defaultValue={state?.values?.reason}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ")}
      />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {t(error.key, error.params)}
        </p>
      )}
    </div>
  );
}
