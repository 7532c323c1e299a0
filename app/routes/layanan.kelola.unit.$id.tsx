// Manage one unit: publish its Maklumat Pelayanan, its announcements (display and
// unit page) and, for admins, who works there as counter staff or supervisor.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, Field, FormAlert, SelectField, TextAreaField } from "~/components/forms";
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { wibParts } from "~/domain/events/wib";
import {
  UNIT_ROLES,
  announcementSchema,
  assignStaffSchema,
  maklumatSchema,
  removeAnnouncementSchema,
  removeStaffSchema,
} from "~/domain/services/services.schema";
import { addAnnouncement, assignStaff, getUnitAdmin, removeAnnouncement, removeStaff, saveMaklumat } from "~/domain/services/services.server";
import { formatShortDate } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/services.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("services.unitAdmin.title", { name: data?.unit.name ?? "" })} · Balai` },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const actor = await requirePermission(request, context, can.serviceDesk);
  const unitId = idParam(params, "id", "services.unit.notFound");
  return { ...(await getUnitAdmin(context.db, actor, unitId)), today: wibParts(new Date()).date };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const actor = await requirePermission(request, context, can.serviceDesk);
  const unitId = idParam(params, "id", "services.unit.notFound");
  const back = `/layanan/kelola/unit/${unitId}`;
  switch (form.get("intent")) {
    case "maklumat":
      await saveMaklumat(context.db, actor, unitId, form.parse(maklumatSchema), { store: context.images, file: form.data.get("photo") });
      return redirectWithFlash(context, back, { key: "services.unitAdmin.maklumatSaved" });
    case "announce":
      await addAnnouncement(context.db, actor, unitId, form.parse(announcementSchema));
      return redirectWithFlash(context, back, { key: "services.unitAdmin.announcementAdded" });
    case "unannounce":
      await removeAnnouncement(context.db, actor, unitId, form.parse(removeAnnouncementSchema).announcementId);
      return redirectWithFlash(context, back, { key: "services.unitAdmin.announcementRemoved" });
    case "assign":
      await assignStaff(context.db, actor, unitId, form.parse(assignStaffSchema));
      return redirectWithFlash(context, back, { key: "services.unitAdmin.assigned" });
    case "unassign":
      await removeStaff(context.db, actor, unitId, form.parse(removeStaffSchema).userId);
      return redirectWithFlash(context, back, { key: "services.unitAdmin.removed" });
    default:
      throw new DomainError("error.badRequest");
  }
});

export default function UnitAdmin() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const intent = state?.values?.intent;
  const stateFor = (name: string) => (intent === name ? state : undefined);
  const now = Date.now();
  return (
    <>
      <p className="svc-kicker">
        <Link to="/layanan/kelola">{t("services.staff.title")}</Link> › <Link to={`/layanan/unit/${data.unit.id}`}>{data.unit.name}</Link>
      </p>
      <h1>{t("services.unitAdmin.title", { name: data.unit.name })}</h1>
      {!data.mayEdit && <p className="alert alert-info">{t("services.unitAdmin.readOnly")}</p>}
      {data.mayReadIntegrity && (
        <p>
          <Link to={`/layanan/kelola/unit/${data.unit.id}/integritas`}>{t("services.integrity.list.link")}</Link>
        </p>
      )}

      <section aria-labelledby="mk-title">
        <h2 id="mk-title">{t("services.maklumat")}</h2>
        {data.maklumat ? (
          <blockquote className="svc-maklumat-text">
            {data.maklumat.text}
            <footer>
              {data.maklumat.signerName}, {data.maklumat.signerTitle} · {formatShortDate(new Date(data.maklumat.signedOn), locale)}
            </footer>
          </blockquote>
        ) : (
          <p>{t("services.maklumat.none")}</p>
        )}
        {data.mayEdit && (
          <Form method="post" encType="multipart/form-data" className="stack" noValidate aria-labelledby="mk-form-title">
            <h3 id="mk-form-title">{t("services.unitAdmin.maklumat")}</h3>
            <p className="hint">{t("services.unitAdmin.maklumatHint")}</p>
            <FormAlert state={stateFor("maklumat")} />
            <CsrfField />
            <input type="hidden" name="intent" value="maklumat" />
            <TextAreaField
              name="text"
              label={t("services.field.maklumatText")}
              required
              rows={6}
              state={stateFor("maklumat")}
              defaultValue={data.maklumat?.text}
            />
            <Field name="signerName" label={t("services.field.signerName")} required state={stateFor("maklumat")} defaultValue={data.maklumat?.signerName} />
            <Field name="signerTitle" label={t("services.field.signerTitle")} required state={stateFor("maklumat")} defaultValue={data.maklumat?.signerTitle} />
            <Field name="signedOn" type="date" label={t("services.field.signedOn")} required state={stateFor("maklumat")} defaultValue={data.today} />
            <div className="field">
              <label htmlFor="f-photo">
                {t("services.field.maklumatPhoto")} <span className="muted">{t("form.optional")}</span>
              </label>
              <p className="hint" id="f-photo-hint">
                {t("services.field.maklumatPhotoHint")}
              </p>
              <input
                id="f-photo"
                name="photo"
                type="file"
                accept="image/jpeg,image/png,image/webp"
                aria-describedby={stateFor("maklumat")?.errors?.photo ? "f-photo-hint f-photo-error" : "f-photo-hint"}
                aria-invalid={stateFor("maklumat")?.errors?.photo ? true : undefined}
              />
              {stateFor("maklumat")?.errors?.photo && (
                <p className="field-error" id="f-photo-error">
                  {t(stateFor("maklumat")!.errors!.photo.key, stateFor("maklumat")!.errors!.photo.params)}
                </p>
              )}
            </div>
            <button type="submit">{t("services.unitAdmin.publish")}</button>
          </Form>
        )}
      </section>

      <section aria-labelledby="ann-title">
        <h2 id="ann-title">{t("services.unitAdmin.announcements")}</h2>
        {data.allAnnouncements.length === 0 ? (
          <p>{t("services.unitAdmin.noAnnouncements")}</p>
        ) : (
          <ul className="svc-announcements">
            {data.allAnnouncements.map((a) => (
              <li key={a.id}>
                <strong>{a.title}</strong> · {formatShortDate(new Date(a.startsAt), locale)}
                {a.endsAt && <> – {formatShortDate(new Date(a.endsAt), locale)}</>}
                {a.endsAt && new Date(a.endsAt).getTime() < now && <> ({t("services.unitAdmin.ended")})</>}
                {a.body && <p>{a.body}</p>}
                {data.mayEdit && (
                  <Form method="post" className="inline-form">
                    <CsrfField />
                    <input type="hidden" name="intent" value="unannounce" />
                    <input type="hidden" name="announcementId" value={a.id} />
                    <button type="submit" className="button-secondary" aria-label={t("services.unitAdmin.removeNamed", { name: a.title })}>
                      {t("services.unitAdmin.remove")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
        {data.mayEdit && (
          <Form method="post" className="stack" noValidate aria-labelledby="ann-form-title">
            <h3 id="ann-form-title">{t("services.unitAdmin.addAnnouncement")}</h3>
            <FormAlert state={stateFor("announce")} />
            <CsrfField />
            <input type="hidden" name="intent" value="announce" />
            <Field name="title" label={t("services.field.announcementTitle")} required state={stateFor("announce")} />
            <TextAreaField name="body" label={t("services.field.announcementBody")} rows={3} state={stateFor("announce")} />
            <Field name="startsOn" type="date" label={t("services.field.startsOn")} required state={stateFor("announce")} defaultValue={data.today} />
            <Field name="endsOn" type="date" label={t("services.field.endsOn")} state={stateFor("announce")} />
            <button type="submit">{t("services.unitAdmin.addAnnouncement")}</button>
          </Form>
        )}
      </section>

      <section aria-labelledby="staff-title">
        <h2 id="staff-title">{t("services.unitAdmin.staff")}</h2>
        {data.staff.length === 0 ? (
          <p>{t("services.unitAdmin.noStaff")}</p>
        ) : (
          <ul>
            {data.staff.map((s) => (
              <li key={s.user.id}>
                {s.user.name} · {t(`role.${s.role as "counter" | "supervisor"}`)}
                {data.mayAssign && (
                  <Form method="post" className="inline-form">
                    <CsrfField />
                    <input type="hidden" name="intent" value="unassign" />
                    <input type="hidden" name="userId" value={s.user.id} />
                    <button type="submit" className="button-secondary" aria-label={t("services.unitAdmin.removeNamed", { name: s.user.name })}>
                      {t("services.unitAdmin.remove")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
        {data.mayAssign && (
          <Form method="post" className="stack" noValidate aria-labelledby="staff-form-title">
            <h3 id="staff-form-title">{t("services.unitAdmin.assign")}</h3>
            <FormAlert state={stateFor("assign")} />
            <CsrfField />
            <input type="hidden" name="intent" value="assign" />
            <Field name="identifier" label={t("services.field.identifier")} required state={stateFor("assign")} />
            <SelectField name="role" label={t("services.field.unitRole")} required state={stateFor("assign")} defaultValue="counter">
              {UNIT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </SelectField>
            <button type="submit">{t("services.unitAdmin.assign")}</button>
          </Form>
        )}
      </section>
    </>
  );
}
