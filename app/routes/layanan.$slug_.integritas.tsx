// "Diminta biaya lain atau dijanjikan jalur cepat?": a confidential report about a
// service, filed as an aspiration (tracking code, deadlines, follow-up) with the
// service, its version and the unit named in it.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfField, Field, FormAlert, SelectField, TextAreaField } from "~/components/forms";
import { costText } from "~/components/services";
import { fileIntegrityReport, integrityKelurahan } from "~/domain/services/integrity.server";
import { integritySchema } from "~/domain/services/services.schema";
import { getServiceForPrint } from "~/domain/services/services.server";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { getUser } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";
import { slugParam } from "~/utils/services.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("services.integrity.title")} · Balai` }, { name: "robots", content: "noindex" }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const service = await getServiceForPrint(context.db, slugParam(params));
  const [kelurahan, user] = await Promise.all([integrityKelurahan(context.db, service.unit.areaId), getUser(request, context)]);
  return { service: { slug: service.slug, name: service.name, unit: service.unit.name, cost: service.currentVersion.costAmount }, kelurahan, signedIn: !!user };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const slug = slugParam(params);
  const input = form.parse(integritySchema);
  const user = await getUser(request, context);
  const created = await fileIntegrityReport(context.db, context.mailer, user, slug, input, { publicUrl: context.config.publicUrl });
  return redirectWithFlash(context, `/layanan/${slug}`, { key: "services.integrity.done", params: { code: created.code } });
});

export default function IntegrityReport() {
  const t = useT();
  const { service, kelurahan, signedIn } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p className="svc-kicker">
        <Link to={`/layanan/${service.slug}`}>{service.name}</Link>
      </p>
      <h1>{t("services.integrity.title")}</h1>
      <p className="lead">{t("services.integrity.intro", { service: service.name, unit: service.unit, cost: costText(t, service.cost) })}</p>
      <FormAlert state={state} />
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <fieldset className="field">
          <legend>{t("services.integrity.kind")}</legend>
          {(["extra_fee", "fast_lane", "other"] as const).map((k) => (
            <div key={k} className="field-checkbox">
              <input
                type="radio"
                id={`f-kind-${k}`}
                name="kind"
                value={k}
                defaultChecked={(state?.values?.kind ?? "extra_fee") === k}
                aria-describedby={state?.errors?.kind ? "f-kind-error" : undefined}
              />
              <label htmlFor={`f-kind-${k}`}>{t(`services.integrity.kind.${k}`)}</label>
            </div>
          ))}
          {state?.errors?.kind && (
            <p className="field-error" id="f-kind-error">
              {t(state.errors.kind.key)}
            </p>
          )}
        </fieldset>
        <TextAreaField
          name="description"
          label={t("services.integrity.description")}
          hint={t("services.integrity.descriptionHint")}
          required
          state={state}
          maxLength={2000}
        />
        <SelectField
          name="kelurahanId"
          label={t("services.integrity.kelurahan")}
          required
          state={state}
          defaultValue={kelurahan.length === 1 ? String(kelurahan[0].id) : ""}
        >
          <option value="">—</option>
          {kelurahan.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </SelectField>
        <Field name="happenedOn" type="date" label={t("services.integrity.date")} state={state} />
        {!signedIn && (
          <Field name="contact" label={t("services.integrity.contact")} hint={t("services.integrity.contactHint")} autoComplete="email" state={state} />
        )}
        <button type="submit" disabled={busy}>
          {t("services.integrity.submit")}
        </button>
      </Form>
    </>
  );
}
