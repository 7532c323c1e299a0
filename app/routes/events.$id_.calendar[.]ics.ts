// GET /events/:id/calendar.ics: one event for "Add to calendar".
import { CALENDAR_CONTENT_TYPE, eventIcs } from "~/domain/events/calendar.server";
import { defineLoader, idParam } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";
import { originOf } from "~/utils/origin.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const id = idParam(params, "id", "events.notFound");
  const { body, filename } = await eventIcs(context.db, id, originOf(request, context), getLocale(request));
  return new Response(body, {
    headers: {
      "Content-Type": CALENDAR_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-cache",
    },
  });
});
