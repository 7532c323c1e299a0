// Take a queue number for a service at a unit: from a phone by the counter's QR code,
// the door tablet (?kanal=door) or the display's kiosk (?kanal=kiosk). A plain form,
// phone-first; the answer is the ticket page.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, FormAlert, SelectField } from "~/components/forms";
import { DomainError } from "~/domain/errors";
import { queueServices, takeNumber, ticketCode, publishQueue } from "~/domain/services/queue.server";
import { CHANNELS, PRIORITIES, takeNumberSchema } from "~/domain/services/queue.schema";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("queue.title", { unit: data?.unit.name ?? "" })} · Balai` },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const unitId = idParam(params, "id", "services.unit.notFound");
  const kanal = new URL(request.url).searchParams.get("kanal");
  const channel = (CHANNELS as readonly string[]).includes(kanal ?? "") ? kanal! : "phone";
  return { ...(await queueServices(context.db, unitId)), channel };
});

export const action = /* @__PURE__ */ defineAction(async ({ params, context, form }) => {
  const unitId = idParam(params, "id", "services.unit.notFound");
  if (form.get("intent") !== "take") throw new DomainError("error.badRequest");
  const { ticket, change } = await takeNumber(context.db, unitId, form.parse(takeNumberSchema));
  publishQueue(context.realtime, change);
  return redirectWithFlash(context, `/layanan/tiket/${ticketCode(context.config.sessionSecret, ticket.id)}`, { key: "queue.ticket.taken" });
});

export default function TakeNumber() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <div className="queue-page">
      <h1>{t("queue.title", { unit: data.unit.name })}</h1>
      <p>{t("queue.intro")}</p>
      {data.services.length === 0 ? (
        <p>{t("queue.noServices")}</p>
      ) : (
        <Form method="post" className="stack" noValidate>
          <FormAlert state={state} />
          <CsrfField />
          <input type="hidden" name="intent" value="take" />
          <input type="hidden" name="channel" value={data.channel} />
          <SelectField name="serviceId" label={t("queue.service")} required state={state}>
            <option value="">—</option>
            {data.services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <fieldset>
            <legend>{t("queue.priority")}</legend>
            <p className="hint">{t("queue.priorityHint")}</p>
            <label className="queue-choice">
              <input type="radio" name="priority" value="" defaultChecked /> {t("queue.priority.none")}
            </label>
            {PRIORITIES.map((p) => (
              <label key={p} className="queue-choice">
                <input type="radio" name="priority" value={p} /> {t(`queue.priority.${p}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="queue-big-button">
            {t("queue.take")}
          </button>
        </Form>
      )}
    </div>
  );
}
