// The photo section of the staff event form: upload (multipart, works without
// JavaScript) and remove. Both post to /events/:id/photos.
import { Form } from "@remix-run/react";
import { CheckboxField, CsrfField, Field, FileInput, FormAlert, type FormState } from "~/components/forms";
import { useT } from "~/i18n/react";

interface Photo {
  id: number;
  alt: string;
  isCover: boolean;
  src: string;
  srcSet: string;
  width: number | null;
  height: number | null;
}

export function EventPhotos({ eventId, photos, state }: { eventId: number; photos: Photo[]; state?: FormState }) {
  const t = useT();
  const action = `/events/${eventId}/photos`;
  return (
    <section aria-labelledby="photos-heading" id="photos">
      <h2 id="photos-heading">{t("events.photo.title")}</h2>
      {photos.length === 0 ? (
        <p>{t("events.photo.none")}</p>
      ) : (
        <ul className="gallery staff-gallery">
          {photos.map((p) => (
            <li key={p.id}>
              <img src={p.src} srcSet={p.srcSet} sizes="18rem" alt={p.alt} loading="lazy" width={p.width ?? undefined} height={p.height ?? undefined} />
              <p>
                {p.isCover && <span className="tag">{t("events.photo.coverTag")}</span>} {p.alt}
              </p>
              <div className="inline-form">
                {!p.isCover && (
                  <Form method="post" action={action}>
                    <CsrfField />
                    <input type="hidden" name="intent" value="cover" />
                    <input type="hidden" name="imageId" value={p.id} />
                    <button type="submit" className="button-secondary">
                      {t("events.photo.cover")}
                      <span className="visually-hidden">: {p.alt}</span>
                    </button>
                  </Form>
                )}
                <Form method="post" action={action}>
                  <CsrfField />
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="imageId" value={p.id} />
                  <button type="submit" className="button-secondary">
                    {t("events.photo.remove")}
                    <span className="visually-hidden">: {p.alt}</span>
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
      <FormAlert state={state} />
      <Form method="post" action={action} encType="multipart/form-data" className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="upload" />
        <div className="field">
          <label htmlFor="f-photo">{t("events.photo.file")}</label>
          <p className="hint" id="f-photo-hint">
            {t("events.photo.fileHint")}
          </p>
          <FileInput
            id="f-photo"
            name="photo"
            accept="image/jpeg,image/png,image/webp"
            required
            aria-invalid={state?.errors?.photo ? true : undefined}
            aria-describedby={state?.errors?.photo ? "f-photo-hint f-photo-error" : "f-photo-hint"}
          />
          {state?.errors?.photo && (
            <p className="field-error" id="f-photo-error">
              {t(state.errors.photo.key, state.errors.photo.params)}
            </p>
          )}
        </div>
        <Field name="alt" label={t("events.photo.alt")} hint={t("events.photo.altHint")} required state={state} />
        <CheckboxField name="cover" label={t("events.photo.cover")} state={state} />
        <button type="submit">{t("events.photo.upload")}</button>
      </Form>
    </section>
  );
}
