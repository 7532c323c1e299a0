import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AspirationFields, channelLabel } from "~/components/aspirations/AspirationFields";
import { CheckboxField, CsrfField, Field, FormAlert, SelectField } from "~/components/forms";
import { listKelurahan } from "~/domain/areas/areas.server";
import { can } from "~/domain/accounts/roles";
import { OFFLINE_CHANNELS, staffIntakeSchema } from "~/domain/aspirations/aspirations.schema";
import { eventForAspiration, listCategories, recordAspiration } from "~/domain/aspirations/aspirations.server";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/aspirations.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("aspirations.intake.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  await requirePermission(request, context, can.manageAspirations);
  const url = new URL(request.url);
  const eventId = Number(url.searchParams.get("event"));
  const channel = url.searchParams.get("channel") ?? "";
  const [categories, kelurahan, event] = await Promise.all([
    listCategories(context.db),
    listKelurahan(context.db),
    eventId ? eventForAspiration(context.db, eventId) : null,
  ]);
  return { categories, kelurahan, event, channel: (OFFLINE_CHANNELS as readonly string[]).includes(channel) ? channel : event ? "event" : "" };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const actor = await requirePermission(request, context, can.manageAspirations);
  const input = form.parse(staffIntakeSchema);
  const created = await recordAspiration(context.db, context.mailer, actor, input, { publicUrl: context.config.publicUrl });
  // "save and next": the same channel (and event) stays chosen for the next entry
  const next = new URLSearchParams({ channel: input.channel, ...(input.sourceEventId ? { event: String(input.sourceEventId) } : {}) });
  const to = input.intent === "saveNext" ? `/aspirations/staff/intake?${next}` : `/aspirations/${created.code}/receipt`;
  return redirectWithFlash(context, to, { key: "aspirations.flash.recorded", params: { code: created.code } });
});

export default function Intake() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>{t("aspirations.intake.title")}</h1>
      <p>{t("aspirations.intake.lead")}</p>
      <FormAlert state={state} />
      {data.event && <p className="alert alert-info">{t("aspirations.new.fromEvent", { title: data.event.title })}</p>}
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        {data.event && <input type="hidden" name="sourceEventId" value={data.event.id} />}
        <SelectField name="channel" label={t("aspirations.intake.channel")} required state={state} defaultValue={data.channel} autoFocus={!state}>
          <option value="">{t("form.choose")}</option>
          {OFFLINE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(channelLabel(c))}
            </option>
          ))}
        </SelectField>
        <AspirationFields options={data} state={state} defaults={{ kelurahanId: data.event?.kelurahanId ?? undefined, rwId: data.event?.rwId ?? undefined }} />
        <Field name="submitterName" label={t("aspirations.new.name")} state={state} />
        <Field name="submitterContact" label={t("aspirations.new.contact")} hint={t("aspirations.new.contactHint")} state={state} />
        <CheckboxField name="anonymous" label={t("aspirations.intake.anonymous")} state={state} />
        <CheckboxField name="confidential" label={t("aspirations.new.confidential")} state={state} />
        <CheckboxField name="consent" label={t("aspirations.intake.consent")} state={state} />
        <div className="actions">
          <button type="submit" name="intent" value="save" disabled={busy}>
            {t("aspirations.intake.save")}
          </button>
          <button type="submit" name="intent" value="saveNext" className="button-secondary" disabled={busy}>
            {t("aspirations.intake.saveNext")}
          </button>
        </div>
      </Form>
    </>
  );
}
