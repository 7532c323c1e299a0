// "Lupa kata sandi" (issue 13). A person who forgot their password asks with the
// e-mail or phone number they sign in with and gets, through the outbox:
//   - an e-mail: a link valid RESET_LINK_MINUTES (a 256-bit token in the path);
//   - a phone number: a 6-digit code valid RESET_CODE_MINUTES, by WhatsApp (SMS when
//     the number has no WhatsApp or WhatsApp is not set up: the worker reroutes).
// A resident who can reach neither is helped at the counter: staff check their
// identity in person and set a temporary password (shown once, to be changed at the
// next login) or print a one-time code (COUNTER_CODE_HOURS), audited.
//
// Only a keyed hash (HMAC-SHA256, key derived from SESSION_SECRET) of a link or code is
// stored, and the copy in the outbox row is sealed (sealed.server.ts). Each reset is
// single use (a conditional UPDATE), a new one replaces the old ones, and a code takes
// MAX_CODE_ATTEMPTS wrong tries. Asking and checking are limited per account and per
// IP. The answer to "send me a reset" is the same whether or not the account exists,
// and takes at least `minAnswerMs` either way. A reset ends every session of the
// account (the caller also drops its sockets: Publisher.revoke).
import { createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { Db } from "~/db/client.server";
import { containsText } from "~/db/search";
import { audit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/errors";
import { memoryLimiters, takeAll, type Limiter, type LimiterFactory } from "~/domain/limits";
import { enqueueTo } from "~/domain/notifications/outbox.server";
import { seal, sealKeyFrom } from "~/domain/notifications/sealed.server";
import { defaultLocale, isLocale } from "~/i18n";
import { DEMO_PASSWORD } from "./accounts.schema";
import type { Identifier } from "./identifier";
import type { LoginLockout } from "./login-throttle";
import { enqueuePasswordChangedNotice } from "./password-notice.server";
import { hashPassword } from "./password.server";
import { COUNTER_CODE_HOURS, MAX_CODE_ATTEMPTS, RESET_CODE_MINUTES, RESET_LINK_MINUTES, type CounterMethod, type IdentityDocument } from "./password-reset";
import { can, type Actor } from "./roles";

// ------------------------------------------------------------------ limits

export interface ResetLimits {
  /** one "send me a reset" for this account (identifier) from this IP */
  request(account: string, ip: string): Promise<boolean>;
  /** one code checked against this account from this IP */
  check(account: string, ip: string): Promise<boolean>;
}

export interface ResetLimitRules {
  requestsPerAccountPerHour: number;
  requestsPerIpPerHour: number;
  checksPerAccountPer15Min: number;
  checksPerIpPer15Min: number;
}

export const defaultResetLimitRules: ResetLimitRules = {
  requestsPerAccountPerHour: 5,
  requestsPerIpPerHour: 20,
  checksPerAccountPer15Min: 10,
  checksPerIpPer15Min: 30,
};

/** Created once per process (server/services.ts): in Redis when the server scales out. */
export function createResetLimits(make: LimiterFactory = memoryLimiters, rules: ResetLimitRules = defaultResetLimitRules): ResetLimits {
  const hour = 3600_000;
  const quarter = 15 * 60_000;
  const requestAccount = make({ name: "reset-req-a", limit: rules.requestsPerAccountPerHour, windowMs: hour });
  const requestIp = make({ name: "reset-req-ip", limit: rules.requestsPerIpPerHour, windowMs: hour });
  const checkAccount = make({ name: "reset-chk-a", limit: rules.checksPerAccountPer15Min, windowMs: quarter });
  const checkIp = make({ name: "reset-chk-ip", limit: rules.checksPerIpPer15Min, windowMs: quarter });
  const both = (a: Limiter, b: Limiter, account: string, ip: string) =>
    takeAll([
      [a, account],
      [b, ip],
    ]);
  return {
    request: (account, ip) => both(requestAccount, requestIp, account, ip),
    check: (account, ip) => both(checkAccount, checkIp, account, ip),
  };
}

// ------------------------------------------------------------------ secrets

export interface ResetDeps {
  /** SESSION_SECRET: keys the stored hashes and seals the outbox copy */
  secret: string;
  limits: ResetLimits;
  /** the login lockout: a successful reset clears it for the account */
  lockout?: LoginLockout;
  /** the shortest time "send me a reset" takes, account or not (tests pass 0) */
  minAnswerMs?: number;
  now?: () => Date;
  /** tests choose the code or token; otherwise random */
  generate?: () => string;
}

export const MIN_ANSWER_MS = 400;

function hashKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "balai", "password reset secrets", 32));
}

