// RSVP, waitlist and promotion rules against a real (SQLite) database, without HTTP.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import type { Actor } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import type { Mail, Mailer } from "~/domain/notifications/mailer.server";
import { createOutboxWorker } from "~/domain/notifications/worker.server";
import { eventFormSchema } from "./events.schema";
import { cancelEvent, closeEvent, createEvent, getEventPage, publishEvent, updateEvent } from "./events.server";
import { wibParts } from "./wib";
import { addWalkIn, cancelMyRsvp, cancelRsvpByCode, checkInByCode, rsvpAsGuest, rsvpAsUser } from "./rsvp.server";

let dir: string;
let database: Database;
const sent: Mail[] = [];
const mailer: Mailer = { send: async (m) => void sent.push(m) };
const notifier = { mailer, publicUrl: "https://balai.test" };
let moderator: Actor;
const residents: Actor[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "balai-events-"));
  const url = `file:${path.join(dir, "t.db")}`;
  await migrate(url);
  database = await openDatabase(url);
  const db = database.db;
  const mod = await db.user.create({ data: { name: "Budi", email: "mod@x.id", passwordHash: "x", role: "moderator" } });
  moderator = { id: mod.id, role: "moderator" };
  for (let i = 0; i < 6; i++) {
    const u = await db.user.create({ data: { name: `Warga ${i}`, email: `w${i}@x.id`, passwordHash: "x" } });
    residents.push({ id: u.id, role: "resident" });
  }
});

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

// mail goes through the outbox now: its worker delivers into `sent`
const outbox = () => createOutboxWorker({ db: database.db, mail: { deliver: async (m) => (sent.push(m), {}) }, log: () => undefined });

