// The counter desk: call the next number at my counter (priority first), recall, mark a
// no-show, start, transfer to another service, close as served, and record a digital
// assistance session. Every action is a plain form; with JavaScript the lists follow
// the unit's queue live. Counter staff and supervisors of the unit, and admins.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsrfField, Field, FormAlert, SelectField, TextAreaField } from "~/components/forms";
import { useLiveQueue } from "~/components/queue";
import { DomainError } from "~/domain/errors";
import { CAN_DO_ALONE, ONLINE_SERVICES, helpdeskSchema, queueActionSchema } from "~/domain/services/queue.schema";
import { counterDesk, publishQueue, queueAct, recordHelpdesk } from "~/domain/services/queue.server";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "~/utils/boundary.server";
import { siteOrigin } from "~/utils/services.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("queue.desk.title", { unit: data?.unit.name ?? "" })} · Balai` },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const actor = await requireUser(request, context);
  const unitId = idParam(params, "id", "services.unit.notFound");
  return counterDesk(context.db, actor, unitId);
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const actor = await requireUser(request, context);
  const unitId = idParam(params, "id", "services.unit.notFound");
  const counter = form.get("counter");
  const back = `/layanan/unit/${unitId}/loket${typeof counter === "string" && counter ? `?loket=${encodeURIComponent(counter.slice(0, 20))}` : ""}`;
  switch (form.get("intent")) {
    case "act": {
      const input = form.parse(queueActionSchema);
      const result = await queueAct(context.db, actor, unitId, input);
      publishQueue(context.realtime, result.change);
      const label = result.label ?? "";
      if (result.surveyToken) {
        const url = `${siteOrigin(request, context.config.publicUrl)}/survei/t/${result.surveyToken}`;
        return redirectWithFlash(context, back, { key: "queue.desk.served", params: { label, url } });
      }
      return redirectWithFlash(context, back, { key: input.action === "call" ? "queue.desk.called" : "queue.desk.done", params: { label } });
    }
    case "helpdesk":
      await recordHelpdesk(context.db, actor, unitId, form.parse(helpdeskSchema));
      return redirectWithFlash(context, back, { key: "queue.helpdesk.saved" });
    default:
      throw new DomainError("error.badRequest");
  }
});

