// Contacts verified by a code (issue 13). Adding or changing an account's e-mail or
// phone sends a 6-digit code to it; until the code is entered the outbox sends that
// contact nothing but the code (outbox.server.ts, worker.server.ts), and a change
// takes effect only then (the old contact keeps working meanwhile). At sign-up the
// contact one signed up with waits for its code the same way.
//
// The code is stored as a keyed hash (HMAC-SHA256 with the session secret) and goes
// through the outbox sealed (sealed.server.ts): neither table holds a usable code. It
// lasts 15 minutes and takes 5 wrong tries; sending and checking are also limited per
// account through the shared Limiter (Redis when scaled out).
//
// A row in ContactVerification for the value an account holds is what "unverified"
// means: accounts made before this existed, demo accounts and builders' users have
// none, so they stay verified (builders take `unverified` to make one that is not).
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Db } from "~/db/client.server";
import { audit } from "~/domain/audit/audit.server";
import { DomainError, isUniqueViolation } from "~/domain/errors";
import type { Limiter, LimiterFactory } from "~/domain/limits";
import { CONTACT_CODE_TEMPLATE } from "~/domain/notifications/outbox";
import { enqueueVerification } from "~/domain/notifications/outbox.server";
import { seal, sealKeyFrom } from "~/domain/notifications/sealed.server";
import { defaultLocale, isLocale } from "~/i18n";
import { parseIdentifier } from "./identifier";

export const CODE_TTL_MS = 15 * 60_000;
export const MAX_CODE_ATTEMPTS = 5;
export type ContactKind = "email" | "phone";

export interface ContactLimits {
  /** codes sent per account (first sends and "kirim ulang" together) */
  sends: Limiter;
  /** codes checked per account (on top of the 5 tries each code has) */
  checks: Limiter;
}

export function createContactLimits(make: LimiterFactory): ContactLimits {
  return {
    sends: make({ name: "contact-code-sends", limit: 5, windowMs: 60 * 60_000 }),
    checks: make({ name: "contact-code-checks", limit: 15, windowMs: 15 * 60_000 }),
  };
}

export interface VerificationDeps {
  /** SESSION_SECRET: keys the code's hash and seals it in the outbox */
  secret: string;
  limits: ContactLimits;
  /** tests choose the code; otherwise 6 random digits */
  generate?: () => string;
}

function codeHash(secret: string, userId: number, kind: ContactKind, value: string, code: string): string {
  return createHmac("sha256", secret).update(`contact-code:${userId}:${kind}:${value}:${code}`).digest("hex");
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Parses what a person typed as their new e-mail or phone; the error is for the field `value`. */
export function parseContact(kind: ContactKind, raw: string): string {
  const parsed = parseIdentifier(raw);
  if (!parsed || parsed.kind !== kind) throw new DomainError(kind === "email" ? "channels.contact.badEmail" : "channels.contact.badPhone", "value");
  return parsed.value;
}

/**
 * Writes a fresh code for `value` (replacing any earlier one of that kind) and its
 * message to the outbox, in the caller's transaction when `db` is one. Used at
 * sign-up (inside its transaction) and by `requestCode`.
 */
export async function beginVerification(db: Db, deps: VerificationDeps, userId: number, kind: ContactKind, value: string, now = new Date()) {
  const code = deps.generate?.() ?? String(randomInt(0, 1_000_000)).padStart(6, "0");
  const [user, pref] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } }),
    db.notificationPreference.findUnique({ where: { userId }, select: { whatsapp: true, sms: true } }),
  ]);
  // a number goes by WhatsApp (SMS when it has none), or by SMS for one who turned WhatsApp off
  const channel = kind === "email" ? "email" : pref && !pref.whatsapp && pref.sms ? "sms" : "whatsapp";
  // a new row (new id) each time: a message still waiting with the old code is dropped
  await db.contactVerification.deleteMany({ where: { userId, kind } });
  const row = await db.contactVerification.create({
    data: { userId, kind, value, codeHash: codeHash(deps.secret, userId, kind, value, code), expiresAt: new Date(now.getTime() + CODE_TTL_MS), sentAt: now },
  });
  await enqueueVerification(
    db,
    row.id,
    channel,
    {
      template: CONTACT_CODE_TEMPLATE,
      params: { code: seal(sealKeyFrom(deps.secret), code), minutes: CODE_TTL_MS / 60_000 },
      locale: isLocale(user.locale) ? user.locale : defaultLocale,
    },
    now,
  );
  return row;
}

/**
 * A person adds or changes their e-mail or phone, or asks again ("kirim ulang"):
 * a code goes to it. Another account's contact is refused; the contact one already
 * holds, confirmed, needs no code.
 */
