// Issue 16 (pages stay fast with a city's worth of data): the calendar feeds are complete
// (no cut-off in their window) and answer conditional requests with 304; the follow-up
// report aggregated in SQL gives the figures of the old JavaScript implementation (kept
// below as the oracle) on the demo data; the open data comes in pages that follow each
// other while rows are added, and is cached with an ETag.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database, type Db } from "~/db/client.server";
import { parseCsv } from "~/domain/aspirations/csv";
import { feedWindow } from "~/domain/events/calendar.server";
import { wibMonth, wibMonthRange } from "~/domain/events/wib";
import { FOLLOW_UP_FIELDS, followUpOf, pickFollowUp } from "~/domain/aspirations/grouping.server";
import { browseAspirations } from "~/domain/aspirations/aspirations.server";
import { followUpReport, periodRange, recentPeriods, formatPeriod, type Period } from "~/domain/aspirations/report.server";
import { RESOLVED_STATUSES, isStatus } from "~/domain/aspirations/status";
import { aQaSession, aQuestion, aUser, anAspiration, anEvent } from "../../prisma/builders";
import { startServer, type RunningServer } from "../support/server";

// ------------------------------------------------------------------ the oracle: the report as it was computed before (rows loaded into JavaScript)

function oldMedian(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

interface OldRow {
  status: string;
  createdAt: Date;
  verifiedAt: Date | null;
  firstResponseAt: Date | null;
  verifyDueAt: Date | null;
  responseDueAt: Date | null;
}

function oldFigures(rows: OldRow[], now: Date) {
  const days: number[] = [];
  let verified = 0,
    rejected = 0,
    resolved = 0,
    overdue = 0;
  for (const r of rows) {
    if (r.status === "rejected") rejected++;
    else if (r.verifiedAt) verified++;
    if (isStatus(r.status) && RESOLVED_STATUSES.includes(r.status)) resolved++;
    const lateVerify = r.verifyDueAt !== null && (r.verifiedAt ?? now) > r.verifyDueAt;
    const lateResponse = r.responseDueAt !== null && (r.firstResponseAt ?? now) > r.responseDueAt;
    if (lateVerify || lateResponse) overdue++;
    if (r.firstResponseAt) days.push((r.firstResponseAt.getTime() - r.createdAt.getTime()) / 86_400_000);
  }
  const m = oldMedian(days);
  return { received: rows.length, verified, rejected, resolved, overdue, medianDaysToFirstResponse: m === null ? null : Math.round(m * 10) / 10 };
}

async function oldFollowUpReport(db: Db, period: Period, now = new Date()) {
  const { start, end } = periodRange(period);
  const found = await db.aspiration.findMany({
    where: { createdAt: { gte: start, lt: end } },
    select: {
      ...FOLLOW_UP_FIELDS,
      createdAt: true,
      groupPrimary: { select: FOLLOW_UP_FIELDS },
      category: { select: { slug: true, nameId: true, nameEn: true } },
      kelurahan: { select: { name: true } },
    },
  });
  const rows = found.map(({ groupPrimary, ...r }) => ({ ...r, ...followUpOf(pickFollowUp(r), groupPrimary) }));
  type Label = { key: string; labelId: string; labelEn: string };
  const group = (keyOf: (r: (typeof rows)[number]) => Label) => {
    const map = new Map<string, { label: Label; rows: OldRow[] }>();
    for (const r of rows) {
      const label = keyOf(r);
      const entry = map.get(label.key) ?? { label, rows: [] };
      entry.rows.push(r);
      map.set(label.key, entry);
    }
    return [...map.values()]
      .map((e) => ({ ...e.label, ...oldFigures(e.rows, now) }))
      .sort((a, b) => b.received - a.received || a.labelId.localeCompare(b.labelId));
  };
  return {
    period: formatPeriod(period),
    start,
    end,
    totals: oldFigures(rows, now),
    byCategory: group((r) =>
      r.category
        ? { key: r.category.slug, labelId: r.category.nameId, labelEn: r.category.nameEn }
        : { key: "-", labelId: "Tanpa kategori", labelEn: "No category" },
    ),
    byKelurahan: group((r) =>
      r.kelurahan
        ? { key: r.kelurahan.name, labelId: r.kelurahan.name, labelEn: r.kelurahan.name }
        : { key: "-", labelId: "Tanpa kelurahan", labelEn: "No kelurahan" },
    ),
  };
}

// ------------------------------------------------------------------

let server: RunningServer;
let database: Database;
let db: Db;

beforeAll(async () => {
  // the server seeds the demo data into its fresh database
  server = await startServer();
  database = await openDatabase(server.databaseUrl);
  db = database.db;
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

/** fetch, once more when the server had closed the idle pooled connection (a slow setup outlasts its keep-alive) */
async function get(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    if ((e as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw e;
    return fetch(url, init);
  }
}

const uidsOf = (ics: string) => {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return { cal, uids: cal.getAllSubcomponents("vevent").map((e) => String(e.getFirstPropertyValue("uid"))) };
};

describe("the follow-up report in SQL", () => {
  it("gives the old implementation's figures on the demo data, for every recent month and quarter", async () => {
    expect(await db.aspiration.count()).toBeGreaterThan(0);
    const now = new Date();
    const periods = [...recentPeriods("month", 13, now), ...recentPeriods("quarter", 5, now)];
    let compared = 0;
    for (const p of periods) {
      const [mine, old] = await Promise.all([followUpReport(db, p, now), oldFollowUpReport(db, p, now)]);
      expect(mine, formatPeriod(p)).toEqual(old);
      compared += old.totals.received;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it("gives the same figures at another moment (deadlines passed since)", async () => {
    const later = new Date(Date.now() + 40 * 86_400_000);
    for (const p of recentPeriods("quarter", 3, later)) expect(await followUpReport(db, p, later)).toEqual(await oldFollowUpReport(db, p, later));
  });
});

describe("the public calendar feed", () => {
  it("is complete within its window (more than the old 500-entry cut-off) and says which window it covers", async () => {
    const soon = Date.now() + 86_400_000;
    const rows = Array.from({ length: 520 }, (_, i) => ({
      kind: "dialogue",
      status: "published",
      title: `Ngopi Dursa massal ${i}`,
      startsAt: new Date(soon + i * 3_600_000),
      endsAt: new Date(soon + i * 3_600_000 + 1_800_000),
      venueName: "Balai Warga",
      venueAddress: "Jl. Uji",
    }));
    await db.event.createMany({ data: rows });
    const old = await anEvent(db, {
      title: "Ngopi Dursa lama sekali",
      startsAt: new Date(Date.now() - 120 * 86_400_000),
      endsAt: new Date(Date.now() - 120 * 86_400_000 + 3_600_000),
    });
    const far = await anEvent(db, {
      title: "Ngopi Dursa jauh di depan",
      startsAt: new Date(Date.now() + 150 * 86_400_000),
      endsAt: new Date(Date.now() + 150 * 86_400_000 + 3_600_000),
    });
    // an event that started yesterday and is still on at the window's start counts too
    const window = feedWindow()!;
    const overlapping = await anEvent(db, {
      title: "Ngopi Dursa melewati batas",
      startsAt: new Date(window.from.getTime() - 3_600_000),
      endsAt: new Date(window.from.getTime() + 3_600_000),
    });
    const res = await get(`${server.url}/calendar.ics`);
    expect(res.status).toBe(200);
    const { cal, uids } = uidsOf(await res.text());
    const inWindow = await db.event.findMany({
      where: { status: { in: ["published", "cancelled", "completed"] }, endsAt: { gte: window.from }, startsAt: { lt: window.to } },
      select: { id: true },
    });
    expect(inWindow.length).toBeGreaterThan(520);
    expect(new Set(uids)).toEqual(new Set(inWindow.map((e) => `event-${e.id}@balai.duren-sawit`)));
    expect(uids).toContain(`event-${overlapping.id}@balai.duren-sawit`);
    expect(uids).not.toContain(`event-${old.id}@balai.duren-sawit`);
    expect(uids).not.toContain(`event-${far.id}@balai.duren-sawit`);
    const description = String(cal.getFirstPropertyValue("x-wr-caldesc"));
    expect(description).toContain(window.from.toISOString().slice(0, 10));
    expect(description).toContain(window.to.toISOString().slice(0, 10));
    expect(description).toContain(String(inWindow.length));
    expect(description).toContain(`${server.url}/calendar.ics?month=YYYY-MM`);

    // the months outside it, each a dated window: complete for the month, and saying so
    for (const event of [old, far]) {
      const month = wibMonth(event.startsAt);
      const range = wibMonthRange(month)!;
      const monthFeed = await get(`${server.url}/calendar.ics?month=${month}`);
      expect(monthFeed.status).toBe(200);
      const parsed = uidsOf(await monthFeed.text());
      const inMonth = await db.event.findMany({
        where: { status: { in: ["published", "cancelled", "completed"] }, startsAt: { gte: range.from, lt: range.to } },
        select: { id: true },
      });
      expect(new Set(parsed.uids)).toEqual(new Set(inMonth.map((e) => `event-${e.id}@balai.duren-sawit`)));
      expect(parsed.uids).toContain(`event-${event.id}@balai.duren-sawit`);
      expect(String(parsed.cal.getFirstPropertyValue("x-wr-caldesc"))).toContain(month);
    }
    for (const bad of ["2027-13", "27-01", "yesterday", ""]) expect((await get(`${server.url}/calendar.ics?month=${bad}`)).status).toBe(400);
  });

  it("answers a conditional request with 304, and with the new feed after a change", async () => {
    const event = await anEvent(db, { title: "Ngopi Dursa bersyarat" });
    const first = await get(`${server.url}/calendar.ics`);
    const etag = first.headers.get("etag");
    const lastModified = first.headers.get("last-modified");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(lastModified).toBeTruthy();
    expect(await first.text()).toContain("Ngopi Dursa bersyarat");

    const again = await get(`${server.url}/calendar.ics`, { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    const since = await get(`${server.url}/calendar.ics`, { headers: { "If-Modified-Since": lastModified! } });
    expect(since.status).toBe(304);

    // a change to an event: the cached feed is built again
    await db.event.update({ where: { id: event.id }, data: { title: "Ngopi Dursa berubah", sequence: { increment: 1 } } });
    const changed = await get(`${server.url}/calendar.ics`, { headers: { "If-None-Match": etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    const body = await changed.text();
    expect(body).toContain("Ngopi Dursa berubah");
    expect(body).not.toContain("Ngopi Dursa bersyarat");

    // compressed for clients that accept it, the same bytes once inflated
    const gz = await get(`${server.url}/calendar.ics`, { headers: { "Accept-Encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(await gz.text()).toBe(body);
  });
});

describe("the private calendar feed", () => {
  it("holds every registration (no cut-off), answers 304, and changes with the person's registrations", async () => {
    const user = await aUser(db);
    const token = "t".repeat(43);
    await db.user.update({ where: { id: user.id }, data: { calendarToken: token } });
    const start = Date.now() + 2 * 86_400_000;
    const created = await db.event.createManyAndReturn({
      data: Array.from({ length: 505 }, (_, i) => ({
        kind: "dialogue",
        status: "published",
        title: `Kegiatan pribadi ${i}`,
        startsAt: new Date(start + i * 3_600_000),
        endsAt: new Date(start + i * 3_600_000 + 1_800_000),
        venueName: "Balai",
        venueAddress: "Jl. Uji",
      })),
      select: { id: true },
    });
    await db.rsvp.createMany({ data: created.map((e, i) => ({ eventId: e.id, userId: user.id, code: `PRIV${i}X${user.id}`, status: "confirmed" })) });
    const url = `${server.url}/calendar/${token}/events.ics`;
    const res = await get(url);
    expect(res.status).toBe(200);
    const { uids } = uidsOf(await res.text());
    expect(uids.length).toBe(505);
    const etag = res.headers.get("etag")!;
    expect((await get(url, { headers: { "If-None-Match": etag } })).status).toBe(304);

    const extra = await anEvent(db, { title: "Kegiatan pribadi tambahan" });
    await db.rsvp.create({ data: { eventId: extra.id, userId: user.id, code: `PRIVX${user.id}`, status: "confirmed" } });
    const after = await get(url, { headers: { "If-None-Match": etag } });
    expect(after.status).toBe(200);
    expect(uidsOf(await after.text()).uids).toContain(`event-${extra.id}@balai.duren-sawit`);
    expect((await get(`${server.url}/calendar/${"u".repeat(43)}/events.ics`)).status).toBe(404);
  });
});

describe("the Q&A participant page", () => {
  it("shows the newest answered questions and pages through the older ones; archived ones stay out", async () => {
    const session = await aQaSession(db);
    const base = Date.now() - 3_600_000;
    for (let i = 0; i < 45; i++)
      await aQuestion(db, session.id, {
        status: "answered",
        text: `Terjawab nomor ${i} ?`,
        answerText: `Jawaban ${i}`,
        answeredAt: new Date(base + i * 60_000),
      });
    await aQuestion(db, session.id, { status: "archived", text: "Pertanyaan arsip" });
    await aQuestion(db, session.id, { status: "approved", text: "Pertanyaan terbuka" });
    const first = await (await get(`${server.url}/qa/${session.code}`)).text();
    expect(first).toContain("Pertanyaan terbuka");
    expect(first).toContain("Terjawab nomor 44 ?");
    expect(first).toContain("Terjawab nomor 25 ?");
    expect(first).not.toContain("Terjawab nomor 24 ?");
    expect(first).not.toContain("Pertanyaan arsip");
    expect(first).toContain("answered=2");
    const second = await (await get(`${server.url}/qa/${session.code}?answered=2`)).text();
    expect(second).toContain("Terjawab nomor 24 ?");
    expect(second).toContain("Terjawab nomor 5 ?");
    expect(second).not.toContain("Terjawab nomor 4 ?");
    expect(second).toContain("answered=3");
    const third = await (await get(`${server.url}/qa/${session.code}?answered=3`)).text();
    expect(third).toContain("Terjawab nomor 0 ?");
    expect(third).not.toContain("answered=4");
    // beyond the last page: the last page
    expect(await (await get(`${server.url}/qa/${session.code}?answered=99`)).text()).toContain("Terjawab nomor 0 ?");
  });
});

describe("the aspirations list", () => {
  it("orders by support with ties newest first, filters by category slug, kelurahan and status, and counts each page's group members", async () => {
    const first = await anAspiration(db, { supportCount: 3, createdAt: new Date("2026-01-05T01:00:00Z") });
    const { categoryId, kelurahanId } = await db.aspiration.findUniqueOrThrow({ where: { id: first.id }, select: { categoryId: true, kelurahanId: true } });
    const at = (d: string, supportCount: number, status?: "verified") =>
      anAspiration(db, { categoryId: categoryId!, kelurahanId: kelurahanId!, supportCount, createdAt: new Date(d), status });
    const older = await at("2026-01-01T01:00:00Z", 3);
    const top = await at("2026-01-02T01:00:00Z", 9, "verified");
    const low = await at("2026-01-09T01:00:00Z", 0);
    await anAspiration(db, { categoryId: categoryId!, kelurahanId: kelurahanId!, groupPrimaryId: top.id });
    await anAspiration(db, { categoryId: categoryId!, kelurahanId: kelurahanId!, groupPrimaryId: top.id });
    const slug = (await db.category.findUniqueOrThrow({ where: { id: categoryId! } })).slug;
    const bySupport = await browseAspirations(db, { category: slug, sort: "support", page: 1 });
    expect(bySupport.aspirations.map((a) => a.code)).toEqual([top.code, first.code, older.code, low.code]);
    expect(bySupport.total).toBe(4);
    expect(bySupport.aspirations.map((a) => a.groupSize)).toEqual([2, 0, 0, 0]);
    expect((await browseAspirations(db, { category: slug, sort: "oldest", page: 1 })).aspirations.map((a) => a.code)).toEqual([
      older.code,
      top.code,
      first.code,
      low.code,
    ]);
    expect((await browseAspirations(db, { kelurahan: kelurahanId!, sort: "newest", page: 1 })).aspirations.map((a) => a.code)).toEqual([
      low.code,
      first.code,
      top.code,
      older.code,
    ]);
    expect((await browseAspirations(db, { category: slug, status: "verified", sort: "newest", page: 1 })).aspirations.map((a) => a.code)).toEqual([top.code]);
    expect(await browseAspirations(db, { category: "no-such-category", sort: "newest", page: 1 })).toMatchObject({ total: 0, aspirations: [] });
  });
});

interface OpenDataJson {
  after: number;
  limit: number;
  count: number;
  cursor: number;
  next: string | null;
  aspirations: { code: string; status: string }[];
}

describe("open data", () => {
  it("comes in pages that follow each other: no row twice, none missing, while rows are added and changed during the walk", async () => {
    const publicCodes = async () =>
      (await db.aspiration.findMany({ where: { integrityUnitId: null }, select: { code: true }, orderBy: { id: "asc" } })).map((a) => a.code);
    const before = await publicCodes();
    expect(before.length).toBeGreaterThan(6);
    const seen: string[] = [];
    const added: string[] = [];
    let url: string | null = "/aspirations/data/aspirations.json?limit=4";
    let last: OpenDataJson | null = null;
    let pages = 0;
    while (url) {
      const res = await get(server.url + url);
      expect(res.status).toBe(200);
      const page = (await res.json()) as OpenDataJson;
      expect(page.limit).toBe(4);
      expect(page.count).toBe(page.aspirations.length);
      expect(page.aspirations.length).toBeLessThanOrEqual(4);
      // the Link header names the same next page as the body
      expect(res.headers.get("link")).toBe(page.next ? `<${page.next}>; rel="next"` : null);
      seen.push(...page.aspirations.map((a) => a.code));
      last = page;
      url = page.next;
      pages++;
      // meanwhile: new aspirations (one entered late with an old date, as a paper form is), and a change on a row already read (it does not move)
      if (pages <= 3) {
        added.push((await anAspiration(db)).code, (await anAspiration(db, { createdAt: new Date("2024-01-02T03:00:00Z") })).code);
        const read = await db.aspiration.findUniqueOrThrow({ where: { code: seen[0] }, select: { id: true } });
        await db.aspiration.update({ where: { id: read.id }, data: { updatedAt: new Date() } });
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(await publicCodes());
    for (const code of added) expect(seen).toContain(code);
    expect(pages).toBeGreaterThan(3);
    // after the last page, its cursor gives what was added since, and only that
    const later = await anAspiration(db);
    const since = (await (await get(`${server.url}/aspirations/data/aspirations.json?after=${last!.cursor}&limit=4`)).json()) as OpenDataJson;
    expect(since.aspirations.map((a) => a.code)).toEqual([later.code]);
    expect(since.next).toBeNull();

    // the CSV walks the same pages through its Link header, each page a whole CSV with its header
    const csvCodes: string[] = [];
    let csvUrl: string | null = "/aspirations/data/aspirations.csv?limit=5";
    while (csvUrl) {
      const res = await get(server.url + csvUrl);
      const [header, ...rows] = parseCsv(await res.text()).filter((r) => r.length > 1);
      expect(header[0]).toBe("code");
      expect(rows.length).toBeLessThanOrEqual(5);
      csvCodes.push(...rows.map((r) => r[0]));
      csvUrl = /^<([^>]+)>; rel="next"$/.exec(res.headers.get("link") ?? "")?.[1] ?? null;
    }
    expect(csvCodes).toEqual(await publicCodes());
  });

  it("refuses a cursor or a page size out of range", async () => {
    for (const q of ["after=-1", "after=abc", "after=1.5", "after=2147483648", "limit=0", "limit=5001", "limit=x"]) {
      expect((await get(`${server.url}/aspirations/data/aspirations.json?${q}`)).status, q).toBe(400);
    }
    const page = (await (await get(`${server.url}/aspirations/data/aspirations.json?limit=5000`)).json()) as OpenDataJson;
    expect(page.limit).toBe(5000);
    // the list page says the files come in pages
    expect(await (await get(`${server.url}/aspirations`)).text()).toContain("per 500 baris; setiap halaman menautkan halaman berikutnya");
  });

  it("is answered from the cache with an ETag and 304, and shows a new aspiration at once", async () => {
    const url = `${server.url}/aspirations/data/aspirations.json`;
    const first = await get(url);
    const etag = first.headers.get("etag")!;
    expect(etag).toBeTruthy();
    const list = (await first.json()) as { aspirations: { code: string }[] };
    // the demo data fits in the first page
    expect(list.aspirations.length).toBe(await db.aspiration.count({ where: { integrityUnitId: null } }));
    expect((await get(url, { headers: { "If-None-Match": etag } })).status).toBe(304);
    const added = await anAspiration(db);
    const after = await get(url, { headers: { "If-None-Match": etag } });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { aspirations: { code: string }[] }).aspirations.map((a) => a.code)).toContain(added.code);
    const csv = await get(`${server.url}/aspirations/data/aspirations.csv`);
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe(
      "code,title,description,category,kelurahan,rw,channel,status,supports,groupPrimary,receivedAt,verifiedAt,firstResponseAt",
    );
    expect(text).toContain(added.code);
  });
});
