// The annual deliberation over real HTTP, as a browser without JavaScript would:
// a planner takes a kelurahan deliberation through every phase, residents vote
// (and staff record an assisted vote), decisions flow back to the aspirations and
// their followers, a deferred item comes back next year, and every planner action
// is refused to a resident.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let database: Database;
const db = () => database.db;

const OFFSET = 7 * 3_600_000;
/** WIB calendar day `days` from today, as a form value */
const day = (days: number) => new Date(Date.now() + OFFSET + days * 86_400_000).toISOString().slice(0, 10);
const year = Number(day(0).slice(0, 4));
const uniq = () => Math.random().toString(36).slice(2, 8).toUpperCase();

interface World {
  kelurahanId: number;
  kelurahanCode: string;
  rwIds: number[];
  categoryId: number;
  otherCategoryId: number;
  submitterId: number;
  supporterId: number;
  aspirations: { id: number; code: string }[];
  voterEmail: string;
}
let w: World;

async function as(email?: string) {
  const c = new Client(server.url);
  if (email) await c.login(email);
  return c;
}

async function aspiration(title: string, rwIndex: number, categoryId: number, extra: Record<string, unknown> = {}) {
  const code = `${uniq().slice(0, 4)}-${uniq().slice(0, 4)}`.replace(/[01ILO]/g, "Z");
  return db().aspiration.create({
    data: {
      code,
      title,
      description: "Usulan warga untuk musyawarah.",
      categoryId,
      kelurahanId: w.kelurahanId,
      rwId: w.rwIds[rwIndex],
      channel: "web",
      status: "verified",
      submitterId: w.submitterId,
      createdAt: new Date(Date.now() - 20 * 86_400_000),
      responseDueAt: new Date(Date.now() - 10 * 86_400_000),
      ...extra,
    },
    select: { id: true, code: true },
  });
}

beforeAll(async () => {
  server = await startServer();
  database = await openDatabase(server.databaseUrl);
  const kel = await db().area.findFirstOrThrow({ where: { level: "kelurahan", name: "Klender" }, include: { children: { orderBy: { name: "asc" } } } });
  const [cat, other] = await Promise.all([
    db().category.findUniqueOrThrow({ where: { slug: "lingkungan" } }),
    db().category.findUniqueOrThrow({ where: { slug: "kesehatan" } }),
  ]);
  const mk = (name: string, email: string, rwId: number) =>
    db().user.create({ data: { name, email, passwordHash: "!", kelurahanId: kel.id, rwId }, select: { id: true } });
  const submitter = await mk("Bu Pengusul", `pengusul.${uniq()}@contoh.id`, kel.children[4].id);
  const supporter = await mk("Pak Pendukung", `pendukung.${uniq()}@contoh.id`, kel.children[6].id);
  w = {
    kelurahanId: kel.id,
    kelurahanCode: kel.code,
    rwIds: kel.children.map((c) => c.id),
    categoryId: cat.id,
    otherCategoryId: other.id,
    submitterId: submitter.id,
    supporterId: supporter.id,
    aspirations: [],
    voterEmail: `pemilih.${uniq().toLowerCase()}@contoh.id`,
  };
  const a1 = await aspiration("Bank sampah di RW 05 Klender", 4, cat.id, { supportCount: 1 });
  const a2 = await aspiration("Jadwal angkut sampah tiap hari", 6, cat.id);
  const a3 = await aspiration("Posyandu RW 09 butuh timbangan bayi", 8, other.id);
  // a grouped duplicate of a1 from another RW: counted with it, not shown alone
  await aspiration("Bank sampah juga untuk RW 07", 6, cat.id, { groupPrimaryId: a1.id });
  await db().aspirationSupport.create({ data: { aspirationId: a1.id, userId: supporter.id } });
  w.aspirations = [a1, a2, a3];
});