function linkHash(secret: string, token: string): string {
  return createHmac("sha256", hashKey(secret)).update(`link:${token}`).digest("hex");
}

function codeHash(secret: string, userId: number, code: string): string {
  return createHmac("sha256", hashKey(secret)).update(`code:${userId}:${code}`).digest("hex");
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

const COUNTER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I
const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function randomFrom(alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function sixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** 10 characters in two groups ("K7QM2-XW9PA"): typed from paper, no look-alike characters. */
export function counterCode(): string {
  return `${randomFrom(COUNTER_ALPHABET, 5)}-${randomFrom(COUNTER_ALPHABET, 5)}`;
}

/** 12 lower-case characters in three groups ("kq7m-2xw9-pa4h"): about 59 bits, read aloud easily. */
export function temporaryPassword(): string {
  return [4, 4, 4].map((n) => randomFrom(PASSWORD_ALPHABET, n)).join("-");
}

/** How a code is compared: upper case, without spaces or dashes. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

function accountKey(identifier: Identifier): string {
  return `${identifier.kind}:${identifier.value}`;
}

function whereIdentifier(identifier: Identifier) {
  return identifier.kind === "email" ? { email: identifier.value } : { phone: identifier.value };
}

async function atLeast<T>(ms: number, started: number, work: () => Promise<T>): Promise<T> {
  const pad = () => new Promise((r) => setTimeout(r, Math.max(0, started + ms - Date.now())));
  try {
    const result = await work();
    await pad();
    return result;
  } catch (error) {
    await pad();
    throw error;
  }
}

const limited = (field?: string) => new DomainError("accounts.reset.limited", field, undefined, 429);

// ------------------------------------------------------------------ asking for a reset

/**
 * "Send me a reset". The answer tells only which way a message would go (by the kind
 * of identifier typed), never whether an account has it.
 */
export async function requestReset(db: Db, deps: ResetDeps, input: { identifier: Identifier; ip: string }): Promise<{ via: "email" | "phone" }> {
  const started = Date.now();
  const via = input.identifier.kind;
  return atLeast(deps.minAnswerMs ?? MIN_ANSWER_MS, started, async () => {
    if (!(await deps.limits.request(accountKey(input.identifier), input.ip))) throw limited("identifier");
    const user = await db.user.findUnique({ where: whereIdentifier(input.identifier), select: { id: true, locale: true, disabledAt: true } });
    if (!user || user.disabledAt) return { via };
    const now = deps.now?.() ?? new Date();
    const locale = isLocale(user.locale) ? user.locale : defaultLocale;
    const sealKey = sealKeyFrom(deps.secret);
    await db.$transaction(async (tx) => {
      // a new reset replaces the ones still open (only the latest message works)
      await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null, channel: { in: ["email", "phone"] } }, data: { usedAt: now } });
      if (via === "email") {
        const token = deps.generate?.() ?? randomBytes(32).toString("base64url");
        const reset = await tx.passwordReset.create({
          data: {
            userId: user.id,
            channel: "email",
            secretHash: linkHash(deps.secret, token),
            expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
          },
        });
        await enqueueTo(
          tx as Db,
          user.id,
          "email",
          {
            template: "accounts.reset.message.link",
            params: { minutes: RESET_LINK_MINUTES },
            link: seal(sealKey, `/reset-password/${token}`),
            locale,
            key: `password-reset:${reset.id}`,
          },
          now,
        );
      } else {
        const code = deps.generate?.() ?? sixDigitCode();
        const reset = await tx.passwordReset.create({
          data: {
            userId: user.id,
            channel: "phone",
            secretHash: codeHash(deps.secret, user.id, code),
            expiresAt: new Date(now.getTime() + RESET_CODE_MINUTES * 60_000),
          },
        });
        await enqueueTo(
          tx as Db,
          user.id,
          "whatsapp",
          {
            template: "accounts.reset.message.code",
            params: { code: seal(sealKey, code), minutes: RESET_CODE_MINUTES },
            link: "/reset-password/code",
            locale,
            key: `password-reset:${reset.id}`,
          },
          now,
        );
      }
    });
    return { via };
  });
}

