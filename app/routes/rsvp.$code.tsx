// /rsvp/:code: a registration behind its personal code (the guest's own link):
// status, the code and its QR image for the door, and a button to cancel.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import eventsCss from "~/styles/events.css";
import { formatRange } from "~/components/events";
import { CsrfField, FormAlert, type FormState } from "~/components/forms";
import { DomainError } from "~/domain/errors";
import { rooms } from "~/realtime/contract";
import { codeSchema } from "~/domain/events/events.schema";
import { cancelRsvpByCode, getRsvpByCode } from "~/domain/events/rsvp.server";
import { metaT, useLocale, useT } from "~/i18n/react";
import { setFlash } from "~/utils/flash.server";
import { failure, invalid, readForm } from "~/utils/forms.server";
import { orHttpError } from "~/utils/http-errors.server";
import { originOf } from "~/utils/origin.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventsCss }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("events.rsvp.page.title")} · Balai` }, { name: "robots", content: "noindex" }];

function code(params: { code?: string }): string {
  const parsed = codeSchema.safeParse(params.code ?? "");
  if (!parsed.success) throw json({ messageKey: "events.rsvp.notFound" }, { status: 404 });
  return parsed.data;
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  const rsvp = await orHttpError(getRsvpByCode(context.db, code(params)));
  return json({ rsvp }, { headers: { "Referrer-Policy": "no-referrer", "Cache-Control": "private, no-store" } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const c = code(params);
  const form = await readForm(request, context, z.object({ intent: z.literal("cancel") }));
  if (!form.ok) return invalid(form);
  try {
    const result = await cancelRsvpByCode(context.db, c, { mailer: context.mailer, publicUrl: originOf(request, context) });
    context.realtime.publish(rooms.event(result.eventId), "event:changed", { eventId: result.eventId });
    const key = result.promoted > 0 ? "events.rsvp.cancelledPromoted" : "events.rsvp.cancelled";
    return redirect(`/rsvp/${c}`, { headers: { "Set-Cookie": await setFlash(context, { key }) } });
  } catch (error) {
    if (error instanceof DomainError) return invalid(failure(error, form.formData));
    throw error;
  }
}

export default function RsvpPage() {
  const t = useT();
  const locale = useLocale();
  const { rsvp } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() as FormState | undefined;
  const e = rsvp.event;
  const active = rsvp.status !== "cancelled" && e.status === "published" && !rsvp.checkedIn;
  return (
    <>
      <h1>{t("events.rsvp.page.title")}</h1>
      <h2 className="rsvp-event"><Link to={`/events/${e.id}`}>{e.title}</Link></h2>
      <p>
        {formatRange(new Date(e.startsAt), new Date(e.endsAt), locale)}
        <br />
        {e.venueName}, {e.venueAddress}
      </p>
      {e.status === "cancelled" && <div className="alert alert-error" role="note">{t("events.rsvp.page.eventCancelled", { reason: e.cancelReason ?? "" })}</div>}
      {rsvp.name && <p>{t("events.rsvp.page.name", { name: rsvp.name })}</p>}
      <p className={`alert ${rsvp.status === "cancelled" ? "alert-error" : "alert-info"}`}>
        {rsvp.checkedIn
          ? t("events.rsvp.checkedIn")
          : rsvp.status === "confirmed"
            ? t("events.rsvp.page.status.confirmed")
            : rsvp.status === "waitlisted"
              ? t("events.rsvp.page.status.waitlisted", { position: rsvp.position })
              : t("events.rsvp.page.status.cancelled")}
      </p>
      {rsvp.status !== "cancelled" && (
        <div className="ticket">
          <p>
            {t("events.rsvp.page.code")}: <strong className="code">{rsvp.code}</strong>
          </p>
          <img src={`/rsvp/${rsvp.code}/qr.svg`} alt={t("events.rsvp.page.qrAlt", { code: rsvp.code })} width={220} height={220} />
          <p>{t("events.rsvp.showCode")}</p>
          <p className="muted">{t("events.rsvp.page.keep")}</p>
        </div>
      )}
      <FormAlert state={state} />
      {active && (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="cancel" />
          <button type="submit" className="button-secondary">{t("events.rsvp.cancel")}</button>
        </Form>
      )}
      <p><Link to={`/events/${e.id}`}>{t("events.rsvp.page.toEvent")}</Link></p>
    </>
  );
}
