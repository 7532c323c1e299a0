// Events over real HTTP: public pages, resident and guest RSVPs with the waitlist,
// simultaneous RSVPs for the last seats, the staff life cycle, check-in and CSV,
// photos, and the calendar feeds parsed with an independent parser (ical.js).
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "~/realtime/contract";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatRange } from "~/components/events";
import { openDatabase, type Database } from "~/db/client.server";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let database: Database;
// uploaded photos go here, not into the project's ./data
const dataDir = mkdtempSync(path.join(os.tmpdir(), "balai-events-data-"));

beforeAll(async () => {
  // many RSVPs from one IP in the concurrency test: lift the per-IP write limit
  server = await startServer({ env: { RATE_LIMIT_WRITES: "2000", DATA_DIR: dataDir } });
  database = await openDatabase(server.databaseUrl);
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const db = () => database.db;
const eventByTitle = (part: string) => db().event.findFirstOrThrow({ where: { title: { contains: part } }, orderBy: { startsAt: "asc" } });
const decode = (html: string) => html.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'");
let phoneSeq = 10_000_000;
const phone = () => `0857${phoneSeq++}`;

function parseFeed(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      start: e.startDate.toJSDate(),
      end: e.endDate.toJSDate(),
      summary: e.summary,
      location: e.location,
      sequence: Number(v.getFirstPropertyValue("sequence")),
      status: String(v.getFirstPropertyValue("status")),
      url: String(v.getFirstPropertyValue("url")),
      geo: v.getFirstPropertyValue("geo") as unknown as number[] | null,
    };
  });
}

async function newEvent(staff: Client, fields: Record<string, string>) {
  const date = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const res = await staff.post("/events/new", {
    kind: "dialogue",
    title: `Ngopi Dursa uji ${Math.random().toString(36).slice(2, 7)}`,
    date,
    startTime: "09:00",
    endTime: "11:00",
    venueName: "Aula Kecamatan",
    venueAddress: "Jl. Raya Bekasi Timur No. 1",
    registrationOpen: "on",
    ...fields,
  });
  expect(res.status).toBe(302);
  const id = Number(res.headers.get("location")!.match(/\/events\/(\d+)\/edit/)![1]);
  return id;
}

async function publish(staff: Client, id: number, wholeSeries = false) {
  const res = await staff.post(`/events/${id}/edit`, { intent: "publish", ...(wholeSeries ? { wholeSeries: "on" } : {}) });
  expect(res.status).toBe(302);
}

