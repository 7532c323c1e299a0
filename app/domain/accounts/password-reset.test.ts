// "Lupa kata sandi" against a real (SQLite) database, without HTTP: what is stored
// (hashes only, sealed outbox copies), single use, expiry, attempts, limits, the same
// answer for accounts that do not exist, and the counter's reset with its audit.
import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/errors";
import { memoryLimiters } from "~/domain/limits";
import type { Mail } from "~/domain/notifications/mailer.server";
import { createOutboxWorker } from "~/domain/notifications/worker.server";
import { sealKeyFrom } from "~/domain/notifications/sealed.server";
import { aPhoneNumber, aStaffMember, aUser, unique } from "../../../prisma/builders";
import { parseIdentifier, type Identifier } from "./identifier";
import { LoginThrottle } from "./login-throttle";
import type { Actor, Role } from "./roles";
import { changePassword } from "./accounts.server";
import { verifyPassword } from "./password.server";
import {
  counterReset,
  createResetLimits,
  deleteExpiredResets,
  findResidentsForCounter,
  linkIsValid,
  requestReset,
  resetWithCode,
  resetWithLink,
  type ResetDeps,
} from "./password-reset.server";
import { MAX_CODE_ATTEMPTS } from "./password-reset";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const SECRET = "unit-test-session-secret-of-32-characters";
const policy = { allowDemoAccounts: false };
const ip = "203.0.113.7";
const database = withTempDatabase("balai-reset-");
const db = () => database().db;

/** Deps with roomy limits and a chosen secret, unless a test says otherwise. */
function deps(over: Partial<ResetDeps> = {}): ResetDeps {
  return {
    secret: SECRET,
    limits: createResetLimits(memoryLimiters, {
      requestsPerAccountPerHour: 100,
      requestsPerIpPerHour: 100,
      checksPerAccountPer15Min: 100,
      checksPerIpPer15Min: 100,
    }),
    minAnswerMs: 0,
    ...over,
  };
}
const id = (raw: string): Identifier => parseIdentifier(raw)!;
const quiet = () => undefined;
const asActor = (u: { id: number; role: string }): Actor => ({ id: u.id, role: u.role as Role });

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function deliverAll(publicUrl = "https://balai.test") {
  const mails: Mail[] = [];
  const texts: { to: string; text: string }[] = [];
  const worker = createOutboxWorker({
    db: db(),
    mail: { deliver: async (m) => (mails.push(m), {}) },
    sms: { send: async (to, text) => (texts.push({ to, text }), {}) },
    sealKey: sealKeyFrom(SECRET),
    publicUrl,
    log: quiet,
  });
  await worker.drain();
  return { mails, texts };
}

