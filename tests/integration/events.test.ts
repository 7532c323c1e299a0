// Events over real HTTP: public pages, resident and guest RSVPs with the waitlist,
// simultaneous RSVPs for the last seats, the staff life cycle, check-in and CSV,
// photos (with the pixel limit), ids beyond the integer range, and the calendar feeds
// parsed with an independent parser (ical.js). The server starts without demo data:
// every test builds what it needs (prisma/builders).
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import { io as connect, type Socket } from "socket.io-client";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatRange } from "~/components/events";
import { openDatabase, type Database } from "~/db/client.server";
import type { Role } from "~/domain/accounts/roles";
import { recipientTag } from "~/domain/notifications/mailer.server";
import type { ClientToServerEvents, ServerToClientEvents } from "~/realtime/contract";
import { aGuestRsvp, aKelurahan, anEvent, anRsvp, aPhoneNumber, aPng, aStaffMember, aUser, unique, wibMorning } from "../../prisma/builders";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let database: Database;
// uploaded photos go here, not into the project's ./data
const dataDir = mkdtempSync(path.join(os.tmpdir(), "balai-events-data-"));
const HUGE = "99999999999999999999";

beforeAll(async () => {
  // many RSVPs from one IP in the concurrency test: lift the per-IP write limit
  server = await startServer({ env: { RATE_LIMIT_WRITES: "2000", DATA_DIR: dataDir, BALAI_SEED: "0" } });
  database = await openDatabase(server.databaseUrl);
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const db = () => database.db;
const decode = (html: string) =>
  html
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'");
const DAY = 86_400_000;

/** A signed-in client for a new user of that role, and the user. */
async function signedIn(role: Role = "resident") {
  const user = role === "resident" ? await aUser(db()) : await aStaffMember(db(), role);
  const client = new Client(server.url);
  await client.login(user.identifier, user.password);
  return { client, user };
}
const moderator = async () => (await signedIn("moderator")).client;

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

/** An event created through the staff form (a draft), its id. */
async function newEvent(staff: Client, fields: Record<string, string>) {
  const date = new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10);
  const res = await staff.post("/events/new", {
    kind: "dialogue",
    title: `Ngopi Dursa uji ${unique()}`,
    date,
    startTime: "09:00",
    endTime: "11:00",
    venueName: "Aula Kecamatan",
    venueAddress: "Jl. Raya Bekasi Timur No. 1",
    registrationOpen: "on",
    ...fields,
  });
  expect(res.status).toBe(302);
  return Number(res.headers.get("location")!.match(/\/events\/(\d+)\/edit/)![1]);
}

async function publish(staff: Client, id: number, wholeSeries = false) {
  const res = await staff.post(`/events/${id}/edit`, { intent: "publish", ...(wholeSeries ? { wholeSeries: "on" } : {}) });
  expect(res.status).toBe(302);
}

describe("public pages", () => {
  it("lists upcoming events, the month calendar and past events with summaries, in both languages", async () => {
    const upcoming = await anEvent(db(), { capacity: 40 });
    const draft = await anEvent(db(), { status: "draft" });
    const past = await anEvent(db(), {
      status: "completed",
      startsAt: wibMorning(-10),
      summary: "Hadir banyak warga, dibahas jadwal posyandu.",
      attendanceCount: 41,
    });
    const c = new Client(server.url);
    const list = await c.page("/events");
    expect(list.status).toBe(200);
    expect(list.html).toContain("Kegiatan mendatang");
    expect(list.html).toContain(upcoming.title);
    expect(list.html).not.toContain(draft.title);
    expect(list.html).not.toContain(past.title);
    expect(list.html).toContain("Sisa 40 kursi dari 40");

    const en = await c.page("/events?lang=en");
    expect(en.html).toContain("Upcoming events");
    expect(en.html).toContain('href="/events"');
    await c.page("/events?lang=id");

    const month = upcoming.startsAt.toISOString().slice(0, 7);
    const cal = await c.page(`/events?view=calendar&month=${month}`);
    expect(cal.html).toContain(`href="/events/${upcoming.id}"`);
    expect(cal.html).toContain("<table");

    const pastList = await c.page("/events?view=past");
    expect(pastList.html).toContain(past.title);
    expect(pastList.html).toContain("Hadir: 41 orang");
  });

  it("lists an event still under way among the upcoming ones and an ended one among the past", async () => {
    const kelurahan = await aKelurahan(db());
    // whole minutes, as staff enter them (the feeds carry seconds)
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    const ongoing = await anEvent(db(), { kelurahanId: kelurahan.id, startsAt: new Date(now - 5 * 3_600_000), endsAt: new Date(now + 3_600_000) });
    const ended = await anEvent(db(), { kelurahanId: kelurahan.id, startsAt: new Date(now - 3 * 3_600_000), endsAt: new Date(now - 3_600_000) });
    const c = new Client(server.url);
    const upcoming = await c.page(`/events?kelurahan=${kelurahan.id}`);
    expect(upcoming.html).toContain(`href="/events/${ongoing.id}"`);
    expect(upcoming.html).not.toContain(`href="/events/${ended.id}"`);
    const past = await c.page(`/events?view=past&kelurahan=${kelurahan.id}`);
    expect(past.html).toContain(`href="/events/${ended.id}"`);
    expect(past.html).not.toContain(`href="/events/${ongoing.id}"`);
  });

  it("shows a month with more events than one page holds in parts, and says so", async () => {
    const kelurahan = await aKelurahan(db());
    // 2031-05 in WIB: 305 events, one every two hours from 1 May 08:00 WIB
    const first = Date.UTC(2031, 4, 1, 1);
    const ids: number[] = [];
    for (let i = 0; i < 305; i++) {
      const e = await db().event.create({
        data: {
          kind: "dialogue",
          status: "published",
          title: `Temu warga bagian ${i}`,
          startsAt: new Date(first + i * 2 * 3_600_000),
          endsAt: new Date(first + i * 2 * 3_600_000 + 3_600_000),
          venueName: "Balai Uji",
          venueAddress: "Jl. Uji",
          kelurahanId: kelurahan.id,
        },
        select: { id: true },
      });
      ids.push(e.id);
    }
    const c = new Client(server.url);
    const base = `/events?view=calendar&month=2031-05&kelurahan=${kelurahan.id}`;
    const one = await c.page(`${base}&lang=en`);
    expect(one.html).toContain("This month has 305 events, too many for one page: this is part 1 of 2");
    expect(one.html).toContain(`href="/events/${ids[299]}"`);
    expect(one.html).not.toContain(`href="/events/${ids[300]}"`);
    expect(one.html.match(/<a[^>]*part=2[^>]*>/)?.[0], one.html.match(/month-parts.{0,600}/)?.[0]).toContain('rel="next"');
    const two = await c.page(`${base}&part=2&lang=id`);
    expect(two.html).toContain("Bulan ini ada 305 kegiatan");
    expect(two.html).toContain("bagian 2 dari 2");
    for (const id of ids.slice(300)) expect(two.html).toContain(`href="/events/${id}"`);
    expect(two.html).not.toContain(`href="/events/${ids[299]}"`);
  });

  it("filters by kind, kelurahan and accessibility with plain GET parameters", async () => {
    const kelurahan = await aKelurahan(db());
    const fair = await anEvent(db(), { kind: "fair" });
    const dialogue = await anEvent(db(), { kelurahanId: kelurahan.id });
    const signed = await anEvent(db(), { status: "completed", startsAt: wibMorning(-3), accessibility: ["sign_language", "wheelchair"] });
    const unsigned = await anEvent(db(), { status: "completed", startsAt: wibMorning(-4), accessibility: ["wheelchair"] });
    const c = new Client(server.url);
    const fairs = await c.page("/events?kind=fair");
    expect(fairs.html).toContain(fair.title);
    expect(fairs.html).not.toContain(dialogue.title);
    const byKel = await c.page(`/events?kelurahan=${kelurahan.id}`);
    expect(byKel.html).toContain(dialogue.title);
    expect(byKel.html).not.toContain(fair.title);
    const sign = await c.page("/events?view=past&access=sign_language");
    expect(sign.html).toContain(signed.title);
    expect(sign.html).not.toContain(unsigned.title);
  });

  it("shows one event: seats, directions, calendar links, share link and the links to other areas", async () => {
    const event = await anEvent(db(), {
      latitude: -6.2275,
      longitude: 106.9136,
      description: "Belajar bersama. **Bawa KTP-el dan ponsel** bila ingin langsung mencoba.",
      accessibility: ["wheelchair"],
    });
    const c = new Client(server.url);
    const { html, status } = await c.page(`/events/${event.id}`);
    expect(status).toBe(200);
    expect(html).toContain(formatRange(event.startsAt, event.endsAt, "id"));
    expect(html).toContain("openstreetmap.org/?mlat=-6.2275&amp;mlon=106.9136");
    expect(html).toContain(`/events/${event.id}/calendar.ics`);
    expect(html).toContain("calendar.google.com/calendar/render");
    expect(html).toContain("https://wa.me/?text=");
    expect(html).toContain(`/events/${event.id}/discussion`);
    expect(html).toContain(`/events/${event.id}/qa`);
    expect(html).toContain(`/aspirations/new?event=${event.id}`);
    expect(html).toContain("<strong>Bawa KTP-el dan ponsel</strong>");
    expect(html).toContain("Akses kursi roda");

    const draft = await anEvent(db(), { status: "draft" });
    expect((await c.page(`/events/${draft.id}`)).status).toBe(404);
    const missing = await c.page("/events/999999");
    expect(missing.status).toBe(404);
    expect(missing.html).toContain("Kegiatan tidak ditemukan.");
    const staff = await moderator();
    expect((await staff.page(`/events/${draft.id}`)).html).toContain("Ini masih draf");
  });

  it("shows the closed event's summary and what came out of it (questions and aspirations)", async () => {
    const past = await anEvent(db(), { status: "completed", startsAt: wibMorning(-7), summary: "Hadir 34 warga.", attendanceCount: 34 });
    const session = await db().qaSession.create({ data: { eventId: past.id, code: `EVT${unique().slice(0, 5).toUpperCase()}` } });
    const participant = await db().qaParticipant.create({ data: { id: `p-${unique()}` } });
    await db().qaQuestion.create({
      data: {
        sessionId: session.id,
        participantId: participant.id,
        text: "Apakah KIA bisa diurus di RW?",
        status: "answered",
        answerText: "Bisa, lewat layanan keliling.",
      },
    });
    await db().aspiration.create({
      data: { code: `ASP-${unique()}`, title: "Layanan keliling adminduk di RW", description: "Usulan warga", channel: "event", sourceEventId: past.id },
    });
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
    const event = await anEvent(db(), { capacity: 5 });
    const { client: c } = await signedIn();
    const res = await c.post(`/events/${event.id}`, { intent: "rsvp" });
    expect(res.status).toBe(302);
    const page = await c.page(`/events/${event.id}`);
    const code = page.html.match(/kode pribadi: ([A-Z0-9]{4}-[A-Z0-9]{4})/i)![1];
    expect(page.html).toContain("Anda terdaftar");
    expect(page.html).toContain(`/rsvp/${code}`);
    expect(page.html).toContain("Sisa 4 kursi dari 5");
    // no double registration: a conflict, told on the form
    const again = await c.post(`/events/${event.id}`, { intent: "rsvp" });
    expect(again.status).toBe(409);
    expect(decode(await again.text())).toContain("Anda sudah terdaftar untuk kegiatan ini.");
    // cancel
    expect((await c.post(`/events/${event.id}`, { intent: "cancel" })).status).toBe(302);
    expect((await c.page(`/events/${event.id}`)).html).toContain("Pendaftaran Anda dibatalkan.");
    expect((await db().rsvp.findUniqueOrThrow({ where: { code } })).status).toBe("cancelled");
    // an unknown intent is a clear 400, not a 500
    const odd = await c.post(`/events/${event.id}`, { intent: "dance" });
    expect(odd.status).toBe(400);
    expect(decode(await odd.text())).toContain("Permintaan tidak dapat dibaca.");
  });

  it("a guest registers with a name and phone, gets a personal code page with a QR image, and cancels from it", async () => {
    const event = await anEvent(db());
    const c = new Client(server.url);
    const bad = await c.post(`/events/${event.id}`, { intent: "guest", name: "Bu Ani", contact: "12345" });
    expect(bad.status).toBe(400);
    const badHtml = decode(await bad.text());
    expect(badHtml).toContain("Tulis nomor HP Indonesia");
    expect(badHtml).toContain('value="Bu Ani"');

    const contact = aPhoneNumber().replace(/^\+62/, "0");
    const res = await c.post(`/events/${event.id}`, { intent: "guest", name: "Bu Ani", contact });
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    const code = location.match(/\/rsvp\/([A-Z0-9-]+)/)![1];
    const page = await c.page(location);
    expect(page.html).toContain(code);
    expect(page.html).toContain("Terdaftar: kursi Anda tersedia.");
    expect(page.html).toContain(`/rsvp/${code}/qr.svg`);
    // the personal page is never cached, and its address goes to no other site as a referrer
    const raw = await c.get(location);
    expect(raw.headers.get("cache-control")).toBe("private, no-store");
    expect(raw.headers.get("referrer-policy")).toMatch(/(^|,\s*)same-origin$/); // the last policy is the one that counts
    const qr = await fetch(`${server.url}/rsvp/${code}/qr.svg`);
    expect(qr.headers.get("content-type")).toContain("image/svg+xml");
    expect(await qr.text()).toContain("<svg");

    const twice = await new Client(server.url).post(`/events/${event.id}`, { intent: "guest", name: "Ani", contact: contact.replace(/^0/, "+62") });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("sudah terdaftar");

    // cancelling asks first: the button is a link to the question, whose form cancels
    const ask = await c.page(`/rsvp/${code}?batal=1`);
    expect(ask.html).toContain("Batalkan pendaftaran?");
    expect((await c.post(`/rsvp/${code}`, { intent: "cancel" }, { fromPage: `/rsvp/${code}?batal=1` })).status).toBe(302);
    expect((await c.page(`/rsvp/${code}`)).html).toContain("Pendaftaran Anda dibatalkan.");
    const unknown = await new Client(server.url).page("/rsvp/AAAA-AAAA");
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain("Pendaftaran dengan kode itu tidak ditemukan.");
    expect((await fetch(`${server.url}/rsvp/not-a-code/qr.svg`)).status).toBe(404);
  });

  it("the first on the waitlist is promoted and told when someone cancels", async () => {
    const event = await anEvent(db(), { capacity: 2 });
    const hour = (h: number) => new Date(Date.now() - h * 3_600_000);
    const [seated] = [await aGuestRsvp(db(), event, { createdAt: hour(5) }), await aGuestRsvp(db(), event, { createdAt: hour(4) })];
    const firstWaiting = await aGuestRsvp(db(), event, { status: "waitlisted", guestContact: `tunggu-${unique()}@contoh.id`, createdAt: hour(3) });
    await aGuestRsvp(db(), event, { status: "waitlisted", createdAt: hour(2) });
    const { client: c } = await signedIn();
    expect((await c.post(`/events/${event.id}`, { intent: "rsvp" })).status).toBe(302);
    expect((await c.page(`/events/${event.id}`)).html).toContain("daftar tunggu, urutan ke-3");
    expect((await new Client(server.url).post(`/rsvp/${seated.code}`, { intent: "cancel" }, { fromPage: `/rsvp/${seated.code}?batal=1` })).status).toBe(302);
    const promoted = await db().rsvp.findUniqueOrThrow({ where: { id: firstWaiting.id } });
    expect(promoted.status).toBe("confirmed");
    expect(promoted.promotedAt).not.toBeNull();
    // told by e-mail; the log shows only a one-way tag of the address
    // the message goes out through the outbox worker, a moment after the change
    for (let i = 0; i < 100 && !server.output().includes(`to=${recipientTag(firstWaiting.guestContact!)}`); i++) await new Promise((r) => setTimeout(r, 100));
    expect(server.output()).toContain(`to=${recipientTag(firstWaiting.guestContact!)}`);
    expect(server.output()).not.toContain(firstWaiting.guestContact!);
  });

  it("never exceeds the capacity under many simultaneous RSVPs for the last seats", async () => {
    const event = await anEvent(db(), { capacity: 4 });
    // one seat already taken
    await aGuestRsvp(db(), event);
    const id = event.id;

    const guests = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const c = new Client(server.url);
        const csrf = c.csrf((await c.page(`/events/${id}`)).html);
        return { c, csrf, i };
      }),
    );
    const residents = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const { client: c } = await signedIn();
        const csrf = c.csrf((await c.page(`/events/${id}`)).html);
        return { c, csrf };
      }),
    );
    const responses = await Promise.all([
      ...guests.map(({ c, csrf, i }) => c.post(`/events/${id}`, { intent: "guest", name: `Tamu ${i}`, contact: aPhoneNumber() }, { csrf })),
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
    const { client: resident } = await signedIn();
    expect((await resident.page("/events/new")).status).toBe(403);
    const event = await anEvent(db());
    expect((await resident.page(`/events/${event.id}/attendees`)).status).toBe(403);
    expect((await resident.get(`/events/${event.id}/attendees.csv`)).status).toBe(403);
    const post = await resident.post(`/events/${event.id}/attendees`, { intent: "code", code: "AAAA-AAAA" }, { fromPage: `/events/${event.id}` });
    expect(post.status).toBe(403);
  });

  it("validates the event form with errors next to the fields and the typed values kept", async () => {
    const staff = await moderator();
    const res = await staff.post("/events/new", {
      kind: "dialogue",
      title: "Uji jam",
      date: "2026-12-05",
      startTime: "11:00",
      endTime: "09:00",
      venueName: "",
      venueAddress: "Jl. Uji",
    });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain("Jam selesai harus sesudah jam mulai.");
    expect(html).toContain('id="f-venueName-error"');
    expect(html).toContain('value="Uji jam"');
    // a kelurahan id beyond the integer range: next to its field, nothing stored
    const before = await db().event.count();
    const big = await staff.post("/events/new", {
      kind: "dialogue",
      title: "Uji wilayah besar",
      date: "2026-12-05",
      startTime: "09:00",
      endTime: "11:00",
      venueName: "Aula uji",
      venueAddress: "Jl. Uji No. 1",
      kelurahanId: HUGE,
    });
    expect(big.status).toBe(400);
    expect(decode(await big.text())).toContain('id="f-kelurahanId-error"');
    expect(await db().event.count()).toBe(before);
  });

  it("creates a monthly series, publishes it, moves one session, cancels another with a reason, closes one with minutes", async () => {
    const staff = await moderator();
    const first = new Date(Date.now() + 2 * DAY);
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
    const series = await db().event.findMany({
      where: { seriesId: (await db().event.findUniqueOrThrow({ where: { id } })).seriesId },
      orderBy: { startsAt: "asc" },
    });
    expect(series.map((e) => e.status)).toEqual(["published", "published", "published"]);
    const page = await new Client(server.url).page(`/events/${series[1].id}`);
    expect(page.html).toMatch(/Setiap hari (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) (pertama|kedua|ketiga|keempat|terakhir) tiap bulan, 09\.00–11\.00 WIB/);
    expect(page.html).toContain("Lurah Duren Sawit");

    // a resident and a guest register for the second session
    const { client: resident, user: warga } = await signedIn();
    await resident.post(`/events/${series[1].id}`, { intent: "rsvp" });
    const guestMail = `pak.guest.${unique()}@contoh.id`;
    await new Client(server.url).post(`/events/${series[1].id}`, { intent: "guest", name: "Pak Guest", contact: guestMail });

    // move the third session by an hour: only it changes, and its SEQUENCE goes up
    const before = parseFeed(await (await fetch(`${server.url}/events/${series[2].id}/calendar.ics`)).text())[0];
    const values = await staff.page(`/events/${series[2].id}/edit`);
    const date = values.html.match(/name="date"[^>]*value="([^"]+)"/)![1];
    const save = await staff.post(`/events/${series[2].id}/edit`, {
      intent: "save",
      kind: "dialogue",
      title: series[2].title,
      date,
      startTime: "10:00",
      endTime: "12:00",
      venueName: "Aula Kecamatan",
      venueAddress: "Jl. Raya Bekasi Timur No. 1",
      registrationOpen: "on",
      capacity: "20",
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
    const note = await db().notification.findFirstOrThrow({ where: { userId: warga.id, messageKey: "events.notify.cancelled" }, orderBy: { id: "desc" } });
    expect(note.params).toContain("Aula dipakai posko banjir");
    for (let i = 0; i < 100 && !server.output().includes(`to=${recipientTag(guestMail)}`); i++) await new Promise((r) => setTimeout(r, 100));
    expect(server.output()).toContain(`to=${recipientTag(guestMail)}`);
    const notifications = await resident.page("/notifications");
    expect(notifications.html).toContain("Aula dipakai posko banjir");
    const cancelledPage = await new Client(server.url).page(`/events/${series[1].id}`);
    expect(cancelledPage.html).toContain("Kegiatan ini dibatalkan. Alasan: Aula dipakai posko banjir");

    // closing before it started is refused, next to the form
    const early = await staff.post(`/events/${series[0].id}/edit`, { intent: "close", summary: "Ringkasan terlalu dini untuk ditulis." });
    expect(early.status).toBe(400);
  });

  it("closes an event that took place with a public summary", async () => {
    const staff = await moderator();
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
    const staff = await moderator();
    const event = await anEvent(db());
    const rsvp = await aGuestRsvp(db(), event);
    const resident = await aUser(db(), { name: `Siti Uji ${unique()}` });
    const mine = await anRsvp(db(), event, { userId: resident.id });
    // the QR code's address opens the page with the code filled in
    const scanned = await staff.page(`/events/${event.id}/attendees?code=${rsvp.code}`);
    expect(scanned.html).toContain(`value="${rsvp.code}"`);
    expect(scanned.html).toContain(rsvp.guestName!);
    const res = await staff.post(`/events/${event.id}/attendees`, { intent: "code", code: rsvp.code.replace("-", "").toLowerCase() });
    expect(res.status).toBe(302);
    expect((await staff.page(res.headers.get("location")!)).html).toContain(`${rsvp.guestName} tercatat hadir.`);
    const unknown = await staff.post(`/events/${event.id}/attendees`, { intent: "code", code: "ZZZZ-ZZZZ" });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Kode ini tidak terdaftar");

    const search = await staff.page(`/events/${event.id}/attendees?q=${encodeURIComponent(resident.name)}`);
    expect(search.html).toContain(resident.name);
    expect((await staff.post(`/events/${event.id}/attendees`, { intent: "checkin", rsvpId: String(mine.id) })).status).toBe(302);
    expect((await staff.post(`/events/${event.id}/attendees`, { intent: "walkin", name: "Mbah Karto", contact: "" })).status).toBe(302);
    const walkIn = await db().rsvp.findFirstOrThrow({ where: { eventId: event.id, guestName: "Mbah Karto" } });
    expect(walkIn).toMatchObject({ walkIn: true, status: "confirmed" });
    expect(walkIn.checkedInAt).not.toBeNull();
    expect((await staff.post(`/events/${event.id}/attendees`, { intent: "undo", rsvpId: String(mine.id) })).status).toBe(302);
    expect((await db().rsvp.findUniqueOrThrow({ where: { id: mine.id } })).checkedInAt).toBeNull();

    const csv = await staff.get(`/events/${event.id}/attendees.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toContain('"Nama","Kontak","Kode","Status"');
    expect(text).toContain('"Mbah Karto"');
    expect(text).toContain(`"${rsvp.code}"`);
    expect(text).toContain(`"'+62`); // formulas neutralised
  });
});

