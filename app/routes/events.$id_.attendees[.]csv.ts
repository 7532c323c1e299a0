// GET /events/:id/attendees.csv: the attendee list for a spreadsheet (staff only).
import { can } from "~/domain/accounts/roles";
import { attendeesCsv } from "~/domain/events/rsvp.server";
import { formatShortDate, formatTime, translator } from "~/i18n";
import { requirePermission } from "~/utils/auth.server";
import { defineLoader, idParam } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const actor = await requirePermission(request, context, can.manageEvents);
  const id = idParam(params, "id", "events.notFound");
  const locale = getLocale(request);
  const t = translator(locale);
  const csv = await attendeesCsv(
    context.db,
    actor,
    id,
    {
      header: [
        t("events.attendees.col.name"),
        t("events.attendees.col.contact"),
        t("events.attendees.col.code"),
        t("events.attendees.col.status"),
        t("events.attendees.col.registered"),
        t("events.attendees.col.walkIn"),
        t("events.attendees.col.checkedIn"),
      ],
      status: {
        confirmed: t("events.attendees.status.confirmed"),
        waitlisted: t("events.attendees.status.waitlisted"),
        cancelled: t("events.attendees.status.cancelled"),
      },
      yes: t("events.attendees.yes"),
      no: t("events.attendees.no"),
    },
    (d) => `${formatShortDate(d, locale)} ${formatTime(d, locale)}`,
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="balai-event-${id}-attendees.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
