// Edit a service: every save is a new version with a required reason (planners,
// admins, and the supervisor of the service's unit; checked in the domain).
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfField, FormAlert } from "~/components/forms";
import { VersionFields } from "~/components/services/VersionForm";
import { can } from "~/domain/accounts/roles";
import { wibParts } from "~/domain/events/wib";
import { versionFormSchema } from "~/domain/services/services.schema";
import { getServiceForEdit, saveVersion } from "~/domain/services/services.server";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";
import { slugParam } from "~/utils/services.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("services.edit.title", { name: data?.service.name ?? "" })} · Balai` },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const actor = await requirePermission(request, context, can.serviceDesk);
  const service = await getServiceForEdit(context.db, actor, slugParam(params));
  return { service, today: wibParts(new Date()).date };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const actor = await requirePermission(request, context, can.serviceDesk);
  const service = await getServiceForEdit(context.db, actor, slugParam(params));
  const input = form.parse(versionFormSchema);
  const version = await saveVersion(context.db, actor, service.id, input);
  return redirectWithFlash(context, `/layanan/${service.slug}`, { key: "services.edit.saved", params: { number: version.number, name: input.name } });
});

export default function EditService() {
  const t = useT();
  const { service, today } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p className="svc-kicker">
        <Link to="/layanan/kelola">{t("services.staff.title")}</Link> › <Link to={`/layanan/${service.slug}`}>{service.name}</Link>
      </p>
      <h1>{t("services.edit.title", { name: service.name })}</h1>
      <p className="alert alert-info">{t("services.edit.notice")}</p>
      <p className="muted">
        {t("services.version.number", { number: service.currentVersion.number })} · {service.unit.name}
      </p>
      <FormAlert state={state} />
      <Form method="post" className="svc-form" noValidate>
        <CsrfField />
        <VersionFields state={state} defaults={{ ...service.currentVersion, category: service.category }} today={today} />
        <button type="submit" disabled={busy}>
          {t("services.edit.save")}
        </button>
      </Form>
    </>
  );
}