describe("a reset link by e-mail", () => {
  it("stores only a keyed hash, seals the outbox copy, and the mail carries a working absolute link", async () => {
    const user = await aUser(db());
    const token = `tok${unique()}${unique()}`;
    expect(await requestReset(db(), deps({ generate: () => token }), { identifier: id(user.email!), ip })).toEqual({ via: "email" });
    const reset = await db().passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(reset.channel).toBe("email");
    expect(reset.secretHash).not.toContain(token);
    expect(reset.expiresAt.getTime() - reset.createdAt.getTime()).toBeLessThanOrEqual(30 * 60_000 + 1000);
    const row = await db().outboxMessage.findFirstOrThrow({ where: { recipientRef: `user:${user.id}`, templateKey: "accounts.reset.message.link" } });
    expect(`${row.link}${row.params}`).not.toContain(token);

    const { mails } = await deliverAll();
    const mail = mails.find((m) => m.to === user.email)!;
    expect(mail.subject).toBe("Balai: Atur ulang kata sandi");
    expect(mail.text).toContain(`https://balai.test/reset-password/${token}`);
    expect(await linkIsValid(db(), { secret: SECRET }, token)).toBe(true);
  });

  it("works once: sets the password, ends every session, clears the login lockout, is audited", async () => {
    const user = await aUser(db());
    const token = `tok${unique()}${unique()}`;
    await requestReset(db(), deps({ generate: () => token }), { identifier: id(user.email!), ip });
    await db().session.create({ data: { id: unique("s"), userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    const lockout = new LoginThrottle();
    for (let i = 0; i < 5; i++) lockout.recordFailure(`email:${user.email}`);
    expect(lockout.lockedForMinutes(`email:${user.email}`)).toBeGreaterThan(0);

    await resetWithLink(db(), deps({ lockout }), { token, newPassword: "sandi-baru-yang-panjang" }, policy);
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, "sandi-baru-yang-panjang")).toBe(true);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    expect(lockout.lockedForMinutes(`email:${user.email}`)).toBe(0);
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "account.password_reset", targetId: String(user.id) } });
    expect(JSON.parse(entry.details!)).toEqual({ via: "email" });

    const again = await refusal(resetWithLink(db(), deps(), { token, newPassword: "sandi-lain-lagi-123" }, policy));
    expect(again.messageKey).toBe("accounts.reset.linkInvalid");
    expect(await linkIsValid(db(), { secret: SECRET }, token)).toBe(false);
  });

  it("expires after 30 minutes, and a newer request replaces the older link", async () => {
    const user = await aUser(db());
    const [first, second] = [`a${unique()}${unique()}`, `b${unique()}${unique()}`];
    await requestReset(db(), deps({ generate: () => first }), { identifier: id(user.email!), ip });
    await requestReset(db(), deps({ generate: () => second }), { identifier: id(user.email!), ip });
    expect(await linkIsValid(db(), { secret: SECRET }, first)).toBe(false);
    const later = () => new Date(Date.now() + 31 * 60_000);
    expect(await linkIsValid(db(), { secret: SECRET, now: later }, second)).toBe(false);
    await refusal(resetWithLink(db(), deps({ now: later }), { token: second, newPassword: "sandi-baru-yang-panjang" }, policy));
    expect(await linkIsValid(db(), { secret: SECRET }, second)).toBe(true);
  });

  it("refuses the demo password as the new one in production", async () => {
    const user = await aUser(db());
    const token = `t${unique()}${unique()}`;
    await requestReset(db(), deps({ generate: () => token }), { identifier: id(user.email!), ip });
    const error = await refusal(resetWithLink(db(), deps(), { token, newPassword: "balai-demo" }, policy));
    expect(error).toMatchObject({ messageKey: "validation.passwordDemo", field: "newPassword" });
    expect(await linkIsValid(db(), { secret: SECRET }, token)).toBe(true); // not spent by a refused password
  });
});

describe("the cleanup job", () => {
  it("removes expired resets only", async () => {
    const user = await aUser(db());
    const hour = 3600_000;
    const [old, open] = await Promise.all(
      [-hour, hour].map((offset) =>
        db().passwordReset.create({ data: { userId: user.id, channel: "email", secretHash: unique(), expiresAt: new Date(Date.now() + offset) } }),
      ),
    );
    expect(await deleteExpiredResets(db())).toMatch(/^\d+ expired password resets removed$/);
    expect(await db().passwordReset.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db().passwordReset.findUnique({ where: { id: open.id } })).not.toBeNull();
  });
});

