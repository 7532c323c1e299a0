// A new service at a unit the person may edit; its first version comes from the form.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfField, Field, FormAlert, SelectField } from "~/components/forms";
import { VersionFields } from "~/components/services/VersionForm";
import { can } from "~/domain/accounts/roles";
import { wibParts } from "~/domain/events/wib";
import { newServiceSchema, versionFormSchema } from "~/domain/services/services.schema";
import { createService, staffOverview } from "~/domain/services/services.server";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("services.edit.newTitle")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const actor = await requirePermission(request, context, can.serviceDesk);
  const overview = await staffOverview(context.db, actor);
  const units = overview.editableUnits === "all" ? overview.units : overview.units.filter((u) => (overview.editableUnits as number[]).includes(u.id));
  return { units, today: wibParts(new Date()).date };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const actor = await requirePermission(request, context, can.serviceDesk);
  // one parse, so the errors of every field come back together
  const input = form.parse(newServiceSchema.and(versionFormSchema));
  const service = await createService(context.db, actor, input.unitId, input.slug, input);
  return redirectWithFlash(context, `/layanan/${service.slug}`, { key: "services.edit.created", params: { name: input.name } });
});

export default function NewService() {
  const t = useT();
  const { units, today } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p className="svc-kicker">
        <Link to="/layanan/kelola">{t("services.staff.title")}</Link>
      </p>
      <h1>{t("services.edit.newTitle")}</h1>
      {units.length === 0 ? (
        <p>{t("services.staff.noUnits")}</p>
      ) : (
        <>
          <FormAlert state={state} />
          <Form method="post" className="svc-form" noValidate>
            <CsrfField />
            <VersionFields state={state} today={today}>
              <SelectField name="unitId" label={t("services.field.unit")} required state={state} defaultValue={units.length === 1 ? String(units[0].id) : ""}>
                <option value="">—</option>
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </SelectField>
              <Field name="slug" label={t("services.field.slug")} hint={t("services.field.slugHint")} required state={state} />
            </VersionFields>
            <button type="submit" disabled={busy}>
              {t("services.edit.create")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