beforeEach(async () => {
  await outbox().drain();
  sent.length = 0;
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function form(overrides: Record<string, string> = {}) {
  return eventFormSchema.parse({
    kind: "dialogue",
    title: "Ngopi Dursa uji kapasitas",
    date: inDays(10),
    startTime: "09:00",
    endTime: "11:00",
    venueName: "Pendopo",
    venueAddress: "Jl. Raya Bekasi Timur No. 1",
    capacity: "2",
    registrationOpen: "on",
    ...overrides,
  });
}

async function publishedEvent(overrides: Record<string, string> = {}) {
  const { id } = await createEvent(database.db, moderator, form(overrides));
  await publishEvent(database.db, moderator, id);
  return id;
}

describe("capacity and waitlist", () => {
  it("confirms up to the capacity, then waitlists in order", async () => {
    const id = await publishedEvent();
    const [a, b, c, d] = residents;
    expect((await rsvpAsUser(database.db, a, id)).status).toBe("confirmed");
    expect((await rsvpAsUser(database.db, b, id)).status).toBe("confirmed");
    const third = await rsvpAsUser(database.db, c, id);
    expect(third).toMatchObject({ status: "waitlisted", position: 1 });
    expect(await rsvpAsUser(database.db, d, id)).toMatchObject({ status: "waitlisted", position: 2 });
    await expect(rsvpAsUser(database.db, a, id)).rejects.toMatchObject({ messageKey: "events.rsvp.already" });

    // a confirmed person cancels: the first on the waitlist moves up and is told
    const result = await cancelMyRsvp(database.db, a, id, notifier);
    expect(result.promoted).toBe(1);
    const rows = await database.db.rsvp.findMany({ where: { eventId: id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["cancelled", "confirmed", "confirmed", "waitlisted"]);
    expect(rows[2].promotedAt).not.toBeNull();
    const notes = await database.db.notification.findMany({ where: { userId: c.id } });
    expect(notes.map((n) => n.messageKey)).toEqual(["events.notify.promoted"]);
    await outbox().drain();
    expect(sent.map((m) => m.to)).toEqual(["w2@x.id"]);

    // cancelling again is refused; registering again puts them at the end of the line
    await expect(cancelMyRsvp(database.db, a, id)).rejects.toMatchObject({ messageKey: "events.rsvp.alreadyCancelled" });
    expect(await rsvpAsUser(database.db, a, id)).toMatchObject({ status: "waitlisted", position: 2 });

    // a waitlisted person cancelling frees nothing
    expect((await cancelMyRsvp(database.db, d, id)).promoted).toBe(0);
  });

  it("raising the capacity promotes from the waitlist", async () => {
    const id = await publishedEvent({ capacity: "1" });
    await rsvpAsUser(database.db, residents[0], id);
    await rsvpAsUser(database.db, residents[1], id);
    await rsvpAsGuest(database.db, id, { name: "Bu Sumarni", contact: "sumarni@contoh.id" }, notifier);
    await outbox().drain();
    expect(sent.at(-1)?.text).toContain("daftar tunggu");
    await updateEvent(database.db, moderator, id, form({ capacity: "3" }), notifier);
    const page = await getEventPage(database.db, residents[1], id);
    expect(page.confirmed).toBe(3);
    expect(page.waitlisted).toBe(0);
    expect(page.mine).toMatchObject({ status: "confirmed" });
    // the guest is told by e-mail with their code
    await outbox().drain();
    expect(sent.some((m) => m.to === "sumarni@contoh.id" && m.text.includes("Ada kursi"))).toBe(true);
  });

  it("never exceeds the capacity under simultaneous registrations", async () => {
    const id = await publishedEvent({ capacity: "3" });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => rsvpAsGuest(database.db, id, { name: `Tamu ${i}`, contact: `+62812300000${String(i).padStart(2, "0")}` })),
    );
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await database.db.rsvp.count({ where: { eventId: id, status: "confirmed" } })).toBe(3);
    expect(await database.db.rsvp.count({ where: { eventId: id, status: "waitlisted" } })).toBe(17);
  });

  it("guests cannot register twice with the same contact, and cancel with their code", async () => {
    const id = await publishedEvent({ capacity: "1" });
    const first = await rsvpAsGuest(database.db, id, { name: "Pak Darto", contact: "+6281210000002" });
    await expect(rsvpAsGuest(database.db, id, { name: "Darto", contact: "+6281210000002" })).rejects.toMatchObject({
      messageKey: "events.rsvp.alreadyGuest",
      field: "contact",
    });
    const second = await rsvpAsGuest(database.db, id, { name: "Bu Tuti", contact: "+6281210000014" });
    expect(second.status).toBe("waitlisted");
    expect((await cancelRsvpByCode(database.db, first.code)).promoted).toBe(1);
    expect((await database.db.rsvp.findUnique({ where: { code: second.code } }))?.status).toBe("confirmed");
  });
});

describe("life cycle", () => {
  it("drafts are staff-only and closed registration refuses RSVPs", async () => {
    const { id } = await createEvent(database.db, moderator, form());
    await expect(getEventPage(database.db, residents[0], id)).rejects.toMatchObject({ status: 404 });
    await expect(rsvpAsUser(database.db, residents[0], id)).rejects.toMatchObject({ status: 404 });
    await expect(createEvent(database.db, residents[0], form())).rejects.toBeInstanceOf(DomainError);
    const closed = await publishedEvent({ registrationOpen: "" });
    await expect(rsvpAsUser(database.db, residents[0], closed)).rejects.toMatchObject({ messageKey: "events.rsvp.closed" });
  });

  it("a series creates occurrences; cancelling one leaves the others and tells the registered", async () => {
    const start = new Date(Date.now() + 3 * 86_400_000);
    const { id, count } = await createEvent(database.db, moderator, form({ repeat: "weekly", occurrences: "3", date: start.toISOString().slice(0, 10) }));
    expect(count).toBe(3);
    const events = await database.db.event.findMany({ where: { seriesId: { not: null }, title: "Ngopi Dursa uji kapasitas" }, orderBy: { startsAt: "asc" } });
    expect(events).toHaveLength(3);
    expect(events[1].startsAt.getTime() - events[0].startsAt.getTime()).toBe(7 * 86_400_000);
    expect(await publishEvent(database.db, moderator, id, true)).toBe(3);
    const second = events[1].id;
    await rsvpAsUser(database.db, residents[4], second);
    await rsvpAsGuest(database.db, second, { name: "Yuli", contact: "yuli@contoh.id" });
    await outbox().drain();
    sent.length = 0;
    expect(await cancelEvent(database.db, moderator, second, "Hujan deras", notifier)).toBe(2);
    const after = await database.db.event.findMany({ where: { seriesId: events[0].seriesId }, orderBy: { startsAt: "asc" } });
    expect(after.map((e) => e.status)).toEqual(["published", "cancelled", "published"]);
    expect(after[1].sequence).toBe(events[1].sequence + 2); // publish, then cancel
    await outbox().drain();
    expect(sent.map((m) => m.to).sort()).toEqual(["w4@x.id", "yuli@contoh.id"]);
    expect(sent[0].text).toContain("Hujan deras");
  });

  it("check-in by code, walk-ins, and closing with the checked-in count", async () => {
    // today in WIB, all day (the UTC date is yesterday in WIB from 17:00 UTC on)
    const { id } = await createEvent(database.db, moderator, form({ date: wibParts(new Date()).date, startTime: "00:00", endTime: "23:59" }));
    await publishEvent(database.db, moderator, id);
    const r = await rsvpAsUser(database.db, residents[5], id);
    expect(await checkInByCode(database.db, moderator, id, r.code)).toEqual({ name: "Warga 5", already: false });
    expect(await checkInByCode(database.db, moderator, id, r.code)).toEqual({ name: "Warga 5", already: true });
    await expect(checkInByCode(database.db, moderator, id, "AAAA-BBBB")).rejects.toMatchObject({ messageKey: "events.checkin.unknownCode" });
    await expect(checkInByCode(database.db, residents[0], id, r.code)).rejects.toMatchObject({ status: 403 });
    await addWalkIn(database.db, moderator, id, { name: "Pak Haji Somad" });
    await closeEvent(database.db, moderator, id, { summary: "Hadir dua warga, dibahas banyak hal." });
    const e = await database.db.event.findUniqueOrThrow({ where: { id } });
    expect(e).toMatchObject({ status: "completed", attendanceCount: 2 });
  });
});
