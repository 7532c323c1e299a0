import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { StatusTag, channelLabel, statusLabel } from "~/components/aspirations/AspirationFields";
import { CsrfField, Field, FormAlert, SelectField, TextAreaField } from "~/components/forms";
import { groupSchema, statusChangeSchema } from "~/domain/aspirations/aspirations.schema";
import { findIdByCode, getStaffAspiration } from "~/domain/aspirations/aspirations.server";
import { groupAspirations, ungroupAspiration } from "~/domain/aspirations/grouping.server";
import { changeAspirationStatus } from "~/domain/aspirations/status.server";
import { DomainError } from "~/domain/errors";
import { formatDateTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/aspirations.css";
import { requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, notFound, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: `${metaT(matches)("aspirations.manage.title", { code: data?.a.code ?? "" })} · Balai` },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context, params }) => {
  // moderators and planners; a confidential integrity report: the unit's supervisors and admins (checked in the domain)
  const actor = await requireUser(request, context);
  const a = await getStaffAspiration(context.db, actor, params.code ?? "");
  if (!a) notFound("aspirations.notFound");
  return { a };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, params, form }) => {
  const actor = await requireUser(request, context);
  const id = await findIdByCode(context.db, params.code ?? "");
  if (!id) notFound("aspirations.notFound");
  const here = new URL(request.url).pathname;
  switch (form.get("intent")) {
    case "status": {
      const input = form.parse(statusChangeSchema);
      await changeAspirationStatus(
        context.db,
        context.mailer,
        actor,
        { aspirationId: id, to: input.to, note: input.note },
        { publicUrl: context.config.publicUrl },
      );
      return redirectWithFlash(context, here, { key: "aspirations.flash.statusChanged" });
    }
    case "group": {
      const input = form.parse(groupSchema);
      const primaryId = await findIdByCode(context.db, input.primaryCode);
      if (!primaryId) throw new DomainError("aspirations.group.notFound", "primaryCode");
      await groupAspirations(context.db, actor, { primaryId, memberId: id });
      return redirectWithFlash(context, here, { key: "aspirations.flash.grouped" });
    }
    case "ungroup":
      await ungroupAspiration(context.db, actor, id);
      return redirectWithFlash(context, here, { key: "aspirations.flash.ungrouped" });
    default:
      throw new DomainError("error.badRequest");
  }
});

export default function ManageAspiration() {
  const t = useT();
  const locale = useLocale();
  const { a } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const intent = state?.values.intent;
  const date = (d: Date | null) => (d ? formatDateTime(d, locale) : "-");
  return (
    <>
      <p className="tag">
        <span className="code-inline">{a.code}</span> · <Link to={`/aspirations/${a.code}`}>{t("aspirations.manage.public")}</Link>
      </p>
      <h1>{a.title}</h1>
      <p>
        <StatusTag status={a.status} /> · {t(channelLabel(a.channel))} · {t("aspirations.support.count", { count: a.supportCount })}
      </p>
      <p className="description">{a.description}</p>
      {a.integrity && (
        <p className="alert alert-info">
          {t("services.integrity.notice", { unit: a.integrity.unit.name })}
          {a.integrity.service && (
            <>
              {" "}
              <Link to={`/layanan/${a.integrity.service.slug}`}>{a.integrity.service.name}</Link>
            </>
          )}
        </p>
      )}

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
        {a.assistedBy && (
          <p>
            {t("aspirations.manage.assistedBy", { name: a.assistedBy })} ·{" "}
            {a.consentRecorded ? t("aspirations.manage.consent") : t("aspirations.manage.noConsent")}
          </p>
        )}
        <p>{t("aspirations.manage.ownSupports", { count: a.ownSupports })}</p>
        <p>
          {a.verifiedAt ? t("aspirations.detail.verifiedOn", { date: date(a.verifiedAt) }) : t("aspirations.detail.verifyBy", { date: date(a.verifyDueAt) })}
        </p>
        <p>
          {a.firstResponseAt
            ? t("aspirations.detail.respondedOn", { date: date(a.firstResponseAt) })
            : t("aspirations.detail.respondBy", { date: date(a.responseDueAt) })}
        </p>
      </section>

      <section aria-labelledby="status-title">
        <h2 id="status-title">{t("aspirations.manage.changeStatus")}</h2>
        {a.primary ? (
          <>
            {intent === "status" && <FormAlert state={state} />}
            <p>
              {t("aspirations.group.followUp")} <Link to={`/aspirations/${a.primary.code}/manage`}>{a.primary.title}</Link> (
              <span className="code-inline">{a.primary.code}</span>)
            </p>
          </>
        ) : a.next.length === 0 ? (
          <p>{t("aspirations.manage.final")}</p>
        ) : (
          <>
            {intent === "status" && <FormAlert state={state} />}
            <Form method="post" className="stack" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="status" />
              <SelectField name="to" label={t("aspirations.manage.to")} required state={intent === "status" ? state : undefined}>
                {a.next.map((s) => (
                  <option key={s} value={s}>
                    {t(statusLabel(s))}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                name="note"
                label={t("aspirations.manage.note")}
                hint={t("aspirations.manage.noteHint")}
                required
                rows={4}
                maxLength={2000}
                state={intent === "status" ? state : undefined}
              />
              <button type="submit">{t("aspirations.manage.save")}</button>
            </Form>
          </>
        )}
      </section>

      {!a.integrity && (
        <section aria-labelledby="group-title">
          <h2 id="group-title">{t("aspirations.group.title")}</h2>
          {intent === "group" || intent === "ungroup" ? <FormAlert state={state} /> : null}
          {a.primary ? (
            <>
              <p>
                {t("aspirations.group.memberOf", { code: a.primary.code })} <Link to={`/aspirations/${a.primary.code}/manage`}>{a.primary.title}</Link>
              </p>
              <Form method="post">
                <CsrfField />
                <button type="submit" name="intent" value="ungroup" className="button-secondary">
                  {t("aspirations.group.ungroup")}
                </button>
              </Form>
            </>
          ) : (
            <Form method="post" className="stack" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="group" />
              <p className="hint">{t("aspirations.group.hint")}</p>
              <Field
                name="primaryCode"
                label={t("aspirations.group.primaryCode")}
                hint={t("aspirations.track.hint")}
                required
                state={intent === "group" ? state : undefined}
              />
              <button type="submit">{t("aspirations.group.submit")}</button>
            </Form>
          )}
          {a.members.length > 0 && (
            <>
              <h3>{t("aspirations.group.members")}</h3>
              <ul>
                {a.members.map((m) => (
                  <li key={m.code}>
                    <Link to={`/aspirations/${m.code}/manage`}>{m.title}</Link> (<span className="code-inline">{m.code}</span>)
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