// ------------------------------------------------------------------ using it

interface Policy {
  allowDemoAccounts: boolean;
}

const linkInvalid = () => new DomainError("accounts.reset.linkInvalid", undefined, undefined, 410);
const codeInvalid = () => new DomainError("accounts.reset.codeInvalid", "code");

/** Whether a link still works (the page shows the form, or says it expired). Changes nothing. */
export async function linkIsValid(db: Db, deps: Pick<ResetDeps, "secret" | "now">, token: string): Promise<boolean> {
  if (!token || token.length > 100) return false;
  const now = deps.now?.() ?? new Date();
  const reset = await db.passwordReset.findFirst({
    where: { secretHash: linkHash(deps.secret, token), channel: "email", usedAt: null, expiresAt: { gt: now } },
    select: { id: true, user: { select: { disabledAt: true } } },
  });
  return !!reset && !reset.user.disabledAt;
}

/** The new password, once: the reset is spent, every other open reset too, and every session ends. */
async function complete(db: Db, deps: ResetDeps, resetId: number, newPassword: string, policy: Policy): Promise<{ userId: number }> {
  if (!policy.allowDemoAccounts && newPassword === DEMO_PASSWORD) throw new DomainError("validation.passwordDemo", "newPassword");
  const passwordHash = await hashPassword(newPassword);
  const now = deps.now?.() ?? new Date();
  const user = await db.$transaction(async (tx) => {
    const { count } = await tx.passwordReset.updateMany({ where: { id: resetId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count !== 1) return null; // used a moment ago by another request
    const reset = await tx.passwordReset.findUniqueOrThrow({ where: { id: resetId }, select: { userId: true, channel: true } });
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    const updated = await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash, mustChangePassword: false, isDemo: false },
      select: { id: true, email: true, phone: true },
    });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    await audit(tx as Db, {
      actorId: reset.userId,
      action: "account.password_reset",
      targetType: "user",
      targetId: reset.userId,
      details: { via: reset.channel },
    });
    await enqueuePasswordChangedNotice(tx as Db, reset.userId, `reset:${resetId}`, now);
    return updated;
  });
  if (!user) throw linkInvalid();
  if (deps.lockout) {
    for (const [kind, value] of [
      ["email", user.email],
      ["phone", user.phone],
    ] as const) {
      if (value) await deps.lockout.reset(`${kind}:${value}`);
    }
  }
  return { userId: user.id };
}

/** The link from the e-mail, with the new password. */
export async function resetWithLink(db: Db, deps: ResetDeps, input: { token: string; newPassword: string }, policy: Policy): Promise<{ userId: number }> {
  const now = deps.now?.() ?? new Date();
  const reset =
    input.token && input.token.length <= 100
      ? await db.passwordReset.findFirst({
          where: { secretHash: linkHash(deps.secret, input.token), channel: "email", usedAt: null, expiresAt: { gt: now } },
          select: { id: true, user: { select: { disabledAt: true } } },
        })
      : null;
  if (!reset || reset.user.disabledAt) throw linkInvalid();
  return complete(db, deps, reset.id, input.newPassword, policy);
}

/**
 * A code from WhatsApp/SMS or from the counter's slip, with the account's identifier and
 * the new password. A wrong code counts against every open code of the account.
 */
