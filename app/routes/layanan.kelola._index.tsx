// The staff home of services: the standards not checked for N months (with "still
// correct"), the units one works at, every service with its editor, and for
// admins the reminder setting.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, Field, FormAlert, SelectField } from "~/components/forms";
import { TableRegion } from "~/components/TableRegion";
import { can } from "~/domain/accounts/roles";
import { idSchema } from "~/domain/ids";
import { UNIT_KINDS, reminderSettingSchema, unitSchema } from "~/domain/services/services.schema";
import { createUnit, markChecked, setReminderMonths, staffOverview, unitFormOptions } from "~/domain/services/services.server";
import { DomainError } from "~/domain/errors";
import { formatShortDate } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";
import { z } from "zod";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("services.staff.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const actor = await requirePermission(request, context, can.serviceDesk);
  const overview = await staffOverview(context.db, actor);
  return { ...overview, unitOptions: overview.mayAssign ? await unitFormOptions(context.db) : null };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const actor = await requirePermission(request, context, can.serviceDesk);
  switch (form.get("intent")) {
    case "checked": {
      const { serviceId, name } = form.parse(z.object({ serviceId: idSchema, name: z.string().max(200).default("") }));
      await markChecked(context.db, actor, serviceId);
      return redirectWithFlash(context, "/layanan/kelola", { key: "services.staff.checked", params: { name } });
    }
    case "unit": {
      const unit = await createUnit(context.db, actor, form.parse(unitSchema));
      return redirectWithFlash(context, `/layanan/kelola/unit/${unit.id}`, { key: "services.staff.unitCreated", params: { name: unit.name } });
    }
    case "settings": {
      const { months } = form.parse(reminderSettingSchema);
      await setReminderMonths(context.db, actor, months);
      return redirectWithFlash(context, "/layanan/kelola", { key: "services.staff.settingsSaved" });
    }
    default:
      throw new DomainError("error.badRequest");
  }
});

export default function ServicesStaff() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const unitState = state?.values?.intent === "unit" ? state : undefined;
  const settingsState = state?.values?.intent === "settings" ? state : undefined;
  const mayEdit = (unitId: number) => data.editableUnits === "all" || data.editableUnits.includes(unitId);
  return (
    <>
      <h1>{t("services.staff.title")}</h1>
      <FormAlert state={state} />
      {data.units.length === 0 && <p>{t("services.staff.noUnits")}</p>}

      <section aria-labelledby="reminders-title">
        <h2 id="reminders-title">{t("services.staff.reminders", { months: data.months })}</h2>
        {data.stale.length === 0 ? (
          <p>{t("services.staff.remindersNone", { months: data.months })}</p>
        ) : (
          <ul className="svc-reminders" data-testid="reminders">
            {data.stale.map((s) => (
              <li key={s.id}>
                <Link to={`/layanan/${s.slug}`}>{s.name}</Link> · {s.unit.name} ·{" "}
                {t("services.staff.lastChecked", { date: formatShortDate(new Date(s.lastCheckedAt), locale) })}
                {mayEdit(s.unit.id) && (
                  <Form method="post" className="inline-form">
                    <CsrfField />
                    <input type="hidden" name="intent" value="checked" />
                    <input type="hidden" name="serviceId" value={s.id} />
                    <input type="hidden" name="name" value={s.name} />
                    <button type="submit" className="button-secondary" aria-label={`${t("services.staff.markChecked")}: ${s.name}`}>
                      {t("services.staff.markChecked")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="units-title">
        <h2 id="units-title">{t("services.staff.units")}</h2>
        <ul className="svc-units">
          {data.units.map((u) => (
            <li key={u.id}>
              <Link to={`/layanan/kelola/unit/${u.id}`}>{u.name}</Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="services-title">
        <h2 id="services-title">{t("services.staff.services")}</h2>
        {(data.editableUnits === "all" || data.editableUnits.length > 0) && (
          <p>
            <Link className="button" to="/layanan/kelola/baru">
              {t("services.staff.newService")}
            </Link>{" "}
            <Link to="/layanan/kelola/kelas">{t("services.classes.title")}</Link>
          </p>
        )}
        <TableRegion labelledBy="services-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("services.field.name")}</th>
                <th scope="col">{t("services.field.unit")}</th>
                <th scope="col">{t("services.version.label")}</th>
                <th scope="col">{t("services.version.checked")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("services.staff.edit")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.services.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/layanan/${s.slug}`}>{s.name}</Link>
                  </td>
                  <td>{s.unit.name}</td>
                  <td>{s.currentVersion?.number ?? "—"}</td>
                  <td>{formatShortDate(new Date(s.lastCheckedAt), locale)}</td>
                  <td>
                    {mayEdit(s.unit.id) && (
                      <Link to={`/layanan/kelola/${s.slug}`} aria-label={`${t("services.staff.edit")}: ${s.name}`}>
                        {t("services.staff.edit")}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>

      {data.unitOptions && (
        <section aria-labelledby="new-unit-title">
          <h2 id="new-unit-title">{t("services.staff.newUnit")}</h2>
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="unit" />
            <Field name="name" label={t("services.field.unitName")} required state={unitState} />
            <Field name="slug" label={t("services.field.slug")} hint={t("services.field.slugHint")} required state={unitState} />
            <SelectField name="kind" label={t("services.field.unitKind")} required state={unitState} defaultValue="kelurahan">
              {UNIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`services.unit.kind.${k}`)}
                </option>
              ))}
            </SelectField>
            <SelectField name="areaId" label={t("services.field.area")} required state={unitState}>
              <option value="">—</option>
              {data.unitOptions.areas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.level === "kecamatan" ? `${t("services.unit.kind.kecamatan")}: ${a.name}` : `${a.name} (${a.parent?.name ?? ""})`}
                </option>
              ))}
            </SelectField>
            <SelectField name="parentId" label={t("services.field.parent")} state={unitState}>
              <option value="">—</option>
              {data.unitOptions.parents.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
            <Field name="address" label={t("services.field.address")} required state={unitState} />
            <Field name="openingHours" label={t("services.field.openingHours")} required state={unitState} defaultValue="Senin–Jumat 08.00–15.00 WIB" />
            <Field name="phone" type="tel" label={t("services.field.phone")} state={unitState} />
            <Field name="whatsapp" type="tel" label={t("services.field.whatsapp")} state={unitState} />
            <Field name="email" type="email" label={t("services.field.email")} state={unitState} />
            <button type="submit">{t("services.staff.createUnit")}</button>
          </Form>
        </section>
      )}

      {data.mayAssign && (
        <section aria-labelledby="settings-title">
          <h2 id="settings-title">{t("services.staff.settings")}</h2>
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="settings" />
            <Field name="months" label={t("services.staff.months")} inputMode="numeric" required state={settingsState} defaultValue={String(data.months)} />
            <button type="submit">{t("services.staff.saveSettings")}</button>
          </Form>
        </section>
      )}
    </>
  );
}
