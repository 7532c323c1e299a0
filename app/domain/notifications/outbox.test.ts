// The outbox and its worker against a real (SQLite) database, without HTTP: one row
// per recipient and channel, idempotent causes, consent and opt-out, leases that
// two workers never share, retries with backoff, dead letters, digests, SMS fallback.
import { beforeEach, describe, expect, it } from "vitest";
import type { Mail } from "./mailer.server";
import { claimDue, enqueue, recordConsent, retryMessage } from "./outbox.server";
import { ProviderError } from "./providers.server";
import { createOutboxWorker } from "./worker.server";
import type { Db } from "~/db/client.server";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const database = withTempDatabase("balai-outbox-");
const db = () => database().db;
let n = 0;
const user = (data: { email?: string | null; phone?: string | null; locale?: string } = {}) =>
  db().user.create({
    data: {
      name: `Warga ${++n}`,
      email: data.email === undefined ? `w${n}.${Date.now()}@uji.test` : data.email,
      phone: data.phone ?? null,
      locale: data.locale ?? "id",
      passwordHash: "x",
    },
  });
const message = (key: string) => ({
  template: "aspirations.notify.received" as const,
  params: { code: "ABCD-2345", title: "Lampu padam" },
  link: "/aspirations/ABCD-2345",
  key,
});

beforeEach(async () => {
  await db().outboxMessage.deleteMany({});
});

describe("enqueue", () => {
  it("writes the in-app notification at once and one pending row per outside channel; the same cause twice adds nothing", async () => {
    const a = await user({ phone: `+62812${Date.now() % 1e8}` });
    const key = `test:${a.id}`;
    await db().$transaction(async (tx) => {
      expect(await enqueue(tx as Db, [{ userId: a.id }], message(key))).toBe(3);
    });
    expect(await enqueue(db(), [{ userId: a.id }], message(key))).toBe(0);
    const rows = await db().outboxMessage.findMany({ where: { recipientRef: `user:${a.id}` }, orderBy: { channel: "asc" } });
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ["email", "pending"],
      ["inapp", "sent"],
      ["whatsapp", "pending"],
    ]);
    expect(await db().notification.count({ where: { userId: a.id } })).toBe(1);
    // no contact is stored in the outbox
    expect(JSON.stringify(rows)).not.toContain(a.email!);
  });

  it("is undone with the change: a transaction that fails leaves no message", async () => {
    const a = await user();
    await expect(
      db().$transaction(async (tx) => {
        await enqueue(tx as Db, [{ userId: a.id }], message(`rollback:${a.id}`));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db().outboxMessage.count({ where: { recipientRef: `user:${a.id}` } })).toBe(0);
    expect(await db().notification.count({ where: { userId: a.id } })).toBe(0);
  });

  it("writes to a guest only with consent on file, never after an opt-out, and follows preferences", async () => {
    const contact = `tamu.${Date.now()}@contoh.id`;
    expect(await enqueue(db(), [{ contact }], message("noconsent"))).toBe(0);
    expect(await enqueue(db(), [{ contact, purpose: "events.rsvp", locale: "en" }], message("consent"))).toBe(1);
    const point = await db().contactPoint.findUniqueOrThrow({ where: { value: contact } });
    expect(point).toMatchObject({ consentPurpose: "events.rsvp", locale: "en" });
    await db().contactPoint.update({ where: { id: point.id }, data: { optedOutAt: new Date() } });
    expect(await enqueue(db(), [{ contact, purpose: "events.rsvp" }], message("after-stop"))).toBe(0);

    const b = await user();
    await db().notificationPreference.create({ data: { userId: b.id, email: false } });
    expect(await enqueue(db(), [{ userId: b.id }], message(`prefs:${b.id}`))).toBe(1); // in the app only
  });
});