describe("a reset code by WhatsApp or SMS", () => {
  it("sends 6 digits (SMS when WhatsApp is not set up) and never stores them", async () => {
    const phone = aPhoneNumber();
    const user = await aUser(db(), { phone });
    expect(await requestReset(db(), deps({ generate: () => "482913" }), { identifier: id(phone), ip })).toEqual({ via: "phone" });
    const row = await db().outboxMessage.findFirstOrThrow({ where: { recipientRef: `user:${user.id}`, templateKey: "accounts.reset.message.code" } });
    expect(row.channel).toBe("whatsapp");
    expect(row.params).not.toContain("482913");
    expect((await db().passwordReset.findFirstOrThrow({ where: { userId: user.id } })).secretHash).not.toContain("482913");

    const { texts } = await deliverAll();
    const sms = texts.find((t) => t.to === phone)!;
    expect(sms.text).toContain("482913");
    expect(sms.text).toContain("https://balai.test/reset-password/code");
    expect(sms.text.length).toBeLessThanOrEqual(160);
  });

  it("takes the right code once; wrong codes spend it after the limit", async () => {
    const phone = aPhoneNumber();
    const user = await aUser(db(), { phone });
    await requestReset(db(), deps({ generate: () => "111222" }), { identifier: id(phone), ip });
    const wrong = await refusal(resetWithCode(db(), deps(), { identifier: id(phone), code: "999999", newPassword: "sandi-baru-yang-panjang", ip }, policy));
    expect(wrong).toMatchObject({ messageKey: "accounts.reset.codeInvalid", field: "code" });
    await resetWithCode(db(), deps(), { identifier: id(phone), code: "111 222", newPassword: "sandi-baru-yang-panjang", ip }, policy);
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, "sandi-baru-yang-panjang")).toBe(true);
    await refusal(resetWithCode(db(), deps(), { identifier: id(phone), code: "111222", newPassword: "sandi-ketiga-panjang", ip }, policy));

    await requestReset(db(), deps({ generate: () => "333444" }), { identifier: id(phone), ip });
    for (let i = 0; i < MAX_CODE_ATTEMPTS; i++) {
      await refusal(resetWithCode(db(), deps(), { identifier: id(phone), code: `00000${i}`, newPassword: "sandi-baru-yang-panjang", ip }, policy));
    }
    const spent = await refusal(resetWithCode(db(), deps(), { identifier: id(phone), code: "333444", newPassword: "sandi-baru-yang-panjang", ip }, policy));
    expect(spent.messageKey).toBe("accounts.reset.codeInvalid");
  });

  it("expires after 10 minutes", async () => {
    const phone = aPhoneNumber();
    await aUser(db(), { phone });
    await requestReset(db(), deps({ generate: () => "555666" }), { identifier: id(phone), ip });
    const later = () => new Date(Date.now() + 11 * 60_000);
    await refusal(resetWithCode(db(), deps({ now: later }), { identifier: id(phone), code: "555666", newPassword: "sandi-baru-yang-panjang", ip }, policy));
  });
});

describe("never telling whether an account exists", () => {
  it("answers the same, writes nothing, and takes at least as long for an unknown or disabled account", async () => {
    const disabled = await aUser(db(), { disabledAt: new Date() });
    const before = await db().outboxMessage.count();
    const timed = async (identifier: string) => {
      const started = Date.now();
      const answer = await requestReset(db(), deps({ minAnswerMs: 250 }), { identifier: id(identifier), ip });
      return { answer, ms: Date.now() - started };
    };
    const known = await aUser(db());
    const results = await Promise.all([timed(`nobody-${unique()}@uji.test`), timed(disabled.email!), timed(known.email!)]);
    for (const r of results) {
      expect(r.answer).toEqual({ via: "email" });
      expect(r.ms).toBeGreaterThanOrEqual(245);
    }
    expect(await db().outboxMessage.count()).toBe(before + 1); // the known account's mail only
    const unknownCode = await refusal(
      resetWithCode(db(), deps(), { identifier: id(aPhoneNumber()), code: "123456", newPassword: "sandi-baru-yang-panjang", ip }, policy),
    );
    expect(unknownCode).toMatchObject({ messageKey: "accounts.reset.codeInvalid", field: "code" });
  });

  it("takes at least as long to refuse a wrong code for nobody as for an account with an open code", async () => {
    const phone = aPhoneNumber();
    await aUser(db(), { phone });
    await requestReset(db(), deps({ generate: () => "246810" }), { identifier: id(phone), ip });
    const timed = async (identifier: string) => {
      const started = Date.now();
      const error = await refusal(
        resetWithCode(db(), deps({ minAnswerMs: 250 }), { identifier: id(identifier), code: "135790", newPassword: "sandi-baru-yang-panjang", ip }, policy),
      );
      return { key: error.messageKey, ms: Date.now() - started };
    };
    for (const r of await Promise.all([timed(phone), timed(aPhoneNumber())])) {
      expect(r.key).toBe("accounts.reset.codeInvalid");
      expect(r.ms).toBeGreaterThanOrEqual(245);
    }
  });
});