export async function resetWithCode(
  db: Db,
  deps: ResetDeps,
  input: { identifier: Identifier; code: string; newPassword: string; ip: string },
  policy: Policy,
): Promise<{ userId: number }> {
  // a wrong code takes as long whether the account exists, has an open reset or not
  const match = await atLeast(deps.minAnswerMs ?? MIN_ANSWER_MS, Date.now(), async () => {
    if (!(await deps.limits.check(accountKey(input.identifier), input.ip))) throw limited("code");
    const now = deps.now?.() ?? new Date();
    const code = normalizeCode(input.code);
    const user = await db.user.findUnique({ where: whereIdentifier(input.identifier), select: { id: true, disabledAt: true } });
    const open =
      user && !user.disabledAt
        ? await db.passwordReset.findMany({
            where: { userId: user.id, channel: { in: ["phone", "counter"] }, usedAt: null, expiresAt: { gt: now }, attempts: { lt: MAX_CODE_ATTEMPTS } },
            select: { id: true, secretHash: true },
          })
        : [];
    const hash = user ? codeHash(deps.secret, user.id, code) : "";
    const found = open.find((r) => sameHash(r.secretHash, hash));
    if (!found) {
      if (open.length) await db.passwordReset.updateMany({ where: { id: { in: open.map((r) => r.id) } }, data: { attempts: { increment: 1 } } });
      throw codeInvalid();
    }
    return found;
  });
  return complete(db, deps, match.id, input.newPassword, policy);
}

/** The hourly job (server/app.ts): resets past their expiry can no longer be used; the audit log keeps the record. */
export async function deleteExpiredResets(db: Db, now = new Date()): Promise<string> {
  const { count } = await db.passwordReset.deleteMany({ where: { expiresAt: { lt: now } } });
  return `${count} expired password resets removed`;
}

// ------------------------------------------------------------------ at the counter

export const COUNTER_PAGE_SIZE = 20;

export interface CounterResident {
  id: number;
  name: string;
  hasEmail: boolean;
  hasPhone: boolean;
  /** "a…@contoh.id", "+62 8…90": enough to tell two residents apart, not the contact */
  emailHint: string | null;
  phoneHint: string | null;
  kelurahan: string | null;
  createdAt: Date;
  disabled: boolean;
}

function emailHint(email: string | null): string | null {
  if (!email) return null;
  const [local, domain] = email.split("@");
  return `${local.slice(0, 1)}…@${domain}`;
}

function phoneHint(phone: string | null): string | null {
  if (!phone) return null;
  return `${phone.slice(0, 4)}…${phone.slice(-3)}`;
}

/** Who may have their password reset by this staff member: counter staff and supervisors help residents; admins anyone. */
function mayReset(actor: Actor, target: { id: number; role: string }): boolean {
  if (target.id === actor.id) return false; // one's own password: the usual ways
  return actor.role === "admin" || target.role === "resident";
}

function forbidden(): DomainError {
  return new DomainError("error.403.text", undefined, undefined, 403);
}

/** The counter's look-up: by name, e-mail or phone (at least 3 characters), a page at a time. */
export async function findResidentsForCounter(db: Db, actor: Actor, query: { q?: string; page: number }) {
  if (!can.resetPasswordAtCounter(actor)) throw forbidden();
  const q = query.q?.trim() ?? "";
  if (q.length < 3) return { q, total: 0, pages: 1, residents: [] as CounterResident[] };
  const digits = q.replace(/\D/g, "");
  const phone = digits.startsWith("0") ? `62${digits.slice(1)}` : digits;
  const where = {
    ...(actor.role === "admin" ? {} : { role: "resident" }),
    OR: [{ name: containsText(db, q) }, { email: { contains: q.toLowerCase() } }, ...(phone.length >= 4 ? [{ phone: { contains: phone } }] : [])],
  };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * COUNTER_PAGE_SIZE,
      take: COUNTER_PAGE_SIZE,
      select: { id: true, name: true, email: true, phone: true, createdAt: true, disabledAt: true, kelurahan: { select: { name: true } } },
    }),
  ]);
  return {
    q,
    total,
    pages: Math.max(1, Math.ceil(total / COUNTER_PAGE_SIZE)),
    residents: users.map((u): CounterResident => ({
      id: u.id,
      name: u.name,
      hasEmail: !!u.email,
      hasPhone: !!u.phone,
      emailHint: emailHint(u.email),
      phoneHint: phoneHint(u.phone),
      kelurahan: u.kelurahan?.name ?? null,
      createdAt: u.createdAt,
      disabled: !!u.disabledAt,
    })),
  };
}

