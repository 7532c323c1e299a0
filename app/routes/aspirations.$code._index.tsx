import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { StatusTag, channelLabel, statusLabel } from "~/components/aspirations/AspirationFields";
import { CsrfField, FormAlert } from "~/components/forms";
import { getPublicAspiration, supportAspiration, withdrawSupport } from "~/domain/aspirations/aspirations.server";
import { aspirationPhotos } from "~/domain/aspirations/photos.server";
import { agendaItemsForAspirationCode } from "~/domain/agenda/agenda.server";
import { normalizeCode } from "~/domain/aspirations/code";
import { DomainError } from "~/domain/errors";
import { formatDateTime, isMessageKey, type Params } from "~/i18n";
import { localizeParams } from "~/domain/notifications/templates";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/aspirations.css";
import { getUser, requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, notFound, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: `${data?.aspiration.sealed ? metaT(matches)("services.integrity.sealed.title") : (data?.aspiration.title ?? metaT(matches)("aspirations.index.title"))} · Balai`,
  },
  { name: "robots", content: "noindex" },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context, params }) => {
  const code = normalizeCode(params.code ?? "");
  if (code && code !== params.code) throw redirect(`/aspirations/${code}`);
  const user = await getUser(request, context);
  const aspiration = code ? await getPublicAspiration(context.db, code, user) : null;
  if (!aspiration) notFound("aspirations.notFound");
  // a confidential integrity report seen with only its code: its status, nothing else
  const [photos, agendaItems] = aspiration.sealed
    ? [[], []]
    : await Promise.all([aspirationPhotos(context.db, context.images, aspiration.code), agendaItemsForAspirationCode(context.db, aspiration.code)]);
  return { aspiration, photos, agendaItems, signedIn: !!user, staff: aspiration.viewerMayManage };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, params, form }) => {
  const user = await requireUser(request, context);
  const code = params.code ?? "";
  switch (form.get("intent")) {
    case "support":
      await supportAspiration(context.db, user, code);
      return redirectWithFlash(context, `/aspirations/${normalizeCode(code)}`, { key: "aspirations.flash.supported" });
    case "withdraw":
      await withdrawSupport(context.db, user, code);
      return redirectWithFlash(context, `/aspirations/${normalizeCode(code)}`, { key: "aspirations.flash.withdrawn" });
    default:
      throw new DomainError("error.badRequest");
  }
});