describe("public pages", () => {
  it("lists upcoming events, the month calendar and past events with summaries, in both languages", async () => {
    const c = new Client(server.url);
    const list = await c.page("/events");
    expect(list.status).toBe(200);
    expect(list.html).toContain("Kegiatan mendatang");
    expect(list.html).toContain("Ngopi Dursa: Izin usaha mikro lewat OSS");
    expect(list.html).not.toContain("Dursa Vaganza di Lapangan Klender (draf)");
    expect(list.html).toMatch(/Sisa \d+ kursi dari 40/);

    const en = await c.page("/events?lang=en");
    expect(en.html).toContain("Upcoming events");
    expect(en.html).toContain('href="/events"');
    await c.page("/events?lang=id");

    const oss = await eventByTitle("OSS");
    const month = oss.startsAt.toISOString().slice(0, 7);
    const cal = await c.page(`/events?view=calendar&month=${month}`);
    expect(cal.html).toContain(`href="/events/${oss.id}"`);
    expect(cal.html).toContain("<table");

    const past = await c.page("/events?view=past");
    expect(past.html).toContain("Banjir dan saluran air");
    expect(past.html).toContain("Hadir: 41 orang");
  });

  it("filters by kind, kelurahan and accessibility with plain GET parameters", async () => {
    const c = new Client(server.url);
    const fairs = await c.page("/events?kind=fair");
    expect(fairs.html).toContain("Dursa Vaganza di Taman Pondok Bambu");
    expect(fairs.html).not.toContain("Izin usaha mikro lewat OSS");
    const klender = await db().area.findFirstOrThrow({ where: { name: "Klender", level: "kelurahan" } });
    const byKel = await c.page(`/events?kelurahan=${klender.id}`);
    expect(byKel.html).toContain("Pengelolaan sampah di Klender");
    expect(byKel.html).not.toContain("Izin usaha mikro lewat OSS");
    const sign = await c.page("/events?view=past&access=sign_language");
    expect(sign.html).toContain("Banjir dan saluran air");
    expect(sign.html).not.toContain("KTP-el dan KIA");
  });

  it("shows one event: seats, directions, calendar links, share link and the links to other areas", async () => {
    const c = new Client(server.url);
    const oss = await eventByTitle("OSS");
    const { html, status } = await c.page(`/events/${oss.id}`);
    expect(status).toBe(200);
    expect(html).toContain(formatRange(oss.startsAt, oss.endsAt, "id"));
    expect(html).toContain("openstreetmap.org/?mlat=-6.2275&amp;mlon=106.9136");
    expect(html).toContain(`/events/${oss.id}/calendar.ics`);
    expect(html).toContain("calendar.google.com/calendar/render");
    expect(html).toContain("https://wa.me/?text=");
    expect(html).toContain(`/events/${oss.id}/discussion`);
    expect(html).toContain(`/events/${oss.id}/qa`);
    expect(html).toContain(`/aspirations/new?event=${oss.id}`);
    expect(html).toContain("<strong>Bawa KTP-el dan ponsel</strong>");
    expect(html).toContain("Akses kursi roda");

    const draft = await eventByTitle("(draf)");
    expect((await c.page(`/events/${draft.id}`)).status).toBe(404);
    expect((await c.page("/events/999999")).status).toBe(404);
    const mod = new Client(server.url);
    await mod.login("moderator@balai.test");
    expect((await mod.page(`/events/${draft.id}`)).html).toContain("Ini masih draf");
  });

  it("shows the closed event's summary and what came out of it (questions and aspirations)", async () => {
    const past = await eventByTitle("KTP-el dan KIA");
    const session = await db().qaSession.create({ data: { eventId: past.id, code: `EVT${Date.now() % 100000}` } });
    const participant = await db().qaParticipant.create({ data: { id: `p-${Date.now()}` } });
    await db().qaQuestion.create({ data: { sessionId: session.id, participantId: participant.id, text: "Apakah KIA bisa diurus di RW?", status: "answered", answerText: "Bisa, lewat layanan keliling." } });
    await db().aspiration.create({ data: { code: `ASP-${Date.now() % 100000}`, title: "Layanan keliling adminduk di RW", description: "Usulan warga", channel: "event", sourceEventId: past.id } });
    const { html } = await new Client(server.url).page(`/events/${past.id}`);
    expect(html).toContain("Ringkasan kegiatan");
    expect(html).toContain("Hadir: 34 orang");
    expect(html).toContain("Apakah KIA bisa diurus di RW?");
    expect(html).toContain("Bisa, lewat layanan keliling.");
    expect(html).toContain("Layanan keliling adminduk di RW");
  });
});

