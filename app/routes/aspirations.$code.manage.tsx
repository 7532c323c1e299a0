import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { StatusTag, channelLabel, statusLabel } from "~/components/aspirations/AspirationFields";
import { CsrfField, Field, FormAlert, SelectField, TextAreaField, type FormState } from "~/components/forms";
import { can } from "~/domain/accounts/roles";
import { manageSchema } from "~/domain/aspirations/aspirations.schema";
import { findIdByCode, getStaffAspiration } from "~/domain/aspirations/aspirations.server";
import { groupAspirations, ungroupAspiration } from "~/domain/aspirations/grouping.server";
import { changeAspirationStatus } from "~/domain/aspirations/status.server";
import { DomainError } from "~/domain/errors";
import { formatDateTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/aspirations.css";
import { requirePermission } from "~/utils/auth.server";
import { setFlash } from "~/utils/flash.server";
import { failure, invalid, readForm } from "~/utils/forms.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: `${metaT(matches)("aspirations.manage.title", { code: data?.a.code ?? "" })} · Balai` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, can.manageAspirations);
  const a = await getStaffAspiration(context.db, actor, params.code ?? "");
  if (!a) throw json({ messageKey: "error.404.title" }, { status: 404 });
  return json({ a });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, can.manageAspirations);
  const form = await readForm(request, context, manageSchema);
  if (!form.ok) return invalid(form);
  const id = await findIdByCode(context.db, params.code ?? "");
  if (!id) throw json({ messageKey: "error.404.title" }, { status: 404 });
  try {
    const input = form.data;
    let key: "aspirations.flash.statusChanged" | "aspirations.flash.grouped" | "aspirations.flash.ungrouped";
    if (input.intent === "status") {
      await changeAspirationStatus(context.db, context.mailer, actor, { aspirationId: id, to: input.to, note: input.note }, { publicUrl: context.config.publicUrl });
      key = "aspirations.flash.statusChanged";
    } else if (input.intent === "group") {
      const primaryId = await findIdByCode(context.db, input.primaryCode);
      if (!primaryId) throw new DomainError("aspirations.group.notFound", "primaryCode");
      await groupAspirations(context.db, actor, { primaryId, memberId: id });
      key = "aspirations.flash.grouped";
    } else {
      await ungroupAspiration(context.db, actor, id);
      key = "aspirations.flash.ungrouped";
    }
    return redirect(new URL(request.url).pathname, { headers: { "Set-Cookie": await setFlash(context, { key }) } });
  } catch (error) {
    if (error instanceof DomainError) return invalid(failure(error, form.formData), error.status);
    throw error;
  }
}

export default function ManageAspiration() {
  const t = useT();
  const locale = useLocale();
  const { a } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() as FormState | undefined;
  const intent = state?.values?.intent;
  const date = (d: string | null) => (d ? formatDateTime(new Date(d), locale) : "-");
  return (
    <>
      <p className="tag"><span className="code-inline">{a.code}</span> · <Link to={`/aspirations/${a.code}`}>{t("aspirations.manage.public")}</Link></p>
      <h1>{a.title}</h1>
      <p><StatusTag status={a.status} /> · {t(channelLabel(a.channel))} · {t("aspirations.support.count", { count: a.supportCount })}</p>
      <p className="description">{a.description}</p>

      <section aria-labelledby="identity-title">
        <h2 id="identity-title">{t("aspirations.manage.identity")}</h2>
        {a.identity.anonymous ? (
          <p>{t("aspirations.manage.anonymous")}</p>
        ) : (
          <dl className="facts">
            <dt>{t("aspirations.manage.name")}</dt>
            <dd>{a.identity.name ?? "-"}</dd>
            <dt>{t("aspirations.manage.contact")}</dt>
            <dd>{a.identity.contact ?? "-"}</dd>
            <dt>{t("aspirations.manage.account")}</dt>
            <dd>{a.identity.hasAccount ? "✓" : "-"}</dd>
          </dl>
        )}
        {a.identity.confidential && <p className="alert alert-info">{t("aspirations.manage.confidential")}</p>}
        {a.assistedBy && <p>{t("aspirations.manage.assistedBy", { name: a.assistedBy })} · {a.consentRecorded ? t("aspirations.manage.consent") : t("aspirations.manage.noConsent")}</p>}
        <p>{t("aspirations.manage.ownSupports", { count: a.ownSupports })}</p>
        <p>{a.verifiedAt ? t("aspirations.detail.verifiedOn", { date: date(a.verifiedAt) }) : t("aspirations.detail.verifyBy", { date: date(a.verifyDueAt) })}</p>
        <p>{a.firstResponseAt ? t("aspirations.detail.respondedOn", { date: date(a.firstResponseAt) }) : t("aspirations.detail.respondBy", { date: date(a.responseDueAt) })}</p>
      </section>

      <section aria-labelledby="status-title">
        <h2 id="status-title">{t("aspirations.manage.changeStatus")}</h2>
        {a.next.length === 0 ? (
          <p>{t("aspirations.manage.final")}</p>
        ) : (
          <>
            {intent === "status" && <FormAlert state={state} />}
            <Form method="post" className="stack" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="status" />
              <SelectField name="to" label={t("aspirations.manage.to")} required state={intent === "status" ? state : undefined}>
                {a.next.map((s) => (
                  <option key={s} value={s}>{t(statusLabel(s))}</option>
                ))}
              </SelectField>
              <TextAreaField name="note" label={t("aspirations.manage.note")} hint={t("aspirations.manage.noteHint")} required rows={4} maxLength={2000} state={intent === "status" ? state : undefined} />
              <button type="submit">{t("aspirations.manage.save")}</button>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="group-title">
        <h2 id="group-title">{t("aspirations.group.title")}</h2>
        {intent === "group" || intent === "ungroup" ? <FormAlert state={state} /> : null}
        {a.primary ? (
          <>
            <p>{t("aspirations.group.memberOf", { code: a.primary.code })} <Link to={`/aspirations/${a.primary.code}/manage`}>{a.primary.title}</Link></p>
            <Form method="post">
              <CsrfField />
              <button type="submit" name="intent" value="ungroup" className="button-secondary">{t("aspirations.group.ungroup")}</button>
            </Form>
          </>
        ) : (
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="group" />
            <p className="hint">{t("aspirations.group.hint")}</p>
            <Field name="primaryCode" label={t("aspirations.group.primaryCode")} hint={t("aspirations.track.hint")} required state={intent === "group" ? state : undefined} />
            <button type="submit">{t("aspirations.group.submit")}</button>
          </Form>
        )}
        {a.members.length > 0 && (
          <>
            <h3>{t("aspirations.group.members")}</h3>
            <ul>
              {a.members.map((m) => (
                <li key={m.code}><Link to={`/aspirations/${m.code}/manage`}>{m.title}</Link> (<span className="code-inline">{m.code}</span>)</li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
