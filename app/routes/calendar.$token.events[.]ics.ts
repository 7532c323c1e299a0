// GET /calendar/:token/events.ics: a person's private feed, behind a secret, revocable token.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { CALENDAR_CONTENT_TYPE, privateFeed } from "~/domain/events/calendar.server";
import { orHttpError } from "~/utils/http-errors.server";
import { getLocale } from "~/utils/locale.server";
import { originOf } from "~/utils/origin.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const body = await orHttpError(privateFeed(context.db, params.token ?? "", originOf(request, context), getLocale(request)));
  return new Response(body, {
    headers: {
      "Content-Type": CALENDAR_CONTENT_TYPE,
      "Content-Disposition": 'inline; filename="balai-saya.ics"',
      "Cache-Control": "private, no-cache",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
    },
  });
}
