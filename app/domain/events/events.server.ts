// Event use cases: listing, one event's page, and the staff life cycle
// (create with an optional series, edit, publish, cancel, close with minutes).
import type { Db } from "~/db/client.server";
import type { CountCache } from "~/domain/counts";
import { can, type Actor } from "~/domain/accounts/roles";
import { checkKelurahanRw } from "~/domain/areas/areas.server";
import { audit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/errors";
import { imageUrls, type ImageStore, type ImageUrls } from "~/domain/images/images";
import { notify, notifyContact } from "~/domain/notifications/notifications.server";
import { renderMarkdown } from "~/domain/text/markdown.server";
import { seatsLeft, waitlistPosition } from "./capacity";
import { parseAccessibility, splitPair, type Accessibility, type EventFilters, type EventFormInput } from "./events.schema";
import { describeRule, expandDates, formatRrule, parseRrule, ruleFor } from "./recurrence";
import { announcePromotions, lockEvent, promoteWaitlist, type Notifier } from "./rsvp.server";
import { eventDescription, eventTextSelect, eventTitle, titleMessageParams } from "./text.server";
import { wibParts, wibToDate } from "./wib";
import type { Locale, Params } from "~/i18n";

export const EVENTS_PAGE_SIZE = 10;
/**
 * What the public sees: every status but "draft" (published, cancelled, completed). Written
 * as `<> 'draft'` rather than `IN (…)`: with an IN list SQLite reads the (status, startsAt)
 * index in three ranges and sorts them; with `<>` it reads (startsAt, endsAt, status) in order.
 */
const PUBLIC_STATUS = { not: "draft" } as const;

/**
 * An event takes place on one day (its forms have one date, a start and an end time), so one
 * that has not ended started at most a day ago: the lists' lower bound on startsAt, which lets
 * them read the (startsAt, endsAt, status) index in order from there instead of sorting every
 * event that ends later.
 */
export const MAX_EVENT_MS = 24 * 3_600_000;

/** Events that have not ended at `at`: as a startsAt range (see MAX_EVENT_MS) and the end itself. */
function notEndedAt(at: Date) {
  return { startsAt: { gte: new Date(at.getTime() - MAX_EVENT_MS) }, endsAt: { gte: at } };
}

/** Events a month view shows at most at once; a fuller month comes in parts (`?part=2`), said on the page. */
export const MONTH_PART_SIZE = 300;

export type { Notifier };

export interface EventSummary {
  id: number;
  kind: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  kelurahan: string | null;
}

/** Published events that have not ended yet, soonest first (home page). */
export async function listUpcomingEvents(db: Db, limit = 3, now = new Date(), locale: Locale = "id"): Promise<EventSummary[]> {
  const rows = await db.event.findMany({
    // not ended, so started at most a day ago: a (status, startsAt) range read in order
    where: { status: "published", ...notEndedAt(now) },
    orderBy: { startsAt: "asc" },
    take: limit,
    select: { id: true, kind: true, title: true, ...eventTextSelect, startsAt: true, endsAt: true, venueName: true, kelurahan: { select: { name: true } } },
  });
  return rows.map(({ kelurahan, ...e }) => ({
    id: e.id,
    kind: e.kind,
    title: eventTitle(e, locale),
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    venueName: e.venueName,
    kelurahan: kelurahan?.name ?? null,
  }));
}

export interface EventCard extends EventSummary {
  status: string;
  accessibility: Accessibility[];
  capacity: number | null;
  confirmed: number;
  seatsLeft: number | null;
  registrationOpen: boolean;
  cancelReason: string | null;
  summary: string | null;
  attendanceCount: number | null;
  inSeries: boolean;
}

function filterWhere(viewer: Actor | null, filters: EventFilters) {
  return {
    ...(can.manageEvents(viewer) ? {} : { status: PUBLIC_STATUS }),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.kelurahanId ? { kelurahanId: filters.kelurahanId } : {}),
    ...(filters.access.length ? { AND: filters.access.map((a) => ({ accessibility: { contains: `"${a}"` } })) } : {}),
  };
}

