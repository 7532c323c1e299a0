import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { AspirationFields, StatusTag } from "~/components/aspirations/AspirationFields";
import { CheckboxField, CsrfField, Field, FormAlert, type FormState } from "~/components/forms";
import { listKelurahan } from "~/domain/areas/areas.server";
import { webSubmitSchema } from "~/domain/aspirations/aspirations.schema";
import { eventForAspiration, findSimilar, listCategories, submitAspiration } from "~/domain/aspirations/aspirations.server";
import { readPhotos } from "~/domain/aspirations/photos.server";
import { DomainError } from "~/domain/errors";
import { metaT, useT } from "~/i18n/react";
import href from "~/styles/aspirations.css";
import { getUser } from "~/utils/auth.server";
import { setFlash } from "~/utils/flash.server";
import { failure, formValues, invalid, readForm } from "~/utils/forms.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("aspirations.new.title")} · Balai` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  const eventId = Number(new URL(request.url).searchParams.get("event"));
  const [categories, kelurahan, event] = await Promise.all([listCategories(context.db), listKelurahan(context.db), eventId ? eventForAspiration(context.db, eventId) : null]);
  return json({ user: user ? { name: user.name } : null, categories, kelurahan, event });
}

type Similar = Awaited<ReturnType<typeof findSimilar>>;
type ActionData = FormState & { checked?: boolean; similar?: Similar };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getUser(request, context);
  const form = await readForm(request, context, webSubmitSchema);
  if (!form.ok) return invalid(form);
  const input = form.data;
  if (input.intent === "check") {
    const similar = await findSimilar(context.db, input);
    return json({ checked: true, similar, values: formValues(form.formData) } satisfies ActionData);
  }
  try {
    const photos = await readPhotos(form.formData.getAll("photos"));
    const created = await submitAspiration(context.db, context.mailer, user, input, { publicUrl: context.config.publicUrl, photos, store: context.images });
    const flash = await setFlash(context, { key: "aspirations.flash.submitted", params: { code: created.code } });
    return redirect(`/aspirations/${created.code}/receipt`, { headers: { "Set-Cookie": flash } });
  } catch (error) {
    if (error instanceof DomainError) return invalid(failure(error, form.formData), error.status);
    throw error;
  }
}

export default function NewAspiration() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() as ActionData | undefined;
  const busy = useNavigation().state === "submitting";
  // with JavaScript the page does not reload: move focus to the similar list so it is announced
  const similarRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (state?.checked) similarRef.current?.focus();
  }, [state]);
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

        {state?.checked || state?.values?.intent === "submit" ? (
          <section aria-labelledby="similar-title" className="similar" tabIndex={-1} ref={similarRef}>
            <h2 id="similar-title">{t("aspirations.new.similar")}</h2>
            {state.similar && state.similar.length > 0 ? (
              <>
                <p>{t("aspirations.new.similarLead")}</p>
                <ul className="aspiration-list">
                  {state.similar.map((s) => (
                    <li key={s.code}>
                      <h3><Link to={`/aspirations/${s.code}`}>{t("aspirations.new.viewSimilar", { title: s.title })}</Link></h3>
                      <p className="meta"><StatusTag status={s.status} /> · {t("aspirations.support.count", { count: s.supportCount })}{s.kelurahan ? ` · ${s.kelurahan}` : ""}</p>
                    </li>
                  ))}
                </ul>
              </>
            ) : state.similar ? (
              <p role="status">{t("aspirations.new.noSimilar")}</p>
            ) : null}
            <div className="field">
              <label htmlFor="f-photos">
                {t("aspirations.new.photos")} <span className="muted">{t("form.optional")}</span>
              </label>
              <p className="hint" id="f-photos-hint">{t("aspirations.new.photosHint")}</p>
              <input
                id="f-photos"
                name="photos"
                type="file"
                multiple
                accept="image/jpeg,image/png,image/webp"
                aria-invalid={state?.errors?.photos ? true : undefined}
                aria-describedby={state?.errors?.photos ? "f-photos-hint f-photos-error" : "f-photos-hint"}
              />
              {state?.errors?.photos && <p className="field-error" id="f-photos-error">{t(state.errors.photos.key, state.errors.photos.params)}</p>}
            </div>
            <div className="actions">
              <button type="submit" name="intent" value="submit" disabled={busy}>{t("aspirations.new.submit")}</button>
              <button type="submit" name="intent" value="check" className="button-secondary" disabled={busy}>{t("aspirations.new.check")}</button>
            </div>
          </section>
        ) : (
          <button type="submit" name="intent" value="check" disabled={busy}>{t("aspirations.new.check")}</button>
        )}
      </Form>
    </>
  );
}
