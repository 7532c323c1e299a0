// The session as an .ics file (the session event's UID, so calendars keep one entry).
import { deliberationAt, sessionIcs } from "~/domain/agenda/agenda.server";
import { getUser } from "~/utils/auth.server";
import { defineLoader } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context, params }) => {
  const user = await getUser(request, context);
  const { deliberation: d } = await deliberationAt(context.db, user, params);
  const origin = context.config.publicUrl ?? new URL(request.url).origin;
  const ics = sessionIcs(d, origin, getLocale(request));
  return new Response(ics.body, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="${ics.filename}"` },
  });
});
