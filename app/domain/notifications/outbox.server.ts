// The transactional outbox (issue 13). Every message to a person, in the app, by
// e-mail, WhatsApp or SMS, is written here by the same transaction as the change
// that causes it (pass the transaction client as `db`). The outbox worker
// (worker.server.ts, started by server/index.ts) delivers what is pending.
//
// A row names its recipient by reference ("user:12", "contact:34"), never by the
// address itself, so neither the table's error column nor a log line holds a contact.
// The idempotency key is the cause's key plus recipient and channel: writing the
// same cause twice (a retried request) adds nothing.
import { randomUUID } from "node:crypto";
import type { Db } from "~/db/client.server";
import { providerOfClient } from "~/db/search";
import { DomainError } from "~/domain/errors";
import { defaultLocale, isLocale, type Locale, type MessageKey, type Params } from "~/i18n";

export const CHANNELS = ["inapp", "email", "whatsapp", "sms"] as const;
export type Channel = (typeof CHANNELS)[number];
import { STATUSES, type OutboxStatus } from "./outbox";
export { STATUSES, type OutboxStatus };

/** Someone with an account, or a guest's contact (e-mail or +62… number) given for a purpose. */
export type Recipient = { userId: number } | { contact: string; locale?: Locale; purpose?: string };

export interface Message {
  template: MessageKey;
  params?: Params;
  /** site-relative link, made absolute from PUBLIC_URL when sent */
  link?: string;
  /** what caused it, unique per cause ("aspiration:12:update:40"); a cause written twice sends once */
  key?: string;
}

export function isEmail(contact: string): boolean {
  return contact.includes("@");
}

export function normalizeContact(contact: string): string {
  const c = contact.trim();
  if (isEmail(c)) return c.toLowerCase();
  const digits = c.replace(/[^\d+]/g, "");
  if (digits.startsWith("+")) return digits;
  if (digits.startsWith("62")) return `+${digits}`;
  if (digits.startsWith("0")) return `+62${digits.slice(1)}`;
  return `+${digits}`;
}

