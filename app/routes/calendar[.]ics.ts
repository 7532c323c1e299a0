// GET /calendar.ics: every public event of the window (the last 90 days and everything to
// come), with the /events filters. Built once per change (context.responses), with ETag,
// Last-Modified and 304 to a conditional request.
import { CALENDAR_CONTENT_TYPE, eventsVersion, feedWindowStart, publicFeed } from "~/domain/events/calendar.server";
import { parseFilters } from "~/domain/events/events.schema";
import { defineLoader } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";
import { originOf } from "~/utils/origin.server";
import { cachedFileResponse } from "~/utils/response-cache.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const filters = parseFilters(new URL(request.url).searchParams);
  const origin = originOf(request, context);
  const locale = getLocale(request);
  const version = `${feedWindowStart().toISOString()}/${await eventsVersion(context.db)}`;
  const key = `calendar:public:${origin}:${locale}:${JSON.stringify(filters)}`;
  const file = await context.responses.get(key, version, () => publicFeed(context.db, filters, origin, locale));
  return cachedFileResponse(request, file, {
    "Content-Type": CALENDAR_CONTENT_TYPE,
    "Content-Disposition": 'inline; filename="balai.ics"',
    "Cache-Control": "public, max-age=300",
  });
});
