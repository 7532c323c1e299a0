// One mystery visit: its checklist (what the standard promised, a score 0-100 and notes
// per item), the visit's notes, the score 0-1000 with its zone once recorded, and photos
// as evidence per item (multipart upload; served only through an authorized route).
// Supervisors of the unit and admins only.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfField, FileInput, FormAlert } from "~/components/forms";
import { addVisitPhoto, getVisit, recordVisit, removeVisitPhoto } from "~/domain/satisfaction/mystery.server";
import { PHOTOS_PER_ITEM, removeVisitPhotoSchema, visitPhotoSchema } from "~/domain/satisfaction/satisfaction.schema";
import type { MessageKey } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaT(matches)("satisfaction.mystery.title")} · Balai` },
  { name: "robots", content: "noindex" },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const id = idParam(params, "visitId", "satisfaction.mystery.notFound");
  const user = await requireUser(request, context);
  return { visit: await getVisit(context.db, user, id) };
});

const scoreField = z.coerce
  .number({ invalid_type_error: "satisfaction.validation.score100" })
  .int("satisfaction.validation.score100")
  .min(0, "satisfaction.validation.score100")
  .max(100, "satisfaction.validation.score100");

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const id = idParam(params, "visitId", "satisfaction.mystery.notFound");
  const user = await requireUser(request, context);
  const back = `/survei/kelola/misteri/${id}`;
  if (form.get("intent") === "photo") {
    const input = form.parse(visitPhotoSchema);
    // type, bytes and pixels are checked before anything is stored; refusals go next to the file field
    await addVisitPhoto(context.db, context.images.evidence, user, id, { ...input, file: form.data.get("photo") });
    return redirectWithFlash(context, `${back}#photos`, { key: "satisfaction.mystery.photo.uploaded" });
  }
  if (form.get("intent") === "removePhoto") {
    const { photoId } = form.parse(removeVisitPhotoSchema);
    await removeVisitPhoto(context.db, context.images.evidence, user, id, photoId);
    return redirectWithFlash(context, `${back}#photos`, { key: "satisfaction.mystery.photo.removed" });
  }
  const visit = await getVisit(context.db, user, id);
  const shape = Object.fromEntries(
    visit.items.flatMap((i) => [
      [`score_${i.id}`, scoreField],
      [`notes_${i.id}`, z.string().max(1000).default("")],
    ]),
  );
  const input = form.parse(z.object({ ...shape, notes: z.string().max(4000).default("") }));
  const values = input as Record<string, string | number>;
  await recordVisit(context.db, user, id, {
    notes: String(values.notes ?? ""),
    items: visit.items.map((i) => ({ id: i.id, score: Number(values[`score_${i.id}`]), notes: String(values[`notes_${i.id}`] ?? "") })),
  });
  return redirectWithFlash(context, back, { key: "satisfaction.mystery.recorded" });
});

const itemLabel = (key: string) => `satisfaction.mystery.item.${key}` as MessageKey;