describe("RSVP", () => {
  it("a signed-in resident registers in one step, sees the code, and cancels", async () => {
    const staff = new Client(server.url);
    await staff.login("moderator@balai.test");
    const id = await newEvent(staff, { capacity: "5" });
    await publish(staff, id);
    const c = new Client(server.url);
    await c.login("warga@balai.test");
    const res = await c.post(`/events/${id}`, { intent: "rsvp" });
    expect(res.status).toBe(302);
    const page = await c.page(`/events/${id}`);
    const code = page.html.match(/kode pribadi: ([A-Z0-9]{4}-[A-Z0-9]{4})/i)![1];
    expect(page.html).toContain("Anda terdaftar");
    expect(page.html).toContain(`/rsvp/${code}`);
    expect(page.html).toContain("Sisa 4 kursi dari 5");
    // no double registration
    const again = await c.post(`/events/${id}`, { intent: "rsvp" });
    expect(again.status).toBe(400);
    expect(decode(await again.text())).toContain("Anda sudah terdaftar untuk kegiatan ini.");
    // cancel
    expect((await c.post(`/events/${id}`, { intent: "cancel" })).status).toBe(302);
    expect((await c.page(`/events/${id}`)).html).toContain("Pendaftaran Anda dibatalkan.");
    expect((await db().rsvp.findUniqueOrThrow({ where: { code } })).status).toBe("cancelled");
  });

  it("a guest registers with a name and phone, gets a personal code page with a QR image, and cancels from it", async () => {
    const oss = await eventByTitle("OSS");
    const c = new Client(server.url);
    const bad = await c.post(`/events/${oss.id}`, { intent: "guest", name: "Bu Ani", contact: "12345" });
    expect(bad.status).toBe(400);
    const badHtml = decode(await bad.text());
    expect(badHtml).toContain("Tulis nomor HP Indonesia");
    expect(badHtml).toContain('value="Bu Ani"');

    const contact = phone();
    const res = await c.post(`/events/${oss.id}`, { intent: "guest", name: "Bu Ani", contact });
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    const code = location.match(/\/rsvp\/([A-Z0-9-]+)/)![1];
    const page = await c.page(location);
    expect(page.html).toContain(code);
    expect(page.html).toContain("Terdaftar: kursi Anda tersedia.");
    expect(page.html).toContain(`/rsvp/${code}/qr.svg`);
    const qr = await fetch(`${server.url}/rsvp/${code}/qr.svg`);
    expect(qr.headers.get("content-type")).toContain("image/svg+xml");
    expect(await qr.text()).toContain("<svg");

    const twice = await new Client(server.url).post(`/events/${oss.id}`, { intent: "guest", name: "Ani", contact: contact.replace(/^0/, "+62") });
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain("sudah terdaftar");

    expect((await c.post(`/rsvp/${code}`, { intent: "cancel" })).status).toBe(302);
    expect((await c.page(`/rsvp/${code}`)).html).toContain("Pendaftaran Anda dibatalkan.");
    expect((await new Client(server.url).page("/rsvp/AAAA-AAAA")).status).toBe(404);
  });

  it("the first on the waitlist is promoted and told when someone cancels", async () => {
    const full = await eventByTitle("JAKI untuk lansia");
    const waitingBefore = await db().rsvp.findMany({ where: { eventId: full.id, status: "waitlisted" }, orderBy: { createdAt: "asc" } });
    expect(waitingBefore.length).toBeGreaterThan(0);
    const c = new Client(server.url);
    await c.login("warga@balai.test");
    const res = await c.post(`/events/${full.id}`, { intent: "rsvp" });
    expect(res.status).toBe(302);
    expect((await c.page(`/events/${full.id}`)).html).toMatch(/daftar tunggu, urutan ke-\d+/);
    const confirmed = await db().rsvp.findFirstOrThrow({ where: { eventId: full.id, status: "confirmed", userId: null } });
    expect((await new Client(server.url).post(`/rsvp/${confirmed.code}`, { intent: "cancel" })).status).toBe(302);
    const promoted = await db().rsvp.findUniqueOrThrow({ where: { id: waitingBefore[0].id } });
    expect(promoted.status).toBe("confirmed");
    expect(promoted.promotedAt).not.toBeNull();
    if (promoted.guestContact?.includes("@")) expect(server.output()).toContain(`to=${promoted.guestContact}`);
  });

  it("never exceeds the capacity under many simultaneous RSVPs for the last seats", async () => {
    const staff = new Client(server.url);
    await staff.login("moderator@balai.test");
    const id = await newEvent(staff, { capacity: "4" });
    await publish(staff, id);
    // one seat already taken
    await new Client(server.url).post(`/events/${id}`, { intent: "guest", name: "Tamu awal", contact: phone() });

    const guests = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const c = new Client(server.url);
        const csrf = c.csrf((await c.page(`/events/${id}`)).html);
        return { c, csrf, i };
      }),
    );
    const residents = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const c = new Client(server.url);
        await c.post("/signup", { name: `Warga serentak ${i}`, identifier: `serentak${i}.${id}@contoh.id`, password: "kopi-susu-hangat" }, { fromPage: "/signup" });
        const csrf = c.csrf((await c.page(`/events/${id}`)).html);
        return { c, csrf };
      }),
    );
    const responses = await Promise.all([
      ...guests.map(({ c, csrf, i }) => c.post(`/events/${id}`, { intent: "guest", name: `Tamu ${i}`, contact: phone() }, { csrf })),
      ...residents.map(({ c, csrf }) => c.post(`/events/${id}`, { intent: "rsvp" }, { csrf })),
    ]);
    expect(responses.map((r) => r.status).every((s) => s === 302)).toBe(true);
    const confirmed = await db().rsvp.count({ where: { eventId: id, status: "confirmed" } });
    const waitlisted = await db().rsvp.count({ where: { eventId: id, status: "waitlisted" } });
    expect(confirmed).toBe(4);
    expect(waitlisted).toBe(32);
    // the page agrees
    expect((await new Client(server.url).page(`/events/${id}`)).html).toContain("32 orang di daftar tunggu");
  });
});

