// GET /calendar/:token/events.ics: a person's private feed, behind a secret, revocable token.
// Built once per change of their registrations or of the events (context.responses), with
// ETag, Last-Modified and 304 to a conditional request.
import { CALENDAR_CONTENT_TYPE, privateFeed, privateFeedOwner, privateFeedVersion } from "~/domain/events/calendar.server";
import { defineLoader } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";
import { originOf } from "~/utils/origin.server";
import { cachedFileResponse } from "~/utils/response-cache.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const user = await privateFeedOwner(context.db, params.token ?? "");
  const origin = originOf(request, context);
  const locale = getLocale(request);
  // the token is in the key: a rotated token never answers from the old one's entry
  const key = `calendar:private:${params.token}:${origin}:${locale}`;
  const file = await context.responses.get(key, await privateFeedVersion(context.db, user), () => privateFeed(context.db, user, origin, locale));
  return cachedFileResponse(request, file, {
    "Content-Type": CALENDAR_CONTENT_TYPE,
    "Content-Disposition": 'inline; filename="balai-saya.ics"',
    "Cache-Control": "private, no-cache",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex",
  });
});
