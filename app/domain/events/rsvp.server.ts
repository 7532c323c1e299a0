// RSVPs, the waitlist and check-in. Registration and cancellation run in a
// transaction that first takes the event's row lock (a no-op UPDATE: a row lock on
// PostgreSQL, the write lock on SQLite), so simultaneous RSVPs are counted one
// after the other and the capacity is never exceeded.
import type { Db } from "~/db/client.server";
import { containsText } from "~/db/search";
import type { Prisma } from "~/generated/sqlite/client";
import { can, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError, isUniqueViolation } from "~/domain/errors";
import type { Mailer } from "~/domain/notifications/mailer.server";
import { notify, notifyContact } from "~/domain/notifications/notifications.server";
import { recordConsent } from "~/domain/notifications/outbox.server";
import type { Locale } from "~/i18n";
import { statusForNewRsvp, toPromote, waitlistPosition } from "./capacity";
import { eventTextSelect, titleMessageParams, type EventText } from "./text.server";
import { newCalendarToken, newRsvpCode } from "./code";

type Tx = Prisma.TransactionClient;
const TX = { maxWait: 20_000, timeout: 20_000 };

export interface Notifier {
  mailer: Mailer;
  publicUrl?: string;
  /** the language of the page a guest registered from: their messages come in it */
  locale?: Locale;
}

export async function lockEvent(tx: Tx, eventId: number): Promise<void> {
  await tx.$executeRaw`UPDATE "Event" SET "sequence" = "sequence" WHERE "id" = ${eventId}`;
}

/** Moves people up from the waitlist while seats are free; returns who moved. */
export async function promoteWaitlist(tx: Tx, eventId: number, capacity: number | null) {
  const confirmed = await tx.rsvp.count({ where: { eventId, status: "confirmed" } });
  const waitlist = await tx.rsvp.findMany({
    where: { eventId, status: "waitlisted" },
    select: { id: true, createdAt: true, userId: true, guestContact: true, code: true },
  });
  const moving = toPromote(capacity, confirmed, waitlist);
  const now = new Date();
  for (const r of moving) await tx.rsvp.update({ where: { id: r.id }, data: { status: "confirmed", promotedAt: now } });
  return moving;
}

/** Tells each promoted person they have a seat now (call it inside the transaction that promoted them). */
export async function announcePromotions(
  db: Db,
  notifier: Notifier,
  event: EventText & { id: number },
  promoted: { userId: number | null; guestContact: string | null; code: string }[],
): Promise<void> {
  if (promoted.length === 0) return;
  const message = { messageKey: "events.notify.promoted" as const, params: titleMessageParams(event), link: `/events/${event.id}` };
  for (const p of promoted) {
    const key = `rsvp:${p.code}:promoted`;
    if (p.userId) await notify(db, notifier.mailer, { ...message, userIds: [p.userId], key });
    else
      await notifyContact(
        db,
        p.guestContact,
        { ...message, params: { ...titleMessageParams(event), code: p.code }, messageKey: "events.notify.promotedGuest", link: `/rsvp/${p.code}`, key },
        { purpose: "events.rsvp" },
      );
  }
}

export interface RsvpResult {
  code: string;
  status: "confirmed" | "waitlisted";
  position: number;
}

type Who = { userId: number } | { guestName: string; guestContact: string };

async function register(db: Db, eventId: number, who: Who, now: Date, onRegistered?: (tx: Db, result: RsvpResult) => Promise<void>): Promise<RsvpResult> {
  try {
    return await db.$transaction(async (tx) => {
      await lockEvent(tx, eventId);
      const event = await tx.event.findUnique({ where: { id: eventId }, select: { status: true, registrationOpen: true, endsAt: true, capacity: true } });
      if (!event || event.status === "draft") throw new DomainError("events.notFound", undefined, undefined, 404);
      if (event.status !== "published" || !event.registrationOpen || event.endsAt <= now)
        throw new DomainError("events.rsvp.closed", undefined, undefined, 409);
      const existing = await tx.rsvp.findFirst({
        where: "userId" in who ? { eventId, userId: who.userId } : { eventId, guestContact: who.guestContact },
      });
      if (existing && existing.status !== "cancelled") {
        throw new DomainError("userId" in who ? "events.rsvp.already" : "events.rsvp.alreadyGuest", "userId" in who ? undefined : "contact", undefined, 409);
      }
      const confirmed = await tx.rsvp.count({ where: { eventId, status: "confirmed" } });
      const status = statusForNewRsvp(event.capacity, confirmed);
      const data = {
        status,
        code: newRsvpCode(),
        createdAt: now,
        checkedInAt: null,
        checkedInById: null,
        promotedAt: null,
        walkIn: false,
        ...("userId" in who ? {} : { guestName: who.guestName }),
      };
      const row = existing ? await tx.rsvp.update({ where: { id: existing.id }, data }) : await tx.rsvp.create({ data: { ...data, eventId, ...who } });
      let position = 0;
      if (status === "waitlisted") {
        const waitlist = await tx.rsvp.findMany({ where: { eventId, status: "waitlisted" }, select: { id: true, createdAt: true } });
        position = waitlistPosition(waitlist, row.id);
      }
      const result: RsvpResult = { code: row.code, status, position };
      if (onRegistered) await onRegistered(tx as Db, result);
      return result;
    }, TX);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("userId" in who ? "events.rsvp.already" : "events.rsvp.alreadyGuest", "userId" in who ? undefined : "contact", undefined, 409);
    throw error;
  }
}

