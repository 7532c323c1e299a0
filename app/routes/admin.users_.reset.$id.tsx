import type { HeadersFunction, LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, CsrfField, FormAlert, SelectField } from "~/components/forms";
import { COUNTER_CODE_HOURS, COUNTER_METHODS, IDENTITY_DOCUMENTS } from "~/domain/accounts/password-reset";
import { counterResetSchema } from "~/domain/accounts/password-reset.schema";
import { counterReset, residentForCounter } from "~/domain/accounts/password-reset.server";
import { can } from "~/domain/accounts/roles";
import { absoluteUrl } from "~/domain/notifications/templates";
import { formatDateTime, formatShortDate } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/accounts.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam } from "~/utils/boundary.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("accounts.counter.title")} · Balai` }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
// the answer may carry a temporary password or a code: never kept by a cache
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const actor = await requirePermission(request, context, can.resetPasswordAtCounter);
  const resident = await residentForCounter(context.db, actor, idParam(params));
  return { resident, codeUrl: absoluteUrl(context.config.publicUrl ?? new URL(request.url).origin, "/reset-password/code")! };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const actor = await requirePermission(request, context, can.resetPasswordAtCounter);
  const userId = idParam(params);
  const input = form.parse(counterResetSchema);
  const result = await counterReset(
    context.db,
    actor,
    { ...input, userId, identityChecked: input.identityChecked === "on" },
    { secret: context.config.sessionSecret },
  );
  // a temporary password ended every session of the account: its open sockets reconnect without rights
  if (result.method === "temporary") context.realtime.revoke({ userId });
  return { done: result };
});

export default function CounterReset() {
  const t = useT();
  const locale = useLocale();
  const { resident, codeUrl } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const done = state && "done" in state ? state.done : null;
  const failed = state && !("done" in state) ? state : undefined;
  return (
    <>
      <p className="reset-no-print">
        <Link to="/admin/users/reset">{t("accounts.counter.back")}</Link>
      </p>
      <h1 className="reset-no-print">{t("accounts.counter.title")}</h1>
      <dl className="reset-no-print">
        <dt>{t("accounts.counter.name")}</dt>
        <dd>{resident.name}</dd>
        <dt>{t("accounts.counter.contact")}</dt>
        <dd>{[resident.emailHint, resident.phoneHint].filter(Boolean).join(", ") || t("accounts.counter.noContact")}</dd>
        <dt>{t("accounts.counter.kelurahan")}</dt>
        <dd>{resident.kelurahan ?? "–"}</dd>
        <dt>{t("accounts.counter.since")}</dt>
        <dd>{formatShortDate(resident.createdAt, locale)}</dd>
      </dl>
      {done?.method === "temporary" && (
        <section aria-labelledby="temporary-title">
          <h2 id="temporary-title">{t("accounts.counter.temporaryDone", { name: resident.name })}</h2>
          <p className="reset-secret">{done.password}</p>
          <div className="alert alert-info" role="status">
            {t("accounts.counter.onceWarning")}
          </div>
          <p>
            <Link to="/admin/users/reset">{t("accounts.counter.another")}</Link>
          </p>
        </section>
      )}
      {done?.method === "code" && (
        <>
          <section className="reset-slip" aria-labelledby="slip-title">
            <h2 id="slip-title">{t("accounts.counter.slip.title")}</h2>
            <p>{t("accounts.counter.slip.for", { name: resident.name })}</p>
            <dl>
              <dt>{t("accounts.counter.slip.identifier")}</dt>
              <dd>{done.identifier}</dd>
              <dt>{t("accounts.counter.slip.code")}</dt>
              <dd className="reset-secret">{done.code}</dd>
            </dl>
            <p>{t("accounts.counter.slip.until", { time: formatDateTime(new Date(done.expiresAt), locale) })}</p>
            <p>{t("accounts.counter.slip.how", { url: codeUrl })}</p>
          </section>
          <p className="reset-no-print">
            {t("accounts.counter.print")}: Ctrl+P · <Link to="/admin/users/reset">{t("accounts.counter.another")}</Link>
          </p>
        </>
      )}
      {!done && resident.self && <p className="alert alert-info">{t("accounts.counter.self")}</p>}
      {!done && !resident.self && (
        <>
          <p>{t("accounts.counter.intro")}</p>
          <FormAlert state={failed} />
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <CheckboxField name="identityChecked" label={t("accounts.counter.identityChecked")} state={failed} />
            <SelectField name="documentType" label={t("accounts.counter.document")} required state={failed}>
              <option value="">{t("accounts.counter.documentChoose")}</option>
              {IDENTITY_DOCUMENTS.map((d) => (
                <option key={d} value={d}>
                  {t(`accounts.counter.doc.${d}`)}
                </option>
              ))}
            </SelectField>
            <p className="hint">{t("accounts.counter.documentHint")}</p>
            <fieldset aria-describedby={failed?.errors?.method ? "f-method-error" : undefined}>
              <legend>{t("accounts.counter.method")}</legend>
              {COUNTER_METHODS.map((m) => (
                <label key={m}>
                  <input type="radio" name="method" value={m} defaultChecked={(failed?.values?.method ?? "code") === m} />{" "}
                  {t(`accounts.counter.method.${m}`, { hours: COUNTER_CODE_HOURS })}
                </label>
              ))}
              {failed?.errors?.method && (
                <p className="field-error" id="f-method-error">
                  {t(failed.errors.method.key, failed.errors.method.params)}
                </p>
              )}
            </fieldset>
            <button type="submit" disabled={resident.disabled}>
              {t("accounts.counter.submit")}
            </button>
            {resident.disabled && <p className="field-error">{t("accounts.counter.disabled")}</p>}
          </Form>
        </>
      )}
    </>
  );
}
