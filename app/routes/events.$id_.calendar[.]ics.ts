// GET /events/:id/calendar.ics: one event for "Add to calendar".
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { CALENDAR_CONTENT_TYPE, eventIcs } from "~/domain/events/calendar.server";
import { orHttpError } from "~/utils/http-errors.server";
import { getLocale } from "~/utils/locale.server";
import { originOf } from "~/utils/origin.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw json({ messageKey: "events.notFound" }, { status: 404 });
  const { body, filename } = await orHttpError(eventIcs(context.db, id, originOf(request, context), getLocale(request)));
  return new Response(body, {
    headers: {
      "Content-Type": CALENDAR_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-cache",
    },
  });
}
