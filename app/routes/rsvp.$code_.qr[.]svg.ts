// GET /rsvp/:code/qr.svg: the attendee's QR code, made on the server. It holds the
// check-in address, so staff scanning it with a phone camera land on the check-in
// page with the code filled in.
import { codeSchema } from "~/domain/events/events.schema";
import { getRsvpByCode } from "~/domain/events/rsvp.server";
import { defineLoader, notFound } from "~/utils/boundary.server";
import { originOf } from "~/utils/origin.server";
import { qrResponse } from "~/utils/qr.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const code = codeSchema.safeParse(params.code ?? "");
  if (!code.success) notFound("events.rsvp.notFound");
  const rsvp = await getRsvpByCode(context.db, code.data);
  return qrResponse(`${originOf(request, context)}/events/${rsvp.event.id}/attendees?code=${rsvp.code}`);
});