describe("the worker", () => {
  const quiet = () => undefined;

  it("delivers in the recipient's language, once, and records it", async () => {
    const mails: Mail[] = [];
    const a = await user({ locale: "en" });
    await enqueue(db(), [{ userId: a.id }], message(`lang:${a.id}`));
    const worker = createOutboxWorker({ db: db(), mail: { deliver: async (m) => (mails.push(m), { id: "x" }) }, publicUrl: "https://balai.test", log: quiet });
    expect(await worker.drain()).toBe(1);
    expect(await worker.drain()).toBe(0);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: a.email, subject: "Balai: Aspiration ABCD-2345 received" });
    expect(mails[0].text).toContain("https://balai.test/aspirations/ABCD-2345");
    expect(mails[0].messageId).toBe(`<lang:${a.id}:user:${a.id}:email@balai>`);
  });

  it("never lets two workers claim the same message", async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => user()));
    await enqueue(
      db(),
      people.map((p) => ({ userId: p.id })),
      message("race"),
    );
    const [one, two] = await Promise.all([claimDue(db(), "one", 8, 60_000), claimDue(db(), "two", 8, 60_000)]);
    const ids = [...one, ...two].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    // a third worker gets what is left, and nothing the others hold
    const three = await claimDue(db(), "three", 20, 60_000);
    expect(three.length + ids.length).toBe(12);
    expect(three.some((m) => ids.includes(m.id))).toBe(false);
    expect(await claimDue(db(), "four", 20, 60_000)).toHaveLength(0);
    // a claim that is not finished is taken again once its lease has run out
    expect(await claimDue(db(), "four", 20, 60_000, new Date(Date.now() + 61_000))).toHaveLength(12);
  });

  it("retries with backoff, gives up as dead after the last attempt, and an admin retry sends it", async () => {
    const a = await user();
    await enqueue(db(), [{ userId: a.id }], message(`retry:${a.id}`));
    let clock = Date.now();
    let fail = true;
    const sent: Mail[] = [];
    const worker = createOutboxWorker({
      db: db(),
      mail: {
        deliver: async (m) => {
          if (fail) throw new Error(`451 try again later for ${m.to}`);
          sent.push(m);
          return {};
        },
      },
      maxAttempts: 3,
      retryBaseMs: 1000,
      now: () => new Date(clock),
      log: quiet,
    });
    const row = () => db().outboxMessage.findFirstOrThrow({ where: { recipientRef: `user:${a.id}`, channel: "email" } });
    await worker.runOnce();
    expect(await row()).toMatchObject({ status: "failed", attempts: 1 });
    expect((await row()).lastError).toContain("451");
    expect(await worker.runOnce()).toBe(0); // not yet due
    clock += 1300;
    await worker.runOnce();
    expect(await row()).toMatchObject({ status: "failed", attempts: 2 });
    clock += 2600;
    await worker.runOnce();
    expect(await row()).toMatchObject({ status: "dead", attempts: 3 });
    clock += 3600_000;
    expect(await worker.runOnce()).toBe(0); // dead stays dead
    await retryMessage(db(), (await row()).id, new Date(clock));
    fail = false;
    await worker.runOnce();
    expect(await row()).toMatchObject({ status: "sent" });
    expect(sent).toHaveLength(1);
  });

  it("marks a permanent refusal dead at once", async () => {
    const a = await user();
    await enqueue(db(), [{ userId: a.id }], message(`perm:${a.id}`));
    const worker = createOutboxWorker({
      db: db(),
      mail: {
        deliver: async () => {
          throw new ProviderError("550 no such mailbox", true);
        },
      },
      log: quiet,
    });
    await worker.runOnce();
    expect(await db().outboxMessage.findFirstOrThrow({ where: { recipientRef: `user:${a.id}`, channel: "email" } })).toMatchObject({
      status: "dead",
      attempts: 1,
    });
  });

  it("sends a phone's message by SMS when WhatsApp is not set up (the log without a gateway), never with the number in the log", async () => {
    const phone = `+62813${String(Date.now() % 1e8).padStart(8, "0")}`;
    await recordConsent(db(), phone, "events.rsvp");
    await enqueue(db(), [{ contact: phone }], message(`sms:${phone}`));
    const lines: string[] = [];
    const worker = createOutboxWorker({ db: db(), mail: { deliver: async () => ({}) }, log: (l) => lines.push(l) });
    await worker.drain();
    const rows = await db().outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `sms:${phone}` } } });
    expect(rows.map((r) => [r.channel, r.status])).toEqual([["sms", "sent"]]);
    expect(lines.join("\n")).toContain("[sms] to=#");
    expect(lines.join("\n")).not.toContain(phone);
    expect(lines.join("\n")).not.toContain(phone.slice(1));
  });

  it("gathers a day's messages of a digest reader into one e-mail", async () => {
    const a = await user();
    await db().notificationPreference.create({ data: { userId: a.id, delivery: "daily" } });
    const today = new Date("2026-12-01T03:00:00Z");
    await enqueue(db(), [{ userId: a.id }], message(`d1:${a.id}`), today);
    await enqueue(db(), [{ userId: a.id }], { ...message(`d2:${a.id}`), params: { code: "WXYZ-6789", title: "Got mampet" } }, today);
    const mails: Mail[] = [];
    let clock = today.getTime();
    const worker = createOutboxWorker({ db: db(), mail: { deliver: async (m) => (mails.push(m), {}) }, now: () => new Date(clock), log: quiet });
    await worker.drain();
    expect(mails).toHaveLength(0); // not before 07:00 WIB
    clock = new Date("2026-12-02T00:00:01Z").getTime();
    await worker.drain();
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Ringkasan harian Balai: 2 pemberitahuan");
    expect(mails[0].text).toContain("ABCD-2345");
    expect(mails[0].text).toContain("WXYZ-6789");
    expect(await db().outboxMessage.count({ where: { recipientRef: `user:${a.id}`, channel: "email", status: "sent" } })).toBe(2);
  });
});