export default function AspirationPage() {
  const t = useT();
  const locale = useLocale();
  const { aspiration: a, photos, agendaItems, signedIn, staff } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const date = (d: Date | null) => (d ? formatDateTime(d, locale) : "");
  const place = [a.address, a.rw, a.kelurahan].filter(Boolean).join(", ");
  return (
    <>
      <p className="tag">
        {t("aspirations.detail.code")} <span className="code-inline">{a.code}</span>
      </p>
      <h1>{a.sealed ? t("services.integrity.sealed.title") : a.title}</h1>
      <p>
        <StatusTag status={a.status} />
      </p>
      {a.sealed && <p className="alert alert-info">{t("services.integrity.sealed.text")}</p>}
      {a.integrity && <p className="alert alert-info">{t("services.integrity.notice", { unit: a.integrity.unit.name })}</p>}
      {!a.sealed && (
        <>
          {a.primary && (
            <div className="alert alert-info">
              <p>{t("aspirations.group.memberOf", { code: a.primary.code })}</p>
              <p>
                <Link to={`/aspirations/${a.primary.code}`}>{a.primary.title}</Link> · <StatusTag status={a.primary.status} />
              </p>
            </div>
          )}
          <FormAlert state={state} />
          <p className="description">{a.description}</p>
          {photos.length > 0 && (
            <ul className="photos" aria-label={t("aspirations.detail.photos")}>
              {photos.map((p) => (
                <li key={p.id}>
                  <img
                    src={p.src}
                    srcSet={p.srcSet}
                    sizes="(min-width: 40rem) 20rem, 100vw"
                    alt={p.alt}
                    width={p.width ?? undefined}
                    height={p.height ?? undefined}
                    loading="lazy"
                  />
                </li>
              ))}
            </ul>
          )}
          <dl className="facts">
            <dt>{t("aspirations.detail.category")}</dt>
            <dd>{a.category ? (locale === "en" ? a.category.nameEn : a.category.nameId) : "-"}</dd>
            <dt>{t("aspirations.detail.place")}</dt>
            <dd>{place || "-"}</dd>
            <dt>{t("aspirations.detail.channel")}</dt>
            <dd>
              {t(channelLabel(a.channel))}
              {a.assisted ? ` (${t("aspirations.detail.assisted")})` : ""}
            </dd>
            <dt>{t("aspirations.detail.by")}</dt>
            <dd>{a.submitterName ?? t("aspirations.detail.anonymous")}</dd>
            <dt>{t("aspirations.detail.received")}</dt>
            <dd>{date(a.createdAt)}</dd>
          </dl>

          {a.sources.length > 0 && (
            <section aria-labelledby="source-title">
              <h2 id="source-title">{t("aspirations.detail.source")}</h2>
              <ul>
                {a.sources.map((s) => (
                  <li key={s.href}>
                    <Link to={s.href}>
                      {s.kind === "event" ? t("aspirations.detail.source.event", { title: s.label ?? "" }) : t(`aspirations.detail.source.${s.kind}`)}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {agendaItems.length > 0 && (
            <section aria-labelledby="agenda-title">
              <h2 id="agenda-title">{t("aspirations.detail.agenda")}</h2>
              <ul>
                {agendaItems.map((i) => (
                  <li key={i.itemId}>
                    <Link to={i.path}>
                      {t("aspirations.detail.agendaItem", {
                        year: i.year,
                        level: t(`agenda.level.${i.level as "rw" | "kelurahan" | "kecamatan"}`),
                        area: i.areaName,
                        title: i.title,
                      })}
                    </Link>
                    <br />
                    <strong>{t(i.decision ? `agenda.decision.${i.decision as "accepted" | "deferred" | "declined"}` : "agenda.decision.undecided")}</strong>
                    {i.decisionReason && (
                      <p>
                        {t("agenda.decision.reason")}: {i.decisionReason}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="support-title">
            <h2 id="support-title">{t("aspirations.support.count", { count: a.supportCount })}</h2>
            {a.supportedByMe && <p>{t("aspirations.support.youSupport")}</p>}
            {!signedIn ? (
              <p>
                <Link to={`/login?redirectTo=/aspirations/${a.code}`}>{t("aspirations.support.signIn")}</Link>
              </p>
            ) : a.ownedByViewer ? null : a.supportedByMe ? (
              <Form method="post">
                <CsrfField />
                <button type="submit" name="intent" value="withdraw" className="button-secondary">
                  {t("aspirations.support.withdraw")}
                </button>
              </Form>
            ) : a.status !== "rejected" ? (
              <Form method="post">
                <CsrfField />
                <button type="submit" name="intent" value="support">
                  {t("aspirations.support.button")}
                </button>
              </Form>
            ) : null}
          </section>

          {a.members.length > 0 && (
            <section aria-labelledby="members-title">
              <h2 id="members-title">{t("aspirations.group.members")}</h2>
              <ul>
                {a.members.map((m) => (
                  <li key={m.code}>
                    <Link to={`/aspirations/${m.code}`}>{m.title}</Link> (<span className="code-inline">{m.code}</span>)
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}

      <section aria-labelledby="deadline-title">
        <h2 id="deadline-title">{t("aspirations.detail.deadlines")}</h2>
        <ul>
          <li>
            {a.verifiedAt
              ? t("aspirations.detail.verifiedOn", { date: date(a.verifiedAt) })
              : a.verifyDueAt
                ? t("aspirations.detail.verifyBy", { date: date(a.verifyDueAt) })
                : null}
          </li>
          <li>
            {a.firstResponseAt
              ? t("aspirations.detail.respondedOn", { date: date(a.firstResponseAt) })
              : a.responseDueAt
                ? t("aspirations.detail.respondBy", { date: date(a.responseDueAt) })
                : null}
          </li>
        </ul>
      </section>

      <section aria-labelledby="log-title">
        <h2 id="log-title">{t("aspirations.detail.log")}</h2>
        {a.updates.length === 0 ? (
          <p>{t("aspirations.detail.noLog")}</p>
        ) : (
          <ol className="log">
            {a.updates.map((u) => (
              <li key={u.id}>
                <strong>
                  {u.fromStatus
                    ? t("aspirations.detail.logEntry", { from: t(statusLabel(u.fromStatus)), to: t(statusLabel(u.toStatus)) })
                    : t(statusLabel(u.toStatus))}
                </strong>
                <br />
                <span className="meta">
                  <time dateTime={u.createdAt.toISOString()}>{date(u.createdAt)}</time>
                  {u.actorName ? ` · ${t("aspirations.detail.logBy", { name: u.actorName })}` : ""}
                </span>
                {/* a note Balai wrote itself is a message: in the reader's language */}
                {u.noteKey && isMessageKey(u.noteKey) ? (
                  <p>{t(u.noteKey, localizeParams(locale, JSON.parse(u.noteParams ?? "{}") as Params))}</p>
                ) : (
                  u.note && <p>{u.note}</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <div className="actions">
        <Link to={`/aspirations/${a.code}/receipt`}>{t("aspirations.detail.receipt")}</Link>
        {staff && <Link to={`/aspirations/${a.code}/manage`}>{t("aspirations.detail.manage")}</Link>}
      </div>
    </>
  );
}
