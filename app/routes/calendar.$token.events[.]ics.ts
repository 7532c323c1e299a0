// GET /calendar/:token/events.ics: a person's private feed, behind a secret, revocable token.
import { CALENDAR_CONTENT_TYPE, privateFeed } from "~/domain/events/calendar.server";
import { defineLoader } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";
import { originOf } from "~/utils/origin.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const body = await privateFeed(context.db, params.token ?? "", originOf(request, context), getLocale(request));
  return new Response(body, {
    headers: {
      "Content-Type": CALENDAR_CONTENT_TYPE,
      "Content-Disposition": 'inline; filename="balai-saya.ics"',
      "Cache-Control": "private, no-cache",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
    },
  });
});