describe("staff", () => {
  it("sends signed-out visitors to log in and gives residents a friendly 403", async () => {
    const anon = new Client(server.url);
    const res = await anon.get("/events/new");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/login?redirectTo=%2Fevents%2Fnew");
    const resident = new Client(server.url);
    await resident.login("warga@balai.test");
    expect((await resident.page("/events/new")).status).toBe(403);
    const oss = await eventByTitle("OSS");
    expect((await resident.page(`/events/${oss.id}/attendees`)).status).toBe(403);
    expect((await resident.get(`/events/${oss.id}/attendees.csv`)).status).toBe(403);
    const post = await resident.post(`/events/${oss.id}/attendees`, { intent: "code", code: "AAAA-AAAA" }, { fromPage: `/events/${oss.id}` });
    expect(post.status).toBe(403);
  });

  it("validates the event form with errors next to the fields and the typed values kept", async () => {
    const staff = new Client(server.url);
    await staff.login("moderator@balai.test");
    const res = await staff.post("/events/new", { kind: "dialogue", title: "Uji jam", date: "2026-12-05", startTime: "11:00", endTime: "09:00", venueName: "", venueAddress: "Jl. Uji" });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain("Jam selesai harus sesudah jam mulai.");
    expect(html).toContain('id="f-venueName-error"');
    expect(html).toContain('value="Uji jam"');
  });

  it("creates a monthly series, publishes it, moves one session, cancels another with a reason, closes one with minutes", async () => {
    const staff = new Client(server.url);
    await staff.login("moderator@balai.test");
    const first = new Date(Date.now() + 2 * 86_400_000);
    const id = await newEvent(staff, {
      date: first.toISOString().slice(0, 10),
      repeat: "monthly",
      occurrences: "3",
      capacity: "20",
      accessibility: "wheelchair",
      agenda: "Kabar kelurahan\nUsulan warga",
      officials: "Lurah Duren Sawit — Lurah",
      latitude: "-6.23",
      longitude: "106.91",
    });
    const edit = await staff.page(`/events/${id}/edit`);
    expect(edit.html).toContain("3 pertemuan disimpan sebagai draf.");
    expect(edit.html).toContain("Terbitkan juga 2 draf lain");
    await publish(staff, id, true);
    const series = await db().event.findMany({ where: { seriesId: (await db().event.findUniqueOrThrow({ where: { id } })).seriesId }, orderBy: { startsAt: "asc" } });
    expect(series.map((e) => e.status)).toEqual(["published", "published", "published"]);
    const page = await new Client(server.url).page(`/events/${series[1].id}`);
    expect(page.html).toMatch(/Setiap hari (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) (pertama|kedua|ketiga|keempat|terakhir) tiap bulan, 09\.00–11\.00 WIB/);
    expect(page.html).toContain("Lurah Duren Sawit");

    // a resident and a guest register for the second session
    const resident = new Client(server.url);
    await resident.login("warga@balai.test");
    await resident.post(`/events/${series[1].id}`, { intent: "rsvp" });
    await new Client(server.url).post(`/events/${series[1].id}`, { intent: "guest", name: "Pak Guest", contact: "pak.guest@contoh.id" });

    // move the third session by an hour: only it changes, and its SEQUENCE goes up
    const before = parseFeed(await (await fetch(`${server.url}/events/${series[2].id}/calendar.ics`)).text())[0];
    const values = await staff.page(`/events/${series[2].id}/edit`);
    const date = values.html.match(/name="date"[^>]*value="([^"]+)"/)![1];
    const save = await staff.post(`/events/${series[2].id}/edit`, {
      intent: "save", kind: "dialogue", title: series[2].title, date, startTime: "10:00", endTime: "12:00",
      venueName: "Aula Kecamatan", venueAddress: "Jl. Raya Bekasi Timur No. 1", registrationOpen: "on", capacity: "20",
    });
    expect(save.status).toBe(302);
    const after = parseFeed(await (await fetch(`${server.url}/events/${series[2].id}/calendar.ics`)).text())[0];
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.start.getTime() - before.start.getTime()).toBe(3_600_000);
    const untouched = await db().event.findUniqueOrThrow({ where: { id: series[0].id } });
    expect(untouched.startsAt).toEqual(series[0].startsAt);

    // cancel the second session: everyone registered is told the reason
    const cancelBad = await staff.post(`/events/${series[1].id}/edit`, { intent: "cancel", reason: "abc" });
    expect(cancelBad.status).toBe(400);
    expect(decode(await cancelBad.text())).toContain("Tulis alasan pembatalan");
    expect((await staff.post(`/events/${series[1].id}/edit`, { intent: "cancel", reason: "Aula dipakai posko banjir" })).status).toBe(302);
    const warga = await db().user.findUniqueOrThrow({ where: { email: "warga@balai.test" } });
    const note = await db().notification.findFirstOrThrow({ where: { userId: warga.id, messageKey: "events.notify.cancelled" }, orderBy: { id: "desc" } });
    expect(note.params).toContain("Aula dipakai posko banjir");
    expect(server.output()).toContain("to=pak.guest@contoh.id");
    const notifications = await resident.page("/notifications");
    expect(notifications.html).toContain("Aula dipakai posko banjir");
    const cancelledPage = await new Client(server.url).page(`/events/${series[1].id}`);
    expect(cancelledPage.html).toContain("Kegiatan ini dibatalkan. Alasan: Aula dipakai posko banjir");

    // closing before it started is refused; the seeded past-but-open event can be closed
    const early = await staff.post(`/events/${series[0].id}/edit`, { intent: "close", summary: "Ringkasan terlalu dini untuk ditulis." });
    expect(early.status).toBe(400);
  });

  it("closes an event that took place with a public summary", async () => {
    const staff = new Client(server.url);
    await staff.login("moderator@balai.test");
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const id = await newEvent(staff, { date: today, startTime: "00:00", endTime: "23:59" });
    await publish(staff, id);
    const res = await staff.post(`/events/${id}/edit`, { intent: "close", summary: "Hadir 12 warga. Dibahas **jadwal posyandu**.", attendanceCount: "12" });
    expect(res.status).toBe(302);
    const page = await new Client(server.url).page(`/events/${id}`);
    expect(page.html).toContain("Hadir: 12 orang");
    expect(page.html).toContain("<strong>jadwal posyandu</strong>");
    expect(page.html).not.toContain('name="intent" value="rsvp"');
    const audit = await db().auditLog.findFirst({ where: { action: "event.close", targetId: String(id) } });
    expect(audit).not.toBeNull();
  });

  it("checks people in by code, by search, and as walk-ins, and exports the list as CSV", async () => {
    const staff = new Client(server.url);
    await staff.login("moderator@balai.test");
    const oss = await eventByTitle("OSS");
    const rsvp = await db().rsvp.findFirstOrThrow({ where: { eventId: oss.id, status: "confirmed", guestName: { not: null }, checkedInAt: null } });
    // the QR code's address opens the page with the code filled in
    const scanned = await staff.page(`/events/${oss.id}/attendees?code=${rsvp.code}`);
    expect(scanned.html).toContain(`value="${rsvp.code}"`);
    expect(scanned.html).toContain(rsvp.guestName!);
    const res = await staff.post(`/events/${oss.id}/attendees`, { intent: "code", code: rsvp.code.replace("-", "").toLowerCase() });
    expect(res.status).toBe(302);
    expect((await staff.page(res.headers.get("location")!)).html).toContain(`${rsvp.guestName} tercatat hadir.`);
    const unknown = await staff.post(`/events/${oss.id}/attendees`, { intent: "code", code: "ZZZZ-ZZZZ" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Kode ini tidak terdaftar");

    const search = await staff.page(`/events/${oss.id}/attendees?q=Siti`);
    expect(search.html).toContain("Siti Aminah");
    const warga = await db().rsvp.findFirstOrThrow({ where: { eventId: oss.id, user: { email: "warga@balai.test" } } });
    expect((await staff.post(`/events/${oss.id}/attendees`, { intent: "checkin", rsvpId: String(warga.id) })).status).toBe(302);
    expect((await staff.post(`/events/${oss.id}/attendees`, { intent: "walkin", name: "Mbah Karto", contact: "" })).status).toBe(302);
    const walkIn = await db().rsvp.findFirstOrThrow({ where: { eventId: oss.id, guestName: "Mbah Karto" } });
    expect(walkIn).toMatchObject({ walkIn: true, status: "confirmed" });
    expect(walkIn.checkedInAt).not.toBeNull();

    const csv = await staff.get(`/events/${oss.id}/attendees.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toContain('"Nama","Kontak","Kode","Status"');
    expect(text).toContain('"Mbah Karto"');
    expect(text).toContain(`"${rsvp.code}"`);
    expect(text).toContain(`"'+62`); // formulas neutralised
  });
});

describe("photos", () => {
  async function upload(staff: Client, id: number, file: Blob, filename: string, alt: string) {
    const page = await staff.page(`/events/${id}/edit`);
    const form = new FormData();
    form.set("csrf", staff.csrf(page.html));
    form.set("intent", "upload");
    form.set("alt", alt);
    form.set("photo", file, filename);
    return fetch(`${server.url}/events/${id}/photos`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: [...staff.cookies].map(([k, v]) => `${k}=${v}`).join("; "), Origin: server.url },
      body: form,
    });
  }

  it("uploads a photo with alt text, shows it on the event page and serves resized variants", async () => {
    const staff = new Client(server.url);
    await staff.login("moderator@balai.test");
    const oss = await eventByTitle("OSS");
    const jpeg = await sharp({ create: { width: 1000, height: 700, channels: 3, background: "#8a3b00" } }).jpeg().toBuffer();

    const noAlt = await upload(staff, oss.id, new Blob([jpeg], { type: "image/jpeg" }), "a.jpg", "");
    expect(noAlt.status).toBe(400);
    expect(await noAlt.text()).toContain("Tulis keterangan foto");
    const gif = await upload(staff, oss.id, new Blob([await sharp(jpeg).gif().toBuffer()], { type: "image/gif" }), "a.gif", "Suasana ruang");
    expect(gif.status).toBe(415);
    expect(await gif.text()).toContain("Jenis berkas tidak didukung");
    const big = await upload(staff, oss.id, new Blob([jpeg, new Uint8Array(5 * 1024 * 1024)], { type: "image/jpeg" }), "big.jpg", "Terlalu besar");
    expect(big.status).toBe(413);

    const ok = await upload(staff, oss.id, new Blob([jpeg], { type: "image/jpeg" }), "a.jpg", "Warga mencoba mendaftar NIB di laptop petugas");
    expect(ok.status).toBe(302);
    const page = await new Client(server.url).page(`/events/${oss.id}`);
    expect(page.html).toContain('alt="Warga mencoba mendaftar NIB di laptop petugas"');
    const src = page.html.match(/src="(\/images\/[a-f0-9]+\.jpg\/medium)"/)![1];
    const variant = await fetch(server.url + src);
    expect(variant.status).toBe(200);
    expect(variant.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(Buffer.from(await variant.arrayBuffer())).metadata();
    expect(meta.width).toBe(800);
    expect(readdirSync(path.join(dataDir, "uploads")).some((f) => f.endsWith(".jpg"))).toBe(true);
    expect(existsSync(path.join(dataDir, "uploads", "variants"))).toBe(true);
    expect((await fetch(`${server.url}/images/${"0".repeat(32)}.jpg/medium`)).status).toBe(404);
    expect((await fetch(`${server.url}${src.replace("medium", "huge")}`)).status).toBe(404);
  });
});

