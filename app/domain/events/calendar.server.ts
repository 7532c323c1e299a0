// iCalendar feeds (ical-generator): one event, all public events (with the same
// filters as /events), and a person's private feed of what they registered for.
// Times are written in UTC (unambiguous for every calendar app); UIDs never change;
// SEQUENCE is the event's counter, bumped on every change; cancelled events stay in
// the feed with STATUS:CANCELLED so calendars remove them. Series are expanded:
// every occurrence is its own VEVENT (one can be moved or cancelled alone).
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { Db } from "~/db/client.server";
import { DomainError } from "~/domain/errors";
import { translate, type Locale } from "~/i18n";
import type { EventFilters } from "./events.schema";
import { feedSelect, listFeedEvents } from "./events.server";

type FeedEvent = {
  id: number;
  kind: string;
  status: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  venueAddress: string;
  latitude: number | null;
  longitude: number | null;
  sequence: number;
  cancelReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  kelurahan: { name: string } | null;
};

/** Stable across hosts and restarts: the same event always has the same UID. */
export function eventUid(id: number): string {
  return `event-${id}@balai.duren-sawit`;
}

export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

function buildCalendar(name: string, events: FeedEvent[], origin: string, locale: Locale, method?: ICalCalendarMethod) {
  const cal = ical({ name, prodId: { company: "Kecamatan Duren Sawit", product: "Balai", language: locale.toUpperCase() }, ttl: 3600 });
  if (method) cal.method(method);
  for (const e of events) {
    const url = `${origin}/events/${e.id}`;
    const cancelled = e.status === "cancelled";
    const lines = [
      translate(locale, e.kind === "fair" ? "event.kind.fair" : "event.kind.dialogue"),
      cancelled && e.cancelReason ? `${translate(locale, "events.cancelled")}: ${e.cancelReason}` : "",
      e.description,
      url,
    ].filter(Boolean);
    cal.createEvent({
      id: eventUid(e.id),
      sequence: e.sequence,
      start: e.startsAt,
      end: e.endsAt,
      stamp: e.updatedAt,
      created: e.createdAt,
      lastModified: e.updatedAt,
      summary: cancelled ? `${translate(locale, "events.cancelledPrefix")} ${e.title}` : e.title,
      description: lines.join("\n\n"),
      location: {
        title: e.venueName,
        address: e.venueAddress,
        ...(e.latitude !== null && e.longitude !== null ? { geo: { lat: e.latitude, lon: e.longitude } } : {}),
      },
      url,
      status: cancelled ? ICalEventStatus.CANCELLED : e.status === "draft" ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

/** One event as an .ics file ("Add to calendar"). Drafts are not public. */
export async function eventIcs(db: Db, id: number, origin: string, locale: Locale): Promise<{ body: string; filename: string }> {
  const event = await db.event.findUnique({ where: { id }, select: feedSelect });
  if (!event || event.status === "draft") throw new DomainError("events.notFound", undefined, undefined, 404);
  return { body: buildCalendar(event.title, [event], origin, locale, ICalCalendarMethod.PUBLISH), filename: `balai-event-${id}.ics` };
}

/** All public events of the last 90 days and to come, filtered like /events. */
export async function publicFeed(db: Db, filters: EventFilters, origin: string, locale: Locale): Promise<string> {
  const events = await listFeedEvents(db, filters);
  return buildCalendar(translate(locale, "events.feed.name"), events, origin, locale, ICalCalendarMethod.PUBLISH);
}

/** The events a person registered for (or waits for), behind their secret token. */
export async function privateFeed(db: Db, token: string, origin: string, locale: Locale): Promise<string> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new DomainError("events.notFound", undefined, undefined, 404);
  const user = await db.user.findUnique({ where: { calendarToken: token }, select: { id: true, locale: true, disabledAt: true } });
  if (!user || user.disabledAt) throw new DomainError("events.notFound", undefined, undefined, 404);
  const rsvps = await db.rsvp.findMany({
    where: { userId: user.id, status: { in: ["confirmed", "waitlisted"] }, event: { status: { not: "draft" } } },
    select: { event: { select: feedSelect } },
    orderBy: { event: { startsAt: "asc" } },
    take: 500,
  });
  const l: Locale = user.locale === "en" ? "en" : locale;
  return buildCalendar(
    translate(l, "events.feed.private"),
    rsvps.map((r) => r.event),
    origin,
    l,
    ICalCalendarMethod.PUBLISH,
  );
}

/** Google Calendar "add event" link (no account needed to open it). */
export function googleCalendarLink(e: { title: string; startsAt: Date; endsAt: Date; venueName: string; venueAddress: string }, url: string): string {
  const fmt = (d: Date) =>
    d
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: e.title,
    dates: `${fmt(e.startsAt)}/${fmt(e.endsAt)}`,
    ctz: "Asia/Jakarta",
    details: url,
    location: `${e.venueName}, ${e.venueAddress}`,
  });
  return `https://calendar.google.com/calendar/render?${params}`;
}