const cardSelect = {
  id: true,
  kind: true,
  status: true,
  title: true,
  ...eventTextSelect,
  startsAt: true,
  endsAt: true,
  venueName: true,
  accessibility: true,
  capacity: true,
  registrationOpen: true,
  cancelReason: true,
  summary: true,
  attendanceCount: true,
  seriesId: true,
  kelurahan: { select: { name: true } },
} as const;

/**
 * The confirmed registrations of a page's events: one grouped read of their ids on
 * Rsvp(eventId, status, …). (Prisma's `_count` in the select joined a count of every event's
 * registrations in the table: 16 ms a page at 200,000 RSVPs.)
 */
async function confirmedOf(db: Db, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const groups = await db.rsvp.groupBy({ by: ["eventId"], where: { eventId: { in: ids }, status: "confirmed" }, _count: { _all: true } });
  return new Map(groups.map((g) => [g.eventId, g._count._all]));
}

async function toCards(db: Db, rows: CardRow[], locale: Locale): Promise<EventCard[]> {
  const confirmed = await confirmedOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toCard(r, confirmed.get(r.id) ?? 0, locale));
}

type CardRow = {
  id: number;
  kind: string;
  status: string;
  title: string;
  titleKey: string | null;
  titleParams: string | null;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  accessibility: string;
  capacity: number | null;
  registrationOpen: boolean;
  cancelReason: string | null;
  summary: string | null;
  attendanceCount: number | null;
  seriesId: number | null;
  kelurahan: { name: string } | null;
};

function toCard(r: CardRow, confirmed: number, locale: Locale): EventCard {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    title: eventTitle(r, locale),
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    venueName: r.venueName,
    kelurahan: r.kelurahan?.name ?? null,
    accessibility: parseAccessibility(r.accessibility),
    capacity: r.capacity,
    confirmed,
    seatsLeft: seatsLeft(r.capacity, confirmed),
    registrationOpen: r.registrationOpen,
    cancelReason: r.cancelReason,
    summary: r.summary,
    attendanceCount: r.attendanceCount,
    inSeries: r.seriesId !== null,
  };
}

/**
 * What a feed or a count was built from, read cheaply (index steps, never a scan): the newest change
 * to any event and the highest id, so a cached feed or count is built again when an event changes.
 */
export async function eventsVersion(db: Db): Promise<string> {
  // two statements, each one step at the end of its index (Event(updatedAt), the primary key);
  // not aggregate({ _max }): Prisma wraps it in a subquery that SQLite answers by reading every row
  const [updated, id] = await Promise.all([
    db.event.findFirst({ orderBy: { updatedAt: "desc" }, select: { updatedAt: true } }),
    db.event.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
  ]);
  return `${updated?.updatedAt.toISOString() ?? "-"}/${id?.id ?? 0}`;
}

/** Upcoming (soonest first) or past (latest first) events, filtered and paginated. */
export async function listEvents(
  db: Db,
  viewer: Actor | null,
  input: { scope: "upcoming" | "past"; filters: EventFilters; page: number; locale?: Locale; counts?: CountCache },
  now = new Date(),
): Promise<{ events: EventCard[]; total: number; pages: number; page: number }> {
  // upcoming: not ended yet, so started at most a day ago; past: ended, so started before now
  // (each a startsAt range, read in order on (startsAt, endsAt, status); the count is index-only)
  const where = {
    ...filterWhere(viewer, input.filters),
    ...(input.scope === "upcoming" ? notEndedAt(now) : { startsAt: { lt: now }, endsAt: { lt: now } }),
  };
  // the past grows with the table (a count of every ended event): counted again when an event
  // changes or after the cache's lifetime (events that end meanwhile are counted within seconds)
  const countAll = () => db.event.count({ where });
  const total = input.counts
    ? await input.counts.count(
        `events:${input.scope}:${can.manageEvents(viewer) ? "staff" : "public"}:${JSON.stringify(input.filters)}`,
        await eventsVersion(db),
        countAll,
      )
    : await countAll();
  const pages = Math.max(1, Math.ceil(total / EVENTS_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page), pages);
  const rows = await db.event.findMany({
    where,
    orderBy: { startsAt: input.scope === "upcoming" ? "asc" : "desc" },
    skip: (page - 1) * EVENTS_PAGE_SIZE,
    take: EVENTS_PAGE_SIZE,
    select: cardSelect,
  });
  return { events: await toCards(db, rows, input.locale ?? "id"), total, pages, page };
}

