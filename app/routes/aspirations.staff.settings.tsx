import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, Field, FormAlert } from "~/components/forms";
import { can } from "~/domain/accounts/roles";
import { deadlineSettingsSchema, holidaySchema } from "~/domain/aspirations/aspirations.schema";
import { addHoliday, ensureHolidays, getDeadlineSettings, listHolidays, removeHoliday, saveDeadlineSettings } from "~/domain/aspirations/calendar.server";
import { DomainError } from "~/domain/errors";
import { formatDate } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/aspirations.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";
import { TableRegion } from "~/components/TableRegion";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("aspirations.settings.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  await requirePermission(request, context, can.configureAspirations);
  await ensureHolidays(context.db);
  const year = new Date().getUTCFullYear() - 1;
  const [settings, holidays] = await Promise.all([getDeadlineSettings(context.db), listHolidays(context.db, year)]);
  return { settings, holidays };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const actor = await requirePermission(request, context, can.configureAspirations);
  const to = "/aspirations/staff/settings";
  switch (form.get("intent")) {
    case "deadlines":
      await saveDeadlineSettings(context.db, actor, form.parse(deadlineSettingsSchema));
      return redirectWithFlash(context, to, { key: "aspirations.flash.settingsSaved" });
    case "addHoliday": {
      const input = form.parse(holidaySchema);
      await addHoliday(context.db, actor, { date: input.date, name: input.name });
      return redirectWithFlash(context, to, { key: "aspirations.flash.holidayAdded" });
    }
    case "removeHoliday":
      await removeHoliday(context.db, actor, form.parse(holidaySchema).date);
      return redirectWithFlash(context, to, { key: "aspirations.flash.holidayRemoved" });
    default:
      throw new DomainError("error.badRequest");
  }
});

export default function Settings() {
  const t = useT();
  const locale = useLocale();
  const { settings, holidays } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const intent = state?.values.intent;
  return (
    <>
      <h1>{t("aspirations.settings.title")}</h1>
      {intent === "deadlines" && <FormAlert state={state} />}
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="deadlines" />
        <Field
          name="verifyDays"
          type="number"
          inputMode="numeric"
          label={t("aspirations.settings.verifyDays")}
          required
          defaultValue={String(settings.verifyDays)}
          state={intent === "deadlines" ? state : undefined}
        />
        <Field
          name="responseDays"
          type="number"
          inputMode="numeric"
          label={t("aspirations.settings.responseDays")}
          required
          defaultValue={String(settings.responseDays)}
          state={intent === "deadlines" ? state : undefined}
        />
        <button type="submit">{t("aspirations.settings.save")}</button>
      </Form>

      <h2>{t("aspirations.settings.holidays")}</h2>
      {intent === "addHoliday" && <FormAlert state={state} />}
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="addHoliday" />
        <Field name="date" type="date" label={t("aspirations.settings.date")} required state={intent === "addHoliday" ? state : undefined} />
        <Field name="name" label={t("aspirations.settings.name")} required state={intent === "addHoliday" ? state : undefined} />
        <button type="submit">{t("aspirations.settings.add")}</button>
      </Form>
      <TableRegion label={t("aspirations.settings.holidays")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("aspirations.settings.date")}</th>
              <th scope="col">{t("aspirations.settings.name")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("aspirations.settings.remove")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((h) => (
              <tr key={h.date}>
                <td>{formatDate(new Date(`${h.date}T12:00:00+07:00`), locale)}</td>
                <td>{h.name}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <CsrfField />
                    <input type="hidden" name="intent" value="removeHoliday" />
                    <input type="hidden" name="date" value={h.date} />
                    <button type="submit" className="button-secondary" aria-label={t("aspirations.settings.removeLabel", { name: `${h.name} (${h.date})` })}>
                      {t("aspirations.settings.remove")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