/** A signed-in person registers in one step. */
export async function rsvpAsUser(db: Db, actor: Actor, eventId: number, now = new Date()): Promise<RsvpResult> {
  return register(db, eventId, { userId: actor.id }, now);
}

/** A guest registers with a name and a phone number or e-mail; an e-mail gets the code. */
export async function rsvpAsGuest(
  db: Db,
  eventId: number,
  input: { name: string; contact: string },
  notifier?: Notifier,
  now = new Date(),
): Promise<RsvpResult> {
  // the guest's consent (what for, when) and their confirmation are stored with the registration
  return register(db, eventId, { guestName: input.name, guestContact: input.contact }, now, async (tx, result) => {
    await recordConsent(tx, input.contact, "events.rsvp", notifier?.locale, now);
    if (!notifier) return;
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { title: true, ...eventTextSelect, startsAt: true } });
    await notifyContact(tx, input.contact, {
      messageKey: result.status === "confirmed" ? "events.notify.guestConfirmed" : "events.notify.guestWaitlisted",
      // an ISO instant: written in the recipient's language when the message is shown (localizeParams)
      params: { ...titleMessageParams(event), code: result.code, when: event.startsAt.toISOString() },
      link: `/rsvp/${result.code}`,
      key: `rsvp:${result.code}:${result.status}`,
    });
  });
}

async function cancelWhere(db: Db, where: { code: string } | { eventId: number; userId: number }, notifier?: Notifier) {
  const found =
    "code" in where
      ? await db.rsvp.findUnique({ where: { code: where.code }, select: { id: true, eventId: true } })
      : await db.rsvp.findUnique({ where: { eventId_userId: { eventId: where.eventId, userId: where.userId } }, select: { id: true, eventId: true } });
  if (!found) throw new DomainError("events.rsvp.notFound", undefined, undefined, 404);
  const { promoted, event } = await db.$transaction(async (tx) => {
    await lockEvent(tx, found.eventId);
    const rsvp = await tx.rsvp.findUniqueOrThrow({ where: { id: found.id } });
    if (rsvp.status === "cancelled") throw new DomainError("events.rsvp.alreadyCancelled", undefined, undefined, 409);
    const event = await tx.event.findUniqueOrThrow({
      where: { id: found.eventId },
      select: { id: true, title: true, ...eventTextSelect, capacity: true, status: true },
    });
    await tx.rsvp.update({ where: { id: rsvp.id }, data: { status: "cancelled" } });
    const promoted = rsvp.status === "confirmed" && event.status === "published" ? await promoteWaitlist(tx, event.id, event.capacity) : [];
    if (notifier) await announcePromotions(tx as Db, notifier, event, promoted);
    return { promoted, event };
  }, TX);
  return { eventId: event.id, title: event.title, promoted: promoted.length };
}

export function cancelRsvpByCode(db: Db, code: string, notifier?: Notifier) {
  return cancelWhere(db, { code }, notifier);
}

export function cancelMyRsvp(db: Db, actor: Actor, eventId: number, notifier?: Notifier) {
  return cancelWhere(db, { eventId, userId: actor.id }, notifier);
}

