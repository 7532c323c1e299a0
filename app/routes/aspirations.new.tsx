import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { AspirationFields, StatusTag } from "~/components/aspirations/AspirationFields";
import { CheckboxField, CsrfField, Field, FileInput, FormAlert } from "~/components/forms";
import { listKelurahan } from "~/domain/areas/areas.server";
import { webSubmitSchema } from "~/domain/aspirations/aspirations.schema";
import { eventForAspiration, findSimilar, listCategories, submitAspiration } from "~/domain/aspirations/aspirations.server";
import { readPhotos } from "~/domain/aspirations/photos.server";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/aspirations.css";
import { getUser } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("aspirations.new.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const user = await getUser(request, context);
  const eventId = Number(new URL(request.url).searchParams.get("event"));
  const [categories, kelurahan, event] = await Promise.all([
    listCategories(context.db),
    listKelurahan(context.db),
    eventId ? eventForAspiration(context.db, eventId) : null,
  ]);
  return { user: user ? { name: user.name } : null, categories, kelurahan, event };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const user = await getUser(request, context);
  const input = form.parse(webSubmitSchema);
  if (input.intent === "check") {
    return { checked: true as const, similar: await findSimilar(context.db, input), values: form.values };
  }
  // the image domain's refusals (type, size, pixel limit) come back next to the photos field
  const photos = await readPhotos(form.data.getAll("photos"));
  const created = await submitAspiration(context.db, context.mailer, user, input, {
    publicUrl: context.config.publicUrl,
    photos,
    store: context.images,
    locale: getLocale(request),
  });
  return redirectWithFlash(context, `/aspirations/${created.code}/receipt`, { key: "aspirations.flash.submitted", params: { code: created.code } });
});

export default function NewAspiration() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const similar = state && "similar" in state ? state.similar : undefined;
  const busy = useNavigation().state === "submitting";
  // with JavaScript the page does not reload: move focus to the similar list so it is announced
  const similarRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (state && "checked" in state) similarRef.current?.focus();
  }, [state]);
  const photosError = state && "errors" in state ? state.errors.photos : undefined;
  const identity = state?.values?.identity ?? (data.user ? "account" : "guest");
  const identities = data.user ? (["account", "anonymous"] as const) : (["guest", "anonymous"] as const);
  const defaults = { kelurahanId: data.event?.kelurahanId ?? undefined, rwId: data.event?.rwId ?? undefined };
  return (
    <>
      <h1>{t("aspirations.new.title")}</h1>
      <p className="lead">{t("aspirations.new.lead")}</p>
      <FormAlert state={state} />
      {data.event && <p className="alert alert-info">{t("aspirations.new.fromEvent", { title: data.event.title })}</p>}
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <CsrfField />
        {data.event && <input type="hidden" name="sourceEventId" value={data.event.id} />}
        <AspirationFields options={data} state={state} defaults={defaults} />
        <fieldset className="choices">
          <legend>{t("aspirations.new.identity")}</legend>
          {identities.map((value) => (
            <div className="choice" key={value}>
              <input type="radio" id={`identity-${value}`} name="identity" value={value} defaultChecked={identity === value} />
              <label htmlFor={`identity-${value}`}>
                {value === "account" ? t("aspirations.new.identity.account", { name: data.user?.name ?? "" }) : t(`aspirations.new.identity.${value}`)}
              </label>
            </div>
          ))}
        </fieldset>
        {!data.user && (
          <>
            <Field name="submitterName" label={t("aspirations.new.name")} autoComplete="name" state={state} />
            <Field name="submitterContact" label={t("aspirations.new.contact")} hint={t("aspirations.new.contactHint")} autoComplete="email" state={state} />
          </>
        )}
        <CheckboxField name="confidential" label={t("aspirations.new.confidential")} hint={t("aspirations.new.confidentialHint")} state={state} />

        {similar || state?.values?.intent === "submit" ? (
          <section aria-labelledby="similar-title" className="similar" tabIndex={-1} ref={similarRef}>
            <h2 id="similar-title">{t("aspirations.new.similar")}</h2>
            {similar && similar.length > 0 ? (
              <>
                <p>{t("aspirations.new.similarLead")}</p>
                <ul className="aspiration-list">
                  {similar.map((s) => (
                    <li key={s.code}>
                      <h3>
                        <Link to={`/aspirations/${s.code}`}>{t("aspirations.new.viewSimilar", { title: s.title })}</Link>
                      </h3>
                      <p className="meta">
                        <StatusTag status={s.status} /> · {t("aspirations.support.count", { count: s.supportCount })}
                        {s.kelurahan ? ` · ${s.kelurahan}` : ""}
                      </p>
                    </li>
                  ))}
                </ul>
              </>
            ) : similar ? (
              <p role="status">{t("aspirations.new.noSimilar")}</p>
            ) : null}
            <div className="field">
              <label htmlFor="f-photos">
                {t("aspirations.new.photos")} <span className="muted">{t("form.optional")}</span>
              </label>
              <p className="hint" id="f-photos-hint">
                {t("aspirations.new.photosHint")}
              </p>
              <FileInput
                id="f-photos"
                name="photos"
                multiple
                accept="image/jpeg,image/png,image/webp"
                aria-invalid={photosError ? true : undefined}
                aria-describedby={photosError ? "f-photos-hint f-photos-error" : "f-photos-hint"}
              />
              {photosError && (
                <p className="field-error" id="f-photos-error">
                  {t(photosError.key, photosError.params)}
                </p>
              )}
            </div>
            <div className="actions">
              <button type="submit" name="intent" value="submit" disabled={busy}>
                {t("aspirations.new.submit")}
              </button>
              <button type="submit" name="intent" value="check" className="button-secondary" disabled={busy}>
                {t("aspirations.new.check")}
              </button>
            </div>
          </section>
        ) : (
          <button type="submit" name="intent" value="check" disabled={busy}>
            {t("aspirations.new.check")}
          </button>
        )}
      </Form>
    </>
  );
}
