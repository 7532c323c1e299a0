// /rsvp/:code: a registration behind its personal code (the guest's own link):
// status, the code and its QR image for the door, and a button to cancel (which asks first).
import type { HeadersFunction, LinksFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import eventsCss from "~/styles/events.css";
import { CancelRsvp, formatRange } from "~/components/events";
import { FormAlert } from "~/components/forms";
import { rooms } from "~/realtime/contract";
import { codeSchema } from "~/domain/events/events.schema";
import { cancelRsvpByCode, getRsvpByCode } from "~/domain/events/rsvp.server";
import { localizeEvent } from "~/domain/events/text.server";
import { metaT, useLocale, useT } from "~/i18n/react";
import { defineAction, defineLoader, notFound, redirectWithFlash } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";
import { originOf } from "~/utils/origin.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventsCss }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("events.rsvp.page.title")} · Balai` }, { name: "robots", content: "noindex" }];
/**
 * The personal code is in the address: never cached, and never sent to another site as a
 * referrer ("same-origin", not "no-referrer": with that, the browser's own form posts
 * carry `Origin: null` and fail the same-origin check).
 */
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

/** The personal code from the address, or "no registration with that code". */
function codeParam(params: { code?: string }): string {
  const parsed = codeSchema.safeParse(params.code ?? "");
  return parsed.success ? parsed.data : notFound("events.rsvp.notFound");
}

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const found = await getRsvpByCode(context.db, codeParam(params));
  const rsvp = { ...found, event: localizeEvent(found.event, getLocale(request)) };
  return data({ rsvp }, { headers: { "Referrer-Policy": "same-origin", "Cache-Control": "private, no-store" } });
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const code = codeParam(params);
  form.parse(z.object({ intent: z.literal("cancel") }));
  const result = await cancelRsvpByCode(context.db, code, { mailer: context.mailer, publicUrl: originOf(request, context) });
  context.realtime.publish(rooms.event(result.eventId), "event:changed", { eventId: result.eventId });
  return redirectWithFlash(context, `/rsvp/${code}`, { key: result.promoted > 0 ? "events.rsvp.cancelledPromoted" : "events.rsvp.cancelled" });
});

export default function RsvpPage() {
  const t = useT();
  const locale = useLocale();
  const { rsvp } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const e = rsvp.event;
  const active = rsvp.status !== "cancelled" && e.status === "published" && !rsvp.checkedIn;
  return (
    <>
      <h1>{t("events.rsvp.page.title")}</h1>
      <h2 className="rsvp-event">
        <Link to={`/events/${e.id}`}>{e.title}</Link>
      </h2>
      <p>
        {formatRange(e.startsAt, e.endsAt, locale)}
        <br />
        {e.venueName}, {e.venueAddress}
      </p>
      {e.status === "cancelled" && (
        <div className="alert alert-error" role="note">
          {t("events.rsvp.page.eventCancelled", { reason: e.cancelReason ?? "" })}
        </div>
      )}
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
      {active ? (
        <CancelRsvp page={`/rsvp/${rsvp.code}`} title={e.title}>
          <Link to={`/events/${e.id}`}>{t("events.rsvp.page.toEvent")}</Link>
        </CancelRsvp>
      ) : (
        <p>
          <Link to={`/events/${e.id}`}>{t("events.rsvp.page.toEvent")}</Link>
        </p>
      )}
    </>
  );
}
