// GET /calendar.ics: every public event (recent and upcoming), with the /events filters.
import { CALENDAR_CONTENT_TYPE, publicFeed } from "~/domain/events/calendar.server";
import { parseFilters } from "~/domain/events/events.schema";
import { defineLoader } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";
import { originOf } from "~/utils/origin.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const filters = parseFilters(new URL(request.url).searchParams);
  const body = await publicFeed(context.db, filters, originOf(request, context), getLocale(request));
  return new Response(body, {
    headers: { "Content-Type": CALENDAR_CONTENT_TYPE, "Content-Disposition": 'inline; filename="balai.ics"', "Cache-Control": "public, max-age=300" },
  });
});