export async function requestCode(db: Db, deps: VerificationDeps, userId: number, kind: ContactKind, raw: string, now = new Date()) {
  const value = parseContact(kind, raw);
  // counted before anything is looked up: asking about many addresses is limited too
  if (!(await deps.limits.sends.take(String(userId)))) throw new DomainError("channels.contact.tooMany", "value", undefined, 429);
  const [user, pending, holder] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, phone: true } }),
    db.contactVerification.findUnique({ where: { userId_kind: { userId, kind } }, select: { value: true } }),
    db.user.findFirst({ where: kind === "email" ? { email: value } : { phone: value }, select: { id: true } }),
  ]);
  if (holder && holder.id !== userId) throw new DomainError("channels.contact.taken", "value", undefined, 409);
  const current = kind === "email" ? user.email : user.phone;
  if (current === value && !pending) throw new DomainError("channels.contact.alreadyVerified", "value", undefined, 409);
  await db.$transaction(async (tx) => {
    await beginVerification(tx as Db, deps, userId, kind, value, now);
    await audit(tx as Db, { actorId: userId, action: "account.contact_code_sent", targetType: "user", targetId: userId, details: { kind } });
  });
}

/** "Kirim ulang": a new code to the contact that is waiting for one. */
export async function resendCode(db: Db, deps: VerificationDeps, userId: number, kind: ContactKind, now = new Date()) {
  const pending = await db.contactVerification.findUnique({ where: { userId_kind: { userId, kind } }, select: { value: true } });
  if (!pending) throw new DomainError("channels.contact.noCode", "code", undefined, 409);
  return requestCode(db, deps, userId, kind, pending.value, now);
}

/** The person enters the code: the contact is theirs, confirmed (a change takes effect now). */
export async function confirmCode(db: Db, deps: VerificationDeps, userId: number, kind: ContactKind, code: string, now = new Date()) {
  const clean = code.replace(/\D/g, "");
  if (clean.length !== 6) throw new DomainError("channels.contact.codeFormat", "code");
  if (!(await deps.limits.checks.take(String(userId)))) throw new DomainError("channels.contact.tooMany", "code", undefined, 429);
  const row = await db.contactVerification.findUnique({ where: { userId_kind: { userId, kind } } });
  if (!row) throw new DomainError("channels.contact.noCode", "code", undefined, 409);
  if (row.expiresAt <= now || row.attempts >= MAX_CODE_ATTEMPTS) throw new DomainError("channels.contact.expired", "code", undefined, 410);
  if (!sameHash(row.codeHash, codeHash(deps.secret, userId, kind, row.value, clean))) {
    // counted with a condition, so that two wrong tries at once both count
    await db.contactVerification.updateMany({ where: { id: row.id, attempts: { lt: MAX_CODE_ATTEMPTS } }, data: { attempts: { increment: 1 } } });
    const left = MAX_CODE_ATTEMPTS - row.attempts - 1;
    throw new DomainError(left > 0 ? "channels.contact.wrongCode" : "channels.contact.expired", "code", { left }, 400);
  }
  try {
    await db.$transaction(async (tx) => {
      // only the row that was checked: a code used twice at once confirms once
      const { count } = await tx.contactVerification.deleteMany({ where: { id: row.id } });
      if (count !== 1) throw new DomainError("channels.contact.noCode", "code", undefined, 409);
      await tx.user.update({ where: { id: userId }, data: kind === "email" ? { email: row.value } : { phone: row.value } });
      await audit(tx as Db, { actorId: userId, action: "account.contact_verified", targetType: "user", targetId: userId, details: { kind } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("channels.contact.taken", "code", undefined, 409);
    throw error;
  }
}

export interface ContactState {
  kind: ContactKind;
  /** the contact the account holds (null: none yet) */
  current: string | null;
  /** the current one is confirmed */
  verified: boolean;
  /** a code is waiting for this contact (the account's own, or the one it changes to) */
  pending: { value: string; expired: boolean; sentAt: Date } | null;
}

/** What the profile page shows: each contact, whether it is confirmed, and a code that waits. */
export async function contactStates(db: Db, userId: number, now = new Date()): Promise<ContactState[]> {
  const [user, rows] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, phone: true } }),
    db.contactVerification.findMany({ where: { userId } }),
  ]);
  return (["email", "phone"] as const).map((kind) => {
    const current = kind === "email" ? user.email : user.phone;
    const row = rows.find((r) => r.kind === kind);
    return {
      kind,
      current,
      verified: !!current && row?.value !== current,
      pending: row ? { value: row.value, expired: row.expiresAt <= now || row.attempts >= MAX_CODE_ATTEMPTS, sentAt: row.sentAt } : null,
    };
  });
}

// ------------------------------------------------------------------ the profile page's forms

const kindSchema = z.enum(["email", "phone"], { errorMap: () => ({ message: "error.badRequest" }) });

/** Which contact a form is about; its fields are `<kind>Value` and `<kind>Code` (checked by the functions above). */
export const contactKindSchema = z.object({ kind: kindSchema });