/**
 * Events starting within [from, to), for the month calendar: all of them, in parts of
 * MONTH_PART_SIZE in start order when a month holds more (`part` 1, 2, …; the page says which
 * part it shows of how many events). One startsAt range read in order, plus an index-only count.
 */
export async function listEventsBetween(
  db: Db,
  viewer: Actor | null,
  filters: EventFilters,
  from: Date,
  to: Date,
  locale: Locale = "id",
  part = 1,
): Promise<{ events: EventCard[]; total: number; part: number; parts: number }> {
  const where = { ...filterWhere(viewer, filters), startsAt: { gte: from, lt: to } };
  const total = await db.event.count({ where });
  const parts = Math.max(1, Math.ceil(total / MONTH_PART_SIZE));
  const current = Math.min(Math.max(1, Math.floor(part) || 1), parts);
  const rows = await db.event.findMany({
    where,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    skip: (current - 1) * MONTH_PART_SIZE,
    take: MONTH_PART_SIZE,
    select: cardSelect,
  });
  return { events: await toCards(db, rows, locale), total, part: current, parts };
}

/**
 * Published, cancelled and completed events for a calendar feed: every event that ends on or
 * after `from` and starts before `to` ("overlap"), or that starts in [from, to) ("start"), complete (a feed that silently dropped some would be
 * wrong, not short). One startsAt range read in order (an event ends within a day of its start).
 */
export async function listFeedEvents(db: Db, filters: EventFilters, from: Date, to: Date, by: "overlap" | "start" = "overlap") {
  const startsAt = by === "start" ? { gte: from, lt: to } : { gte: new Date(from.getTime() - MAX_EVENT_MS), lt: to };
  return db.event.findMany({
    where: { ...filterWhere(null, filters), startsAt, ...(by === "overlap" ? { endsAt: { gte: from } } : {}) },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: feedSelect,
  });
}

export const feedSelect = {
  id: true,
  kind: true,
  status: true,
  title: true,
  description: true,
  ...eventTextSelect,
  startsAt: true,
  endsAt: true,
  venueName: true,
  venueAddress: true,
  latitude: true,
  longitude: true,
  sequence: true,
  cancelReason: true,
  createdAt: true,
  updatedAt: true,
  kelurahan: { select: { name: true } },
} as const;

async function findEventOr404(db: Db, id: number) {
  const event = await db.event.findUnique({ where: { id } });
  if (!event) throw new DomainError("events.notFound", undefined, undefined, 404);
  return event;
}

function requireManager(actor: Actor | null): asserts actor is Actor {
  if (!can.manageEvents(actor)) throw new DomainError("error.403.text", undefined, undefined, 403);
}

export interface Outcomes {
  questions: { id: number; text: string; status: string; answerText: string | null; voteCount: number }[];
  aspirations: { code: string; title: string; status: string }[];
}

/** What came out of an event: its answered/approved live questions and the aspirations raised there. */
export async function eventOutcomes(db: Db, eventId: number): Promise<Outcomes> {
  const [questions, aspirations] = await Promise.all([
    db.qaQuestion.findMany({
      where: { session: { eventId }, status: { in: ["approved", "answered"] }, mergedIntoId: null },
      orderBy: [{ voteCount: "desc" }, { id: "asc" }],
      take: 30,
      select: { id: true, text: true, status: true, answerText: true, voteCount: true },
    }),
    db.aspiration.findMany({
      where: { sourceEventId: eventId },
      orderBy: { createdAt: "asc" },
      take: 30,
      select: { code: true, title: true, status: true },
    }),
  ]);
  return { questions, aspirations };
}

