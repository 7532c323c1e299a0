// Service standards over real HTTP, as a browser without JavaScript would: a planner
// changes a service's cost and every medium shows the new figure (the web page, the
// print guide, the social card, the display, open data); an old printed QR (?v=1)
// says what changed; every staff action is refused to guests and residents (and to
// staff of other units); forms answer errors next to their fields in the reader's
// language; the integrity form files a confidential aspiration.
// Each test builds its own data with the builders (prisma/builders).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { translator } from "~/i18n";
import { aKelurahan, aMaklumat, anAnnouncement, anEvent, aPng, aService, aServiceUnit, aStaffMember, aUnitStaffMember, aUser } from "../../prisma/builders";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let database: Database;
const db = () => database.db;
const id = translator("id");
const en = translator("en");

type Person = { id: number; identifier: string; password: string };
let planner: Person;
let admin: Person;

beforeAll(async () => {
  // no demo seed: every test builds what it needs
  server = await startServer({ env: { BALAI_SEED: "0" } });
  database = await openDatabase(server.databaseUrl);
  [planner, admin] = await Promise.all([aStaffMember(db(), "planner"), aStaffMember(db(), "admin")]);
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

/** The service form as a planner fills it in, with the given changes. */
function serviceForm(extra: Record<string, string> = {}) {
  return {
    name: "Surat Keterangan Domisili Usaha",
    summary: "Surat yang menerangkan alamat tempat usaha untuk bank atau pemasok.",
    category: "perizinan",
    requirements: "KTP-el | asli\nSurat pengantar RT/RW | bulan ini",
    stepsCounter: "Warga | mengambil nomor antrean\nPetugas loket | memeriksa berkas",
    stepsOnline: "",
    onlineName: "",
    onlineUrl: "",
    durationValue: "1",
    durationUnit: "working_days",
    costAmount: "0",
    costBasis: "",
    product: "Surat keterangan domisili usaha",
    complaints: "Kotak saran di ruang tunggu atau WhatsApp unit.",
    legalBasis: "",
    facilities: "",
    competence: "",
    oversight: "",
    staffCount: "",
    guarantee: "",
    security: "",
    evaluation: "",
    effectiveFrom: "2026-12-01",
    reason: "Penyesuaian tarif",
    ...extra,
  };
}

async function text(c: Client, path: string) {
  const res = await c.get(path);
  return { status: res.status, body: await res.text(), type: res.headers.get("content-type") ?? "" };
}

describe("one source, every medium", () => {
  it("shows a planner's new cost on the page, the print guide, the card, the display and open data; an old QR says what changed", async () => {
    const unit = await aServiceUnit(db(), { name: "PTSP Uji Satu Sumber" });
    const service = await aService(db(), { unitId: unit.id, content: { name: "Surat Keterangan Domisili Usaha", costAmount: 0 } });
    await aMaklumat(db(), unit.id, { signerName: "Camat Uji Sumber" });
    await anAnnouncement(db(), unit.id, { title: "Loket buka Sabtu" });
    const guest = await as();
    const pngBefore = Buffer.from(await (await guest.get(`/layanan/${service.slug}/kartu.png`)).arrayBuffer());
    expect(pngBefore.subarray(1, 4).toString()).toBe("PNG");

    const c = await as(planner);
    const form = await c.page(`/layanan/kelola/${service.slug}`);
    expect(form.status).toBe(200);
    const res = await c.post(
      `/layanan/kelola/${service.slug}`,
      serviceForm({ costAmount: "10000", costBasis: "Perda DKI Jakarta No. 1 Tahun 2024", reason: "Tarif retribusi baru" }),
      { fromPage: `/layanan/kelola/${service.slug}` },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/layanan/${service.slug}`);

    const page = await text(guest, `/layanan/${service.slug}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Rp 10.000");
    expect(page.body).toContain("Perda DKI Jakarta No. 1 Tahun 2024");
    expect(page.body).toContain(id("services.version.number", { number: 2 }).replace("versi", "Versi"));
    expect(page.body).toContain("Tarif retribusi baru");
    expect(page.body).toContain(`/layanan/${service.slug}/kartu.png?v=2`);
    expect(page.body).toMatch(/https:\/\/wa\.me\/\?text=[^"]*Rp%2010\.000/);

    const print = await text(guest, `/layanan/${service.slug}/cetak`);
    expect(print.body).toContain("Rp 10.000");
    expect(print.body).toContain("<svg");
    expect(print.body).toContain(`/layanan/${service.slug}?v=2`);
    const large = await text(guest, `/layanan/${service.slug}/cetak?ukuran=besar`);
    expect(large.body).toContain("svc-print-large");
    expect(large.body).toContain("Rp 10.000");

    const svg = await text(guest, `/layanan/${service.slug}/kartu.svg`);
    expect(svg.type).toContain("image/svg+xml");
    expect(svg.body).toContain("Rp 10.000");
    expect(svg.body).toContain("versi 2");
    const pngAfter = Buffer.from(await (await guest.get(`/layanan/${service.slug}/kartu.png`)).arrayBuffer());
    expect(pngAfter.subarray(1, 4).toString()).toBe("PNG");
    expect(pngAfter.equals(pngBefore)).toBe(false);

    const display = await text(guest, `/layanan/unit/${unit.id}/display`);
    expect(display.body).toContain("Rp 10.000");
    expect(display.body).toMatch(/<noscript><meta http-equiv="refresh" content="15;url=\/layanan\/unit\/\d+\/display\?slide=1"/);
    const feed = JSON.parse((await text(guest, `/layanan/unit/${unit.id}/display.json`)).body);
    expect(feed.services[0]).toMatchObject({ slug: service.slug, costAmount: 10_000, version: 2 });
    expect(feed.announcements.map((a: { title: string }) => a.title)).toEqual(["Loket buka Sabtu"]);
    expect(feed.maklumat.signerName).toBe("Camat Uji Sumber");
    // the display's later items: the announcement, then the Maklumat
    expect((await text(guest, `/layanan/unit/${unit.id}/display?slide=1`)).body).toContain("Loket buka Sabtu");
    expect((await text(guest, `/layanan/unit/${unit.id}/display?slide=2`)).body).toContain("Camat Uji Sumber");

    const json = JSON.parse((await text(guest, "/layanan/data/katalog.json")).body);
    expect(json.services.find((s: { slug: string }) => s.slug === service.slug)).toMatchObject({
      biaya_rp: 10_000,
      versi: 2,
      dasar_biaya: "Perda DKI Jakarta No. 1 Tahun 2024",
    });
    const csv = await text(guest, "/layanan/data/katalog.csv");
    expect(csv.type).toContain("text/csv");
    expect(csv.body.split("\r\n")[0]).toContain("biaya_rp");
    expect(csv.body).toMatch(new RegExp(`${service.slug},[^\\r\\n]*,10000,`));

    // the resident holding the poster printed from version 1
    const old = await text(guest, `/layanan/${service.slug}?v=1`);
    expect(old.body).toContain(id("services.change.cost", { from: "Gratis", to: "Rp 10.000" }));
    const oldEn = await text(guest, `/layanan/${service.slug}?v=1&lang=en`);
    expect(oldEn.body).toContain(en("services.change.cost", { from: "Free", to: "Rp 10.000" }));
    expect((await text(guest, `/layanan/${service.slug}?v=2&lang=id`)).body).toContain(id("services.printed.current", { printed: 2 }));
    const v1 = await text(guest, `/layanan/${service.slug}/versi/1`);
    expect(v1.status).toBe(200);
    expect(v1.body).toContain(id("services.version.old"));

    const unitPage = await text(guest, `/layanan/unit/${unit.id}`);
    expect(unitPage.body).toContain("Camat Uji Sumber");
    expect(unitPage.body).toContain("Rp 10.000");
  });

  it("lists and searches the catalogue by unit", async () => {
    const unit = await aServiceUnit(db(), { name: "PTSP Uji Katalog" });
    await aService(db(), { unitId: unit.id, content: { name: "Akta Kelahiran Katalog" } });
    await aService(db(), { unitId: unit.id, content: { name: "Kartu Keluarga Katalog" } });
    const guest = await as();
    const all = await text(guest, `/layanan?unit=${unit.id}`);
    expect(all.body).toContain("Akta Kelahiran Katalog");
    expect(all.body).toContain("Kartu Keluarga Katalog");
    const search = await text(guest, `/layanan?unit=${unit.id}&q=akta`);
    expect(search.body).toContain("Akta Kelahiran Katalog");
    expect(search.body).not.toContain("Kartu Keluarga Katalog");
    // nonsense in the query is ignored, never a 500
    expect((await guest.get("/layanan?unit=99999999999999&page=abc")).status).toBe(200);
  });

  it("answers unknown services, versions and units with the area's not-found page", async () => {
    const guest = await as();
    const service = await aService(db());
    for (const path of [
      "/layanan/tidak-ada-layanan",
      `/layanan/${service.slug}/versi/9`,
      "/layanan/unit/99999999999",
      "/layanan/unit/999999/display",
      "/layanan/data/lain.xml",
      "/layanan/BESAR",
    ]) {
      const res = await text(guest, path);
      expect(res.status, path).toBe(404);
    }
    expect((await text(guest, "/layanan/tidak-ada-layanan")).body).toContain(id("services.notFound"));
  });
});

describe("staff forms", () => {
  it("refuses a save without a reason and with a fee but no legal basis, next to the fields, in the reader's language", async () => {
    const service = await aService(db());
    const c = await as(planner);
    const res = await c.post(`/layanan/kelola/${service.slug}`, serviceForm({ reason: "", costAmount: "5000" }), {
      fromPage: `/layanan/kelola/${service.slug}`,
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(id("services.validation.reason"));
    expect(html).toContain(id("services.validation.costBasis"));
    expect(html).toMatch(/id="f-reason"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-reason"/);
    const enRes = await c.post(`/layanan/kelola/${service.slug}?lang=en`, serviceForm({ reason: "" }), { fromPage: `/layanan/kelola/${service.slug}` });
    expect(await enRes.text()).toContain(en("services.validation.reason"));
    expect(await db().serviceVersion.count({ where: { serviceId: service.id } })).toBe(1);
  });

  it("lets a planner create a service, and publish the Maklumat and announcements", async () => {
    const unit = await aServiceUnit(db());
    const c = await as(planner);
    const slug = `skck-${unit.id}`;
    const res = await c.post(
      "/layanan/kelola/baru",
      { ...serviceForm({ name: "Pengantar SKCK" }), unitId: String(unit.id), slug },
      { fromPage: "/layanan/kelola/baru" },
    );
    expect(res.status).toBe(302);
    expect((await text(c, `/layanan/${slug}`)).body).toContain("Pengantar SKCK");
    const taken = await c.post("/layanan/kelola/baru", { ...serviceForm(), unitId: String(unit.id), slug }, { fromPage: "/layanan/kelola/baru" });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain(id("services.validation.slugTaken"));

    const back = `/layanan/kelola/unit/${unit.id}`;
    const mk = await c.post(
      back,
      {
        intent: "maklumat",
        text: "Kami sanggup melayani sesuai standar pelayanan yang ditetapkan.",
        signerName: "Camat Baru",
        signerTitle: "Camat",
        signedOn: "2026-11-30",
      },
      { fromPage: back },
    );
    expect(mk.status).toBe(302);
    const an = await c.post(back, { intent: "announce", title: "Libur nasional", body: "", startsOn: "2026-01-01", endsOn: "" }, { fromPage: back });
    expect(an.status).toBe(302);
    const unitPage = (await text(c, `/layanan/unit/${unit.id}`)).body;
    expect(unitPage).toContain("Camat Baru");
    expect(unitPage).toContain("Libur nasional");
    const bad = await c.post(back, { intent: "announce", title: "x", startsOn: "kemarin" }, { fromPage: back });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain(id("services.validation.announcementTitle"));
    expect(badHtml).toContain(id("services.validation.date"));
  });

  it("lets an admin tie counter staff to a unit, and keeps every staff action from residents, guests and other units' staff", async () => {
    const unit = await aServiceUnit(db());
    const other = await aServiceUnit(db());
    const service = await aService(db(), { unitId: unit.id });
    const ann = await anAnnouncement(db(), unit.id);
    const resident = await aUser(db());
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const elsewhere = await aUnitStaffMember(db(), other.id, "supervisor");
    const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");

    const unitAdmin = `/layanan/kelola/unit/${unit.id}`;
    const actions: [string, Record<string, string>][] = [
      [`/layanan/kelola/${service.slug}`, serviceForm()],
      ["/layanan/kelola/baru", { ...serviceForm(), unitId: String(unit.id), slug: `baru-${unit.id}` }],
      ["/layanan/kelola", { intent: "checked", serviceId: String(service.id), name: "x" }],
      ["/layanan/kelola", { intent: "settings", months: "3" }],
      [
        "/layanan/kelola",
        {
          intent: "unit",
          name: "Unit Palsu",
          slug: `palsu-${unit.id}`,
          kind: "kecamatan",
          areaId: String(unit.areaId),
          address: "Jl. Palsu 1",
          openingHours: "Senin–Jumat",
        },
      ],
      [
        unitAdmin,
        {
          intent: "maklumat",
          text: "Kami sanggup melayani sesuai standar pelayanan.",
          signerName: "Orang Lain",
          signerTitle: "Bukan Camat",
          signedOn: "2026-11-30",
        },
      ],
      [unitAdmin, { intent: "announce", title: "Pengumuman palsu", startsOn: "2026-11-30" }],
      [unitAdmin, { intent: "unannounce", announcementId: String(ann.id) }],
      [unitAdmin, { intent: "assign", identifier: resident.identifier, role: "supervisor" }],
      [unitAdmin, { intent: "unassign", userId: String(counter.id) }],
    ];
    const guest = await as();
    const residentClient = await as(resident);
    for (const [path, fields] of actions) {
      const g = await guest.post(path, fields, { fromPage: "/login" });
      expect(g.status, `guest ${path} ${fields.intent ?? ""}`).toBe(302);
      expect(g.headers.get("location"), path).toMatch(/^\/login\?redirectTo=/);
      const r = await residentClient.post(path, fields, { fromPage: "/account" });
      expect(r.status, `resident ${path} ${fields.intent ?? ""}`).toBe(403);
    }
    for (const path of ["/layanan/kelola", `/layanan/kelola/${service.slug}`, "/layanan/kelola/baru", unitAdmin]) {
      expect((await guest.get(path)).status, path).toBe(302);
      expect((await residentClient.get(path)).status, path).toBe(403);
    }
    // counter staff see their desk but may not edit; another unit's supervisor may not touch this unit
    const counterClient = await as(counter);
    expect((await counterClient.get("/layanan/kelola")).status).toBe(200);
    expect((await counterClient.get(`/layanan/kelola/${service.slug}`)).status).toBe(403);
    expect((await counterClient.post(`/layanan/kelola/${service.slug}`, serviceForm(), { fromPage: "/layanan/kelola" })).status).toBe(403);
    const elsewhereClient = await as(elsewhere);
    expect((await elsewhereClient.get(unitAdmin)).status).toBe(403);
    for (const [path, fields] of actions.slice(0, 1).concat(actions.slice(4, 7))) {
      expect((await elsewhereClient.post(path, fields, { fromPage: "/layanan/kelola" })).status, `elsewhere ${path} ${fields.intent ?? ""}`).toBe(403);
    }
    // the unit's supervisor edits, but only admins assign staff
    const supervisorClient = await as(supervisor);
    expect(
      (await supervisorClient.post(`/layanan/kelola/${service.slug}`, serviceForm({ reason: "Supervisor memperbarui" }), { fromPage: "/layanan/kelola" }))
        .status,
    ).toBe(302);
    expect(
      (await supervisorClient.post(unitAdmin, { intent: "assign", identifier: resident.identifier, role: "counter" }, { fromPage: "/layanan/kelola" })).status,
    ).toBe(403);
    expect(await db().serviceVersion.count({ where: { serviceId: service.id } })).toBe(2);
    expect(await db().serviceAnnouncement.count({ where: { unitId: unit.id } })).toBe(1);

    const adminClient = await as(admin);
    const assigned = await adminClient.post(unitAdmin, { intent: "assign", identifier: resident.identifier, role: "counter" }, { fromPage: unitAdmin });
    expect(assigned.status).toBe(302);
    expect((await db().user.findUniqueOrThrow({ where: { id: resident.id } })).role).toBe("counter");
    const unknown = await adminClient.post(unitAdmin, { intent: "assign", identifier: "tidak-ada@uji.test", role: "counter" }, { fromPage: unitAdmin });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain(id("services.staff.noSuchUser"));
    const huge = await adminClient.post(unitAdmin, { intent: "unassign", userId: "99999999999999999999" }, { fromPage: unitAdmin });
    expect(huge.status).toBe(400);
  });
});

describe("units", () => {
  it("lets an admin open a kelurahan office under its kecamatan's PTSP; a planner may not, and a wrong area is refused next to the field", async () => {
    const kel = await aKelurahan(db(), { rwCount: 1 });
    const ptsp = await aServiceUnit(db(), { areaId: kel.kecamatanId });
    const fields = {
      intent: "unit",
      name: "Kantor Kelurahan Baru",
      slug: `kelurahan-baru-${kel.id}`,
      kind: "kelurahan",
      areaId: String(kel.id),
      parentId: String(ptsp.id),
      address: "Jl. Kelurahan 1",
      openingHours: "Senin–Jumat 08.00–15.00 WIB",
      phone: "",
      whatsapp: "",
      email: "",
    };
    const plannerClient = await as(planner);
    expect((await plannerClient.post("/layanan/kelola", fields, { fromPage: "/layanan/kelola" })).status).toBe(403);
    const c = await as(admin);
    const wrong = await c.post("/layanan/kelola", { ...fields, kind: "kecamatan" }, { fromPage: "/layanan/kelola" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain(id("services.validation.area"));
    const res = await c.post("/layanan/kelola", fields, { fromPage: "/layanan/kelola" });
    expect(res.status).toBe(302);
    const unit = await db().serviceUnit.findUniqueOrThrow({ where: { slug: fields.slug } });
    expect(res.headers.get("location")).toBe(`/layanan/kelola/unit/${unit.id}`);
    expect(unit).toMatchObject({ kind: "kelurahan", areaId: kel.id, parentId: ptsp.id });
    expect((await c.page(`/layanan/unit/${ptsp.id}`)).html).toContain("Kantor Kelurahan Baru");
  });
});

describe("the signed Maklumat", () => {
  it("publishes the photo of the signed paper with the pledge and shows it on the unit page; a file that is no picture is refused next to the field", async () => {
    const unit = await aServiceUnit(db());
    const c = await as(planner);
    const path = `/layanan/kelola/unit/${unit.id}`;
    const send = async (file: Blob, name: string) => {
      const page = await c.page(path);
      const form = new FormData();
      form.set("csrf", c.csrf(page.html));
      form.set("intent", "maklumat");
      form.set("text", "Kami sanggup menyelenggarakan pelayanan sesuai standar pelayanan.");
      form.set("signerName", "Camat Bertanda Tangan");
      form.set("signerTitle", "Camat");
      form.set("signedOn", "2026-11-30");
      form.set("photo", file, name);
      return fetch(`${server.url}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; "), Origin: server.url },
        body: form,
      });
    };
    const text = await send(new Blob(["bukan gambar"], { type: "text/plain" }), "maklumat.txt");
    expect(text.status).toBe(415);
    expect(await text.text()).toContain(id("events.photo.type"));
    const ok = await send(new Blob([new Uint8Array(aPng(400, 560))], { type: "image/png" }), "maklumat.png");
    expect(ok.status).toBe(302);
    const row = await db().serviceMaklumat.findFirstOrThrow({ where: { unitId: unit.id } });
    expect(row.imageKey).toMatch(/^local:/);
    const unitPage = await c.page(`/layanan/unit/${unit.id}`);
    const src = unitPage.html.match(/<img src="([^"]+)"[^>]*alt="[^"]*Camat Bertanda Tangan/)?.[1];
    expect(src).toBeTruthy();
    const img = await c.get(src!);
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toBe("image/webp");
  });
});

describe("integrity", () => {
  it("files a confidential report in the integrity category with the service and unit named", async () => {
    const kel = await db().area.create({ data: { level: "kelurahan", name: "Pulo Gebang Uji", code: `uji.pg.${Date.now()}` } });
    const unit = await aServiceUnit(db(), { kind: "kelurahan", areaId: kel.id, name: "Kantor Kelurahan Pulo Gebang Uji" });
    const service = await aService(db(), { unitId: unit.id, content: { name: "SKTM Uji" } });
    const guest = await as();
    const page = await text(guest, `/layanan/${service.slug}/integritas`);
    expect(page.status).toBe(200);
    const res = await guest.post(`/layanan/${service.slug}/integritas`, {
      kind: "fast_lane",
      description: "Ditawari jalur cepat dengan membayar Rp 100.000.",
      kelurahanId: String(kel.id),
      happenedOn: "",
      contact: "",
    });
    expect(res.status).toBe(302);
    const row = await db().aspiration.findFirstOrThrow({ where: { title: { contains: "SKTM Uji" } }, include: { category: true } });
    expect(row.confidential).toBe(true);
    expect(row.category?.slug).toBe("integritas-layanan");
    expect(row.description).toContain("Kantor Kelurahan Pulo Gebang Uji");
    const empty = await guest.post(`/layanan/${service.slug}/integritas`, { kind: "", description: "", kelurahanId: "" });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toContain(id("services.validation.integrityText"));
    expect(html).toContain(id("services.validation.kelurahan"));
  });
});

describe("digital classes", () => {
  it("links a class to the services it teaches (their editors only); the service page lists it and the unit's figures count its attendance", async () => {
    const unit = await aServiceUnit(db(), { name: "PTSP Kelas Uji" });
    const service = await aService(db(), { unitId: unit.id, content: { name: "Pendaftaran NIB Uji" } });
    const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const stranger = await aUnitStaffMember(db(), (await aServiceUnit(db())).id, "supervisor");
    const coming = await anEvent(db(), { kind: "class", title: "Kelas digital: daftar NIB lewat OSS" });
    const held = await anEvent(db(), {
      kind: "class",
      title: "Kelas digital: JAKI untuk lansia",
      status: "completed",
      attendanceCount: 12,
      startsAt: new Date(Date.now() - 3 * 86_400_000),
    });
    const dialogue = await anEvent(db(), { kind: "dialogue" });

    const sup = await as(supervisor);
    const desk = await sup.page("/layanan/kelola/kelas");
    expect(desk.status).toBe(200);
    expect(desk.html).toContain(coming.title);
    expect(desk.html).not.toContain(dialogue.title);
    for (const event of [coming, held]) {
      const res = await sup.post("/layanan/kelola/kelas", { intent: "link", eventId: String(event.id), serviceId: String(service.id) });
      expect(res.status).toBe(302);
    }
    const twice = await sup.post("/layanan/kelola/kelas", { intent: "link", eventId: String(coming.id), serviceId: String(service.id) });
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain(id("services.classes.already"));
    const notClass = await sup.post("/layanan/kelola/kelas", { intent: "link", eventId: String(dialogue.id), serviceId: String(service.id) });
    expect(notClass.status).toBe(400);
    expect(await db().eventService.count({ where: { serviceId: service.id } })).toBe(2);

    // the service page lists the coming class (not the one held), in both languages
    const page = await (await as()).page(`/layanan/${service.slug}`);
    expect(page.html).toContain(coming.title);
    expect(page.html).not.toContain(held.title);
    expect(page.html).toContain(id("services.classes"));
    // the unit's figures count the class held and its attendance
    const figures = await (await as()).page(`/layanan/unit/${unit.id}/angka`);
    expect(figures.html).toContain(id("queue.figures.classAttendance"));
    expect(figures.html).toMatch(/<dd>12<\/dd>/);

    // only editors of the service's unit link and unlink; counter staff do not even see the page
    expect((await (await as(counter)).page("/layanan/kelola/kelas")).status).toBe(403);
    const other = await as(stranger);
    const refused = await other.post("/layanan/kelola/kelas", { intent: "unlink", eventId: String(coming.id), serviceId: String(service.id) });
    expect(refused.status).toBe(403);
    const unlinked = await sup.post("/layanan/kelola/kelas", { intent: "unlink", eventId: String(coming.id), serviceId: String(service.id) });
    expect(unlinked.status).toBe(302);
    expect((await (await as()).page(`/layanan/${service.slug}`)).html).not.toContain(coming.title);
    // a planner links too (every unit); the event form offers the kind
    const byPlanner = await (await as(planner)).post("/layanan/kelola/kelas", { intent: "link", eventId: String(coming.id), serviceId: String(service.id) });
    expect(byPlanner.status).toBe(302);
    const moderator = await aStaffMember(db(), "moderator");
    expect((await (await as(moderator)).page("/events/new")).html).toContain(id("event.kind.class"));
  });
});
