// The annual deliberation over real HTTP, as a browser without JavaScript would:
// a planner creates a deliberation and takes it through every phase, residents vote
// (and staff record an assisted vote), decisions flow back to the aspirations and
// their followers, a deferred item comes back next year, every planner action is
// refused to a resident, and ids beyond the integer range are a clear 404/400.
// Each test builds its own deliberation with the builders (prisma/builders).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { aBallot, aCandidateAspiration, aCategory, aDeliberation, aKelurahan, anAgendaItem, anRsvp, aStaffMember, aUser, wibYear } from "../../prisma/builders";
import { Client } from "../support/http";
import { deliberationFields, wibDay } from "../support/agenda-form";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let database: Database;
const db = () => database.db;

type Person = { id: number; identifier: string; password: string };
let planner: Person;
let moderator: Person;

const year = wibYear();
const HUGE = "99999999999999999999";

beforeAll(async () => {
  // no demo seed: every test builds what it needs
  server = await startServer({ env: { BALAI_SEED: "0" } });
  database = await openDatabase(server.databaseUrl);
  [planner, moderator] = await Promise.all([aStaffMember(db(), "planner"), aStaffMember(db(), "moderator")]);
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

async function as(who?: Person) {
  const c = new Client(server.url);
  if (who) await c.login(who.identifier, who.password);
  return c;
}

type Built = Awaited<ReturnType<typeof aDeliberation>>;

/** A resident who lives in the deliberation's area (its kelurahan, RW `rw`). */
function aResidentOf(d: Built, rw = 0) {
  return aUser(db(), { kelurahanId: d.kelurahan!.id, rwId: d.kelurahan!.rws[rw].id });
}

async function advance(c: Client, id: number, to: string) {
  const res = await c.post(`/agenda/manage/${id}`, { intent: "advance", to });
  expect(res.status, `advance to ${to}`).toBe(302);
  expect((await db().deliberation.findUniqueOrThrow({ where: { id } })).phase).toBe(to);
}

const itemFields = (title: string, ids: number[], urgency = "1") => ({
  title,
  rationale: "Sampah menumpuk di beberapa RW setiap minggu.",
  costEstimate: "Rp 25.000.000",
  agency: "Suku Dinas Lingkungan Hidup",
  urgency,
  aspirationIds: ids.join(","),
});

describe("creating a deliberation", () => {
  it("creates it with its session event, keeps typed values on errors, and refuses a second one", async () => {
    const kel = await aKelurahan(db());
    const c = await as(planner);
    const bad = await c.post("/agenda/new", deliberationFields(kel.id, { weightVotes: "abc" }));
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="f-weightVotes-error"');
    expect(html).toContain('value="Aula Kelurahan Uji"');
    const order = await c.post("/agenda/new", deliberationFields(kel.id, { reviewEnd: wibDay(-5) }));
    expect(order.status).toBe(400);
    expect(await order.text()).toContain("Akhir tinjauan harus sesudah awalnya.");

    const res = await c.post("/agenda/new", deliberationFields(kel.id));
    expect(res.status).toBe(302);
    const id = Number(res.headers.get("location")!.match(/\/agenda\/manage\/(\d+)/)![1]);
    const d = await db().deliberation.findUniqueOrThrow({ where: { id }, include: { event: true } });
    expect(d).toMatchObject({ year, level: "kelurahan", areaId: kel.id, phase: "draft", weightReach: 4 });
    expect(d.event).toMatchObject({ kind: "dialogue", status: "published", venueName: "Aula Kelurahan Uji", kelurahanId: kel.id });
    expect(await db().auditLog.count({ where: { action: "agenda.create", targetId: String(id) } })).toBe(1);

    const again = await c.post("/agenda/new", deliberationFields(kel.id));
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("Musyawarah untuk tahun dan wilayah ini sudah ada.");
    // a draft is not public
    expect((await (await as()).page(`/agenda/${year}/kelurahan/${kel.code}`)).status).toBe(404);
  });
});

describe("the candidate pool", () => {
  it("shows supports, grouping, deadline status and filters", async () => {
    const d = await aDeliberation(db(), { phase: "candidates" });
    const [cat, other] = await Promise.all([aCategory(db()), aCategory(db())]);
    const rws = d.kelurahan!.rws;
    const overdue = { responseDueAt: new Date(Date.now() - 5 * 86_400_000) };
    const a1 = await aCandidateAspiration(db(), d, { title: "Bank sampah di RW uji", rwId: rws[0].id, categoryId: cat.id, supportCount: 1, ...overdue });
    const a2 = await aCandidateAspiration(db(), d, { title: "Jadwal angkut sampah tiap hari", rwId: rws[1].id, categoryId: cat.id });
    const a3 = await aCandidateAspiration(db(), d, { title: "Timbangan bayi posyandu", rwId: rws[2].id, categoryId: other.id });
    // a grouped duplicate of a1 from another RW: counted with it, not shown alone
    await aCandidateAspiration(db(), d, { title: "Bank sampah juga untuk RW lain", rwId: rws[1].id, groupPrimaryId: a1.id });

    const c = await as(planner);
    const pool = await c.page(`/agenda/manage/${d.id}/pool`);
    expect(pool.status).toBe(200);
    for (const a of [a1, a2, a3]) expect(pool.html).toContain(a.code);
    expect(pool.html).not.toContain("Bank sampah juga untuk RW lain");
    expect(pool.html).toContain("2 aspirasi digabung");
    expect(pool.html).toContain("Lewat tenggat");
    const filtered = await c.page(`/agenda/manage/${d.id}/pool?categoryId=${other.id}`);
    expect(filtered.html).toContain(a3.code);
    expect(filtered.html).not.toContain(a1.code);
    const byRw = await c.page(`/agenda/manage/${d.id}/pool?rwId=${rws[1].id}`);
    expect(byRw.html).toContain(a2.code);
    expect(byRw.html).not.toContain(a3.code);
  });

  it("makes agenda items from one or more aspirations and refuses a second use", async () => {
    const d = await aDeliberation(db(), { phase: "candidates" });
    const [a1, a2, a3] = await Promise.all([0, 1, 2].map((rw) => aCandidateAspiration(db(), d, { rwId: d.kelurahan!.rws[rw].id })));
    const c = await as(planner);
    const pool = `/agenda/manage/${d.id}/pool`;
    const noPick = await c.post(pool, { ...itemFields("Tanpa aspirasi", []), aspirationIds: "" });
    expect(noPick.status).toBe(400);
    expect(await noPick.text()).toContain("Pilih minimal satu aspirasi.");
    expect((await c.post(pool, itemFields("Pengelolaan sampah terpadu", [a1.id, a2.id], "4"))).status).toBe(302);
    expect((await c.post(pool, itemFields("Timbangan bayi posyandu", [a3.id]))).status).toBe(302);
    const dup = await c.post(pool, itemFields("Sampah lagi", [a2.id]));
    expect(dup.status).toBe(400);
    expect(await dup.text()).toContain("sudah ada di usulan agenda lain");
    const items = await db().agendaItem.findMany({ where: { deliberationId: d.id }, orderBy: { id: "asc" }, include: { aspirations: true } });
    expect(items.map((i) => i.aspirations.length)).toEqual([2, 1]);
    expect(items[0]).toMatchObject({ costEstimate: 25_000_000, urgency: 4 });
    // the aspiration's side of the link
    const { agendaItemsForAspiration } = await import("~/domain/agenda/agenda.server");
    expect((await agendaItemsForAspiration(db(), a1.id)).map((i) => i.itemId)).toEqual([items[0].id]);
  });
});

describe("the public review", () => {
  it("puts the aspirations on the agenda with a note, tells their followers, and locks weights, urgency and the item set", async () => {
    const d = await aDeliberation(db(), { phase: "candidates" });
    const [submitter, supporter] = await Promise.all([aResidentOf(d), aResidentOf(d, 1)]);
    const a = await aCandidateAspiration(db(), d, { submitterId: submitter.id, supportCount: 1 });
    await db().aspirationSupport.create({ data: { aspirationId: a.id, userId: supporter.id } });
    const item = await anAgendaItem(db(), d, { title: "Pengelolaan sampah terpadu", aspirations: [a], urgency: 2 });
    const c = await as(planner);
    await advance(c, d.id, "review");

    const after = await db().aspiration.findUniqueOrThrow({ where: { id: a.id }, include: { updates: { orderBy: { id: "desc" }, take: 1 } } });
    expect(after.status).toBe("on_agenda");
    expect(after.updates[0].note).toContain("Pengelolaan sampah terpadu");
    // a note Balai writes is a message: each reader gets it in their language, the page and the notification
    expect(after.updates[0].noteKey).toBe("agenda.note.onAgenda");
    const english = await as(submitter);
    english.cookies.set("balai_lang", "en");
    const page = await english.page(`/aspirations/${a.code}`);
    expect(page.html).toContain("On the agenda of the");
    expect(page.html).toContain("Pengelolaan sampah terpadu");
    expect(page.html.replace(/<script\b[\s\S]*?<\/script>/g, "")).not.toContain("Masuk agenda"); // the text, not the page's data
    const inbox = await english.page("/notifications");
    expect(inbox.html).toMatch(/is on the deliberation agenda: On the agenda of the \d{4} residents/);
    expect((await (await as()).page(`/aspirations/${a.code}`)).html).toContain("Masuk agenda Musyawarah Warga");
    const notes = await db().notification.findMany({
      where: { userId: { in: [submitter.id, supporter.id] }, messageKey: "aspirations.notify.status.on_agenda" },
    });
    expect(new Set(notes.map((n) => n.userId))).toEqual(new Set([submitter.id, supporter.id]));

    const locked = await c.post(`/agenda/manage/${d.id}`, { ...deliberationFields(d.areaId), intent: "settings", weightVotes: "10" });
    expect(locked.status).toBe(409);
    expect((await db().deliberation.findUniqueOrThrow({ where: { id: d.id } })).weightVotes).toBe(2);
    const urgency = await c.post(`/agenda/manage/${d.id}/items/${item.id}`, {
      title: item.title,
      rationale: "Timbangan lama sudah rusak sejak lama.",
      urgency: "5",
    });
    expect(urgency.status).toBe(409);
    const removal = await c.post(`/agenda/manage/${d.id}`, { intent: "remove", itemId: String(item.id) });
    expect(removal.status).toBe(409);
  });

  it("lets residents of the area spread their votes, change them, and see what is left (no JavaScript)", async () => {
    const d = await aDeliberation(db(), { phase: "review" });
    const [first, second] = [await anAgendaItem(db(), d), await anAgendaItem(db(), d)];
    const voter = await as(await aResidentOf(d));
    const page = await voter.page(d.path);
    expect(page.html).toContain("Sisa suara: 5 dari 5");
    expect((await voter.post(d.path, { [`dots-${first.id}`]: "3", [`dots-${second.id}`]: "1" })).status).toBe(302);
    expect((await voter.page(d.path)).html).toContain("Sisa suara: 1 dari 5");
    const over = await voter.post(d.path, { [`dots-${first.id}`]: "5", [`dots-${second.id}`]: "1" });
    expect(over.status).toBe(400);
    const overHtml = await over.text();
    expect(overHtml).toContain("Suara melebihi jatah: paling banyak 5.");
    expect(overHtml).toMatch(new RegExp(`name="dots-${first.id}"[^>]*value="5"`));
    // changing the ballot replaces it
    expect((await voter.post(d.path, { [`dots-${first.id}`]: "0", [`dots-${second.id}`]: "2" })).status).toBe(302);
    const votes = await db().agendaVote.findMany({ where: { deliberationId: d.id } });
    expect(votes.map((v) => [v.agendaItemId, v.dots])).toEqual([[second.id, 2]]);

    // someone from another kelurahan may look but not vote
    const outsider = await as(await aUser(db(), { kelurahanId: (await aKelurahan(db(), { rwCount: 1 })).id }));
    expect((await outsider.page(d.path)).html).toContain("khusus warga wilayah musyawarah ini");
    const refused = await outsider.post(d.path, { [`dots-${first.id}`]: "1" });
    expect(refused.status).toBe(403);
  });

  it("counts only residents whose residency counter staff verified in person, when the deliberation says so", async () => {
    const d = await aDeliberation(db(), { phase: "review", verifiedResidentsOnly: true });
    const item = await anAgendaItem(db(), d);
    const resident = await aResidentOf(d);
    // a ballot stored before the setting (or before a revocation) is not counted
    const early = await aResidentOf(d, 1);
    await aBallot(db(), d, early, { [item.id]: 4 });
    const voter = await as(resident);
    let page = await voter.page(d.path);
    expect(page.html).toContain("hanya suara warga yang domisilinya sudah diverifikasi petugas yang dihitung");
    expect(page.html).not.toContain(`name="dots-${item.id}"`); // told before spending a dot
    expect(page.html).not.toContain("warga memberi");
    expect((await voter.post(d.path, { [`dots-${item.id}`]: "2" })).status).toBe(403);

    // residents cannot verify themselves; counter staff can, at the desk page
    expect((await voter.page("/residents/verify")).status).toBe(403);
    const counter = await aStaffMember(db(), "counter");
    const desk = await as(counter);
    const found = await desk.page(`/residents/verify?q=${encodeURIComponent(resident.name)}`);
    expect(found.html).toContain(resident.name);
    expect(found.html).toContain("Belum diverifikasi");
    const done = await desk.post(
      "/residents/verify",
      { intent: "verify", userId: String(resident.id), note: "KTP diperiksa" },
      { fromPage: "/residents/verify" },
    );
    expect(done.status).toBe(302);
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "residency.verified", targetId: String(resident.id) } });
    expect(entry.actorId).toBe(counter.id);
    expect(JSON.parse(entry.details!)).toMatchObject({ kelurahanId: d.kelurahan!.id, rwId: d.kelurahan!.rws[0].id, method: "in_person" });

    expect((await voter.post(d.path, { [`dots-${item.id}`]: "2" })).status).toBe(302);
    page = await (await as()).page(d.path);
    expect(page.html).toContain("1 warga memberi 2 suara.");

    // revoked: the dots stay stored but no longer count
    expect((await desk.post("/residents/verify", { intent: "revoke", userId: String(resident.id) }, { fromPage: "/residents/verify" })).status).toBe(302);
    expect(await db().auditLog.count({ where: { action: "residency.revoked", targetId: String(resident.id), actorId: counter.id } })).toBe(1);
    page = await (await as()).page(d.path);
    expect(page.html).not.toContain("warga memberi");
    expect(await db().agendaVote.count({ where: { deliberationId: d.id } })).toBe(2);
  });

  it("records assisted votes at the check-in desk, marked as assisted", async () => {
    const d = await aDeliberation(db(), { phase: "review" });
    const [first, second] = [await anAgendaItem(db(), d), await anAgendaItem(db(), d)];
    const resident = await aResidentOf(d);
    const desk = await as(moderator);
    const found = await desk.page(`/agenda/manage/${d.id}/assist?resident=${encodeURIComponent(resident.identifier)}`);
    expect(found.status).toBe(200);
    expect(found.html).toContain(`Mencatat suara untuk ${resident.name}`);
    const res = await desk.post(`/agenda/manage/${d.id}/assist`, { residentId: String(resident.id), [`dots-${first.id}`]: "4", [`dots-${second.id}`]: "1" });
    expect(res.status).toBe(302);
    const votes = await db().agendaVote.findMany({ where: { deliberationId: d.id, userId: resident.id }, orderBy: { agendaItemId: "asc" } });
    expect(votes.map((v) => [v.dots, v.assistedById])).toEqual([
      [4, moderator.id],
      [1, moderator.id],
    ]);
  });

  it("shows each item's score broken down, in priority order, with the formula", async () => {
    const d = await aDeliberation(db(), { phase: "review", weightSupports: 1, weightVotes: 2, weightUrgency: 3, weightReach: 4 });
    const rws = d.kelurahan!.rws;
    const a1 = await aCandidateAspiration(db(), d, { rwId: rws[0].id, supportCount: 1, status: "on_agenda" });
    const a2 = await aCandidateAspiration(db(), d, { rwId: rws[1].id, status: "on_agenda" });
    await aCandidateAspiration(db(), d, { rwId: rws[1].id, groupPrimaryId: a1.id }); // adds reach only, in an RW a2 already covers
    const second = await anAgendaItem(db(), d, { title: "Timbangan bayi posyandu", urgency: 1 });
    const first = await anAgendaItem(db(), d, { title: "Pengelolaan sampah terpadu", urgency: 4, aspirations: [a1, a2] });
    await aBallot(db(), d, await aResidentOf(d), { [first.id]: 4, [second.id]: 1 });

    const page = await (await as()).page(d.path);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Skor = (dukungan × 1) + (suara warga × 2) + (urgensi × 3) + (jangkauan × 4)");
    expect(page.html).toContain("Jika skor sama");
    // supports 1 (the group's count on the primary), votes 4, urgency 4, reach 2 RWs
    expect(page.html).toContain("4 × 2 = 8");
    expect(page.html).toContain("4 × 3 = 12");
    expect(page.html).toContain("2 × 4 = 8");
    const at = (title: string) => page.html.indexOf(title);
    expect(at(first.title)).toBeGreaterThan(0);
    expect(at(first.title)).toBeLessThan(at(second.title));
  });
});

