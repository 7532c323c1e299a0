import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { SettingsFields } from "~/components/agenda/SettingsFields";
import { CsrfField, Field, FormAlert, SelectField } from "~/components/forms";
import { createSchema, wibDayValue } from "~/domain/agenda/agenda.schema";
import { createDeliberation, listAreaOptions } from "~/domain/agenda/agenda.server";
import { can } from "~/domain/accounts/roles";
import { metaT, useT } from "~/i18n/react";
import agendaStyles from "~/styles/agenda.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("agenda.create.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  await requirePermission(request, context, can.plan);
  const year = Number(wibDayValue(new Date()).slice(0, 4));
  return { areas: await listAreaOptions(context.db), year };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const actor = await requirePermission(request, context, can.plan);
  const d = await createDeliberation(context.db, actor, form.parse(createSchema));
  return redirectWithFlash(context, `/agenda/manage/${d.id}`, { key: "agenda.create.created" });
});

export default function NewDeliberation() {
  const t = useT();
  const { areas, year } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <>
      <h1>{t("agenda.create.title")}</h1>
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <FormAlert state={state} />
        <Field name="year" label={t("agenda.field.year")} state={state} required inputMode="numeric" defaultValue={String(year)} />
        <SelectField name="areaId" label={t("agenda.field.area")} state={state} required>
          <option value="">{t("form.choose")}</option>
          {areas.map((k) => (
            <optgroup key={k.id} label={`${t("agenda.level.kecamatan")} ${k.name}`}>
              <option value={k.id}>
                {t("agenda.level.kecamatan")} {k.name}
              </option>
              {k.kelurahan.map((l) => [
                <option key={l.id} value={l.id}>
                  {t("agenda.level.kelurahan")} {l.name}
                </option>,
                ...l.rws.map((r) => <option key={r.id} value={r.id}>{`\u00a0\u00a0${r.name} ${l.name}`}</option>),
              ])}
            </optgroup>
          ))}
        </SelectField>
        <SettingsFields state={state} />
        <fieldset className="agenda-fieldset">
          <legend>{t("agenda.create.sessionLegend")}</legend>
          <Field name="sessionDate" label={t("agenda.field.sessionDate")} type="date" state={state} required hint={t("agenda.field.dateHint")} />
          <Field name="sessionStart" label={t("agenda.field.sessionStart")} type="time" state={state} required defaultValue="09:00" />
          <Field name="sessionEnd" label={t("agenda.field.sessionEnd")} type="time" state={state} required defaultValue="12:00" />
          <Field name="venueName" label={t("agenda.field.venueName")} state={state} required defaultValue="Pendopo Kantor Kecamatan Duren Sawit" />
          <Field
            name="venueAddress"
            label={t("agenda.field.venueAddress")}
            state={state}
            required
            defaultValue="Jl. Raya Bekasi Timur No. 1, Duren Sawit, Jakarta Timur"
          />
        </fieldset>
        <button type="submit">{t("agenda.create.submit")}</button>
      </Form>
    </>
  );
}
