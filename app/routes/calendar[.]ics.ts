// GET /calendar.ics: every public event of the main window (the last 30 days and the next 90),
// with the /events filters; `?month=YYYY-MM`: every public event that starts in that month
// (earlier and later months, each its own dated window, as the feed's description says).
// Built once per change (context.responses), with ETag, Last-Modified and 304 to a conditional request.
import { CALENDAR_CONTENT_TYPE, eventsVersion, feedWindow, publicFeed } from "~/domain/events/calendar.server";
import { parseFilters } from "~/domain/events/events.schema";
import { DomainError } from "~/domain/errors";
import { defineLoader } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";
import { originOf } from "~/utils/origin.server";
import { cachedFileResponse } from "~/utils/response-cache.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const params = new URL(request.url).searchParams;
  const filters = parseFilters(params);
  const window = feedWindow(new Date(), params.get("month"));
  if (!window) throw new DomainError("error.badRequest", undefined, undefined, 400);
  const origin = originOf(request, context);
  const locale = getLocale(request);
  const version = `${window.from.toISOString()}/${await eventsVersion(context.db)}`;
  const key = `calendar:public:${origin}:${locale}:${window.month ?? "main"}:${JSON.stringify(filters)}`;
  const file = await context.responses.get(key, version, () => publicFeed(context.db, filters, origin, locale, window));
  return cachedFileResponse(request, file, {
    "Content-Type": CALENDAR_CONTENT_TYPE,
    "Content-Disposition": `inline; filename="${window.month ? `balai-${window.month}` : "balai"}.ics"`,
    "Cache-Control": "public, max-age=300",
  });
});