describe("limits", () => {
  it("refuses asking too often for one account, and from one IP, whether or not the account exists", async () => {
    const limits = createResetLimits(memoryLimiters, {
      requestsPerAccountPerHour: 2,
      requestsPerIpPerHour: 4,
      checksPerAccountPer15Min: 2,
      checksPerIpPer15Min: 10,
    });
    const user = await aUser(db());
    const nobody = `nobody-${unique()}@uji.test`;
    for (const identifier of [user.email!, nobody]) {
      await requestReset(db(), deps({ limits }), { identifier: id(identifier), ip });
      await requestReset(db(), deps({ limits }), { identifier: id(identifier), ip });
      const third = await refusal(requestReset(db(), deps({ limits }), { identifier: id(identifier), ip }));
      expect(third).toMatchObject({ messageKey: "accounts.reset.limited", status: 429 });
    }
    // that IP has used its 4; another account from it is refused too
    await refusal(requestReset(db(), deps({ limits }), { identifier: id(`x-${unique()}@uji.test`), ip }));
    await requestReset(db(), deps({ limits }), { identifier: id(`x-${unique()}@uji.test`), ip: "198.51.100.9" });

    const phone = aPhoneNumber();
    await aUser(db(), { phone });
    const check = () =>
      resetWithCode(db(), deps({ limits }), { identifier: id(phone), code: "000000", newPassword: "sandi-baru-yang-panjang", ip: "198.51.100.10" }, policy);
    expect((await refusal(check())).status).toBe(400);
    expect((await refusal(check())).status).toBe(400);
    expect((await refusal(check())).status).toBe(429);
  });
});