describe("ids beyond the integer range", () => {
  it("are a 404 page for the event's addresses, with the event's own message, never a 500", async () => {
    const staff = await moderator();
    for (const path of [`/events/${HUGE}`, `/events/${HUGE}/edit`, `/events/${HUGE}/attendees`, `/events/${HUGE}/photos`, `/events/${HUGE}/discussion`]) {
      const res = await staff.page(path);
      expect(res.status, path).toBe(404);
      expect(res.html, path).toContain("Kegiatan tidak ditemukan.");
    }
    for (const path of [`/events/${HUGE}/attendees.csv`, `/events/${HUGE}/calendar.ics`, `/events/2147483648/calendar.ics`, "/events/12abc"]) {
      expect((await staff.get(path)).status, path).toBe(404);
    }
    const guest = await new Client(server.url).post(`/events/${HUGE}`, { intent: "guest", name: "Bu Ani", contact: aPhoneNumber() }, { fromPage: "/login" });
    expect(guest.status).toBe(404);
    // a filter beyond the range is ignored, as any other bad filter
    expect((await staff.page(`/events?kelurahan=${HUGE}`)).status).toBe(200);
    expect((await fetch(`${server.url}/calendar.ics?kelurahan=${HUGE}`)).status).toBe(200);
  });

  it("are a 400 with a clear message in the forms (rsvpId, imageId), and nothing is written", async () => {
    const staff = await moderator();
    const event = await anEvent(db());
    const rsvp = await aGuestRsvp(db(), event);
    for (const intent of ["checkin", "undo"]) {
      const res = await staff.post(`/events/${event.id}/attendees`, { intent, rsvpId: HUGE });
      expect(res.status, intent).toBe(400);
      expect(decode(await res.text()), intent).toContain("Peserta itu tidak ada dalam daftar kegiatan ini.");
    }
    // in range but not on this event's list: the same message, as "not found"
    const other = await aGuestRsvp(db(), await anEvent(db()));
    const notHere = await staff.post(`/events/${event.id}/attendees`, { intent: "checkin", rsvpId: String(other.id) });
    expect(notHere.status).toBe(404);
    expect(decode(await notHere.text())).toContain("Peserta itu tidak ada dalam daftar kegiatan ini.");
    expect(await db().rsvp.count({ where: { id: { in: [rsvp.id, other.id] }, checkedInAt: { not: null } } })).toBe(0);

    for (const intent of ["remove", "cover"]) {
      const res = await staff.post(`/events/${event.id}/photos`, { intent, imageId: HUGE }, { fromPage: `/events/${event.id}/edit` });
      expect(res.status, intent).toBe(400);
    }
  });

  it("are refused on the event socket with a typed acknowledgement", async () => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(server.url, { transports: ["websocket"], forceNew: true });
    try {
      await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
      const res = await new Promise<unknown>((resolve) => socket.emit("event:join", { eventId: Number(HUGE) }, resolve));
      expect(res).toEqual({ error: { code: "invalid", messageKey: "error.invalid" } });
    } finally {
      socket.disconnect();
    }
  });
});