describe("the session and its outcome", () => {
  it("closes voting at the session, requires reasons, and propagates decisions to aspirations and followers", async () => {
    const d = await aDeliberation(db(), { phase: "review" });
    const [submitter, supporter] = await Promise.all([aResidentOf(d), aResidentOf(d, 1)]);
    const a1 = await aCandidateAspiration(db(), d, { status: "on_agenda", supportCount: 1 });
    await db().aspirationSupport.create({ data: { aspirationId: a1.id, userId: supporter.id } });
    const a2 = await aCandidateAspiration(db(), d, { status: "on_agenda", submitterId: submitter.id });
    const accepted = await anAgendaItem(db(), d, { aspirations: [a1], agency: "Suku Dinas Lingkungan Hidup" });
    const deferred = await anAgendaItem(db(), d, { aspirations: [a2] });
    const c = await as(planner);
    await advance(c, d.id, "session");
    const voter = await as(await aResidentOf(d));
    expect((await voter.post(d.path, { [`dots-${accepted.id}`]: "1" })).status).toBe(409);

    const manage = `/agenda/manage/${d.id}`;
    const noReason = await c.post(manage, { intent: "decide", itemId: String(deferred.id), decision: "deferred", reason: "" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Tulis alasan untuk keputusan ditunda atau ditolak");
    expect((await c.post(manage, { intent: "advance", to: "decided" })).status).toBe(409);

    expect((await c.post(manage, { intent: "decide", itemId: String(accepted.id), decision: "accepted", reason: "" })).status).toBe(302);
    expect(
      (await c.post(manage, { intent: "decide", itemId: String(deferred.id), decision: "deferred", reason: "Anggaran kesehatan tahun ini sudah habis." }))
        .status,
    ).toBe(302);
    // decided items do not change any more
    expect(
      (await c.post(manage, { intent: "decide", itemId: String(accepted.id), decision: "declined", reason: "Berubah pikiran setelah sidang." })).status,
    ).toBe(409);

    const [after1, after2] = await Promise.all(
      [a1, a2].map((a) => db().aspiration.findUniqueOrThrow({ where: { id: a.id }, include: { updates: { orderBy: { id: "desc" }, take: 1 } } })),
    );
    expect([after1.status, after2.status]).toEqual(["accepted", "deferred"]);
    expect(after1.updates[0].note).toContain("Suku Dinas Lingkungan Hidup");
    expect(after2.updates[0].note).toContain("Anggaran kesehatan tahun ini sudah habis.");
    expect(await db().notification.count({ where: { userId: supporter.id, messageKey: "aspirations.notify.status.accepted" } })).toBeGreaterThan(0);
    expect(await db().notification.count({ where: { userId: submitter.id, messageKey: "aspirations.notify.status.deferred" } })).toBe(1);

    // anyone holding the tracking code reads the decision and its reason on the aspiration's page
    const tracked = await (await as()).page(`/aspirations/${a2.code}`);
    expect(tracked.html).toContain("Di musyawarah warga");
    expect(tracked.html).toContain("Ditunda (menunggu)");
    expect(tracked.html).toContain("Anggaran kesehatan tahun ini sudah habis.");
    const inEnglish = await as();
    inEnglish.cookies.set("balai_lang", "en");
    const englishPage = (await inEnglish.page(`/aspirations/${a2.code}`)).html;
    expect(englishPage).toContain("deferred (waiting). Reason: Anggaran kesehatan tahun ini sudah habis.");
    expect((await inEnglish.page(`/aspirations/${a1.code}`)).html).toContain("accepted. Passed on to Suku Dinas Lingkungan Hidup.");
    expect(tracked.html).toMatch(new RegExp(`href="/agenda/[^"]*#item-${deferred.id}"`));
  });

  it("prints the agenda with an attendance sheet from the check-ins, and keeps the minutes", async () => {
    const d = await aDeliberation(db(), { phase: "session" });
    const item = await anAgendaItem(db(), d);
    const present = await aResidentOf(d);
    await anRsvp(db(), d.event!, { userId: present.id, checkedInAt: new Date() });
    await anRsvp(db(), d.event!, { guestName: "Pak Tamu Tanpa Akun", walkIn: true, checkedInAt: new Date() });
    await anRsvp(db(), d.event!, { guestName: "Bu Tidak Datang" });
    const c = await as(planner);
    const print = await c.page(`/agenda/manage/${d.id}/print`);
    expect(print.status).toBe(200);
    expect(print.html).toContain("Daftar hadir");
    expect(print.html).toContain(present.name);
    expect(print.html).toContain("Pak Tamu Tanpa Akun");
    expect(print.html).not.toContain("Bu Tidak Datang");
    expect(print.html).toContain(item.aspirations[0].code);

    const saved = await c.post(`/agenda/manage/${d.id}/minutes`, { minutes: "Sidang dibuka pukul 09.00 WIB. Dua usulan diputuskan." });
    expect(saved.status).toBe(302);
    const minutes = await c.page(`/agenda/manage/${d.id}/minutes`);
    expect(minutes.html).toContain("Jumlah hadir: 2 orang");
    expect(minutes.html).toContain("Sidang dibuka pukul 09.00 WIB.");
  });

  it("publishes decisions with reasons, sources, CSV, JSON and the session as .ics", async () => {
    const d = await aDeliberation(db(), { phase: "session", minutes: "Sidang dibuka pukul 09.00 WIB. Dua usulan diputuskan." });
    const accepted = await anAgendaItem(db(), d, { title: "Pengelolaan sampah terpadu", decision: "accepted", urgency: 4 });
    const deferred = await anAgendaItem(db(), d, {
      title: "Timbangan bayi posyandu",
      decision: "deferred",
      decisionReason: "Anggaran kesehatan tahun ini sudah habis.",
    });
    const voter = await aResidentOf(d);
    await aBallot(db(), d, voter, { [accepted.id]: 3 });
    const c = await as(planner);
    await advance(c, d.id, "decided");
    const told = await db().notification.findFirstOrThrow({ where: { userId: voter.id, messageKey: "agenda.notify.decided" } });
    expect(told.link).toBe(d.path);

    const anon = await as();
    const page = await anon.page(d.path);
    expect(page.html).toContain("Ditunda (menunggu)");
    expect(page.html).toContain("Anggaran kesehatan tahun ini sudah habis.");
    expect(page.html).toContain(`href="/aspirations/${deferred.aspirations[0].code}"`);
    expect(page.html).toContain("Sidang dibuka pukul 09.00 WIB.");
    expect(page.html).not.toContain("Beri suara prioritas");
    const english = await anon.page(`${d.path}?lang=en`);
    expect(english.html).toContain("How the score is calculated");
    expect(english.html).toContain("Deferred (pending)");
    expect((await c.page(`/agenda/manage/${d.id}?lang=en`)).html).toContain("Manage the deliberation");

    const csv = await anon.get(`${d.path}/export.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const csvText = await csv.text();
    expect(csvText.split("\r\n")[0]).toContain("rank,item_id,title,score");
    expect(csvText).toContain("Pengelolaan sampah terpadu");
    expect(csvText).toContain("deferred,Anggaran kesehatan tahun ini sudah habis.");

    const json = await (await anon.get(`${d.path}/export.json`)).json();
    expect(json.items.map((i: { title: string }) => i.title)).toEqual(["Pengelolaan sampah terpadu", "Timbangan bayi posyandu"]);
    // supports 0, votes 3 (x2), urgency 4 (x3), reach 1 RW (x3)
    expect(json.items[0].parts).toEqual({ supports: 0, votes: 6, urgency: 12, reach: 3 });
    expect(json.items[1].aspirations[0].url).toContain(`/aspirations/${deferred.aspirations[0].code}`);

    const ics = await anon.get(`${d.path}/session.ics`);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    const icsText = await ics.text();
    expect(icsText).toContain("BEGIN:VEVENT");
    expect(icsText).toContain(`UID:event-${d.eventId}@balai.duren-sawit`);
    await advance(c, d.id, "closed");
    expect((await c.post(`/agenda/manage/${d.id}`, { intent: "advance", to: "draft" })).status).toBe(409);
  });
});

describe("carry-over of deferred items", () => {
  it("brings last year's deferred item back into this year's candidate pool and links the new item to it", async () => {
    const kel = await aKelurahan(db());
    const lastYear = await aDeliberation(db(), { area: kel, year: year - 1, phase: "closed" });
    const longAgo = new Date(Date.now() - 400 * 86_400_000);
    const deferredAsp = await aCandidateAspiration(db(), lastYear, { status: "deferred", createdAt: longAgo });
    const acceptedAsp = await aCandidateAspiration(db(), lastYear, { status: "accepted", createdAt: longAgo });
    const deferred = await anAgendaItem(db(), lastYear, { title: "Timbangan bayi posyandu", decision: "deferred", aspirations: [deferredAsp] });
    await anAgendaItem(db(), lastYear, { decision: "accepted", aspirations: [acceptedAsp] });
    const d = await aDeliberation(db(), { area: kel, phase: "candidates" });

    const c = await as(planner);
    const pool = await c.page(`/agenda/manage/${d.id}/pool`);
    expect(pool.html).toContain("Dibawa dari tahun sebelumnya");
    expect(pool.html).toContain("Timbangan bayi posyandu");
    // the deferred aspiration is a candidate although it came in before this intake period; accepted ones are not
    expect(pool.html).toContain(deferredAsp.code);
    expect(pool.html).not.toContain(acceptedAsp.code);

    const carry = await c.post(`/agenda/manage/${d.id}/pool`, {
      carriedFromId: String(deferred.id),
      title: "Timbangan bayi posyandu",
      rationale: "Ditunda tahun lalu karena anggaran.",
      costEstimate: "",
      agency: "",
      urgency: "2",
      aspirationIds: String(deferredAsp.id),
    });
    expect(carry.status).toBe(302);
    const carried = await db().agendaItem.findFirstOrThrow({ where: { deliberationId: d.id } });
    expect(carried.carriedFromId).toBe(deferred.id);
    const again = await c.page(`/agenda/manage/${d.id}/pool`);
    expect(again.html).toContain("Tidak ada usulan tertunda dari tahun sebelumnya.");
    expect(again.html).toContain("Sudah di usulan: Timbangan bayi posyandu");

    // opening the review puts the deferred aspiration back on the agenda
    await advance(c, d.id, "review");
    expect((await db().aspiration.findUniqueOrThrow({ where: { id: deferredAsp.id } })).status).toBe("on_agenda");
    expect((await (await as()).page(d.path)).html).toContain(`Dibawa dari musyawarah ${year - 1}`);
  });
});

describe("planner actions tried as a resident", () => {
  it("refuses every page and action with 403, and sends signed-out visitors to log in", async () => {
    const d = await aDeliberation(db(), { phase: "session", minutes: "Berita acara asli." });
    const a = await aCandidateAspiration(db(), d);
    const target = await anAgendaItem(db(), d, { title: "Judul asli dari perencana" });
    const resident = await as(await aResidentOf(d));
    const item = String(target.id);
    const manage = `/agenda/manage/${d.id}`;
    const gets = ["/agenda/new", manage, `${manage}/pool`, `${manage}/items/${item}`, `${manage}/print`, `${manage}/minutes`, `${manage}/assist`];
    for (const path of gets) expect((await resident.get(path)).status, path).toBe(403);
    const csrf = resident.csrf((await resident.page("/agenda")).html);
    const posts: [string, Record<string, string>][] = [
      ["/agenda/new", deliberationFields(d.areaId, { year: String(year + 5) })],
      [manage, { intent: "advance", to: "decided" }],
      [manage, { ...deliberationFields(d.areaId), intent: "settings" }],
      [manage, { intent: "remove", itemId: item }],
      [manage, { intent: "decide", itemId: item, decision: "declined", reason: "Tidak boleh oleh warga." }],
      [`${manage}/pool`, { title: "Usulan palsu dari warga", rationale: "Seharusnya ditolak server.", urgency: "5", aspirationIds: String(a.id) }],
      [`${manage}/items/${item}`, { title: "Judul diganti warga", rationale: "Seharusnya ditolak server.", urgency: "0" }],
      [`${manage}/minutes`, { minutes: "Berita acara palsu" }],
      [`${manage}/assist`, { residentId: String(planner.id), [`dots-${item}`]: "5" }],
    ];
    for (const [path, fields] of posts) expect((await resident.post(path, fields, { csrf })).status, path).toBe(403);
    expect(await db().deliberation.count({ where: { year: year + 5 } })).toBe(0);
    const after = await db().deliberation.findUniqueOrThrow({ where: { id: d.id }, include: { items: true } });
    expect(after).toMatchObject({ phase: "session", minutes: "Berita acara asli." });
    expect(after.items.map((i) => [i.title, i.decision])).toEqual([["Judul asli dari perencana", null]]);
    expect(await db().agendaVote.count({ where: { deliberationId: d.id } })).toBe(0);

    const visitor = await as();
    const res = await visitor.get(manage);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/login?redirectTo=");
  });
});

describe("ids beyond the integer range", () => {
  const NOT_FOUND = "Musyawarah atau usulan agenda ini tidak ditemukan.";

  it("answers 404 with the area's message for such ids (and other non-ids) in the address, never 500", async () => {
    const d = await aDeliberation(db(), { phase: "candidates" });
    const c = await as(planner);
    const paths = [
      `/agenda/manage/${HUGE}`,
      `/agenda/manage/${HUGE}/pool`,
      `/agenda/manage/${HUGE}/print`,
      `/agenda/manage/${HUGE}/minutes`,
      `/agenda/manage/${HUGE}/assist`,
      `/agenda/manage/${HUGE}/items/1`,
      `/agenda/manage/${d.id}/items/${HUGE}`,
      `/agenda/manage/1e3`,
      `/agenda/manage/${d.id}/items/-1`,
      `/agenda/${HUGE}`,
      `/agenda/${year}/kelurahan/tidak-ada`,
    ];
    for (const path of paths) {
      const page = await c.page(path);
      expect(page.status, path).toBe(404);
      expect(page.html, path).toContain(NOT_FOUND);
    }
    // the files have no page to show the message on: a plain 404
    for (const file of ["export.csv", "export.json", "session.ics"])
      expect((await c.get(`/agenda/${year}/kelurahan/tidak-ada/${file}`)).status, file).toBe(404);
    expect((await c.get(`/agenda/${HUGE}/kelurahan/x/export.csv`)).status).toBe(404);
    const post = await c.post(`/agenda/manage/${HUGE}`, { intent: "advance", to: "review" }, { fromPage: `/agenda/manage/${d.id}` });
    expect(post.status).toBe(404);
    expect(await post.text()).toContain(NOT_FOUND);
  });

  it("refuses such ids in forms with 400 and a message, and writes nothing", async () => {
    const d = await aDeliberation(db(), { phase: "candidates" });
    const item = await anAgendaItem(db(), d);
    const c = await as(planner);
    const manage = `/agenda/manage/${d.id}`;
    const INVALID = "Isian tidak valid. Periksa lalu kirim lagi.";
    const cases: [string, Record<string, string>, string][] = [
      [manage, { intent: "remove", itemId: HUGE }, INVALID],
      [manage, { intent: "decide", itemId: HUGE, decision: "accepted", reason: "" }, INVALID],
      [`${manage}/pool`, { ...itemFields("Usulan dengan id raksasa", []), aspirationIds: HUGE }, "Aspirasi yang dipilih tidak dikenal."],
      [`${manage}/pool`, { ...itemFields("Usulan dibawa dari id raksasa", []), aspirationIds: String(item.aspirations[0].id), carriedFromId: HUGE }, INVALID],
      ["/agenda/new", deliberationFields(d.areaId, { areaId: HUGE }), INVALID],
      [`${manage}/assist`, { residentId: HUGE, [`dots-${item.id}`]: "1" }, INVALID],
    ];
    for (const [path, fields, message] of cases) {
      const res = await c.post(path, fields);
      expect(res.status, `${path} ${JSON.stringify(fields)}`).toBe(400);
      expect(await res.text(), path).toContain(message);
    }
    const after = await db().agendaItem.findMany({ where: { deliberationId: d.id } });
    expect(after.map((i) => [i.id, i.decision])).toEqual([[item.id, null]]);

    // a ballot naming such an item, and the desk's search for such a resident
    const review = await aDeliberation(db(), { phase: "review" });
    await anAgendaItem(db(), review);
    const voter = await as(await aResidentOf(review));
    const ballot = await voter.post(review.path, { [`dots-${HUGE}`]: "1" });
    expect(ballot.status).toBe(400);
    expect(await ballot.text()).toContain("Usulan itu tidak ada di musyawarah ini.");
    expect(await db().agendaVote.count({ where: { deliberationId: review.id } })).toBe(0);
    const desk = await c.page(`/agenda/manage/${review.id}/assist?residentId=${HUGE}`);
    expect(desk.status).toBe(200);
    expect(desk.html).toContain("Warga dengan e-mail atau nomor itu tidak ditemukan.");
    const pool = await c.page(`/agenda/manage/${d.id}/pool?categoryId=${HUGE}&rwId=${HUGE}`);
    expect(pool.status).toBe(200);
  });
});