/** One resident for the counter's form, with the account's sign-in identifier (printed on the slip). */
export async function residentForCounter(db: Db, actor: Actor, userId: number) {
  if (!can.resetPasswordAtCounter(actor)) throw forbidden();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, role: true, email: true, phone: true, createdAt: true, disabledAt: true, kelurahan: { select: { name: true } } },
  });
  if (!user || (actor.role !== "admin" && user.role !== "resident")) throw new DomainError("error.404.text", undefined, undefined, 404);
  return {
    id: user.id,
    name: user.name,
    kelurahan: user.kelurahan?.name ?? null,
    createdAt: user.createdAt,
    disabled: !!user.disabledAt,
    self: user.id === actor.id,
    emailHint: emailHint(user.email),
    phoneHint: phoneHint(user.phone),
  };
}

export type CounterResult =
  { method: "temporary"; password: string; identifier: string } | { method: "code"; code: string; identifier: string; expiresAt: Date };

/**
 * Staff checked the resident's identity in person (`documentType`: what they saw; its
 * number is never stored) and either set a temporary password (shown once; the next
 * login must change it; every session ends) or made a one-time code for the slip.
 * Audited either way. The caller drops the resident's sockets after a temporary password.
 */
export async function counterReset(
  db: Db,
  actor: Actor,
  input: { userId: number; identityChecked: boolean; documentType: IdentityDocument; method: CounterMethod },
  deps: Pick<ResetDeps, "secret" | "now" | "generate">,
): Promise<CounterResult> {
  if (!can.resetPasswordAtCounter(actor)) throw forbidden();
  if (!input.identityChecked) throw new DomainError("accounts.counter.identityRequired", "identityChecked");
  const target = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, role: true, email: true, phone: true, disabledAt: true } });
  if (!target || (actor.role !== "admin" && target.role !== "resident")) throw new DomainError("error.404.text", undefined, undefined, 404);
  if (!mayReset(actor, target)) throw forbidden();
  if (target.disabledAt) throw new DomainError("accounts.counter.disabled", "method", undefined, 409);
  const identifier = target.email ?? target.phone ?? "";
  const now = deps.now?.() ?? new Date();
  const details = { method: input.method, documentType: input.documentType };
  if (input.method === "temporary") {
    const password = deps.generate?.() ?? temporaryPassword();
    const passwordHash = await hashPassword(password);
    await db.$transaction(async (tx) => {
      await tx.passwordReset.updateMany({ where: { userId: target.id, usedAt: null }, data: { usedAt: now } });
      await tx.user.update({ where: { id: target.id }, data: { passwordHash, mustChangePassword: true, isDemo: false } });
      await tx.session.deleteMany({ where: { userId: target.id } });
      await audit(tx as Db, { actorId: actor.id, action: "account.password_reset_counter", targetType: "user", targetId: target.id, details });
      await enqueuePasswordChangedNotice(tx as Db, target.id, `counter:${now.getTime()}`, now);
    });
    return { method: "temporary", password, identifier };
  }
  const code = deps.generate?.() ?? counterCode();
  const expiresAt = new Date(now.getTime() + COUNTER_CODE_HOURS * 3600_000);
  await db.$transaction(async (tx) => {
    await tx.passwordReset.updateMany({ where: { userId: target.id, usedAt: null, channel: "counter" }, data: { usedAt: now } });
    await tx.passwordReset.create({
      data: { userId: target.id, channel: "counter", secretHash: codeHash(deps.secret, target.id, normalizeCode(code)), expiresAt },
    });
    await audit(tx as Db, { actorId: actor.id, action: "account.password_reset_counter", targetType: "user", targetId: target.id, details });
  });
  return { method: "code", code, identifier, expiresAt };
}