export default function CounterDesk() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [search] = useSearchParams();
  const counter = search.get("loket") ?? "1";
  useLiveQueue(data.unit.id);
  const helpState = state?.values?.intent === "helpdesk" ? state : undefined;
  const actState = state?.values?.intent === "act" ? state : undefined;
  const hidden = (action: string, ticketId?: number) => (
    <>
      <CsrfField />
      <input type="hidden" name="intent" value="act" />
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="counter" value={counter} />
      {ticketId && <input type="hidden" name="ticketId" value={ticketId} />}
    </>
  );
  return (
    <>
      <p className="svc-kicker">
        <Link to={`/layanan/unit/${data.unit.id}`}>{data.unit.name}</Link> · <Link to={`/layanan/unit/${data.unit.id}/display`}>{t("queue.desk.display")}</Link>{" "}
        · <Link to={`/layanan/unit/${data.unit.id}/antrian?kanal=door`}>{t("queue.desk.take")}</Link> ·{" "}
        <Link to={`/layanan/unit/${data.unit.id}/angka`}>{t("queue.desk.figures")}</Link>
      </p>
      <h1>{t("queue.desk.title", { unit: data.unit.name })}</h1>
      <FormAlert state={actState} />

      <Form method="post" className="stack" noValidate aria-label={t("queue.desk.callNext")}>
        <CsrfField />
        <input type="hidden" name="intent" value="act" />
        <input type="hidden" name="action" value="call" />
        <Field name="counter" label={t("queue.desk.counter")} required state={actState} defaultValue={counter} />
        <SelectField name="serviceId" label={t("queue.desk.onlyService")} state={actState}>
          <option value="">{t("queue.desk.anyService")}</option>
          {data.services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.waiting})
            </option>
          ))}
        </SelectField>
        <button type="submit" className="queue-big-button">
          {t("queue.desk.callNext")}
        </button>
      </Form>

      <section aria-labelledby="desk-open">
        <h2 id="desk-open">{t("queue.desk.open")}</h2>
        {data.open.length === 0 ? (
          <p>{t("queue.desk.noneOpen")}</p>
        ) : (
          <ul className="queue-list" data-testid="desk-open">
            {data.open.map((tk) => (
              <li key={tk.id}>
                <strong>{tk.label}</strong> · {tk.service} · {t(`queue.ticket.status.${tk.status}`)}
                {tk.counter && <> · {t("queue.ticket.counter", { counter: tk.counter })}</>}
                <div className="queue-actions">
                  {tk.status === "called" && (
                    <>
                      <Form method="post">
                        {hidden("recall", tk.id)}
                        <button type="submit" className="button-secondary">
                          {t("queue.desk.recall")}
                        </button>
                      </Form>
                      <Form method="post">
                        {hidden("start", tk.id)}
                        <button type="submit">{t("queue.desk.start")}</button>
                      </Form>
                      <Form method="post">
                        {hidden("noShow", tk.id)}
                        <button type="submit" className="button-secondary">
                          {t("queue.desk.noShow")}
                        </button>
                      </Form>
                    </>
                  )}
                  <Form method="post">
                    {hidden("serve", tk.id)}
                    <button type="submit">{t("queue.desk.serve")}</button>
                  </Form>
                  <Form method="post" className="queue-inline">
                    {hidden("transfer", tk.id)}
                    <label htmlFor={`tr-${tk.id}`}>{t("queue.desk.transferTo", { label: tk.label })}</label>
                    <select id={`tr-${tk.id}`} name="serviceId" defaultValue="">
                      <option value="">—</option>
                      {data.services
                        .filter((s) => s.id !== tk.serviceId)
                        .map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name}
                          </option>
                        ))}
                    </select>
                    <button type="submit" className="button-secondary">
                      {t("queue.desk.transfer")}
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="desk-waiting">
        <h2 id="desk-waiting">{t("queue.desk.waiting")}</h2>
        {data.waiting.length === 0 ? (
          <p>{t("queue.desk.noneWaiting")}</p>
        ) : (
          <ol className="queue-list" data-testid="desk-waiting">
            {data.waiting.map((tk) => (
              <li key={tk.id}>
                <strong>{tk.label}</strong> · {tk.service}
                {tk.priority && <> · {t(`queue.priority.${tk.priority as "elderly" | "disability" | "pregnant"}`)}</>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="desk-help">
        <h2 id="desk-help">{t("queue.desk.helpdesk")}</h2>
        <Form method="post" className="stack" noValidate>
          <FormAlert state={helpState} />
          <CsrfField />
          <input type="hidden" name="intent" value="helpdesk" />
          <input type="hidden" name="counter" value={counter} />
          <SelectField name="onlineService" label={t("queue.helpdesk.onlineService")} required state={helpState}>
            <option value="">—</option>
            {ONLINE_SERVICES.map((o) => (
              <option key={o} value={o}>
                {t(`queue.helpdesk.online.${o}`)}
              </option>
            ))}
          </SelectField>
          <SelectField name="serviceId" label={t("queue.helpdesk.service")} state={helpState}>
            <option value="">—</option>
            {data.services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <TextAreaField name="difficulty" label={t("queue.helpdesk.difficulty")} rows={3} maxLength={1000} state={helpState} />
          <SelectField name="canDoAlone" label={t("queue.helpdesk.canDoAlone")} required state={helpState}>
            <option value="">—</option>
            {CAN_DO_ALONE.map((o) => (
              <option key={o} value={o}>
                {t(`queue.helpdesk.alone.${o}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit">{t("queue.helpdesk.save")}</button>
        </Form>
      </section>
    </>
  );
}