describe("at the counter", () => {
  const input = (userId: number, method: "temporary" | "code") => ({ userId, identityChecked: true, documentType: "ktp" as const, method });

  it("is for counter staff, supervisors and admins only, and counter staff reset residents only", async () => {
    const resident = await aUser(db(), { name: `Bu Sari ${unique()}` });
    const other = await aUser(db());
    const counter = asActor(await aStaffMember(db(), "counter"));
    const moderator = asActor(await aStaffMember(db(), "moderator"));
    for (const actor of [other, moderator].map(asActor)) {
      expect((await refusal(counterReset(db(), actor, input(resident.id, "code"), { secret: SECRET }))).status).toBe(403);
      expect((await refusal(findResidentsForCounter(db(), actor, { q: "Sari", page: 1 }))).status).toBe(403);
    }
    expect((await refusal(counterReset(db(), counter, input(moderator.id, "temporary"), { secret: SECRET }))).status).toBe(404);
    const found = await findResidentsForCounter(db(), counter, { q: resident.name, page: 1 });
    expect(found.residents.map((r) => r.id)).toEqual([resident.id]);
    expect(JSON.stringify(found)).not.toContain(resident.email!);
    expect(await db().auditLog.count({ where: { action: "account.password_reset_counter", targetId: String(resident.id) } })).toBe(0);
  });

  it("sets a temporary password that must be changed, ends the sessions, and records the document type seen", async () => {
    const resident = await aUser(db());
    const supervisor = asActor(await aStaffMember(db(), "supervisor"));
    await db().session.create({ data: { id: unique("s"), userId: resident.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    const result = await counterReset(db(), supervisor, input(resident.id, "temporary"), { secret: SECRET });
    if (result.method !== "temporary") throw new Error("expected a temporary password");
    expect(result.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const after = await db().user.findUniqueOrThrow({ where: { id: resident.id } });
    expect(after.mustChangePassword).toBe(true);
    expect(await verifyPassword(after.passwordHash, result.password)).toBe(true);
    expect(await db().session.count({ where: { userId: resident.id } })).toBe(0);
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "account.password_reset_counter", targetId: String(resident.id) } });
    expect(entry.actorId).toBe(supervisor.id);
    expect(JSON.parse(entry.details!)).toEqual({ method: "temporary", documentType: "ktp" });
    expect(entry.details).not.toContain(result.password);
  });

  it("prints a one-time code the resident uses with their identifier, typed loosely", async () => {
    const resident = await aUser(db());
    const counter = asActor(await aStaffMember(db(), "counter"));
    const result = await counterReset(db(), counter, input(resident.id, "code"), { secret: SECRET });
    if (result.method !== "code") throw new Error("expected a code");
    expect(result.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(result.identifier).toBe(resident.email);
    expect(result.expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    const typed = result.code.toLowerCase().replace("-", " ");
    await resetWithCode(db(), deps(), { identifier: id(resident.email!), code: typed, newPassword: "sandi-pilihan-sendiri", ip }, policy);
    const after = await db().user.findUniqueOrThrow({ where: { id: resident.id } });
    expect(await verifyPassword(after.passwordHash, "sandi-pilihan-sendiri")).toBe(true);
    await refusal(resetWithCode(db(), deps(), { identifier: id(resident.email!), code: result.code, newPassword: "sandi-lain-lagi-123", ip }, policy));
  });

  it("refuses without the identity check, and for one's own account", async () => {
    const admin = asActor(await aStaffMember(db(), "admin"));
    const resident = await aUser(db());
    const unchecked = await refusal(counterReset(db(), admin, { ...input(resident.id, "code"), identityChecked: false }, { secret: SECRET }));
    expect(unchecked.field).toBe("identityChecked");
    expect((await refusal(counterReset(db(), admin, input(admin.id, "temporary"), { secret: SECRET }))).status).toBe(403);
  });
});

describe("the notice that a password changed", () => {
  const notices = (mails: Mail[], to: string) => mails.filter((m) => m.to === to && m.subject === "Balai: Kata sandi Anda diubah");

  it("goes with the change, to the verified contacts only, without the password", async () => {
    const phone = aPhoneNumber();
    const resident = await aUser(db(), { phone, email: `warga-${unique()}@uji.test` });
    // the phone still waits for its verification code: nothing but that code goes there
    await db().contactVerification.create({
      data: { userId: resident.id, kind: "phone", value: phone, codeHash: "no code matches", expiresAt: new Date(Date.now() + 86_400_000), sentAt: new Date() },
    });
    const counter = await aStaffMember(db(), "counter");
    const result = await counterReset(
      db(),
      asActor(counter),
      { userId: resident.id, identityChecked: true, documentType: "ktp", method: "temporary" },
      { secret: SECRET },
    );
    if (result.method !== "temporary") throw new Error("expected a temporary password");
    const rows = await db().outboxMessage.findMany({ where: { recipientRef: `user:${resident.id}`, templateKey: "accounts.password.changedNotice" } });
    expect(rows.map((r) => r.channel).sort()).toEqual(["email", "whatsapp"]);

    const first = await deliverAll();
    const [mail] = notices(first.mails, resident.email!);
    expect(mail.text).toContain("Jika bukan Anda, segera atur kata sandi baru");
    expect(mail.text).toContain("https://balai.test/forgot-password");
    expect(mail.text + mail.html).not.toContain(result.password);
    expect(first.texts.filter((t) => t.to.replace(/\D/g, "") === phone.replace(/\D/g, ""))).toEqual([]);

    await changePassword(db(), asActor(resident), { currentPassword: result.password, newPassword: "pilihan-warga-sendiri" }, policy);
    const second = await deliverAll();
    expect(notices(second.mails, resident.email!)).toHaveLength(1);
    expect(JSON.stringify(second.mails)).not.toContain("pilihan-warga-sendiri");
  });

  it("is not written when the change is refused", async () => {
    const user = await aUser(db());
    await refusal(changePassword(db(), asActor(user), { currentPassword: "bukan-sandinya", newPassword: "pilihan-warga-sendiri" }, policy));
    expect(await db().outboxMessage.count({ where: { recipientRef: `user:${user.id}`, templateKey: "accounts.password.changedNotice" } })).toBe(0);
  });
});
