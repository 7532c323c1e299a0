// Satisfaction over real HTTP: the web survey and a link after a queue visit move the
// figures, a link answers once, the kiosk counts each answer once whatever the resends,
// and every staff action is refused to those who may not do it. The server starts
// without demo data: each test builds its own.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { ELEMENT_KEYS } from "~/domain/satisfaction/ikm";
import { translator } from "~/i18n";
import { aKioskDevice, anAspiration, aPng, aServedTicket, aService, aServiceUnit, aSurveySheet, aUnitStaffMember, aUser, sheetOf } from "../../prisma/builders";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

type Built = Awaited<ReturnType<typeof aUser>>;

let server: RunningServer;
let database: Database;
let dataDir: string;
let unit: { id: number; name: string };
let other: { id: number };
let serviceId: number;
let people: { resident: Built; counter: Built; supervisor: Built; otherSupervisor: Built; planner: Built; admin: Built };

const db = () => database.db;
const sheet = (score: number | number[], extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(ELEMENT_KEYS.map((k, i) => [k, String(Array.isArray(score) ? score[i] : score)])),
  ...extra,
});

async function as(user: Built | null) {
  const c = new Client(server.url);
  if (user) await c.login(user.identifier, user.password);
  return c;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "balai-skm-data-"));
  server = await startServer({ env: { BALAI_SEED: "0", DATA_DIR: dataDir, RATE_LIMIT_LOGIN: "500", RATE_LIMIT_WRITES: "5000" } });
  database = await openDatabase(server.databaseUrl);
  const u = await aServiceUnit(db(), { name: "PTSP Uji Kepuasan" });
  unit = { id: u.id, name: u.name };
  other = await aServiceUnit(db());
  serviceId = (await aService(db(), { unitId: u.id, content: { name: "Surat Keterangan Uji" } })).id;
  people = {
    resident: await aUser(db()),
    counter: await aUnitStaffMember(db(), u.id, "counter"),
    supervisor: await aUnitStaffMember(db(), u.id, "supervisor"),
    otherSupervisor: await aUnitStaffMember(db(), other.id, "supervisor"),
    planner: await aUser(db(), { role: "planner" }),
    admin: await aUser(db(), { role: "admin" }),
  };
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("the web survey", () => {
  it("takes a sheet without an account and the unit's figures move", async () => {
    const u = await aServiceUnit(db(), { name: "Unit Web Uji" });
    const c = await as(null);
    const form = await c.page(`/survei/unit/${u.id}`);
    expect(form.status).toBe(200);
    expect(form.html).toContain("Bagaimana kemudahan prosedur pelayanan");
    const before = await c.page(`/survei/hasil/${u.id}`);
    expect(before.html).toContain("Belum ada cukup jawaban");
    const res = await c.post(`/survei/unit/${u.id}`, sheet(4, { ageGroup: "30-39", comment: "Mantap" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/survei/hasil/${u.id}`);
    const after = await c.page(`/survei/hasil/${u.id}`);
    expect(after.html).toContain("100,00");
    expect(after.html).toContain("Mutu A (Sangat Baik)");
    expect(after.html).not.toContain("Mantap"); // not moderated yet
    const row = await db().surveyResponse.findFirstOrThrow({ where: { unitId: u.id } });
    expect(row).toMatchObject({ channel: "web", u2: 4, ageGroup: "30-39", enteredById: null });
  });

  it("keeps the answers and says which element is missing", async () => {
    const c = await as(null);
    const answers = sheet(3);
    delete (answers as Record<string, string>).U7;
    const res = await c.post(`/survei/unit/${unit.id}`, answers);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Pilih salah satu jawaban 1–4.");
    expect(html).toMatch(/<input type="radio" name="U1"[^>]* checked=""[^>]* value="3"/);
  });

  it("says plainly when the sample is too small for the service users", async () => {
    const u = await aServiceUnit(db());
    const counter = await aUnitStaffMember(db(), u.id, "counter");
    const c = await as(counter);
    const desk = await c.page(`/survei/kelola/${u.id}?period=2025-Q1`);
    expect(desk.status).toBe(200);
    expect(
      (
        await c.post(
          `/survei/kelola/${u.id}`,
          { intent: "users", unitId: String(u.id), period: "2025-Q1", serviceUsers: "5000" },
          { fromPage: `/survei/kelola/${u.id}` },
        )
      ).status,
    ).toBe(302);
    await aSurveySheet(db(), u.id, sheetOf([4, 4, 3, 4, 3, 4, 4, 4, 3]), { answeredAt: new Date("2025-02-03T03:00:00Z") });
    const page = await c.page(`/survei/hasil/${u.id}?period=2025-Q1`);
    expect(page.html).toContain("1 dari 357 responden");
    expect(page.html).toContain("Sampel terlalu kecil");
  });
});

describe("after a queue visit", () => {
  it("a served visit gets one link, the link answers once, and the figures move", async () => {
    const ticket = await aServedTicket(db(), unit.id, serviceId);
    const counter = await as(people.counter);
    const made = await counter.post(`/survei/kelola/${unit.id}`, { intent: "visit", ticketId: String(ticket.id) }, { fromPage: `/survei/kelola/${unit.id}` });
    expect(made.status).toBe(200);
    const token = (await made.text()).match(/\/survei\/t\/([A-Za-z0-9_-]+)/)![1];
    const resident = await as(null);
    const form = await resident.page(`/survei/t/${token}`);
    expect(form.html).toContain("Surat Keterangan Uji");
    const before = await db().surveyResponse.count({ where: { unitId: unit.id, channel: "queue" } });
    expect((await resident.post(`/survei/t/${token}`, sheet(3))).status).toBe(302);
    expect(await db().surveyResponse.count({ where: { unitId: unit.id, channel: "queue", serviceId } })).toBe(before + 1);
    // the same link again: refused, nothing stored
    const again = await resident.post(`/survei/t/${token}`, sheet(1), { fromPage: `/survei/unit/${unit.id}` });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("sudah dipakai");
    expect(await db().surveyResponse.count({ where: { unitId: unit.id, channel: "queue" } })).toBe(before + 1);
    expect((await resident.page(`/survei/t/${token}`)).html).toContain("Survei ini sudah diisi");
    // the service's figures count the visit as a service user and the answer as a respondent
    const results = await resident.page(`/survei/hasil/${unit.id}?service=${serviceId}`);
    expect(results.html).toContain("75,00");
    expect(results.html).toMatch(/1 dari 1 responden/);
    expect((await resident.page("/survei/t/tidak-ada-tautan")).status).toBe(404);
  });
});

describe("the kiosk", () => {
  it("is enrolled by staff (who are signed out of the tablet), counts each answer once, stops when revoked", async () => {
    const tablet = await as(people.counter);
    await tablet.page(`/survei/kelola/${unit.id}`);
    const enrol = await tablet.post(
      `/survei/kelola/${unit.id}`,
      { intent: "enrol", unitId: String(unit.id), name: "Tablet loket 1" },
      { fromPage: `/survei/kelola/${unit.id}` },
    );
    expect(enrol.status).toBe(302);
    expect(enrol.headers.get("location")).toBe("/kiosk");
    expect(tablet.cookies.has("balai_session")).toBe(false);
    expect((await tablet.get(`/survei/kelola/${unit.id}`)).status).toBe(302); // no staff login left
    const kiosk = await tablet.page("/kiosk");
    expect(kiosk.html).toContain("Bagaimana layanan kami hari ini?");
    const answers = JSON.stringify([
      { key: "tablet-answer-0001", score: 4, elements: ["U7"], answeredAt: new Date(Date.now() - 60_000).toISOString() },
      { key: "tablet-answer-0002", score: 2, elements: [] },
    ]);
    const csrf = tablet.csrf(kiosk.html);
    const first = await tablet.post("/kiosk/sync", { answers }, { csrf });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ stored: ["tablet-answer-0001", "tablet-answer-0002"], duplicates: [] });
    const resent = await tablet.post("/kiosk/sync", { answers }, { csrf });
    expect((await resent.json()).stored).toEqual([]);
    const device = await db().kioskDevice.findFirstOrThrow({ where: { name: "Tablet loket 1" } });
    expect(await db().surveyResponse.count({ where: { deviceId: device.id } })).toBe(2);
    // without JavaScript: a face, then the "why" step adds the element
    const face = await tablet.post("/kiosk", { intent: "answer", score: "1" }, { csrf });
    expect(face.status).toBe(302);
    const key = new URL(face.headers.get("location")!, server.url).searchParams.get("key")!;
    expect((await tablet.post("/kiosk", { intent: "why", key, elements: "U3" }, { csrf })).headers.get("location")).toBe("/kiosk?step=thanks");
    expect(await db().surveyResponse.findFirstOrThrow({ where: { deviceId: device.id, clientKey: key } })).toMatchObject({ overall: 1, u3: 1, u1: null });
    // revoked from the desk: the tablet's answers are refused, it says so
    const supervisor = await as(people.supervisor);
    expect(
      (await supervisor.post(`/survei/kelola/${unit.id}`, { intent: "revoke", deviceId: String(device.id) }, { fromPage: `/survei/kelola/${unit.id}` })).status,
    ).toBe(302);
    expect((await tablet.post("/kiosk/sync", { answers }, { csrf })).status).toBe(403);
    expect((await tablet.page("/kiosk")).html).toContain("belum didaftarkan");
  });
});

describe("authorization of every staff action", () => {
  const desk = () => `/survei/kelola/${unit.id}`;

  async function arrange() {
    const ticket = await aServedTicket(db(), unit.id, serviceId);
    const { device } = await aKioskDevice(db(), unit.id);
    const anomaly = await db().surveyAnomaly.create({ data: { unitId: unit.id, kind: "identical_burst", windowStart: new Date(), windowEnd: new Date() } });
    const alert = await db().surveyAlert.create({ data: { unitId: unit.id, threshold: 0.4, windowMinutes: 60, negativeShare: 0.8, answers: 20 } });
    const comment = await aSurveySheet(db(), unit.id, sheetOf(2), { comment: "Antre lama" });
    return {
      visit: { intent: "visit", ticketId: String(ticket.id) },
      link: { intent: "link", unitId: String(unit.id) },
      users: { intent: "users", unitId: String(unit.id), period: "2026-Q1", serviceUsers: "120" },
      revoke: { intent: "revoke", deviceId: String(device.id) },
      decide: { intent: "decide", anomalyId: String(anomaly.id), decision: "kept", note: "jawaban asli dari antrean pagi" },
      acknowledge: { intent: "acknowledge", alertId: String(alert.id), comment: "petugas ditambah" },
      moderate: { intent: "moderate", responseId: String(comment.id), status: "approved" },
    };
  }

  const counterMay = ["visit", "link", "users", "revoke"];
  const supervisorOnly = ["decide", "acknowledge", "moderate"];

  it("residents and staff of another unit may do none of them; anonymous people are sent to log in", async () => {
    const actions = await arrange();
    expect((await (await as(null)).get(desk())).status).toBe(302);
    for (const who of [people.resident, people.otherSupervisor]) {
      const c = await as(who);
      expect((await c.get(desk())).status).toBe(403);
      const csrf = c.csrf((await c.page("/survei")).html);
      for (const [name, fields] of Object.entries(actions)) {
        const res = await c.post(desk(), fields, { csrf });
        expect([name, res.status]).toEqual([name, 403]);
      }
      expect((await c.post(desk(), { intent: "enrol", unitId: String(unit.id), name: "Tablet asing" }, { csrf })).status).toBe(403);
      expect((await c.get(`${desk()}/kertas`)).status).toBe(403);
      expect((await c.post(`${desk()}/kertas`, sheet(4), { csrf })).status).toBe(403);
      expect((await c.get("/survei/kelola/unsur")).status).toBe(403);
    }
  });

  it("counter staff do the desk work; only the unit's supervisor (or a planner/admin) decides, acknowledges and moderates", async () => {
    const actions = await arrange();
    const counter = await as(people.counter);
    const csrf = counter.csrf((await counter.page(desk())).html);
    for (const name of supervisorOnly)
      expect([name, (await counter.post(desk(), actions[name as keyof typeof actions], { csrf })).status]).toEqual([name, 403]);
    for (const name of counterMay)
      expect([name, (await counter.post(desk(), actions[name as keyof typeof actions], { csrf })).status]).toSatisfy(
        ([, s]: [string, number]) => s === 200 || s === 302,
      );
    expect((await counter.post(`${desk()}/kertas`, sheet(3, { answeredOn: "2026-01-05" }), { csrf })).status).toBe(302);
    expect(await db().surveyResponse.count({ where: { unitId: unit.id, channel: "paper", enteredById: people.counter.id } })).toBe(1);

    const supervisor = await as(people.supervisor);
    const sCsrf = supervisor.csrf((await supervisor.page(desk())).html);
    for (const name of supervisorOnly)
      expect([name, (await supervisor.post(desk(), actions[name as keyof typeof actions], { csrf: sCsrf })).status]).toEqual([name, 302]);
    expect(await db().surveyAnomaly.findFirstOrThrow({ where: { id: Number(actions.decide.anomalyId) } })).toMatchObject({
      status: "kept",
      decidedById: people.supervisor.id,
    });
    expect(await db().surveyAlert.findFirstOrThrow({ where: { id: Number(actions.acknowledge.alertId) } })).toMatchObject({
      acknowledgedById: people.supervisor.id,
      comment: "petugas ditambah",
    });
    const published = await supervisor.page(`/survei/hasil/${unit.id}`);
    expect(published.html).toContain("Antre lama");

    const planner = await as(people.planner);
    expect((await planner.get(desk())).status).toBe(200);
    expect((await planner.get("/survei/kelola/unsur")).status).toBe(403);
  });

  it("only admins edit the element labels", async () => {
    const admin = await as(people.admin);
    const page = await admin.page("/survei/kelola/unsur");
    expect(page.status).toBe(200);
    const fields = {
      key: "U4",
      position: "4",
      nameId: "Biaya/tarif",
      nameEn: "Cost/fee",
      questionId: "Apakah biaya yang Anda bayar sesuai papan informasi?",
      questionEn: "Was the cost you paid the one on the notice board?",
      answer1Id: "Sangat mahal",
      answer2Id: "Cukup mahal",
      answer3Id: "Murah",
      answer4Id: "Gratis",
      answer1En: "Very expensive",
      answer2En: "Rather expensive",
      answer3En: "Cheap",
      answer4En: "Free",
    };
    expect((await admin.post("/survei/kelola/unsur", fields, { csrf: admin.csrf(page.html) })).status).toBe(302);
    expect((await (await as(null)).page(`/survei/unit/${unit.id}`)).html).toContain("Apakah biaya yang Anda bayar sesuai papan informasi?");
    const planner = await as(people.planner);
    expect((await planner.post("/survei/kelola/unsur", fields, { csrf: planner.csrf((await planner.page("/survei")).html) })).status).toBe(403);
  });
});

describe("report cards", () => {
  it("rank the units side by side and show a unit's card with its trend", async () => {
    const c = await as(null);
    const ranking = await c.page("/survei/rapor");
    expect(ranking.status).toBe(200);
    expect(ranking.html).toContain(unit.name);
    const card = await c.page(`/survei/rapor/${unit.id}`);
    expect(card.status).toBe(200);
    expect(card.html).toContain("Tren IKM");
    expect((await c.page("/survei/rapor/99999999999")).status).toBe(404);
  });
});

describe("the printable SKM report", () => {
  it("has the method and sample, the profile with shares, the nine elements with the IKM, the lowest elements and their actions, the trend, the plan and the forum", async () => {
    const u = await aServiceUnit(db(), { name: "Unit Laporan SKM Uji" });
    const at = new Date("2025-02-10T03:00:00Z");
    // three sheets (U8 2, U3 3, the rest 4) and a kiosk tap counted for U1 only
    for (const [i, sex] of (["f", "f", "m"] as const).entries()) {
      await aSurveySheet(db(), u.id, sheetOf([4, 4, 3, 4, 4, 4, 4, 2, 4]), {
        answeredAt: new Date(at.getTime() + i * 60_000),
        sex,
        channel: i ? "web" : "paper",
      });
    }
    await aSurveySheet(db(), u.id, { U1: 1 }, { answeredAt: at, channel: "kiosk" });
    await db().survey.create({ data: { unitId: u.id, period: "2025-Q1", serviceUsers: 100, forumNote: "Dibahas bersama warga pada FKP 20 April 2025." } });
    await db().followUpAction.create({
      data: {
        unitId: u.id,
        period: "2025-Q1",
        elementKey: "U8",
        title: "Perbaiki kursi ruang tunggu",
        ownerName: "Kasatpel",
        dueOn: new Date("2025-05-01T00:00:00Z"),
      },
    });
    const c = await as(null);
    const page = await c.page(`/survei/hasil/${u.id}/laporan?period=2025-Q1`);
    expect(page.status).toBe(200);
    const html = page.html.replace(/<!-- -->/g, ""); // React's markers between text pieces
    expect(html).toContain("Laporan Survei Kepuasan Masyarakat");
    expect(html).toContain("Periode survei: Rabu, 1 Januari 2025 sampai Senin, 31 Maret 2025");
    // method: N = 100 entered by staff, Krejcie–Morgan 80, 3 respondents, not representative
    expect(html).toMatch(/Populasi: pengguna layanan dalam periode \(N\)<\/dt><dd>100 \(dicatat petugas\)<\/dd>/);
    expect(html).toMatch(/Sampel minimum \(Krejcie–Morgan, S\)<\/dt><dd>80<\/dd>/);
    expect(html).toMatch(/Responden: kuesioner lengkap sembilan unsur<\/dt><dd>3<\/dd>/);
    expect(html).toContain("sampel minimum belum tercapai");
    expect(html).toMatch(/Formulir kertas<\/th><td>1<\/td>/);
    expect(html).toMatch(/Kios<\/th><td>1<\/td>/);
    // profile with shares: two of three women
    expect(html).toMatch(/Perempuan<\/th><td>2<\/td><td>66,7%<\/td>/);
    // elements: the weighted NRR and the IKM; U1 = 13/4 = 3.25, so (3.25 + 4·6 + 3 + 2)/9 = 3.5833 → 89.58, A
    expect(html).toContain("NRR tertimbang (× 1/9)");
    expect(html).toMatch(/IKM \(1–4\) = jumlah NRR tertimbang<\/th><td>3,5833<\/td>/);
    expect(html).toContain("<strong>89,58</strong> · Mutu A (Sangat Baik)");
    // the lowest elements, lowest first, with the action that answers U8
    const lowest = html.slice(html.indexOf("Unsur dengan nilai terendah"));
    expect(lowest.indexOf("U8 Sarana dan prasarana: NRR 2,00")).toBeGreaterThan(0);
    expect(lowest.indexOf("U3 ")).toBeGreaterThan(lowest.indexOf("U8 Sarana"));
    expect(lowest.indexOf("NRR 3,25")).toBeGreaterThan(lowest.indexOf("U3 "));
    expect(lowest).toContain("Perbaiki kursi ruang tunggu (Direncanakan)");
    expect(html).toContain("Tren IKM");
    expect(html).toContain("Rencana tindak lanjut");
    expect(html).toContain("Dibahas bersama warga pada FKP 20 April 2025.");
    // the results page links to it; an unknown unit is a 404
    expect((await c.page(`/survei/hasil/${u.id}?period=2025-Q1`)).html).toContain(`/survei/hasil/${u.id}/laporan?period=2025-Q1`);
    expect((await c.page("/survei/hasil/99999999/laporan")).status).toBe(404);
  });

  it("the public consultation forum's note is recorded by the unit's supervisor only and shown in the report", async () => {
    const desk = `/survei/kelola/${unit.id}?period=2025-Q2`;
    const fields = { intent: "forum", period: "2025-Q2", forumNote: "FKP 12 Juli 2025 bersama 30 warga: antrean pagi dipercepat." };
    for (const who of [people.counter, people.otherSupervisor, people.resident]) {
      expect((await (await as(who)).post(`/survei/kelola/${unit.id}`, fields, { fromPage: "/" })).status).toBe(403);
    }
    expect(await db().survey.findUnique({ where: { unitId_period: { unitId: unit.id, period: "2025-Q2" } } })).toBeNull();
    const supervisor = await as(people.supervisor);
    const tooLong = await supervisor.post(`/survei/kelola/${unit.id}`, { ...fields, forumNote: "x".repeat(4001) }, { fromPage: desk });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("Catatan forum paling panjang 4.000 karakter.");
    const saved = await supervisor.post(`/survei/kelola/${unit.id}`, fields, { fromPage: desk });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/survei/kelola/${unit.id}?period=2025-Q2#fkp`);
    expect((await supervisor.page(desk)).html).toContain(fields.forumNote);
    expect((await (await as(null)).page(`/survei/hasil/${unit.id}/laporan?period=2025-Q2`)).html).toContain(fields.forumNote);
  });
});

describe("published with the follow-up", () => {
  it("the supervisor plans an action answering an aspiration; the public page and open data show it; others may not plan", async () => {
    const aspiration = await anAspiration(db());
    const desk = `/survei/kelola/${unit.id}`;
    const fields = {
      intent: "followUp",
      unitId: String(unit.id),
      period: "2025-Q1",
      title: "Tambah kursi untuk lansia di ruang tunggu",
      ownerName: "Kepala Satpel PTSP",
      dueOn: "2025-05-31",
      elementKey: "U8",
      aspirationCode: aspiration.code,
    };
    const counter = await as(people.counter);
    expect((await counter.post(desk, fields, { fromPage: desk })).status).toBe(403);
    const supervisor = await as(people.supervisor);
    expect((await supervisor.post(desk, fields, { fromPage: desk })).status).toBe(302);
    const action = await db().followUpAction.findFirstOrThrow({ where: { unitId: unit.id, title: fields.title } });
    expect((await supervisor.post(desk, { intent: "followUpStatus", actionId: String(action.id), status: "in_progress" }, { fromPage: desk })).status).toBe(
      302,
    );
    expect((await counter.post(desk, { intent: "followUpStatus", actionId: String(action.id), status: "done" }, { fromPage: desk })).status).toBe(403);

    const publicPage = await (await as(null)).page(`/survei/hasil/${unit.id}?period=2025-Q1`);
    expect(publicPage.html).toContain("Hasil SKM dan tindak lanjut");
    expect(publicPage.html).toContain(fields.title);
    expect(publicPage.html).toContain("Berjalan");
    expect(publicPage.html).toContain(aspiration.code);
    const c = await as(null);
    const json = await c.get(`/survei/data/${unit.id}/hasil.json?period=2025-Q1`);
    expect(json.headers.get("content-type")).toContain("application/json");
    const doc = await json.json();
    expect(doc.followUp).toEqual([
      {
        title: fields.title,
        element: "U8",
        owner: "Kepala Satpel PTSP",
        due: "2025-05-31",
        status: "in_progress",
        aspirations: [aspiration.code],
        agendaItems: [],
      },
    ]);
    expect(doc.elements.map((e: { key: string }) => e.key)).toEqual(["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]);
    const csv = await (await c.get(`/survei/data/${unit.id}/hasil.csv?period=2025-Q1`)).text();
    expect(csv.split(/\r?\n/)[0]).toBe("section,key,label,value,detail,due,links");
    expect(csv).toContain("follow_up,U8,Tambah kursi untuk lansia di ruang tunggu,in_progress");
    expect((await c.get(`/survei/data/${unit.id}/lain.txt`)).status).toBe(404);
    // the office report brings what was said, decided and done together
    const office = await c.page("/survei/laporan?period=2025-Q1");
    expect(office.status).toBe(200);
    expect(office.html).toContain("Kami mendengar, kami bertindak");
    expect(office.html).toMatch(/Berjalan<\/dt><dd>1<\/dd>/);
  });
});

describe("mystery shopping", () => {
  it("only the unit's supervisor and admins plan and record visits", async () => {
    const page = `/survei/kelola/${unit.id}/misteri`;
    for (const who of [people.counter, people.planner, people.otherSupervisor, people.resident]) expect((await (await as(who)).get(page)).status).toBe(403);
    const supervisor = await as(people.supervisor);
    expect((await supervisor.page(page)).status).toBe(200);
    const planned = await supervisor.post(page, { serviceId: String(serviceId), plannedFor: "2026-12-15", shopperName: "Relawan uji" }, { fromPage: page });
    expect(planned.status).toBe(302);
    const visitUrl = planned.headers.get("location")!;
    const visit = await db().mysteryVisit.findFirstOrThrow({ where: { unitId: unit.id }, include: { items: true }, orderBy: { id: "desc" } });
    expect((await (await as(people.counter)).get(visitUrl)).status).toBe(403);
    const fields: Record<string, string> = { notes: "Petugas ramah" };
    for (const i of visit.items) {
      fields[`score_${i.id}`] = i.key === "maklumat" ? "0" : "100";
      fields[`notes_${i.id}`] = "";
    }
    expect((await supervisor.post(visitUrl, fields, { fromPage: visitUrl })).status).toBe(302);
    // Maklumat not displayed: 1 of 15 weight points lost -> 933, green
    expect((await supervisor.page(visitUrl)).html).toContain("Nilai 933 dari 1000 · zona hijau");
    const admin = await as(people.admin);
    expect((await admin.get(visitUrl)).status).toBe(200);
  });

  it("keeps photos as evidence per item, checked like every photo and shown only to the unit's supervisor and admins", async () => {
    const id = translator("id");
    const page = `/survei/kelola/${unit.id}/misteri`;
    const supervisor = await as(people.supervisor);
    const planned = await supervisor.post(page, { serviceId: String(serviceId), plannedFor: "2026-12-16", shopperName: "" }, { fromPage: page });
    const visitUrl = planned.headers.get("location")!;
    const visit = await db().mysteryVisit.findFirstOrThrow({ where: { unitId: unit.id }, include: { items: true }, orderBy: { id: "desc" } });
    const maklumat = visit.items.find((i) => i.key === "maklumat")!;
    const upload = async (c: Client, file: Blob, itemId = maklumat.id, caption = "") => {
      const form = new FormData();
      form.set("csrf", c.csrf((await c.page("/")).html));
      form.set("intent", "photo");
      form.set("itemId", String(itemId));
      form.set("caption", caption);
      form.set("photo", file, "bukti.png");
      return fetch(`${server.url}${visitUrl}`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; "), Origin: server.url },
        body: form,
      });
    };
    const png = (w: number, h: number) => new Blob([new Uint8Array(aPng(w, h))], { type: "image/png" });

    // nobody else may add evidence, not even the unit's counter staff or a planner
    for (const who of [people.counter, people.planner, people.otherSupervisor, people.resident]) {
      expect((await upload(await as(who), png(40, 30))).status).toBe(403);
    }
    expect(await db().mysteryPhoto.count({ where: { item: { visitId: visit.id } } })).toBe(0);

    // the same checks as every photo: the type from the bytes, and the 40-megapixel limit
    const text = await upload(supervisor, new Blob(["bukan gambar"], { type: "image/png" }));
    expect(text.status).toBe(415);
    expect(await text.text()).toContain(id("events.photo.type"));
    const huge = await upload(supervisor, png(8000, 5001));
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain(id("events.photo.tooManyPixels", { megapixels: 40 }));
    // a photo of an item of another visit is not this visit's
    const otherVisit = await db().mysteryVisit.findFirstOrThrow({ where: { unitId: unit.id, id: { not: visit.id } }, include: { items: true } });
    expect((await upload(supervisor, png(40, 30), otherVisit.items[0].id)).status).toBe(404);

    const ok = await upload(supervisor, png(400, 300), maklumat.id, "Dinding tanpa Maklumat");
    expect(ok.status).toBe(302);
    const photo = await db().mysteryPhoto.findFirstOrThrow({ where: { itemId: maklumat.id } });
    expect(photo).toMatchObject({ caption: "Dinding tanpa Maklumat", width: 400, height: 300, uploadedById: people.supervisor.id });
    // kept in the private folder, out of reach of the public /images route
    expect(existsSync(path.join(dataDir, "uploads", "private", photo.storageKey))).toBe(true);
    expect(existsSync(path.join(dataDir, "uploads", photo.storageKey))).toBe(false);
    expect((await (await as(null)).get(`/images/${photo.storageKey}/thumb`)).status).toBe(404);

    const html = (await supervisor.page(visitUrl)).html;
    const src = html.match(/<img src="([^"]+)"[^>]*alt="Dinding tanpa Maklumat"/)?.[1];
    expect(src).toBe(`/survei/kelola/misteri/${visit.id}/foto/${photo.id}/thumb`);
    const img = await supervisor.get(src!);
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toBe("image/webp");
    expect(img.headers.get("cache-control")).toBe("private, no-store");
    expect((await (await as(people.admin)).get(src!)).status).toBe(200);
    for (const who of [people.counter, people.planner, people.otherSupervisor, people.resident]) expect((await (await as(who)).get(src!)).status).toBe(403);
    expect((await (await as(null)).get(src!)).status).toBe(302); // to the login page
    expect((await supervisor.get(`/survei/kelola/misteri/${otherVisit.id}/foto/${photo.id}/thumb`)).status).toBe(404);

    // each finding can become a follow-up action: the desk's form comes with the item filled in
    expect(html).toContain(`/survei/kelola/${unit.id}?checkItemId=${maklumat.id}#rtl`);
    expect((await supervisor.page(`/survei/kelola/${unit.id}?checkItemId=${maklumat.id}`)).html).toMatch(
      new RegExp(`name="checkItemId"[^>]*value="${maklumat.id}"|value="${maklumat.id}"[^>]*name="checkItemId"`),
    );

    // at most six per item
    await db().mysteryPhoto.createMany({ data: Array.from({ length: 5 }, (_, i) => ({ itemId: maklumat.id, storageKey: `${String(i).repeat(32)}.png` })) });
    const full = await upload(supervisor, png(40, 30));
    expect(full.status).toBe(409);
    expect(await full.text()).toContain(id("satisfaction.mystery.photo.tooMany", { max: 6 }));

    // removed by the supervisor only, file and all
    expect((await (await as(people.counter)).post(visitUrl, { intent: "removePhoto", photoId: String(photo.id) }, { fromPage: "/" })).status).toBe(403);
    expect((await supervisor.post(visitUrl, { intent: "removePhoto", photoId: String(photo.id) }, { fromPage: visitUrl })).status).toBe(302);
    expect(await db().mysteryPhoto.findUnique({ where: { id: photo.id } })).toBeNull();
    expect(existsSync(path.join(dataDir, "uploads", "private", photo.storageKey))).toBe(false);
  });
});
