// Browser build only (package.json "browser" field; on the server this is ./server-stubs.ts, empty).
// Every `.server` module a page imports becomes an empty stub in the browser bundle, and the
// bundler gives stubs imported by different sets of pages a file each: a dozen requests of
// 100 bytes per page. Importing all of them here, from a module every page loads, puts them
// all in that module's chunk. tests/lint/server-stubs.test.ts keeps this list complete.
import "@remix-run/node";
import "~/domain/accounts/accounts.server";
import "~/domain/accounts/sessions.server";
import "~/domain/agenda/agenda.server";
import "~/domain/areas/areas.server";
import "~/domain/aspirations/aspirations.server";
import "~/domain/aspirations/calendar.server";
import "~/domain/aspirations/grouping.server";
import "~/domain/aspirations/import.server";
import "~/domain/aspirations/photos.server";
import "~/domain/aspirations/report.server";
import "~/domain/aspirations/status.server";
import "~/domain/discussions/categories.server";
import "~/domain/discussions/discussions.server";
import "~/domain/discussions/live.server";
import "~/domain/discussions/moderation.server";
import "~/domain/discussions/settings.server";
import "~/domain/events/calendar.server";
import "~/domain/events/events.server";
import "~/domain/events/photos.server";
import "~/domain/events/rsvp.server";
import "~/domain/jobs/jobs.server";
import "~/domain/notifications/notifications.server";
import "~/domain/notifications/outbox.server";
import "~/domain/notifications/preferences.server";
import "~/domain/notifications/whatsapp-inbound.server";
import "~/domain/qa/broadcast.server";
import "~/domain/qa/polls-broadcast.server";
import "~/domain/qa/polls.server";
import "~/domain/qa/qa.server";
import "~/domain/satisfaction/access.server";
import "~/domain/satisfaction/alerts.server";
import "~/domain/satisfaction/desk.server";
import "~/domain/satisfaction/figures.server";
import "~/domain/satisfaction/responses.server";
import "~/domain/services/card.server";
import "~/domain/services/integrity.server";
import "~/domain/services/services.server";
import "~/utils/aspiration-conversion.server";
import "~/utils/auth.server";
import "~/utils/boundary.server";
import "~/utils/discussions.server";
import "~/utils/flash.server";
import "~/utils/locale.server";
import "~/utils/origin.server";
import "~/utils/qa-cookie.server";
import "~/utils/qr.server";
import "~/utils/response-cache.server";
import "~/utils/satisfaction.server";
import "~/utils/services.server";
