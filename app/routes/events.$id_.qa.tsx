// Q&A of one event: the open session's join code and QR for everyone; for
// moderators, a form to open a session and links to the console and projector.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, CsrfField, FormAlert, type FormState } from "~/components/forms";
import { JoinQr } from "~/components/qa";
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { openSessionSchema } from "~/domain/qa/qa.schema";
import { openSession, sessionsForEvent } from "~/domain/qa/qa.server";
import { formatDateTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import qaStyles from "~/styles/qa.css";
import { getUser, requirePermission } from "~/utils/auth.server";
import { setFlash } from "~/utils/flash.server";
import { failure, invalid, readForm } from "~/utils/forms.server";
import { qrSvg } from "~/utils/qr.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: qaStyles }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("qa.event.title", { event: data?.event.title ?? "" })} · Balai` },
];

function eventId(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw json({ messageKey: "qa.eventNotFound" }, { status: 404 });
  return id;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = eventId(params.id);
  const { event, sessions } = await sessionsForEvent(context.db, id);
  if (!event) throw json({ messageKey: "qa.eventNotFound" }, { status: 404 });
  const user = await getUser(request, context);
  const open = sessions.find((s) => s.status === "open") ?? null;
  const origin = context.config.publicUrl ? new URL(context.config.publicUrl).origin : new URL(request.url).origin;
  const joinUrl = open ? `${origin}/qa/${open.code}` : null;
  return json({
    event: { id: event.id, title: event.title, startsAt: event.startsAt.toISOString() },
    open: open && { code: open.code, premoderation: open.premoderation },
    joinUrl,
    qr: joinUrl ? await qrSvg(joinUrl) : null,
    earlier: sessions.filter((s) => s.status !== "open").map((s) => ({ code: s.code })),
    moderator: can.moderate(user),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, can.moderate);
  const id = eventId(params.id);
  const form = await readForm(request, context, openSessionSchema);
  if (!form.ok) return invalid(form);
  try {
    const session = await openSession(context.db, user, id, form.data);
    const flash = await setFlash(context, { key: "qa.event.opened", params: { code: session.code } });
    return redirect(`/events/${id}/qa`, { headers: { "Set-Cookie": flash } });
  } catch (error) {
    if (error instanceof DomainError) return invalid(failure(error, form.formData), error.status);
    throw error;
  }
}

export default function EventQa() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() as FormState | undefined;
  return (
    <div className="qa-page">
      <p className="qa-kicker">
        <Link to={`/events/${data.event.id}`}>{data.event.title}</Link> · {formatDateTime(new Date(data.event.startsAt), locale)}
      </p>
      <h1>{t("qa.event.title", { event: data.event.title })}</h1>
      {data.open && data.joinUrl && data.qr ? (
        <div className="qa-event-join">
          <JoinQr svg={data.qr} url={data.joinUrl} />
          <div>
            <p className="qa-code-big">{data.open.code}</p>
            <p>{t("qa.joinAt", { url: data.joinUrl, code: data.open.code })}</p>
            <p><a className="button" href={`/qa/${data.open.code}`}>{t("qa.event.joinLink")}</a></p>
            {data.moderator && (
              <p>
                <a href={`/qa/${data.open.code}/moderate`}>{t("qa.event.moderateLink")}</a> · <a href={`/qa/${data.open.code}/screen`}>{t("qa.event.screenLink")}</a>
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
                {data.moderator && <> · <a href={`/qa/${s.code}/moderate`}>{t("qa.event.moderateLink")}</a></>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