afterAll(async () => {
  if (process.env.AGENDA_TEST_LOG) (await import("node:fs")).writeFileSync(process.env.AGENDA_TEST_LOG, server?.output() ?? "");
  await database?.close();
  await server?.stop();
});

const base = () => `/agenda/${year}/kelurahan/${w?.kelurahanCode}`;
let deliberationId = 0;
let itemIds: number[] = [];

const createFields = (extra: Record<string, string> = {}) => ({
  year: String(year),
  areaId: String(w.kelurahanId),
  intakeStart: day(-60),
  intakeEnd: day(0),
  reviewStart: day(-1),
  reviewEnd: day(10),
  votesPerResident: "5",
  weightSupports: "1",
  weightVotes: "2",
  weightUrgency: "3",
  weightReach: "4",
  sessionDate: day(20),
  sessionStart: "09:00",
  sessionEnd: "12:00",
  venueName: "Aula Kelurahan Klender",
  venueAddress: "Jl. Bekasi Timur Raya, Klender",
  ...extra,
});

async function advance(c: Client, to: string) {
  const res = await c.post(`/agenda/manage/${deliberationId}`, { intent: "advance", to });
  expect(res.status, `advance to ${to}`).toBe(302);
  expect((await db().deliberation.findUniqueOrThrow({ where: { id: deliberationId } })).phase).toBe(to);
}