describe("photos", () => {
  async function upload(staff: Client, id: number, file: Blob, filename: string, alt: string, query = "") {
    const page = await staff.page(`/events/${id}/edit${query}`);
    const form = new FormData();
    form.set("csrf", staff.csrf(page.html));
    form.set("intent", "upload");
    form.set("alt", alt);
    form.set("photo", file, filename);
    return fetch(`${server.url}/events/${id}/photos${query}`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: [...staff.cookies].map(([k, v]) => `${k}=${v}`).join("; "), Origin: server.url },
      body: form,
    });
  }

  it("uploads a photo with alt text, shows it on the event page and serves resized variants", async () => {
    const staff = await moderator();
    const event = await anEvent(db());
    const jpeg = await sharp({ create: { width: 1000, height: 700, channels: 3, background: "#8a3b00" } })
      .jpeg()
      .toBuffer();

    const noAlt = await upload(staff, event.id, new Blob([jpeg], { type: "image/jpeg" }), "a.jpg", "");
    expect(noAlt.status).toBe(400);
    expect(await noAlt.text()).toContain("Tulis keterangan foto");
    const gif = await upload(staff, event.id, new Blob([await sharp(jpeg).gif().toBuffer()], { type: "image/gif" }), "a.gif", "Suasana ruang");
    expect(gif.status).toBe(415);
    expect(await gif.text()).toContain("Jenis berkas tidak didukung");
    const big = await upload(staff, event.id, new Blob([jpeg, new Uint8Array(5 * 1024 * 1024)], { type: "image/jpeg" }), "big.jpg", "Terlalu besar");
    expect(big.status).toBe(413);

    const ok = await upload(staff, event.id, new Blob([jpeg], { type: "image/jpeg" }), "a.jpg", "Warga mencoba mendaftar NIB di laptop petugas");
    expect(ok.status).toBe(302);
    const page = await new Client(server.url).page(`/events/${event.id}`);
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

  it("refuses a picture of more than 40 megapixels (15000 × 15000 in a small PNG) next to the field, in both languages, and stores nothing", async () => {
    const staff = await moderator();
    const event = await anEvent(db());
    const huge = aPng(15000, 15000);
    const stored = () => (existsSync(path.join(dataDir, "uploads")) ? readdirSync(path.join(dataDir, "uploads")).length : 0);
    const before = stored();

    const id = await upload(staff, event.id, new Blob([new Uint8Array(huge)], { type: "image/png" }), "besar.png", "Foto yang terlalu besar");
    expect(id.status).toBe(413);
    const html = decode(await id.text());
    expect(html).toContain('id="f-photo-error"');
    expect(html).toContain("Ukuran gambar terlalu besar: paling banyak 40 megapiksel");
    expect(html).toContain('value="Foto yang terlalu besar"'); // what was typed is kept

    const en = await upload(staff, event.id, new Blob([new Uint8Array(huge)], { type: "image/png" }), "big.png", "A picture that is too big", "?lang=en");
    expect(en.status).toBe(413);
    expect(decode(await en.text())).toContain("The picture has too many pixels: at most 40 megapixels");

    expect(await db().image.count({ where: { eventId: event.id } })).toBe(0);
    expect(stored()).toBe(before);
    // the hint next to the field says so before anyone tries
    expect((await staff.page(`/events/${event.id}/edit?lang=id`)).html).toContain("paling besar 5 MB dan 40 megapiksel");
  });
});