/** 07:00 WIB (00:00 UTC) of the next day: when the daily digest goes out. */
export function nextDigestAt(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/**
 * Records a guest's consent to be contacted (UU 27/2022: what for and when) and
 * their language; returns the contact point. An opted-out contact stays opted out.
 */
export async function recordConsent(db: Db, contact: string, purpose: string, locale?: Locale, now = new Date()) {
  const value = normalizeContact(contact);
  return db.contactPoint.upsert({
    where: { value },
    create: { kind: isEmail(value) ? "email" : "phone", value, locale: locale ?? defaultLocale, consentPurpose: purpose, consentAt: now },
    update: { consentPurpose: purpose, consentAt: now, ...(locale ? { locale } : {}) },
  });
}

interface Row {
  channel: Channel;
  recipientRef: string;
  locale: Locale;
  digest?: boolean;
  nextAttemptAt?: Date;
}

/**
 * Writes the message for every recipient on each channel they receive. Call it with
 * the transaction client of the change. Returns how many outbox rows were written.
 */
export async function enqueue(db: Db, recipients: Recipient[], message: Message, now = new Date()): Promise<number> {
  if (recipients.length === 0) return 0;
  const cause = message.key ?? `once:${randomUUID()}`;
  const rows: Row[] = [];

  const userIds = [...new Set(recipients.flatMap((r) => ("userId" in r ? [r.userId] : [])))];
  if (userIds.length) {
    const [users, prefs] = await Promise.all([
      db.user.findMany({ where: { id: { in: userIds }, disabledAt: null }, select: { id: true, email: true, phone: true, locale: true } }),
      db.notificationPreference.findMany({ where: { userId: { in: userIds } } }),
    ]);
    const prefOf = new Map(prefs.map((p) => [p.userId, p]));
    const contacts = users.flatMap((u) => [u.email, u.phone].filter((c): c is string => !!c));
    const stopped = new Set(
      (await db.contactPoint.findMany({ where: { value: { in: contacts }, optedOutAt: { not: null } }, select: { value: true } })).map((c) => c.value),
    );
    // contacts still waiting for their verification code get nothing (contacts.server.ts)
    const unverified = new Set(
      (await db.contactVerification.findMany({ where: { userId: { in: userIds } }, select: { userId: true, value: true } })).map(
        (v) => `${v.userId}:${v.value}`,
      ),
    );
    const usable = (userId: number, contact: string) => !stopped.has(contact) && !unverified.has(`${userId}:${contact}`);
    for (const u of users) {
      const locale = isLocale(u.locale) ? u.locale : defaultLocale;
      const ref = `user:${u.id}`;
      rows.push({ channel: "inapp", recipientRef: ref, locale });
      const pref = prefOf.get(u.id);
      if (pref?.optedOutAt) continue;
      const digest = pref?.delivery === "daily";
      const timing = digest ? { digest: true, nextAttemptAt: nextDigestAt(now) } : {};
      if (u.email && (pref?.email ?? true) && usable(u.id, u.email)) rows.push({ channel: "email", recipientRef: ref, locale, ...timing });
      if (u.phone && ((pref?.whatsapp ?? true) || (pref?.sms ?? true)) && usable(u.id, u.phone)) {
        rows.push({ channel: (pref?.whatsapp ?? true) ? "whatsapp" : "sms", recipientRef: ref, locale });
      }
    }
  }

  for (const r of recipients) {
    if ("userId" in r || !r.contact?.trim()) continue;
    const value = normalizeContact(r.contact);
    let point = await db.contactPoint.findUnique({ where: { value } });
    if (!point && r.purpose) point = await recordConsent(db, value, r.purpose, r.locale ?? defaultLocale, now);
    // no consent recorded, or "BERHENTI": nothing goes to this contact
    if (!point || !point.consentAt || point.optedOutAt) continue;
    const locale = isLocale(point.locale) ? point.locale : defaultLocale;
    rows.push({ channel: isEmail(value) ? "email" : "whatsapp", recipientRef: `contact:${point.id}`, locale });
  }

  const keyed = [...new Map(rows.map((r) => [`${cause}:${r.recipientRef}:${r.channel}`, r])).entries()];
  if (keyed.length === 0) return 0;
  const existing = new Set(
    (await db.outboxMessage.findMany({ where: { idempotencyKey: { in: keyed.map(([k]) => k) } }, select: { idempotencyKey: true } })).map(
      (m) => m.idempotencyKey,
    ),
  );
  const fresh = keyed.filter(([k]) => !existing.has(k));
  if (fresh.length === 0) return 0;
  const params = JSON.stringify(message.params ?? {});
  const inapp = fresh.filter(([, r]) => r.channel === "inapp");
  // the app is the one channel the database itself delivers: the notification is written
  // here, in the same transaction, and its outbox row is born "sent"
  if (inapp.length) {
    await db.notification.createMany({
      data: inapp.map(([, r]) => ({ userId: Number(r.recipientRef.slice(5)), messageKey: message.template, params, link: message.link, createdAt: now })),
    });
  }
  await db.outboxMessage.createMany({
    data: fresh.map(([idempotencyKey, r]) => ({
      channel: r.channel,
      recipientRef: r.recipientRef,
      templateKey: message.template,
      params,
      link: message.link ?? null,
      locale: r.locale,
      idempotencyKey,
      status: r.channel === "inapp" ? "sent" : "pending",
      sentAt: r.channel === "inapp" ? now : null,
      digest: r.digest ?? false,
      nextAttemptAt: r.nextAttemptAt ?? now,
      createdAt: now,
    })),
  });
  return fresh.length;
}

/** One pending message to one recipient on one channel (the three callers below). */
async function enqueueOne(
  db: Db,
  recipientRef: string,
  channel: "email" | "whatsapp" | "sms",
  message: Message & { locale: Locale },
  idempotencyKey: string,
  now: Date,
): Promise<void> {
  await db.outboxMessage.create({
    data: {
      channel,
      recipientRef,
      templateKey: message.template,
      params: JSON.stringify(message.params ?? {}),
      link: message.link ?? null,
      locale: message.locale,
      idempotencyKey,
      nextAttemptAt: now,
      createdAt: now,
    },
  });
}

/** A free-form reply to someone who wrote to us (WhatsApp's customer-service window). */
export async function enqueueReply(db: Db, contactId: number, channel: "whatsapp" | "sms", message: Message & { locale: Locale }, now = new Date()) {
  await enqueueOne(db, `contact:${contactId}`, channel, message, `${message.key ?? `reply:${randomUUID()}`}:contact:${contactId}:${channel}`, now);
}

/**
 * One message to one person with an account on one channel, whatever their notification
 * preferences: something they asked for themselves (a password-reset link or code, with
 * its secret sealed: sealed.server.ts). Call it with the transaction client of the change.
 */
export async function enqueueTo(
  db: Db,
  userId: number,
  channel: "email" | "whatsapp" | "sms",
  message: Message & { locale: Locale },
  now = new Date(),
): Promise<void> {
  await enqueueOne(db, `user:${userId}`, channel, message, `${message.key ?? `once:${randomUUID()}`}:user:${userId}:${channel}`, now);
}

/**
 * A contact's verification code, to the contact being verified (which may not be the
 * account's yet: a change takes effect when its code is entered). The recipient is the
 * ContactVerification row ("verify:7"): once the code is used or replaced, the row is
 * gone and an undelivered message with the old code is dropped. Seal the code.
 */
export async function enqueueVerification(
  db: Db,
  verificationId: number,
  channel: "email" | "whatsapp" | "sms",
  message: Message & { locale: Locale },
  now = new Date(),
): Promise<void> {
  await enqueueOne(db, `verify:${verificationId}`, channel, message, `verify:${verificationId}:${channel}`, now);
}

// ------------------------------------------------------------------ claims (the worker's side)

export interface Claimed {
  id: number;
  channel: Channel;
  recipientRef: string;
  templateKey: string;
  params: string;
  link: string | null;
  locale: string;
  idempotencyKey: string;
  attempts: number;
  digest: boolean;
}

const claimSelect = {
  id: true,
  channel: true,
  recipientRef: true,
  templateKey: true,
  params: true,
  link: true,
  locale: true,
  idempotencyKey: true,
  attempts: true,
  digest: true,
} as const;
/** the same columns for PostgreSQL's claim (RETURNING) */
const CLAIMED_COLUMNS = Object.keys(claimSelect)
  .map((column) => `"${column}"`)
  .join(", ");

function dueWhere(now: Date) {
  return {
    OR: [
      { status: { in: ["pending", "failed"] }, nextAttemptAt: { lte: now } },
      // a worker that stopped without finishing: its lease ran out
      { status: "sending", leaseUntil: { lt: now } },
    ],
  };
}

/**
 * Claims up to `limit` due messages for `owner` until `leaseUntil`. PostgreSQL: one
 * UPDATE of the rows a SELECT … FOR UPDATE SKIP LOCKED picks, so several instances never
 * take the same row.
 * SQLite (one writer at a time): one conditional UPDATE that takes only the
 * candidates still due when it runs, then the rows that carry this very lease.
 */
export async function claimDue(db: Db, owner: string, limit: number, leaseMs: number, now = new Date()): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const claimData = { status: "sending", leaseOwner: owner, leaseUntil, attempts: { increment: 1 } };
  if (providerOfClient(db) === "postgresql") {
    // one statement, no transaction round trips: every instance runs this each poll, mostly
    // finding nothing; SKIP LOCKED passes by the rows another instance is claiming right then
    const rows = await db.$queryRawUnsafe<Claimed[]>(
      `UPDATE "OutboxMessage" SET "status" = 'sending', "leaseOwner" = $1, "leaseUntil" = $2, "attempts" = "attempts" + 1, "updatedAt" = $3
      WHERE "id" IN (
        SELECT "id" FROM "OutboxMessage"
        WHERE ("status" IN ('pending', 'failed') AND "nextAttemptAt" <= $4) OR ("status" = 'sending' AND "leaseUntil" < $4)
        ORDER BY "nextAttemptAt", "id" LIMIT $5 FOR UPDATE SKIP LOCKED)
      RETURNING ${CLAIMED_COLUMNS}`,
      owner,
      leaseUntil,
      new Date(),
      now,
      limit,
    );
    return rows.sort((a, b) => a.id - b.id);
  }
  const candidates = await db.outboxMessage.findMany({
    where: dueWhere(now),
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  if (candidates.length === 0) return [];
  // one conditional UPDATE: it takes only the candidates that are still due when it runs
  // (SQLite runs one writer at a time, so another worker's claim either came first or waits)
  await db.outboxMessage.updateMany({ where: { id: { in: candidates.map((c) => c.id) }, ...dueWhere(now) }, data: claimData });
  return (await db.outboxMessage.findMany({
    where: { id: { in: candidates.map((c) => c.id) }, leaseOwner: owner, leaseUntil, status: "sending" },
    select: claimSelect,
    orderBy: { id: "asc" },
  })) as Claimed[];
}

/** Only the worker holding the lease records the outcome. */
export async function markSent(db: Db, id: number, owner: string, providerId: string | undefined, now = new Date()) {
  const { count } = await db.outboxMessage.updateMany({
    where: { id, leaseOwner: owner, status: "sending" },
    data: { status: "sent", sentAt: now, leaseUntil: null, providerId: providerId ?? null, lastError: null },
  });
  return count === 1;
}

export async function markFailed(db: Db, id: number, owner: string, error: string, retryAt: Date | null) {
  await db.outboxMessage.updateMany({
    where: { id, leaseOwner: owner, status: "sending" },
    data: retryAt
      ? { status: "failed", nextAttemptAt: retryAt, leaseUntil: null, lastError: error.slice(0, 500) }
      : { status: "dead", leaseUntil: null, lastError: error.slice(0, 500) },
  });
}

/** The same message, now by SMS (the number has no WhatsApp, or WhatsApp is not set up). */
export async function reroute(db: Db, id: number, owner: string, channel: Channel, reason: string) {
  const row = await db.outboxMessage.findUnique({ where: { id }, select: { idempotencyKey: true, channel: true } });
  if (!row) return;
  const key = row.idempotencyKey.replace(new RegExp(`:${row.channel}$`), `:${channel}`);
  await db.outboxMessage.updateMany({
    where: { id, leaseOwner: owner, status: "sending" },
    data: { channel, idempotencyKey: key, status: "pending", nextAttemptAt: new Date(), leaseUntil: null, attempts: 0, lastError: reason },
  });
}

// ------------------------------------------------------------------ admins: /admin/outbox

export const OUTBOX_PAGE_SIZE = 50;

export async function listOutbox(db: Db, filter: { status?: OutboxStatus; page: number }) {
  const where = filter.status ? { status: filter.status } : { channel: { not: "inapp" } };
  const [total, rows, groups] = await Promise.all([
    db.outboxMessage.count({ where }),
    db.outboxMessage.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (filter.page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: {
        id: true,
        channel: true,
        recipientRef: true,
        templateKey: true,
        status: true,
        attempts: true,
        lastError: true,
        nextAttemptAt: true,
        sentAt: true,
        createdAt: true,
      },
    }),
    db.outboxMessage.groupBy({ by: ["status"], where: { channel: { not: "inapp" } }, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, groups.find((g) => g.status === s)?._count._all ?? 0])) as Record<OutboxStatus, number>;
  return { total, pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)), rows, counts };
}

/** An admin sends a dead (or failed) message again, at once, with a fresh set of attempts. */
export async function retryMessage(db: Db, id: number, now = new Date()) {
  const row = await db.outboxMessage.findUnique({ where: { id }, select: { status: true } });
  if (!row) throw new DomainError("channels.outbox.notFound", undefined, undefined, 404);
  const { count } = await db.outboxMessage.updateMany({
    where: { id, status: { in: ["dead", "failed"] } },
    data: { status: "pending", attempts: 0, nextAttemptAt: now, leaseUntil: null },
  });
  if (count !== 1) throw new DomainError("channels.outbox.notDead", undefined, undefined, 409);
}

export async function retryAllDead(db: Db, now = new Date()) {
  const { count } = await db.outboxMessage.updateMany({
    where: { status: "dead" },
    data: { status: "pending", attempts: 0, nextAttemptAt: now, leaseUntil: null },
  });
  return count;
}