/** A guest's own page: their registration behind the personal code. */
export async function getRsvpByCode(db: Db, code: string) {
  const rsvp = await db.rsvp.findUnique({
    where: { code },
    include: {
      event: {
        select: {
          id: true,
          title: true,
          ...eventTextSelect,
          startsAt: true,
          endsAt: true,
          venueName: true,
          venueAddress: true,
          status: true,
          cancelReason: true,
        },
      },
      user: { select: { name: true } },
    },
  });
  if (!rsvp || rsvp.event.status === "draft") throw new DomainError("events.rsvp.notFound", undefined, undefined, 404);
  let position = 0;
  if (rsvp.status === "waitlisted") {
    const waitlist = await db.rsvp.findMany({ where: { eventId: rsvp.eventId, status: "waitlisted" }, select: { id: true, createdAt: true } });
    position = waitlistPosition(waitlist, rsvp.id);
  }
  return {
    code: rsvp.code,
    status: rsvp.status,
    position,
    name: rsvp.user?.name ?? rsvp.guestName ?? "",
    checkedIn: rsvp.checkedInAt !== null,
    event: rsvp.event,
  };
}

// ------------------------------------------------------------------ staff: attendees and check-in

function requireManager(actor: Actor | null): asserts actor is Actor {
  if (!can.manageEvents(actor)) throw new DomainError("error.403.text", undefined, undefined, 403);
}

export const ATTENDEES_PAGE_SIZE = 25;

const attendeeSelect = {
  id: true,
  code: true,
  status: true,
  walkIn: true,
  guestName: true,
  guestContact: true,
  checkedInAt: true,
  createdAt: true,
  user: { select: { name: true, email: true, phone: true } },
} as const;

type AttendeeRow = {
  id: number;
  code: string;
  status: string;
  walkIn: boolean;
  guestName: string | null;
  guestContact: string | null;
  checkedInAt: Date | null;
  createdAt: Date;
  user: { name: string; email: string | null; phone: string | null } | null;
};

function toAttendee(r: AttendeeRow) {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    walkIn: r.walkIn,
    guest: r.user === null,
    name: r.user?.name ?? r.guestName ?? "",
    contact: r.user ? (r.user.email ?? r.user.phone ?? "") : (r.guestContact ?? ""),
    checkedInAt: r.checkedInAt,
    createdAt: r.createdAt,
  };
}