/** Everything the event page shows. Drafts only for staff. */
export async function getEventPage(db: Db, viewer: Actor | null, id: number, images?: Pick<ImageStore, "url">, now = new Date(), locale: Locale = "id") {
  const event = await db.event.findUnique({
    where: { id },
    include: {
      kelurahan: { select: { id: true, name: true } },
      rw: { select: { id: true, name: true } },
      agendaPoints: { orderBy: { position: "asc" } },
      officials: { orderBy: { id: "asc" } },
      stalls: { orderBy: { id: "asc" } },
      images: { orderBy: [{ isCover: "desc" }, { position: "asc" }, { id: "asc" }] },
      series: true,
    },
  });
  if (!event || (event.status === "draft" && !can.manageEvents(viewer))) throw new DomainError("events.notFound", undefined, undefined, 404);
  const [confirmed, waitlist] = await Promise.all([
    db.rsvp.count({ where: { eventId: id, status: "confirmed" } }),
    db.rsvp.findMany({ where: { eventId: id, status: "waitlisted" }, select: { id: true, createdAt: true } }),
  ]);
  let mine = null;
  if (viewer) {
    const r = await db.rsvp.findUnique({ where: { eventId_userId: { eventId: id, userId: viewer.id } } });
    if (r && r.status !== "cancelled") {
      mine = { code: r.code, status: r.status, position: r.status === "waitlisted" ? waitlistPosition(waitlist, r.id) : 0, checkedIn: r.checkedInAt !== null };
    }
  }
  const rule = event.series ? parseRrule(event.series.rrule) : null;
  const outcomes = event.status === "completed" ? await eventOutcomes(db, id) : { questions: [], aspirations: [] };
  const registrationOpen = event.status === "published" && event.registrationOpen && event.endsAt > now;
  return {
    event: {
      id: event.id,
      kind: event.kind,
      status: event.status,
      title: eventTitle(event, locale),
      descriptionHtml: renderMarkdown(eventDescription(event, locale)),
      topic: event.topic,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      kelurahan: event.kelurahan?.name ?? null,
      rw: event.rw?.name ?? null,
      latitude: event.latitude,
      longitude: event.longitude,
      capacity: event.capacity,
      accessibility: parseAccessibility(event.accessibility),
      cancelReason: event.cancelReason,
      summaryHtml: event.summary ? renderMarkdown(event.summary) : null,
      attendanceCount: event.attendanceCount,
      agenda: event.agendaPoints.map((a) => a.text),
      officials: event.officials.map((o) => ({ name: o.name, position: o.position })),
      stalls: event.stalls.map((s) => ({ name: s.name, description: s.description })),
      images: event.images.map((img) => ({
        id: img.id,
        alt: img.alt,
        isCover: img.isCover,
        width: img.width,
        height: img.height,
        ...(images ? imageUrls(images, img) : ({ src: "", srcSet: "" } as ImageUrls)),
      })),
      series: rule ? { ...describeRule(rule), startTime: event.series!.startTime, endTime: event.series!.endTime } : null,
      ended: event.endsAt <= now,
    },
    confirmed,
    waitlisted: waitlist.length,
    seatsLeft: seatsLeft(event.capacity, confirmed),
    registrationOpen,
    mine,
    outcomes,
  };
}