describe("calendar feeds", () => {
  it("the public feed: stable UIDs, times that match the event pages, LOCATION, GEO, URL, STATUS:CANCELLED", async () => {
    const located = await anEvent(db(), { latitude: -6.2275, longitude: 106.9136 });
    const cancelled = await anEvent(db(), { status: "cancelled", startsAt: wibMorning(9) });
    const draft = await anEvent(db(), { status: "draft" });
    const res = await fetch(`${server.url}/calendar.ics`);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const events = parseFeed(await res.text());
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
    const uid = (id: number) => `event-${id}@balai.duren-sawit`;
    expect(events.find((e) => e.uid === uid(cancelled.id))?.status).toBe("CANCELLED");
    expect(events.find((e) => e.uid === uid(located.id))?.geo).toEqual([-6.2275, 106.9136]);
    expect(events.some((e) => e.uid === uid(draft.id))).toBe(false);
    // the UID of an event is the same in every feed
    const single = parseFeed(await (await fetch(`${server.url}/events/${located.id}/calendar.ics`)).text());
    expect(single).toHaveLength(1);
    expect(events.find((e) => e.uid === single[0].uid)?.start).toEqual(single[0].start);
    expect((await fetch(`${server.url}/events/${draft.id}/calendar.ics`)).status).toBe(404);
  });

  it("takes the same filters as /events", async () => {
    await anEvent(db(), { kind: "fair" });
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
    const { client: c, user } = await signedIn();
    const [going, waiting, dropped] = [await anEvent(db()), await anEvent(db()), await anEvent(db())];
    await anRsvp(db(), going, { userId: user.id });
    await anRsvp(db(), waiting, { userId: user.id, status: "waitlisted" });
    await anRsvp(db(), dropped, { userId: user.id, status: "cancelled" });
    expect((await c.post("/account/calendar", { intent: "rotate" })).status).toBe(302);
    const page = await c.page("/account/calendar");
    const url = page.html.match(/value="(http[^"]+\/calendar\/[A-Za-z0-9_-]{43}\/events\.ics)"/)![1];
    const raw = await c.get("/account/calendar");
    expect(raw.headers.get("cache-control")).toBe("private, no-store");
    const feed = parseFeed(await (await fetch(url)).text());
    expect(feed.map((e) => e.uid).sort()).toEqual([going.id, waiting.id].map((id) => `event-${id}@balai.duren-sawit`).sort());
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
      const join = (payload: unknown) => new Promise<unknown>((resolve) => socket.emit("event:join", payload as { eventId: number }, resolve));
      const draft = await anEvent(db(), { status: "draft" });
      expect(await join({ eventId: draft.id })).toEqual({ error: { code: "not_found", messageKey: "events.notFound" } });
      expect(await join({ eventId: "1; DROP TABLE" })).toEqual({ error: { code: "invalid", messageKey: "error.invalid" } });
      const event = await anEvent(db());
      expect(await join({ eventId: event.id })).toEqual({ data: { eventId: event.id } });
      const heard = new Promise<{ eventId: number }>((resolve) => socket.on("event:changed", resolve));
      expect((await new Client(server.url).post(`/events/${event.id}`, { intent: "guest", name: "Tamu langsung", contact: aPhoneNumber() })).status).toBe(302);
      expect(await heard).toEqual({ eventId: event.id });
    } finally {
      socket.disconnect();
    }
  });
});