/** The attendee list with search (name or code), newest registrations last. */
export async function listAttendees(db: Db, actor: Actor | null, eventId: number, input: { q?: string; page: number }) {
  requireManager(actor);
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { id: true, title: true, status: true, startsAt: true, endsAt: true, capacity: true },
  });
  if (!event) throw new DomainError("events.notFound", undefined, undefined, 404);
  const q = input.q?.trim();
  const where = {
    eventId,
    status: { not: "cancelled" },
    ...(q ? { OR: [{ guestName: containsText(db, q) }, { user: { name: containsText(db, q) } }, { code: { contains: q.toUpperCase() } }] } : {}),
  };
  const [total, confirmed, waitlisted, checkedIn] = await Promise.all([
    db.rsvp.count({ where }),
    db.rsvp.count({ where: { eventId, status: "confirmed" } }),
    db.rsvp.count({ where: { eventId, status: "waitlisted" } }),
    db.rsvp.count({ where: { eventId, checkedInAt: { not: null } } }),
  ]);
  const pages = Math.max(1, Math.ceil(total / ATTENDEES_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page), pages);
  const rows = await db.rsvp.findMany({
    where,
    orderBy: [{ status: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * ATTENDEES_PAGE_SIZE,
    take: ATTENDEES_PAGE_SIZE,
    select: attendeeSelect,
  });
  return { event, attendees: rows.map(toAttendee), total, pages, page, counts: { confirmed, waitlisted, checkedIn } };
}

async function markCheckedIn(db: Db, actor: Actor, eventId: number, where: { code: string } | { id: number }) {
  const rsvp = await db.rsvp.findFirst({
    where: { eventId, ...where },
    select: { id: true, status: true, checkedInAt: true, guestName: true, user: { select: { name: true } } },
  });
  // by code: the error goes next to the code field; by id (a row's button): next to that row's hidden id
  const field = "code" in where ? "code" : "rsvpId";
  if (!rsvp) throw new DomainError("code" in where ? "events.checkin.unknownCode" : "events.attendees.unknownAttendee", field, undefined, 404);
  if (rsvp.status === "cancelled") throw new DomainError("events.checkin.cancelled", field, undefined, 409);
  const name = rsvp.user?.name ?? rsvp.guestName ?? "";
  if (rsvp.checkedInAt) return { name, already: true };
  // someone on the waitlist who is let in at the door takes a seat
  await db.rsvp.update({ where: { id: rsvp.id }, data: { checkedInAt: new Date(), checkedInById: actor.id, status: "confirmed" } });
  await audit(db, { actorId: actor.id, action: "event.checkin", targetType: "rsvp", targetId: rsvp.id, details: { eventId } });
  return { name, already: false };
}

export async function checkInByCode(db: Db, actor: Actor | null, eventId: number, code: string) {
  requireManager(actor);
  return markCheckedIn(db, actor, eventId, { code });
}

export async function checkInById(db: Db, actor: Actor | null, eventId: number, rsvpId: number) {
  requireManager(actor);
  return markCheckedIn(db, actor, eventId, { id: rsvpId });
}

export async function undoCheckIn(db: Db, actor: Actor | null, eventId: number, rsvpId: number) {
  requireManager(actor);
  const { count } = await db.rsvp.updateMany({ where: { id: rsvpId, eventId }, data: { checkedInAt: null, checkedInById: null } });
  if (!count) throw new DomainError("events.attendees.unknownAttendee", "rsvpId", undefined, 404);
  await audit(db, { actorId: actor.id, action: "event.checkin.undo", targetType: "rsvp", targetId: rsvpId, details: { eventId } });
}

/** Someone who came without registering: recorded and checked in at once. */
export async function addWalkIn(db: Db, actor: Actor | null, eventId: number, input: { name: string; contact?: string }) {
  requireManager(actor);
  const event = await db.event.findUnique({ where: { id: eventId }, select: { status: true } });
  if (!event) throw new DomainError("events.notFound", undefined, undefined, 404);
  if (event.status === "draft" || event.status === "cancelled") throw new DomainError("events.checkin.notOpen");
  if (input.contact) {
    const existing = await db.rsvp.findUnique({ where: { eventId_guestContact: { eventId, guestContact: input.contact } } });
    if (existing && existing.status !== "cancelled") return markCheckedIn(db, actor, eventId, { id: existing.id });
    if (existing) {
      await db.rsvp.update({
        where: { id: existing.id },
        data: { status: "confirmed", walkIn: true, guestName: input.name, checkedInAt: new Date(), checkedInById: actor.id },
      });
      await audit(db, { actorId: actor.id, action: "event.walkin", targetType: "rsvp", targetId: existing.id, details: { eventId } });
      return { name: input.name, already: false };
    }
  }
  const row = await db.rsvp.create({
    data: {
      eventId,
      guestName: input.name,
      guestContact: input.contact ?? null,
      code: newRsvpCode(),
      status: "confirmed",
      walkIn: true,
      checkedInAt: new Date(),
      checkedInById: actor.id,
    },
  });
  await audit(db, { actorId: actor.id, action: "event.walkin", targetType: "rsvp", targetId: row.id, details: { eventId } });
  return { name: input.name, already: false };
}

/** A spreadsheet-safe cell: quoted, and formulas neutralised. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export async function attendeesCsv(
  db: Db,
  actor: Actor | null,
  eventId: number,
  labels: { header: string[]; status: Record<string, string>; yes: string; no: string },
  format: (d: Date) => string,
) {
  requireManager(actor);
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true } });
  if (!event) throw new DomainError("events.notFound", undefined, undefined, 404);
  const rows = await db.rsvp.findMany({ where: { eventId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: attendeeSelect });
  const lines = [labels.header.map(csvCell).join(",")];
  for (const r of rows.map(toAttendee)) {
    lines.push(
      [
        r.name,
        r.contact,
        r.code,
        labels.status[r.status] ?? r.status,
        format(r.createdAt),
        r.walkIn ? labels.yes : labels.no,
        r.checkedInAt ? format(r.checkedInAt) : "",
      ]
        .map(csvCell)
        .join(","),
    );
  }
  await audit(db, { actorId: actor.id, action: "event.attendees.export", targetType: "event", targetId: eventId });
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

// ------------------------------------------------------------------ private calendar feed

export async function getCalendarToken(db: Db, actor: Actor): Promise<string | null> {
  const u = await db.user.findUnique({ where: { id: actor.id }, select: { calendarToken: true } });
  return u?.calendarToken ?? null;
}

/** A new secret URL (the old one stops working). */
export async function rotateCalendarToken(db: Db, actor: Actor): Promise<string> {
  const token = newCalendarToken();
  await db.user.update({ where: { id: actor.id }, data: { calendarToken: token } });
  await audit(db, { actorId: actor.id, action: "calendar.token.rotate", targetType: "user", targetId: actor.id });
  return token;
}

export async function revokeCalendarToken(db: Db, actor: Actor): Promise<void> {
  await db.user.update({ where: { id: actor.id }, data: { calendarToken: null } });
  await audit(db, { actorId: actor.id, action: "calendar.token.revoke", targetType: "user", targetId: actor.id });
}