/** The stored values of an event as form values (WIB), for the edit page. */
export async function getEventForEdit(db: Db, actor: Actor | null, id: number, images?: Pick<ImageStore, "url">) {
  requireManager(actor);
  const event = await db.event.findUnique({
    where: { id },
    include: {
      agendaPoints: { orderBy: { position: "asc" } },
      officials: { orderBy: { id: "asc" } },
      stalls: { orderBy: { id: "asc" } },
      images: { orderBy: [{ isCover: "desc" }, { position: "asc" }, { id: "asc" }] },
    },
  });
  if (!event) throw new DomainError("events.notFound", undefined, undefined, 404);
  // counted on Rsvp(eventId, status, …) (Prisma's `_count` joined a count of every event's)
  const registrations = await db.rsvp.count({ where: { eventId: id, status: { not: "cancelled" } } });
  const start = wibParts(event.startsAt);
  const end = wibParts(event.endsAt);
  const seriesDrafts = event.seriesId ? await db.event.count({ where: { seriesId: event.seriesId, status: "draft", id: { not: id } } }) : 0;
  return {
    id: event.id,
    status: event.status,
    title: event.title,
    seriesId: event.seriesId,
    seriesDrafts,
    registrations,
    cancelReason: event.cancelReason,
    summary: event.summary ?? "",
    attendanceCount: event.attendanceCount,
    started: event.startsAt <= new Date(),
    images: event.images.map((img) => ({
      id: img.id,
      alt: img.alt,
      isCover: img.isCover,
      width: img.width,
      height: img.height,
      ...(images ? imageUrls(images, img) : { src: "", srcSet: "" }),
    })),
    values: {
      kind: event.kind,
      title: event.title,
      description: event.description,
      topic: event.topic ?? "",
      date: start.date,
      startTime: start.time,
      endTime: end.time,
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      kelurahanId: event.kelurahanId ? String(event.kelurahanId) : "",
      rwId: event.rwId ? String(event.rwId) : "",
      latitude: event.latitude?.toString() ?? "",
      longitude: event.longitude?.toString() ?? "",
      capacity: event.capacity?.toString() ?? "",
      registrationOpen: event.registrationOpen ? "on" : "",
      accessibility: parseAccessibility(event.accessibility).join(","),
      agenda: event.agendaPoints.map((a) => a.text).join("\n"),
      officials: event.officials.map((o) => (o.position ? `${o.name} — ${o.position}` : o.name)).join("\n"),
      stalls: event.stalls.map((s) => (s.description ? `${s.name} — ${s.description}` : s.name)).join("\n"),
    } as Record<string, string>,
  };
}

async function checkArea(db: Db, input: EventFormInput) {
  const area = await checkKelurahanRw(db, input.kelurahanId, input.rwId);
  if (area === "kelurahan") throw new DomainError("validation.kelurahan", "kelurahanId");
  if (area === "rw") throw new DomainError("validation.rw", "rwId");
}

function details(input: EventFormInput) {
  return {
    agendaPoints: input.kind === "dialogue" ? input.agenda.map((text, i) => ({ position: i + 1, text })) : [],
    officials: input.kind === "dialogue" ? input.officials.map((l) => splitPair(l)).map(([name, position]) => ({ name, position })) : [],
    stalls: input.kind === "fair" ? input.stalls.map((l) => splitPair(l)).map(([name, description]) => ({ name, description })) : [],
  };
}

function columns(input: EventFormInput) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    topic: input.kind === "dialogue" ? (input.topic ?? null) : null,
    venueName: input.venueName,
    venueAddress: input.venueAddress,
    kelurahanId: input.kelurahanId ?? null,
    rwId: input.rwId ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    capacity: input.capacity ?? null,
    registrationOpen: input.registrationOpen,
    accessibility: JSON.stringify(input.accessibility),
  };
}

/** A new draft event, or a series of draft occurrences. Returns the first one's id. */
export async function createEvent(db: Db, actor: Actor | null, input: EventFormInput): Promise<{ id: number; count: number }> {
  requireManager(actor);
  await checkArea(db, input);
  const d = details(input);
  const dates = input.repeat === "none" ? [input.date] : expandDates(ruleFor(input.repeat, input.date, input.occurrences ?? 2), input.date);
  const ids = await db.$transaction(async (tx) => {
    const series =
      input.repeat === "none"
        ? null
        : await tx.eventSeries.create({
            data: { rrule: formatRrule(ruleFor(input.repeat, input.date, input.occurrences ?? 2)), startTime: input.startTime, endTime: input.endTime },
          });
    const created: number[] = [];
    for (const date of dates) {
      const startsAt = wibToDate(date, input.startTime)!;
      const e = await tx.event.create({
        data: {
          ...columns(input),
          startsAt,
          endsAt: wibToDate(date, input.endTime)!,
          seriesId: series?.id ?? null,
          seriesOriginalStart: series ? startsAt : null,
          createdById: actor.id,
          agendaPoints: { create: d.agendaPoints },
          officials: { create: d.officials },
          stalls: { create: d.stalls },
        },
        select: { id: true },
      });
      created.push(e.id);
    }
    return created;
  });
  await audit(db, {
    actorId: actor.id,
    action: "event.create",
    targetType: "event",
    targetId: ids[0],
    details: { title: input.title, occurrences: ids.length },
  });
  return { id: ids[0], count: ids.length };
}

