// Contacts verified by a code, against a real (SQLite) database and the outbox
// worker, without HTTP: the code is the only message an unconfirmed contact gets,
// it is hashed and sealed, short-lived, has 5 tries and per-account limits; a change
// of contact takes effect when its code is entered.
import { describe, expect, it } from "vitest";
import { memoryLimiters } from "~/domain/limits";
import type { Mail } from "~/domain/notifications/mailer.server";
import { enqueue } from "~/domain/notifications/outbox.server";
import { sealKeyFrom } from "~/domain/notifications/sealed.server";
import { createOutboxWorker } from "~/domain/notifications/worker.server";
import { aUser, unique } from "../../../prisma/builders";
import { signUp } from "./accounts.server";
import { CODE_TTL_MS, confirmCode, contactStates, createContactLimits, requestCode, resendCode, type VerificationDeps } from "./contacts.server";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const SECRET = "a-session-secret-of-at-least-32-characters";
const database = withTempDatabase("balai-contacts-");
const db = () => database().db;
let nextCode = "123456";
const deps = (limits = createContactLimits(memoryLimiters)): VerificationDeps => ({ secret: SECRET, limits, generate: () => nextCode });
const mails: Mail[] = [];
const worker = () =>
  createOutboxWorker({
    db: db(),
    mail: { deliver: async (m) => (mails.push(m), { id: "x" }) },
    sealKey: sealKeyFrom(SECRET),
    log: () => undefined,
  });
const mailsTo = (to: string) => mails.filter((m) => m.to === to);
const news = (key: string) => ({ template: "aspirations.notify.received" as const, params: { code: "ABCD-2345", title: "Lampu" }, key });

