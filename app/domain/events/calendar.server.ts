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
import { eventKindKey, filtersToParams, type EventFilters } from "./events.schema";
import { eventsVersion, feedSelect, listFeedEvents } from "./events.server";
import { eventDescription, eventTitle } from "./text.server";
import { wibMonthRange } from "./wib";

type FeedEvent = {
  id: number;
  kind: string;
  status: string;
  title: string;
  description: string;
  titleKey: string | null;
  titleParams: string | null;
  descriptionKey: string | null;
  descriptionParams: string | null;
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

function buildCalendar(name: string, events: FeedEvent[], origin: string, locale: Locale, method?: ICalCalendarMethod, description?: string) {
  const cal = ical({
    name,
    prodId: { company: "Kecamatan Duren Sawit", product: "Balai", language: locale.toUpperCase() },
    ttl: 3600,
    ...(description ? { description } : {}),
  });
  if (method) cal.method(method);
  for (const e of events) {
    const url = `${origin}/events/${e.id}`;
    const cancelled = e.status === "cancelled";
    const lines = [
      translate(locale, eventKindKey(e.kind)),
      cancelled && e.cancelReason ? `${translate(locale, "events.cancelled")}: ${e.cancelReason}` : "",
      eventDescription(e, locale),
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
      summary: cancelled ? `${translate(locale, "events.cancelledPrefix")} ${eventTitle(e, locale)}` : eventTitle(e, locale),
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
  return { body: buildCalendar(eventTitle(event, locale), [event], origin, locale, ICalCalendarMethod.PUBLISH), filename: `balai-event-${id}.ics` };
}

/**
 * The public feed's windows. The main feed (`/calendar.ics`): every event that ended on or after
 * 00:00 UTC 30 days ago and starts before 00:00 UTC 90 days ahead. Every other month, earlier or
 * later, is its own dated window (`/calendar.ics?month=YYYY-MM`: the events that start in that
 * WIB month). Each window is complete, and its X-WR-CALDESC says what it holds and where the
 * rest is. (The earlier single window, 90 days back and everything to come, held 2,150 events,
 * 1.4 MB, at the bench's size.)
 */
export const FEED_PAST_DAYS = 30;
export const FEED_AHEAD_DAYS = 90;
export interface FeedWindow {
  from: Date;
  to: Date;
  /** the dated window's month ("2027-03"), or null for the main feed */
  month: string | null;
}
export function feedWindow(now = new Date(), month: string | null = null): FeedWindow | null {
  if (month !== null) {
    const range = wibMonthRange(month);
    if (!range || Number(month.slice(0, 4)) < 2000 || Number(month.slice(0, 4)) > 2100) return null;
    return { from: range.from, to: range.to, month };
  }
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: new Date(day - FEED_PAST_DAYS * 86_400_000), to: new Date(day + FEED_AHEAD_DAYS * 86_400_000), month: null };
}

/** The main window's start (kept for the cache marker: the window moves once a day). */
export function feedWindowStart(now = new Date()): Date {
  return feedWindow(now)!.from;
}

const newest = (events: { updatedAt: Date }[], floor: Date) => events.reduce((m, e) => (e.updatedAt > m ? e.updatedAt : m), floor);

export { eventsVersion };

/** All public events of a window (see feedWindow), filtered like /events: complete, no cut-off. */
export async function publicFeed(
  db: Db,
  filters: EventFilters,
  origin: string,
  locale: Locale,
  window: FeedWindow = feedWindow()!,
): Promise<{ body: string; lastModified: Date; count: number }> {
  // a dated window holds the events that start in its month; the main one those that overlap it
  const events = await listFeedEvents(db, filters, window.from, window.to, window.month === null ? "overlap" : "start");
  const query = filtersToParams(filters);
  query.set("month", "YYYY-MM");
  const monthUrl = `${origin}/calendar.ics?${query}`;
  const description =
    window.month === null
      ? translate(locale, "events.feed.window", {
          from: window.from.toISOString().slice(0, 10),
          to: window.to.toISOString().slice(0, 10),
          past: FEED_PAST_DAYS,
          ahead: FEED_AHEAD_DAYS,
          count: events.length,
          monthUrl,
        })
      : translate(locale, "events.feed.monthWindow", { month: window.month, count: events.length, monthUrl });
  return {
    body: buildCalendar(translate(locale, "events.feed.name"), events, origin, locale, ICalCalendarMethod.PUBLISH, description),
    lastModified: newest(events, new Date(0)),
    count: events.length,
  };
}

/** The owner of a private feed's token (404 for a malformed, unknown or disabled one). */
export async function privateFeedOwner(db: Db, token: string): Promise<{ id: number; locale: string }> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new DomainError("events.notFound", undefined, undefined, 404);
  const user = await db.user.findUnique({ where: { calendarToken: token }, select: { id: true, locale: true, disabledAt: true } });
  if (!user || user.disabledAt) throw new DomainError("events.notFound", undefined, undefined, 404);
  return { id: user.id, locale: user.locale };
}

/** A private feed's marker: the person's registrations (count, newest change) and the events'. */
export async function privateFeedVersion(db: Db, user: { id: number; locale: string }): Promise<string> {
  const [rsvps, events] = await Promise.all([
    db.rsvp.aggregate({ where: { userId: user.id }, _max: { updatedAt: true }, _count: { _all: true } }),
    eventsVersion(db),
  ]);
  return `${user.locale}/${rsvps._count._all}/${rsvps._max.updatedAt?.toISOString() ?? "-"}/${events}`;
}

/** Every event a person registered for (or waits for), behind their secret token: complete, no cut-off. */
export async function privateFeed(db: Db, user: { id: number; locale: string }, origin: string, locale: Locale): Promise<{ body: string; lastModified: Date }> {
  const rsvps = await db.rsvp.findMany({
    where: { userId: user.id, status: { in: ["confirmed", "waitlisted"] }, event: { status: { not: "draft" } } },
    select: { updatedAt: true, event: { select: feedSelect } },
    orderBy: { event: { startsAt: "asc" } },
  });
  const l: Locale = user.locale === "en" ? "en" : locale;
  const events = rsvps.map((r) => r.event);
  return {
    body: buildCalendar(
      translate(l, "events.feed.private"),
      events,
      origin,
      l,
      ICalCalendarMethod.PUBLISH,
      translate(l, "events.feed.privateWindow", { count: events.length }),
    ),
    lastModified: newest([...events, ...rsvps], new Date(0)),
  };
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