/** Edits one event (one occurrence of a series: the others stay as they are). */
export async function updateEvent(db: Db, actor: Actor | null, id: number, input: EventFormInput, notifier?: Notifier): Promise<void> {
  requireManager(actor);
  const existing = await findEventOr404(db, id);
  if (existing.status === "cancelled" || existing.status === "completed") throw new DomainError("events.edit.locked");
  await checkArea(db, input);
  const d = details(input);
  const promoted = await db.$transaction(
    async (tx) => {
      await lockEvent(tx, id);
      await tx.eventAgendaPoint.deleteMany({ where: { eventId: id } });
      await tx.eventOfficial.deleteMany({ where: { eventId: id } });
      await tx.eventStall.deleteMany({ where: { eventId: id } });
      await tx.event.update({
        where: { id },
        data: {
          ...columns(input),
          // staff's own words win over a text Balai wrote itself (the stored key is dropped once changed)
          ...(input.title !== existing.title ? { titleKey: null, titleParams: null } : {}),
          ...(input.description !== existing.description ? { descriptionKey: null, descriptionParams: null } : {}),
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          sequence: { increment: 1 },
          agendaPoints: { create: d.agendaPoints },
          officials: { create: d.officials },
          stalls: { create: d.stalls },
        },
      });
      const promoted = await promoteWaitlist(tx, id, input.capacity ?? null);
      if (notifier) {
        // written with the change: the promoted get their seat, everyone registered hears of a new time or place
        // the title as it now is: a key Balai wrote stays only while staff kept its text
        const title =
          input.title === existing.title ? { title: existing.title, titleKey: existing.titleKey, titleParams: existing.titleParams } : { title: input.title };
        await announcePromotions(tx as Db, notifier, { id, ...title }, promoted);
        const moved =
          existing.startsAt.getTime() !== input.startsAt.getTime() ||
          existing.endsAt.getTime() !== input.endsAt.getTime() ||
          existing.venueName !== input.venueName;
        if (moved)
          await announceChange(
            tx as Db,
            notifier,
            id,
            input,
            titleMessageParams(title),
            promoted.map((p) => p.code),
          );
      }
      return promoted;
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  await audit(db, { actorId: actor.id, action: "event.update", targetType: "event", targetId: id, details: { title: input.title, promoted: promoted.length } });
}

/** Everyone registered (confirmed or waiting) hears that the event moved; inside the change's transaction. */
async function announceChange(tx: Db, notifier: Notifier, id: number, input: EventFormInput, title: Params, skipCodes: string[]) {
  const { sequence } = await tx.event.findUniqueOrThrow({ where: { id }, select: { sequence: true } });
  const registered = await tx.rsvp.findMany({
    where: { eventId: id, status: { in: ["confirmed", "waitlisted"] }, code: { notIn: skipCodes } },
    select: { userId: true, guestContact: true },
  });
  const message = {
    messageKey: "channels.notify.eventChanged" as const,
    // the instant as ISO text: each recipient reads it in their own language (localizeParams)
    params: { ...title, when: input.startsAt.toISOString(), venue: input.venueName },
    link: `/events/${id}`,
    key: `event:${id}:changed:${sequence}`,
  };
  await notify(tx, notifier.mailer, { ...message, userIds: registered.flatMap((r) => (r.userId ? [r.userId] : [])) });
  for (const r of registered) if (!r.userId) await notifyContact(tx, r.guestContact, message, { purpose: "events.rsvp" });
}

export async function publishEvent(db: Db, actor: Actor | null, id: number, wholeSeries = false): Promise<number> {
  requireManager(actor);
  const event = await findEventOr404(db, id);
  if (event.status !== "draft") throw new DomainError("events.publish.notDraft");
  const where = wholeSeries && event.seriesId ? { seriesId: event.seriesId, status: "draft" } : { id };
  const { count } = await db.event.updateMany({ where, data: { status: "published", sequence: { increment: 1 } } });
  await audit(db, { actorId: actor.id, action: "event.publish", targetType: "event", targetId: id, details: { count } });
  return count;
}

/** Cancels one event; everyone registered is told the reason (in-app and by e-mail). */
export async function cancelEvent(db: Db, actor: Actor | null, id: number, reason: string, notifier: Notifier): Promise<number> {
  requireManager(actor);
  const event = await findEventOr404(db, id);
  if (event.status === "cancelled" || event.status === "completed") throw new DomainError("events.cancel.notPossible");
  // the cancellation and everyone's message are stored together
  const registered = await db.$transaction(async (tx) => {
    await tx.event.update({ where: { id }, data: { status: "cancelled", cancelReason: reason, registrationOpen: false, sequence: { increment: 1 } } });
    const registered = await tx.rsvp.findMany({
      where: { eventId: id, status: { in: ["confirmed", "waitlisted"] } },
      select: { userId: true, guestContact: true },
    });
    const message = {
      messageKey: "events.notify.cancelled" as const,
      params: { ...titleMessageParams(event), reason },
      link: `/events/${id}`,
      key: `event:${id}:cancelled`,
    };
    await notify(tx as Db, notifier.mailer, { ...message, userIds: registered.flatMap((r) => (r.userId ? [r.userId] : [])) });
    for (const r of registered) if (!r.userId) await notifyContact(tx as Db, r.guestContact, message, { purpose: "events.rsvp" });
    return registered;
  });
  await audit(db, { actorId: actor.id, action: "event.cancel", targetType: "event", targetId: id, details: { reason, notified: registered.length } });
  return registered.length;
}

/** Closes an event that took place, with its public minutes. */
export async function closeEvent(
  db: Db,
  actor: Actor | null,
  id: number,
  input: { summary: string; attendanceCount?: number },
  now = new Date(),
): Promise<void> {
  requireManager(actor);
  const event = await findEventOr404(db, id);
  if (event.status !== "published" && event.status !== "completed") throw new DomainError("events.close.notPossible");
  if (event.startsAt > now) throw new DomainError("events.close.notYet");
  const attendance = input.attendanceCount ?? (await db.rsvp.count({ where: { eventId: id, checkedInAt: { not: null } } }));
  await db.event.update({
    where: { id },
    data: { status: "completed", summary: input.summary, attendanceCount: attendance, registrationOpen: false, sequence: { increment: 1 } },
  });
  await audit(db, { actorId: actor.id, action: "event.close", targetType: "event", targetId: id, details: { attendance } });
}

/** Drafts and events needing minutes, for the staff overview. */
export async function listStaffEvents(db: Db, actor: Actor | null, now = new Date()) {
  requireManager(actor);
  const [drafts, toClose] = await Promise.all([
    db.event.findMany({ where: { status: "draft" }, orderBy: { startsAt: "asc" }, take: 50, select: { id: true, title: true, startsAt: true, kind: true } }),
    db.event.findMany({
      where: { status: "published", startsAt: { lt: now } },
      orderBy: { startsAt: "desc" },
      take: 50,
      select: { id: true, title: true, startsAt: true, kind: true },
    }),
  ]);
  return { drafts, toClose };
}

/** Whether someone may follow an event (drafts only for staff). */
/** One event's title in `locale` (pages that show an event's title beside other things, such as the live Q&A). */
export async function eventTitleIn(db: Db, id: number, locale: Locale): Promise<string> {
  const event = await db.event.findUnique({ where: { id }, select: { title: true, ...eventTextSelect } });
  return event ? eventTitle(event, locale) : "";
}

export async function canSeeEvent(db: Db, viewer: Actor | null, id: number): Promise<boolean> {
  const event = await db.event.findUnique({ where: { id }, select: { status: true } });
  return !!event && (event.status !== "draft" || can.manageEvents(viewer));
}