describe("a contact waiting for its code", () => {
  it("gets the code at sign-up and nothing else until the code is entered", async () => {
    const email = `baru.${unique()}@contoh.id`;
    nextCode = "482913";
    const user = await signUp(
      db(),
      { name: "Warga Baru", identifier: { kind: "email", value: email }, password: "sandi-yang-panjang", kelurahanId: undefined, rwId: undefined },
      { allowDemoAccounts: false },
      deps(),
    );
    expect((await contactStates(db(), user.id))[0]).toMatchObject({ current: email, verified: false, pending: { value: email, expired: false } });
    // the code is neither in the verification table nor readable in the outbox
    const row = await db().contactVerification.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.codeHash).not.toContain("482913");
    const queued = await db().outboxMessage.findFirstOrThrow({ where: { recipientRef: `verify:${row.id}` } });
    expect(queued.params).not.toContain("482913");
    // a notification meanwhile: in the app only, no e-mail row
    expect(await enqueue(db(), [{ userId: user.id }], news(`n1:${user.id}`))).toBe(1);
    await worker().drain();
    expect(mailsTo(email)).toHaveLength(1);
    expect(mailsTo(email)[0].text).toContain("482913");
    expect(mailsTo(email)[0].subject).toBe("Balai: Kode verifikasi Balai");

    await confirmCode(db(), deps(), user.id, "email", "482 913");
    expect((await contactStates(db(), user.id))[0]).toMatchObject({ verified: true, pending: null });
    expect(await db().auditLog.count({ where: { action: "account.contact_verified", targetId: String(user.id) } })).toBe(1);
    await enqueue(db(), [{ userId: user.id }], news(`n2:${user.id}`));
    await worker().drain();
    expect(mailsTo(email)).toHaveLength(2);
  });

  it("also holds back a message written before the contact changed, at delivery", async () => {
    const user = await aUser(db());
    await enqueue(db(), [{ userId: user.id }], news(`before:${user.id}`));
    // the builder's user is confirmed; now their address waits for a code (as after a sign-up)
    await db().contactVerification.create({
      data: { userId: user.id, kind: "email", value: user.email!, codeHash: "x", expiresAt: new Date(Date.now() + 60_000), sentAt: new Date() },
    });
    await worker().drain();
    expect(mailsTo(user.email!)).toHaveLength(0);
    expect((await db().outboxMessage.findFirstOrThrow({ where: { recipientRef: `user:${user.id}`, channel: "email" } })).status).toBe("dead");
  });

  it("keeps the old contact until the new one is confirmed, and the code is the new contact's only message", async () => {
    const user = await aUser(db());
    const old = user.email!;
    const next = `pindah.${unique()}@contoh.id`;
    nextCode = "111222";
    await requestCode(db(), deps(), user.id, "email", ` ${next.toUpperCase()} `);
    await enqueue(db(), [{ userId: user.id }], news(`during:${user.id}`));
    await worker().drain();
    expect(mailsTo(old)).toHaveLength(1); // the notification, to the confirmed address
    expect(mailsTo(next).map((m) => m.text.includes("111222"))).toEqual([true]);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(old);
    await confirmCode(db(), deps(), user.id, "email", "111222");
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(next);
  });

  it("gives a code 5 tries, 15 minutes, and drops the message of a code that was replaced", async () => {
    const user = await aUser(db(), { unverified: true });
    nextCode = "000001";
    await resendCode(db(), deps(), user.id, "email");
    const first = await db().contactVerification.findFirstOrThrow({ where: { userId: user.id } });
    nextCode = "000002";
    await resendCode(db(), deps(), user.id, "email"); // "kirim ulang" before the first went out
    await worker().drain();
    expect(mailsTo(user.email!).map((m) => m.text.match(/\d{6}/)?.[0])).toEqual(["000002"]);
    expect((await db().outboxMessage.findFirstOrThrow({ where: { recipientRef: `verify:${first.id}` } })).status).toBe("dead");

    await expect(confirmCode(db(), deps(), user.id, "email", "000001")).rejects.toMatchObject({
      messageKey: "channels.contact.wrongCode",
      params: { left: 4 },
    });
    for (let i = 0; i < 3; i++) await expect(confirmCode(db(), deps(), user.id, "email", "999999")).rejects.toThrow();
    await expect(confirmCode(db(), deps(), user.id, "email", "999999")).rejects.toMatchObject({ messageKey: "channels.contact.expired" });
    // spent: even the right code no longer works
    await expect(confirmCode(db(), deps(), user.id, "email", "000002")).rejects.toMatchObject({ messageKey: "channels.contact.expired" });

    nextCode = "000003";
    const sentAt = new Date();
    await resendCode(db(), deps(), user.id, "email", sentAt);
    await expect(confirmCode(db(), deps(), user.id, "email", "000003", new Date(sentAt.getTime() + CODE_TTL_MS + 1))).rejects.toMatchObject({
      messageKey: "channels.contact.expired",
    });
    await confirmCode(db(), deps(), user.id, "email", "000003", new Date(sentAt.getTime() + CODE_TTL_MS - 1000));
  });

  it("sends a number's code by WhatsApp, or by SMS to one who turned WhatsApp off", async () => {
    const [a, b] = await Promise.all([aUser(db()), aUser(db())]);
    await db().notificationPreference.create({ data: { userId: b.id, whatsapp: false, sms: true } });
    await requestCode(db(), deps(), a.id, "phone", `0813${String(10_000_000 + a.id)}`);
    await requestCode(db(), deps(), b.id, "phone", `0813${String(10_000_000 + b.id)}`);
    const channelOf = async (userId: number) => {
      const row = await db().contactVerification.findFirstOrThrow({ where: { userId, kind: "phone" } });
      return (await db().outboxMessage.findFirstOrThrow({ where: { recipientRef: `verify:${row.id}` } })).channel;
    };
    expect([await channelOf(a.id), await channelOf(b.id)]).toEqual(["whatsapp", "sms"]);
  });

  it("refuses another account's contact, one already confirmed, and too many sends or checks", async () => {
    const [a, b] = await Promise.all([aUser(db()), aUser(db())]);
    await expect(requestCode(db(), deps(), a.id, "email", b.email!)).rejects.toMatchObject({ messageKey: "channels.contact.taken", field: "value" });
    await expect(requestCode(db(), deps(), a.id, "email", a.email!)).rejects.toMatchObject({ messageKey: "channels.contact.alreadyVerified" });
    await expect(requestCode(db(), deps(), a.id, "phone", "12345")).rejects.toMatchObject({ messageKey: "channels.contact.badPhone" });
    await expect(requestCode(db(), deps(), a.id, "email", "0812 3456 7890")).rejects.toMatchObject({ messageKey: "channels.contact.badEmail" });
    const limits = createContactLimits(memoryLimiters);
    for (let i = 0; i < 5; i++) await requestCode(db(), deps(limits), a.id, "phone", `0812${String(10_000_000 + a.id * 10 + i)}`);
    await expect(requestCode(db(), deps(limits), a.id, "phone", "081299998888")).rejects.toMatchObject({ messageKey: "channels.contact.tooMany", status: 429 });
    for (let i = 0; i < 15; i++) await expect(confirmCode(db(), deps(limits), a.id, "phone", "999999")).rejects.toThrow();
    await expect(confirmCode(db(), deps(limits), a.id, "phone", "999999")).rejects.toMatchObject({ messageKey: "channels.contact.tooMany" });
  });
});