describe("calendar feeds", () => {
  it("the public feed: stable UIDs, times that match the event pages, LOCATION, GEO, URL, STATUS:CANCELLED", async () => {
    const res = await fetch(`${server.url}/calendar.ics`);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const events = parseFeed(await res.text());
    expect(events.length).toBeGreaterThan(5);
    const c = new Client(server.url);
    for (const e of events) {
      const id = Number(e.uid.match(/^event-(\d+)@balai\.duren-sawit$/)![1]);
      expect(e.url).toBe(`${server.url}/events/${id}`);
      const page = await c.page(`/events/${id}`);
      expect(page.status).toBe(200);
      // every time in the feed is what the event page shows (WIB)
      expect(page.html).toContain(formatRange(e.start, e.end, "id"));
      const row = await db().event.findUniqueOrThrow({ where: { id } });
      expect(e.start.getTime()).toBe(row.startsAt.getTime());
      expect(e.end.getTime()).toBe(row.endsAt.getTime());
      expect(e.sequence).toBe(row.sequence);
      expect(e.location).toContain(row.venueName);
      expect(e.status).toBe(row.status === "cancelled" ? "CANCELLED" : "CONFIRMED");
      if (row.latitude !== null) expect(e.geo).toEqual([row.latitude, row.longitude]);
      expect(row.status).not.toBe("draft");
    }
    expect(events.some((e) => e.status === "CANCELLED")).toBe(true);
    // the UID of an event is the same in every feed
    const oss = await eventByTitle("OSS");
    const single = parseFeed(await (await fetch(`${server.url}/events/${oss.id}/calendar.ics`)).text());
    expect(single).toHaveLength(1);
    expect(events.find((e) => e.uid === single[0].uid)?.start).toEqual(single[0].start);
    const draft = await eventByTitle("(draf)");
    expect((await fetch(`${server.url}/events/${draft.id}/calendar.ics`)).status).toBe(404);
  });

  it("takes the same filters as /events", async () => {
    const fairs = parseFeed(await (await fetch(`${server.url}/calendar.ics?kind=fair`)).text());
    expect(fairs.length).toBeGreaterThan(0);
    for (const e of fairs) {
      const id = Number(e.uid.match(/event-(\d+)@/)![1]);
      expect((await db().event.findUniqueOrThrow({ where: { id } })).kind).toBe("fair");
    }
    const list = await new Client(server.url).page("/events?kind=fair");
    expect(list.html).toContain("/calendar.ics?kind=fair");
  });

  it("the private feed: a secret URL with the person's events, revocable", async () => {
    const c = new Client(server.url);
    await c.login("warga@balai.test");
    expect((await c.post("/account/calendar", { intent: "rotate" })).status).toBe(302);
    const page = await c.page("/account/calendar");
    const url = page.html.match(/value="(http[^"]+\/calendar\/[A-Za-z0-9_-]{43}\/events\.ics)"/)![1];
    const feed = parseFeed(await (await fetch(url)).text());
    const warga = await db().user.findUniqueOrThrow({ where: { email: "warga@balai.test" } });
    const mine = await db().rsvp.findMany({ where: { userId: warga.id, status: { in: ["confirmed", "waitlisted"] } } });
    expect(feed.map((e) => e.uid).sort()).toEqual(mine.map((r) => `event-${r.eventId}@balai.duren-sawit`).sort());
    expect(feed.length).toBeGreaterThan(0);
    // rotating: the old address stops working, the new one works
    await c.post("/account/calendar", { intent: "rotate" });
    expect((await fetch(url)).status).toBe(404);
    const fresh = (await c.page("/account/calendar")).html.match(/value="(http[^"]+\/events\.ics)"/)![1];
    expect((await fetch(fresh)).status).toBe(200);
    await c.post("/account/calendar", { intent: "revoke" });
    expect((await fetch(fresh)).status).toBe(404);
    expect((await fetch(`${server.url}/calendar/not-a-token/events.ics`)).status).toBe(404);
  });
});

describe("live updates", () => {
  it("a socket follows an event and hears when its seats change; drafts and bad payloads are refused", async () => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(server.url, { transports: ["websocket"], forceNew: true });
    try {
      await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
      const join = (payload: unknown) =>
        new Promise<{ data?: unknown; error?: string }>((resolve) => socket.emit("event:join", payload as { eventId: number }, (res) => resolve(res as { data?: unknown; error?: string })));
      const draft = await eventByTitle("(draf)");
      expect(await join({ eventId: draft.id })).toEqual({ error: "not_found" });
      expect(await join({ eventId: "1; DROP TABLE" })).toEqual({ error: "validation" });
      const oss = await eventByTitle("OSS");
      expect(await join({ eventId: oss.id })).toEqual({ data: { eventId: oss.id } });
      const heard = new Promise<{ eventId: number }>((resolve) => socket.on("event:changed", resolve));
      expect((await new Client(server.url).post(`/events/${oss.id}`, { intent: "guest", name: "Tamu langsung", contact: phone() })).status).toBe(302);
      expect(await heard).toEqual({ eventId: oss.id });
    } finally {
      socket.disconnect();
    }
  });
});
