// GET /rsvp/:code/qr.svg: the attendee's QR code, made on the server. It holds the
// check-in address, so staff scanning it with a phone camera land on the check-in
// page with the code filled in.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { codeSchema } from "~/domain/events/events.schema";
import { getRsvpByCode } from "~/domain/events/rsvp.server";
import { orHttpError } from "~/utils/http-errors.server";
import { originOf } from "~/utils/origin.server";
import { qrResponse } from "~/utils/qr.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const code = codeSchema.safeParse(params.code ?? "");
  if (!code.success) throw json({ messageKey: "events.rsvp.notFound" }, { status: 404 });
  const rsvp = await orHttpError(getRsvpByCode(context.db, code.data));
  return qrResponse(`${originOf(request, context)}/events/${rsvp.event.id}/attendees?code=${rsvp.code}`);
}