describe("the whole planner flow", () => {
  it("creates a deliberation with its session event, and keeps typed values on errors", async () => {
    const c = await as("perencana@balai.test");
    const bad = await c.post("/agenda/new", createFields({ weightVotes: "abc" }));
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="f-weightVotes-error"');
    expect(html).toContain('value="Aula Kelurahan Klender"');
    const order = await c.post("/agenda/new", createFields({ reviewEnd: day(-5) }));
    expect(order.status).toBe(400);
    expect(await order.text()).toContain("Akhir tinjauan harus sesudah awalnya.");

    const res = await c.post("/agenda/new", createFields());
    expect(res.status).toBe(302);
    deliberationId = Number(res.headers.get("location")!.match(/\/agenda\/manage\/(\d+)/)![1]);
    const d = await db().deliberation.findUniqueOrThrow({ where: { id: deliberationId }, include: { event: true } });
    expect(d).toMatchObject({ year, level: "kelurahan", areaId: w.kelurahanId, phase: "draft", weightReach: 4 });
    expect(d.event).toMatchObject({ kind: "dialogue", status: "published", venueName: "Aula Kelurahan Klender", kelurahanId: w.kelurahanId });
    expect(await db().auditLog.count({ where: { action: "agenda.create", targetId: String(deliberationId) } })).toBe(1);

    const again = await c.post("/agenda/new", createFields());
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("Musyawarah untuk tahun dan wilayah ini sudah ada.");
    // a draft is not public
    expect((await (await as()).page(base())).status).toBe(404);
  });

  it("shows the candidate pool with supports, grouping, events, deadline status and filters", async () => {
    const c = await as("perencana@balai.test");
    await advance(c, "candidates");
    const pool = await c.page(`/agenda/manage/${deliberationId}/pool`);
    expect(pool.status).toBe(200);
    for (const a of w.aspirations) expect(pool.html).toContain(a.code);
    expect(pool.html).not.toContain("Bank sampah juga untuk RW 07");
    expect(pool.html).toContain("2 aspirasi digabung");
    expect(pool.html).toContain("Lewat tenggat");
    const filtered = await c.page(`/agenda/manage/${deliberationId}/pool?categoryId=${w.otherCategoryId}`);
    expect(filtered.html).toContain(w.aspirations[2].code);
    expect(filtered.html).not.toContain(w.aspirations[0].code);
    const byRw = await c.page(`/agenda/manage/${deliberationId}/pool?rwId=${w.rwIds[6]}`);
    expect(byRw.html).toContain(w.aspirations[1].code);
    expect(byRw.html).not.toContain(w.aspirations[2].code);
  });

  it("makes agenda items from one or more aspirations and refuses a second use", async () => {
    const c = await as("perencana@balai.test");
    const pool = `/agenda/manage/${deliberationId}/pool`;
    const item = (title: string, ids: number[], urgency: string) => ({
      title,
      rationale: "Sampah menumpuk di beberapa RW setiap minggu.",
      costEstimate: "Rp 25.000.000",
      agency: "Suku Dinas Lingkungan Hidup",
      urgency,
      aspirationIds: ids.join(","),
    });
    const noPick = await c.post(pool, { ...item("Tanpa aspirasi", [], "1"), aspirationIds: "" });
    expect(noPick.status).toBe(400);
    expect(await noPick.text()).toContain("Pilih minimal satu aspirasi.");
    expect((await c.post(pool, item("Pengelolaan sampah Klender", [w.aspirations[0].id, w.aspirations[1].id], "4"))).status).toBe(302);
    expect((await c.post(pool, item("Timbangan bayi posyandu RW 09", [w.aspirations[2].id], "1"))).status).toBe(302);
    const dup = await c.post(pool, item("Sampah lagi", [w.aspirations[1].id], "1"));
    expect(dup.status).toBe(400);
    expect(await dup.text()).toContain("sudah ada di usulan agenda lain");
    const items = await db().agendaItem.findMany({ where: { deliberationId }, orderBy: { id: "asc" }, include: { aspirations: true } });
    expect(items.map((i) => i.aspirations.length)).toEqual([2, 1]);
    expect(items[0]).toMatchObject({ costEstimate: 25_000_000, urgency: 4 });
    itemIds = items.map((i) => i.id);
    // the aspiration's side of the link
    const { agendaItemsForAspiration } = await import("~/domain/agenda/agenda.server");
    expect((await agendaItemsForAspiration(db(), w.aspirations[0].id)).map((i) => i.itemId)).toEqual([itemIds[0]]);
  });

  it("opens the public review: aspirations go on the agenda with a note, followers are notified, weights lock", async () => {
    const c = await as("perencana@balai.test");
    await advance(c, "review");
    const a1 = await db().aspiration.findUniqueOrThrow({ where: { id: w.aspirations[0].id }, include: { updates: { orderBy: { id: "desc" }, take: 1 } } });
    expect(a1.status).toBe("on_agenda");
    expect(a1.updates[0].note).toContain("Pengelolaan sampah Klender");
    const notes = await db().notification.findMany({ where: { userId: { in: [w.submitterId, w.supporterId] }, messageKey: "aspirations.notify.status.on_agenda" } });
    expect(new Set(notes.map((n) => n.userId))).toEqual(new Set([w.submitterId, w.supporterId]));

    const locked = await c.post(`/agenda/manage/${deliberationId}`, { ...createFields(), intent: "settings", weightVotes: "10" });
    expect(locked.status).toBe(409);
    expect((await db().deliberation.findUniqueOrThrow({ where: { id: deliberationId } })).weightVotes).toBe(2);
    const urgency = await c.post(`/agenda/manage/${deliberationId}/items/${itemIds[1]}`, { title: "Timbangan bayi posyandu RW 09", rationale: "Timbangan lama sudah rusak sejak lama.", urgency: "5" });
    expect(urgency.status).toBe(409);
    const removal = await c.post(`/agenda/manage/${deliberationId}`, { intent: "remove", itemId: String(itemIds[1]) });
    expect(removal.status).toBe(409);
  });

  it("lets residents of the area spread their votes, change them, and see what is left (no JavaScript)", async () => {
    const signup = new Client(server.url);
    const res = await signup.post("/signup", { name: "Ibu Pemilih", identifier: w.voterEmail, password: "kopi-tubruk-pahit", kelurahanId: String(w.kelurahanId), rwId: String(w.rwIds[4]) }, { fromPage: "/signup" });
    expect(res.status).toBe(302);
    const page = await signup.page(base());
    expect(page.html).toContain("Sisa suara: 5 dari 5");
    expect((await signup.post(base(), { [`dots-${itemIds[0]}`]: "3", [`dots-${itemIds[1]}`]: "1" })).status).toBe(302);
    expect((await signup.page(base())).html).toContain("Sisa suara: 1 dari 5");
    const over = await signup.post(base(), { [`dots-${itemIds[0]}`]: "5", [`dots-${itemIds[1]}`]: "1" });
    expect(over.status).toBe(400);
    const overHtml = await over.text();
    expect(overHtml).toContain("Suara melebihi jatah: paling banyak 5.");
    expect(overHtml).toMatch(new RegExp(`name="dots-${itemIds[0]}"[^>]*value="5"`));
    // changing the ballot replaces it
    expect((await signup.post(base(), { [`dots-${itemIds[0]}`]: "0", [`dots-${itemIds[1]}`]: "2" })).status).toBe(302);
    const user = await db().user.findUniqueOrThrow({ where: { email: w.voterEmail } });
    const votes = await db().agendaVote.findMany({ where: { deliberationId, userId: user.id } });
    expect(votes.map((v) => [v.agendaItemId, v.dots])).toEqual([[itemIds[1], 2]]);

    // the demo resident lives in Pondok Kopi: not this deliberation's area
    const outsider = await as("warga@balai.test");
    expect((await outsider.page(base())).html).toContain("khusus warga wilayah musyawarah ini");
    const refused = await outsider.post(base(), { [`dots-${itemIds[0]}`]: "1" });
    expect(refused.status).toBe(403);
  });

  it("records assisted votes at the check-in desk, marked as assisted", async () => {
    const moderator = await as("moderator@balai.test");
    const user = await db().user.findUniqueOrThrow({ where: { email: w.voterEmail } });
    const desk = await moderator.page(`/agenda/manage/${deliberationId}/assist?resident=${encodeURIComponent(w.voterEmail)}`);
    expect(desk.status).toBe(200);
    expect(desk.html).toContain("Mencatat suara untuk Ibu Pemilih");
    const res = await moderator.post(`/agenda/manage/${deliberationId}/assist`, { residentId: String(user.id), [`dots-${itemIds[0]}`]: "4", [`dots-${itemIds[1]}`]: "1" }, { fromPage: `/agenda/manage/${deliberationId}/assist` });
    expect(res.status).toBe(302);
    const moderatorId = (await db().user.findUniqueOrThrow({ where: { email: "moderator@balai.test" } })).id;
    const votes = await db().agendaVote.findMany({ where: { deliberationId, userId: user.id }, orderBy: { agendaItemId: "asc" } });
    expect(votes.map((v) => [v.dots, v.assistedById])).toEqual([[4, moderatorId], [1, moderatorId]]);
  });

  it("shows each item's score broken down, in priority order, with the formula", async () => {
    const page = await (await as()).page(base());
    expect(page.status).toBe(200);
    expect(page.html).toContain("Skor = (dukungan × 1) + (suara warga × 2) + (urgensi × 3) + (jangkauan × 4)");
    expect(page.html).toContain("Jika skor sama");
    // item 1: supports 1 (group count on the primary), votes 4, urgency 4, reach 2 RWs (+ the grouped one's RW 07 is the same as a2's)
    expect(page.html).toContain("4 × 2 = 8");
    expect(page.html).toContain("4 × 3 = 12");
    expect(page.html).toContain("2 × 4 = 8");
    const first = page.html.indexOf("Pengelolaan sampah Klender");
    const second = page.html.indexOf("Timbangan bayi posyandu RW 09");
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(second);
  });

  it("closes voting at the session, requires reasons, and propagates decisions to aspirations and followers", async () => {
    const c = await as("perencana@balai.test");
    await advance(c, "session");
    const voter = new Client(server.url);
    await voter.login(w.voterEmail, "kopi-tubruk-pahit");
    expect((await voter.post(base(), { [`dots-${itemIds[0]}`]: "1" })).status).toBe(409);

    const noReason = await c.post(`/agenda/manage/${deliberationId}`, { intent: "decide", itemId: String(itemIds[1]), decision: "deferred", reason: "" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Tulis alasan untuk keputusan ditunda atau ditolak");
    expect((await c.post(`/agenda/manage/${deliberationId}`, { intent: "advance", to: "decided" })).status).toBe(409);

    expect((await c.post(`/agenda/manage/${deliberationId}`, { intent: "decide", itemId: String(itemIds[0]), decision: "accepted", reason: "" })).status).toBe(302);
    expect(
      (await c.post(`/agenda/manage/${deliberationId}`, { intent: "decide", itemId: String(itemIds[1]), decision: "deferred", reason: "Anggaran kesehatan tahun ini sudah habis." })).status,
    ).toBe(302);
    // decided items do not change any more
    expect((await c.post(`/agenda/manage/${deliberationId}`, { intent: "decide", itemId: String(itemIds[0]), decision: "declined", reason: "Berubah pikiran setelah sidang." })).status).toBe(409);

    const [a1, a2, a3] = await Promise.all(w.aspirations.map((a) => db().aspiration.findUniqueOrThrow({ where: { id: a.id }, include: { updates: { orderBy: { id: "desc" }, take: 1 } } })));
    expect([a1.status, a2.status, a3.status]).toEqual(["accepted", "accepted", "deferred"]);
    expect(a1.updates[0].note).toContain("Suku Dinas Lingkungan Hidup");
    expect(a3.updates[0].note).toContain("Anggaran kesehatan tahun ini sudah habis.");
    const notes = await db().notification.findMany({ where: { userId: w.supporterId, messageKey: "aspirations.notify.status.accepted" } });
    expect(notes.length).toBeGreaterThan(0);
    expect(await db().notification.count({ where: { userId: w.submitterId, messageKey: "aspirations.notify.status.deferred" } })).toBe(1);

    // anyone holding the tracking code reads the decision and its reason on the aspiration's page
    const tracked = await new Client(server.url).page(`/aspirations/${a3.code}`);
    expect(tracked.html).toContain("Di musyawarah warga");
    expect(tracked.html).toContain("Ditunda (menunggu)");
    expect(tracked.html).toContain("Anggaran kesehatan tahun ini sudah habis.");
    expect(tracked.html).toMatch(new RegExp(`href="/agenda/[^"]*#item-${itemIds[1]}"`));
  });

  it("prints the agenda with an attendance sheet from the check-ins, and keeps the minutes", async () => {
    const c = await as("perencana@balai.test");
    const d = await db().deliberation.findUniqueOrThrow({ where: { id: deliberationId } });
    const voter = await db().user.findUniqueOrThrow({ where: { email: w.voterEmail } });
    await db().rsvp.create({ data: { eventId: d.eventId!, userId: voter.id, code: `AG${uniq()}`, status: "confirmed", checkedInAt: new Date() } });
    await db().rsvp.create({ data: { eventId: d.eventId!, guestName: "Pak Tamu Tanpa Akun", code: `AG${uniq()}`, status: "confirmed", walkIn: true, checkedInAt: new Date() } });
    const print = await c.page(`/agenda/manage/${deliberationId}/print`);
    expect(print.status).toBe(200);
    expect(print.html).toContain("Daftar hadir");
    expect(print.html).toContain("Ibu Pemilih");
    expect(print.html).toContain("Pak Tamu Tanpa Akun");
    expect(print.html).toContain(w.aspirations[0].code);

    const saved = await c.post(`/agenda/manage/${deliberationId}/minutes`, { minutes: "Sidang dibuka pukul 09.00 WIB. Dua usulan diputuskan." });
    expect(saved.status).toBe(302);
    const minutes = await c.page(`/agenda/manage/${deliberationId}/minutes`);
    expect(minutes.html).toContain("Jumlah hadir: 2 orang");
    expect(minutes.html).toContain("Sidang dibuka pukul 09.00 WIB.");
  });

  it("publishes decisions with reasons, sources, CSV, JSON and the session as .ics", async () => {
    const c = await as("perencana@balai.test");
    await advance(c, "decided");
    const voter = await db().user.findUniqueOrThrow({ where: { email: w.voterEmail } });
    const told = await db().notification.findFirstOrThrow({ where: { userId: voter.id, messageKey: "agenda.notify.decided" } });
    expect(told.link).toBe(base());
    const anon = await as();
    const page = await anon.page(base());
    expect(page.html).toContain("Ditunda (menunggu)");
    expect(page.html).toContain("Anggaran kesehatan tahun ini sudah habis.");
    expect(page.html).toContain(`href="/aspirations/${w.aspirations[2].code}"`);
    expect(page.html).toContain("Sidang dibuka pukul 09.00 WIB.");
    expect(page.html).not.toContain("Beri suara prioritas");
    const english = await anon.page(`${base()}?lang=en`);
    expect(english.html).toContain("How the score is calculated");
    expect(english.html).toContain("Deferred (pending)");
    expect((await c.page(`/agenda/manage/${deliberationId}?lang=en`)).html).toContain("Manage the deliberation");

    const csv = await anon.get(`${base()}/export.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const csvText = await csv.text();
    expect(csvText.split("\r\n")[0]).toContain("rank,item_id,title,score");
    expect(csvText).toContain("Pengelolaan sampah Klender");
    expect(csvText).toContain("deferred,Anggaran kesehatan tahun ini sudah habis.");

    const json = await (await anon.get(`${base()}/export.json`)).json();
    expect(json.items.map((i: { title: string }) => i.title)).toEqual(["Pengelolaan sampah Klender", "Timbangan bayi posyandu RW 09"]);
    expect(json.items[0].parts).toEqual({ supports: 1, votes: 8, urgency: 12, reach: 8 });
    expect(json.items[1].aspirations[0].url).toContain(`/aspirations/${w.aspirations[2].code}`);

    const ics = await anon.get(`${base()}/session.ics`);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    const icsText = await ics.text();
    expect(icsText).toContain("BEGIN:VEVENT");
    expect(icsText).toMatch(/UID:event-\d+@balai\.duren-sawit/);
    await advance(c, "closed");
    expect((await c.post(`/agenda/manage/${deliberationId}`, { intent: "advance", to: "draft" })).status).toBe(409);
  });
});

describe("carry-over of deferred items", () => {
  it("brings last year's deferred item back into next year's candidate pool and links the new item to it", async () => {
    const c = await as("perencana@balai.test");
    const res = await c.post("/agenda/new", createFields({ year: String(year + 1), intakeStart: day(1), intakeEnd: day(300), reviewStart: day(301), reviewEnd: day(320), sessionDate: day(330) }));
    expect(res.status).toBe(302);
    const nextId = Number(res.headers.get("location")!.match(/\/agenda\/manage\/(\d+)/)![1]);
    await c.post(`/agenda/manage/${nextId}`, { intent: "advance", to: "candidates" });
    const pool = await c.page(`/agenda/manage/${nextId}/pool`);
    expect(pool.html).toContain("Dibawa dari tahun sebelumnya");
    expect(pool.html).toContain("Timbangan bayi posyandu RW 09");
    // the deferred aspiration is a candidate although it came in before this intake period
    expect(pool.html).toContain(w.aspirations[2].code);
    // accepted ones are not
    expect(pool.html).not.toContain(w.aspirations[0].code);

    const carry = await c.post(`/agenda/manage/${nextId}/pool`, {
      carriedFromId: String(itemIds[1]),
      title: "Timbangan bayi posyandu RW 09",
      rationale: "Ditunda tahun lalu karena anggaran.",
      costEstimate: "",
      agency: "",
      urgency: "2",
      aspirationIds: String(w.aspirations[2].id),
    });
    expect(carry.status).toBe(302);
    const carried = await db().agendaItem.findFirstOrThrow({ where: { deliberationId: nextId } });
    expect(carried.carriedFromId).toBe(itemIds[1]);
    const again = await c.page(`/agenda/manage/${nextId}/pool`);
    expect(again.html).toContain("Tidak ada usulan tertunda dari tahun sebelumnya.");
    expect(again.html).toContain("Sudah di usulan: Timbangan bayi posyandu RW 09");

    // opening the review puts the deferred aspiration back on the agenda
    expect((await c.post(`/agenda/manage/${nextId}`, { intent: "advance", to: "review" })).status).toBe(302);
    expect((await db().aspiration.findUniqueOrThrow({ where: { id: w.aspirations[2].id } })).status).toBe("on_agenda");
    const page = await (await as()).page(`/agenda/${year + 1}/kelurahan/${w.kelurahanCode}`);
    expect(page.html).toContain(`Dibawa dari musyawarah ${year}`);
  });
});

describe("planner actions tried as a resident", () => {
  it("refuses every page and action with 403, and sends signed-out visitors to log in", async () => {
    const resident = await as("warga@balai.test");
    const item = String(itemIds[0]);
    const gets = ["/agenda/new", `/agenda/manage/${deliberationId}`, `/agenda/manage/${deliberationId}/pool`, `/agenda/manage/${deliberationId}/items/${item}`, `/agenda/manage/${deliberationId}/print`, `/agenda/manage/${deliberationId}/minutes`, `/agenda/manage/${deliberationId}/assist`];
    for (const path of gets) expect((await resident.get(path)).status, path).toBe(403);
    const csrf = resident.csrf((await resident.page("/agenda")).html);
    const posts: [string, Record<string, string>][] = [
      ["/agenda/new", createFields({ year: String(year + 5) })],
      [`/agenda/manage/${deliberationId}`, { intent: "advance", to: "closed" }],
      [`/agenda/manage/${deliberationId}`, { ...createFields(), intent: "settings" }],
      [`/agenda/manage/${deliberationId}`, { intent: "remove", itemId: item }],
      [`/agenda/manage/${deliberationId}`, { intent: "decide", itemId: item, decision: "declined", reason: "Tidak boleh oleh warga." }],
      [`/agenda/manage/${deliberationId}/pool`, { title: "Usulan palsu dari warga", rationale: "Seharusnya ditolak server.", urgency: "5", aspirationIds: String(w.aspirations[0].id) }],
      [`/agenda/manage/${deliberationId}/items/${item}`, { title: "Judul diganti warga", rationale: "Seharusnya ditolak server.", urgency: "0" }],
      [`/agenda/manage/${deliberationId}/minutes`, { minutes: "Berita acara palsu" }],
      [`/agenda/manage/${deliberationId}/assist`, { residentId: "1", [`dots-${item}`]: "5" }],
    ];
    for (const [path, fields] of posts) expect((await resident.post(path, fields, { csrf })).status, path).toBe(403);
    expect(await db().deliberation.count({ where: { year: year + 5 } })).toBe(0);
    expect((await db().deliberation.findUniqueOrThrow({ where: { id: deliberationId } })).minutes).toBe("Sidang dibuka pukul 09.00 WIB. Dua usulan diputuskan.");
    expect((await db().agendaItem.findUniqueOrThrow({ where: { id: itemIds[0] } })).title).toBe("Pengelolaan sampah Klender");

    const visitor = await as();
    const res = await visitor.get(`/agenda/manage/${deliberationId}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/login?redirectTo=");
  });
});