export default function MysteryVisit() {
  const t = useT();
  const { visit } = useLoaderData<typeof loader>();
  const actionState = useActionData<typeof action>();
  // which form the answer belongs to: the photo form's refusals stay with it
  const photoState = actionState?.values?.intent === "photo" ? actionState : undefined;
  const state = actionState?.values?.intent ? undefined : actionState;
  const photoError = photoState?.errors?.photo;
  const captionError = photoState?.errors?.caption;
  const base = `/survei/kelola/misteri/${visit.id}/foto`;
  return (
    <>
      <h1>{t("satisfaction.mystery.visitTitle", { service: visit.serviceName })}</h1>
      <p>
        <Link to={`/survei/kelola/${visit.unitId}/misteri`}>{t("satisfaction.mystery.title")}</Link>
      </p>
      {visit.score !== null && visit.zone && (
        <p className={`skm-zone zone-${visit.zone}`}>
          <strong>{t("satisfaction.mystery.result", { score: visit.score, zone: t(`satisfaction.mystery.zone.${visit.zone}` as MessageKey) })}</strong>
        </p>
      )}
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <FormAlert state={state} />
        {visit.items.map((i) => {
          const scoreName = `score_${i.id}`;
          const error = state?.errors?.[scoreName];
          return (
            <fieldset key={i.id} className="skm-question">
              <legend>
                {t(itemLabel(i.key))} <span className="muted">(#{i.id})</span>
              </legend>
              {i.expected && (
                <p>
                  {t("satisfaction.mystery.expected")}: {i.expected}
                </p>
              )}
              <div className="field">
                <label htmlFor={`f-${scoreName}`}>{t("satisfaction.mystery.score")}</label>
                <input
                  id={`f-${scoreName}`}
                  name={scoreName}
                  inputMode="numeric"
                  required
                  defaultValue={state?.values?.[scoreName] ?? (i.score === null ? "" : String(i.score))}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `f-${scoreName}-error` : undefined}
                />
                {error && (
                  <p className="field-error" id={`f-${scoreName}-error`}>
                    {t(error.key)}
                  </p>
                )}
              </div>
              <div className="field">
                <label htmlFor={`f-notes_${i.id}`}>{t("satisfaction.mystery.notes")}</label>
                <input id={`f-notes_${i.id}`} name={`notes_${i.id}`} defaultValue={state?.values?.[`notes_${i.id}`] ?? i.notes} />
              </div>
              <p className="skm-item-links">
                {i.photos.length > 0 && (
                  <>
                    <a href={`#photos-${i.id}`}>{t("satisfaction.mystery.photo.count", { count: i.photos.length })}</a> ·{" "}
                  </>
                )}
                <Link to={`/survei/kelola/${visit.unitId}?checkItemId=${i.id}#rtl`}>{t("satisfaction.mystery.toFollowUp")}</Link>
              </p>
            </fieldset>
          );
        })}
        <div className="field">
          <label htmlFor="f-notes">{t("satisfaction.mystery.visitNotes")}</label>
          <textarea id="f-notes" name="notes" rows={4} defaultValue={state?.values?.notes ?? visit.notes} />
        </div>
        <button type="submit">{t("satisfaction.mystery.record")}</button>
      </Form>
      <section id="photos" aria-labelledby="photos-h">
        <h2 id="photos-h">{t("satisfaction.mystery.photo.title")}</h2>
        <p className="hint">{t("satisfaction.mystery.photo.private")}</p>
        {visit.items.some((i) => i.photos.length > 0) ? (
          visit.items
            .filter((i) => i.photos.length > 0)
            .map((i) => (
              <div key={i.id}>
                <h3 id={`photos-${i.id}`}>{t(itemLabel(i.key))}</h3>
                <ul className="skm-evidence">
                  {i.photos.map((p, n) => (
                    <li key={p.id}>
                      <a href={`${base}/${p.id}/large`}>
                        <img
                          src={`${base}/${p.id}/thumb`}
                          srcSet={`${base}/${p.id}/thumb 320w, ${base}/${p.id}/medium 800w`}
                          sizes="(max-width: 40em) 50vw, 200px"
                          width={p.width ?? undefined}
                          height={p.height ?? undefined}
                          alt={p.caption || t("satisfaction.mystery.photo.alt", { n: n + 1, item: t(itemLabel(i.key)) })}
                          loading="lazy"
                        />
                      </a>
                      {p.caption && <p>{p.caption}</p>}
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="intent" value="removePhoto" />
                        <input type="hidden" name="photoId" value={p.id} />
                        <button type="submit" className="button-secondary">
                          {t("satisfaction.mystery.photo.remove")}
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              </div>
            ))
        ) : (
          <p>{t("satisfaction.mystery.photo.none")}</p>
        )}
        <Form method="post" encType="multipart/form-data" className="stack" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="photo" />
          <h3>{t("satisfaction.mystery.photo.add")}</h3>
          <FormAlert state={photoState} />
          <div className="field">
            <label htmlFor="f-photo-item">{t("satisfaction.mystery.photo.item")}</label>
            <select id="f-photo-item" name="itemId" defaultValue={photoState?.values?.itemId ?? ""}>
              {visit.items.map((i) => (
                <option key={i.id} value={i.id} disabled={i.photos.length >= PHOTOS_PER_ITEM}>
                  {t(itemLabel(i.key))}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-photo">{t("satisfaction.mystery.photo.file")}</label>
            <p className="hint" id="f-photo-hint">
              {t("satisfaction.mystery.photo.fileHint", { max: PHOTOS_PER_ITEM })}
            </p>
            <FileInput
              id="f-photo"
              name="photo"
              accept="image/jpeg,image/png,image/webp"
              required
              aria-describedby={photoError ? "f-photo-hint f-photo-error" : "f-photo-hint"}
              aria-invalid={photoError ? true : undefined}
            />
            {photoError && (
              <p className="field-error" id="f-photo-error">
                {t(photoError.key, photoError.params)}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="f-caption">{t("satisfaction.mystery.photo.caption")}</label>
            <input
              id="f-caption"
              name="caption"
              maxLength={300}
              defaultValue={photoState?.values?.caption ?? ""}
              aria-invalid={captionError ? true : undefined}
              aria-describedby={captionError ? "f-caption-error" : undefined}
            />
            {captionError && (
              <p className="field-error" id="f-caption-error">
                {t(captionError.key)}
              </p>
            )}
          </div>
          <button type="submit">{t("satisfaction.mystery.photo.upload")}</button>
        </Form>
      </section>
    </>
  );
}
