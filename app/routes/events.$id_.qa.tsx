// Q&A of one event: the open session's join code and QR for everyone; for
// moderators, a form to open a session and links to the console and projector.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, CsrfField, FormAlert } from "~/components/forms";
import { JoinQr } from "~/components/qa";
import { can } from "~/domain/accounts/roles";
import { openSessionSchema } from "~/domain/qa/qa.schema";
import { eventTitle } from "~/domain/events/text.server";
import { openSession, sessionsForEvent } from "~/domain/qa/qa.server";
import { formatDateTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import qaStyles from "~/styles/qa.css";
import { getUser, requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";
import { qrSvg } from "~/utils/qr.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: qaStyles }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("qa.event.title", { event: data?.event.title ?? "" })} · Balai` },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const id = idParam(params, "id", "qa.eventNotFound");
  const user = await getUser(request, context);
  // a draft is "not found" here exactly when /events/:id says so (the events' own rule)
  const { event, sessions } = await sessionsForEvent(context.db, user, id);
  const open = sessions.find((s) => s.status === "open") ?? null;
  const origin = context.config.publicUrl ? new URL(context.config.publicUrl).origin : new URL(request.url).origin;
  const joinUrl = open ? `${origin}/qa/${open.code}` : null;
  return {
    event: { id: event.id, title: eventTitle(event, getLocale(request)), startsAt: event.startsAt },
    open: open && { code: open.code, premoderation: open.premoderation },
    joinUrl,
    qr: joinUrl ? await qrSvg(joinUrl) : null,
    earlier: sessions.filter((s) => s.status !== "open").map((s) => ({ code: s.code })),
    moderator: can.moderate(user),
  };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const user = await requirePermission(request, context, can.moderate);
  const id = idParam(params, "id", "qa.eventNotFound");
  const input = form.parse(openSessionSchema);
  const session = await openSession(context.db, user, id, input);
  return redirectWithFlash(context, `/events/${id}/qa`, { key: "qa.event.opened", params: { code: session.code } });
});

export default function EventQa() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <div className="qa-page">
      <p className="qa-kicker">
        <Link to={`/events/${data.event.id}`}>{data.event.title}</Link> · {formatDateTime(data.event.startsAt, locale)}
      </p>
      <h1>{t("qa.event.title", { event: data.event.title })}</h1>
      {data.open && data.joinUrl && data.qr ? (
        <div className="qa-event-join">
          <JoinQr svg={data.qr} url={data.joinUrl} />
          <div>
            <p className="qa-code-big">{data.open.code}</p>
            {/* the session's own address needs no code: the code is for typing it in at /qa */}
            <p>{t("qa.event.joinAt", { url: data.joinUrl, code: data.open.code })}</p>
            <p>
              <a className="button" href={`/qa/${data.open.code}`}>
                {t("qa.event.joinLink")}
              </a>
            </p>
            {data.moderator && (
              <p>
                <a href={`/qa/${data.open.code}/moderate`}>{t("qa.event.moderateLink")}</a> ·{" "}
                <a href={`/qa/${data.open.code}/screen`}>{t("qa.event.screenLink")}</a>
              </p>
            )}
          </div>
        </div>
      ) : (
        <p>{t("qa.event.noSession")}</p>
      )}
      {data.moderator && !data.open && (
        <Form method="post" className="stack">
          <FormAlert state={state} />
          <CsrfField />
          <CheckboxField name="premoderation" label={t("qa.event.premoderation")} state={state} defaultChecked />
          <button type="submit">{t("qa.event.open")}</button>
        </Form>
      )}
      {data.earlier.length > 0 && (
        <>
          <h2>{t("qa.event.closedSessions")}</h2>
          <ul>
            {data.earlier.map((s) => (
              <li key={s.code}>
                <a href={`/qa/${s.code}`}>{t("qa.event.code", { code: s.code })}</a>
                {data.moderator && (
                  <>
                    {" "}
                    · <a href={`/qa/${s.code}/moderate`}>{t("qa.event.moderateLink")}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
