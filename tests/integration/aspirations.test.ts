// Aspirations over real HTTP: every intake channel, permissions, tracking codes,
// status changes, supports, grouping, CSV import (all or nothing), conversions,
// and that a confidential submitter never appears on a public page or export.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let database: Database;
let ids: { category: number; kelurahan: number; rw: number; otherRw: number };

beforeAll(async () => {
  server = await startServer();
  database = await openDatabase(server.databaseUrl);
  const db = database.db;
  const category = await db.category.findUniqueOrThrow({ where: { slug: "infrastruktur" } });
  const kel = await db.area.findFirstOrThrow({ where: { name: "Pondok Kelapa", level: "kelurahan" }, include: { children: { orderBy: { name: "asc" } } } });
  const other = await db.area.findFirstOrThrow({ where: { name: "Klender", level: "kelurahan" }, include: { children: true } });
  ids = { category: category.id, kelurahan: kel.id, rw: kel.children[2].id, otherRw: other.children[0].id };
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

const uniq = () => Math.random().toString(36).slice(2, 8);
const codeFrom = (res: Response) => res.headers.get("location")!.match(/\/aspirations\/([A-Z2-9]{4}-[A-Z2-9]{4})/)![1];
const asp = (extra: Record<string, string> = {}) => ({
  title: `Saluran tersumbat ${uniq()}`,
  description: "Air meluap ke jalan setiap hujan deras, mohon segera dikeruk.",
  categoryId: String(ids.category),
  kelurahanId: String(ids.kelurahan),
  rwId: String(ids.rw),
  ...extra,
});
async function as(email?: string) {
  const c = new Client(server.url);
  if (email) await c.login(email);
  return c;
}

describe("web intake (no JavaScript)", () => {
  it("checks similar aspirations first, then submits as a guest and shows a receipt with the tracking code", async () => {
    const c = await as();
    const check = await c.post("/aspirations/new", asp({ intent: "check", identity: "guest", title: "Saluran air tersumbat di Jl. Swadaya", submitterName: "Pak Tamu" }));
    expect(check.status).toBe(200);
    const html = await check.text();
    expect(html).toContain('id="similar-title"');
    expect(html).toMatch(/href="\/aspirations\/[A-Z2-9]{4}-[A-Z2-9]{4}"/); // the seeded drain report is similar
    expect(html).toContain('value="Pak Tamu"');
    const res = await c.post("/aspirations/new", asp({ intent: "submit", identity: "guest", submitterName: "Pak Tamu", submitterContact: "0812-3456-7890" }));
    expect(res.status).toBe(302);
    const code = codeFrom(res);
    expect(res.headers.get("location")).toBe(`/aspirations/${code}/receipt`);
    const receipt = await c.page(`/aspirations/${code}/receipt`);
    expect(receipt.html).toContain(code);
    const row = await database.db.aspiration.findUniqueOrThrow({ where: { code } });
    expect(row).toMatchObject({ channel: "web", status: "received", submitterName: "Pak Tamu", submitterContact: "+6281234567890", submitterId: null, anonymous: false });
    expect(row.verifyDueAt!.getTime()).toBeGreaterThan(row.createdAt.getTime());
    expect(row.responseDueAt!.getTime()).toBeGreaterThan(row.verifyDueAt!.getTime());
  });

  it("keeps what was typed and shows errors next to the fields", async () => {
    const c = await as();
    const res = await c.post("/aspirations/new", asp({ intent: "check", title: "", submitterContact: "bukan-kontak" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="f-title-error"');
    expect(html).toContain('id="f-submitterContact-error"');
    expect(html).toContain("Air meluap ke jalan");
  });

  it("links a signed-in resident's aspiration to the account and notifies them", async () => {
    const c = await as("warga@balai.test");
    const res = await c.post("/aspirations/new", asp({ intent: "submit", identity: "account" }), { fromPage: "/aspirations/new" });
    const code = codeFrom(res);
    const row = await database.db.aspiration.findUniqueOrThrow({ where: { code }, include: { submitter: true } });
    expect(row.submitter?.email).toBe("warga@balai.test");
    const note = await database.db.notification.findFirst({ where: { userId: row.submitterId!, messageKey: "aspirations.notify.received" }, orderBy: { id: "desc" } });
    expect(JSON.parse(note!.params).code).toBe(code);
  });

  it("stores nothing about an anonymous submitter, even when a name was typed", async () => {
    const c = await as("warga@balai.test");
    const res = await c.post("/aspirations/new", asp({ intent: "submit", identity: "anonymous", submitterName: "Jangan Simpan" }), { fromPage: "/aspirations/new" });
    const row = await database.db.aspiration.findUniqueOrThrow({ where: { code: codeFrom(res) } });
    expect(row).toMatchObject({ anonymous: true, submitterId: null, submitterName: null, submitterContact: null });
  });

  it("prefills the event source from ?event= and links back to the event", async () => {
    const event = await database.db.event.findFirstOrThrow({ where: { status: { not: "draft" } } });
    const c = await as();
    const form = await c.page(`/aspirations/new?event=${event.id}`);
    expect(form.html).toContain(`name="sourceEventId" value="${event.id}"`);
    const res = await c.post("/aspirations/new", asp({ intent: "submit", identity: "guest", sourceEventId: String(event.id) }), { fromPage: `/aspirations/new?event=${event.id}` });
    const code = codeFrom(res);
    expect((await database.db.aspiration.findUniqueOrThrow({ where: { code } })).sourceEventId).toBe(event.id);
    expect((await c.page(`/aspirations/${code}`)).html).toContain(`href="/events/${event.id}"`);
  });

  it("attaches up to 3 photos through the image store and shows them on the page", async () => {
    const { default: sharp } = await import("sharp");
    const png = await sharp({ create: { width: 8, height: 6, channels: 3, background: "#1f6f4a" } }).png().toBuffer();
    const c = await as();
    const csrf = c.csrf((await c.page("/aspirations/new")).html);
    const send = async (files: Blob[]) => {
      const body = new FormData();
      for (const [k, v] of Object.entries(asp({ intent: "submit", identity: "guest", csrf }))) body.append(k, v);
      for (const [i, f] of files.entries()) body.append("photos", f, `foto-${i}.png`);
      const res = await fetch(`${server.url}/aspirations/new`, { method: "POST", body, redirect: "manual", headers: { Cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; "), Origin: server.url } });
      return res;
    };
    const tooMany = await send([1, 2, 3, 4].map(() => new Blob([png], { type: "image/png" })));
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain('id="f-photos-error"');
    const notImage = await send([new Blob([Buffer.from("bukan gambar")], { type: "image/png" })]);
    expect(notImage.status).toBe(415);
    const before = await database.db.aspiration.count();
    const ok = await send([new Blob([png], { type: "image/png" }), new Blob([png], { type: "image/png" })]);
    expect(ok.status).toBe(302);
    expect(await database.db.aspiration.count()).toBe(before + 1);
    const code = codeFrom(ok);
    const images = await database.db.image.findMany({ where: { aspiration: { code } } });
    expect(images.length).toBe(2);
    const page = await c.page(`/aspirations/${code}`);
    expect(page.html).toMatch(/<img[^>]+srcSet="[^"]+"/);
  });

  it("refuses an RW of another kelurahan", async () => {
    const c = await as();
    const res = await c.post("/aspirations/new", asp({ intent: "submit", identity: "guest", rwId: String(ids.otherRw) }), { fromPage: "/aspirations/new" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('id="f-rwId-error"');
  });
});

describe("tracking by code", () => {
  it("finds an aspiration by a code typed in lower case with spaces, and 404s on unknown codes", async () => {
    const a = await database.db.aspiration.findFirstOrThrow();
    const c = await as();
    const found = await c.get(`/aspirations/track?code=${encodeURIComponent(a.code.toLowerCase().replace("-", " "))}`);
    expect(found.status).toBe(302);
    expect(found.headers.get("location")).toBe(`/aspirations/${a.code}`);
    expect((await c.get("/aspirations/track?code=AAAA-AAAA")).status).toBe(404);
    expect((await c.get("/aspirations/AAAA-AAAA")).status).toBe(404);
  });
});

describe("staff intake, permissions", () => {
  it("sends signed-out visitors to log in and refuses residents on every staff page", async () => {
    const anon = await as();
    const res = await anon.get("/aspirations/staff");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/login");
    const resident = await as("warga@balai.test");
    const code = (await database.db.aspiration.findFirstOrThrow()).code;
    const q = await database.db.qaQuestion.findFirstOrThrow();
    for (const path of ["/aspirations/staff", "/aspirations/staff/intake", "/aspirations/staff/import", "/aspirations/staff/settings", `/aspirations/${code}/manage`, `/aspirations/from-question/${q.id}`]) {
      expect((await resident.get(path)).status, path).toBe(403);
    }
    const moderator = await as("moderator@balai.test");
    expect((await moderator.get("/aspirations/staff/settings")).status).toBe(403);
    expect((await moderator.get("/aspirations/staff")).status).toBe(200);
    const planner = await as("perencana@balai.test");
    expect((await planner.get("/aspirations/staff/intake")).status).toBe(200);
    // a resident's forged post is refused on the server too
    const csrf = (await resident.page("/aspirations/new")).html.match(/name="csrf" value="([^"]+)"/)![1];
    const forged = await resident.post("/aspirations/staff/intake", asp({ channel: "whatsapp", consent: "on" }), { csrf });
    expect(forged.status).toBe(403);
  });

  it.each(["walk_in", "whatsapp", "email", "suggestion_box", "social_media", "kiosk", "event"])("records a %s aspiration on a resident's behalf, with consent", async (channel) => {
    const c = await as("moderator@balai.test");
    const without = await c.post("/aspirations/staff/intake", asp({ channel, submitterName: "Ibu Warsini" }));
    expect(without.status).toBe(400);
    expect(await without.text()).toContain('id="f-consent-error"');
    const res = await c.post("/aspirations/staff/intake", asp({ channel, submitterName: "Ibu Warsini", consent: "on", intent: "saveNext" }), { fromPage: "/aspirations/staff/intake" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain(`/aspirations/staff/intake?channel=${channel}`);
    const row = await database.db.aspiration.findFirstOrThrow({ where: { channel, submitterName: "Ibu Warsini" }, orderBy: { id: "desc" }, include: { assistedBy: true } });
    expect(row.assistedBy?.email).toBe("moderator@balai.test");
    expect(row.consentRecorded).toBe(true);
  });
});

describe("status changes, supports and grouping", () => {
  it("moves a status with a public note, requires a reason for rejection, and tells the submitter", async () => {
    const resident = await as("warga@balai.test");
    const code = codeFrom(await resident.post("/aspirations/new", asp({ intent: "submit", identity: "account" }), { fromPage: "/aspirations/new" }));
    const staff = await as("moderator@balai.test");
    const manage = `/aspirations/${code}/manage`;
    const reject = await staff.post(manage, { intent: "status", to: "rejected", note: "" });
    expect(reject.status).toBe(400);
    expect(await reject.text()).toContain('id="f-note-error"');
    const notAllowed = await staff.post(manage, { intent: "status", to: "done", note: "Selesai" }, { fromPage: manage });
    expect(notAllowed.status).toBe(400);
    const ok = await staff.post(manage, { intent: "status", to: "verified", note: "Sudah dicek di lapangan oleh petugas" }, { fromPage: manage });
    expect(ok.status).toBe(302);
    const page = await resident.page(`/aspirations/${code}`);
    expect(page.html).toContain("Sudah dicek di lapangan oleh petugas");
    expect(page.html).toContain("Terverifikasi");
    const row = await database.db.aspiration.findUniqueOrThrow({ where: { code } });
    expect(row.verifiedAt).not.toBeNull();
    const note = await database.db.notification.findFirst({ where: { userId: row.submitterId!, messageKey: "aspirations.notify.status.verified" }, orderBy: { id: "desc" } });
    expect(JSON.parse(note!.params).code).toBe(code);
  });

  it("counts one support per resident, publicly", async () => {
    const owner = await as();
    const code = codeFrom(await owner.post("/aspirations/new", asp({ intent: "submit", identity: "guest" })));
    const anon = await as();
    const signedOut = await anon.post(`/aspirations/${code}`, { intent: "support" }, { fromPage: "/aspirations/new" });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toContain("/login");
    const r = await as("warga@balai.test");
    expect((await r.post(`/aspirations/${code}`, { intent: "support" })).status).toBe(302);
    const again = await r.post(`/aspirations/${code}`, { intent: "support" });
    expect(again.status).toBe(400);
    expect((await database.db.aspiration.findUniqueOrThrow({ where: { code } })).supportCount).toBe(1);
    expect((await anon.page(`/aspirations/${code}`)).html).toContain("1 warga mendukung");
  });

  it("groups a duplicate under a primary without deleting it; both pages keep working", async () => {
    const g = await as();
    const primary = codeFrom(await g.post("/aspirations/new", asp({ intent: "submit", identity: "guest" })));
    const dup = codeFrom(await g.post("/aspirations/new", asp({ intent: "submit", identity: "guest" })));
    const staff = await as("perencana@balai.test");
    const res = await staff.post(`/aspirations/${dup}/manage`, { intent: "group", primaryCode: primary.toLowerCase() });
    expect(res.status).toBe(302);
    const dupPage = await g.page(`/aspirations/${dup}`);
    expect(dupPage.status).toBe(200);
    expect(dupPage.html).toContain(`href="/aspirations/${primary}"`);
    expect((await g.page(`/aspirations/${primary}`)).html).toContain(`href="/aspirations/${dup}"`);
    expect(await database.db.aspiration.count({ where: { code: { in: [primary, dup] } } })).toBe(2);
  });
});

describe("deadlines and the overdue list", () => {
  it("lists the seeded late aspiration for staff, and admins change the working-day deadlines", async () => {
    const staff = await as("moderator@balai.test");
    const desk = await staff.page("/aspirations/staff");
    expect(desk.html).toContain("Tambah jadwal angkut sampah di Klender RW 05");
    const admin = await as("admin@balai.test");
    const bad = await admin.post("/aspirations/staff/settings", { intent: "deadlines", verifyDays: "0", responseDays: "5" });
    expect(bad.status).toBe(400);
    const ok = await admin.post("/aspirations/staff/settings", { intent: "deadlines", verifyDays: "10", responseDays: "20" }, { fromPage: "/aspirations/staff/settings" });
    expect(ok.status).toBe(302);
    try {
      const code = codeFrom(await (await as()).post("/aspirations/new", asp({ intent: "submit", identity: "guest" }), { fromPage: "/aspirations/new" }));
      const row = await database.db.aspiration.findUniqueOrThrow({ where: { code } });
      // 10 working days are at least 14 calendar days
      expect(row.verifyDueAt!.getTime() - row.createdAt.getTime()).toBeGreaterThan(13 * 86_400_000);
    } finally {
      await admin.post("/aspirations/staff/settings", { intent: "deadlines", verifyDays: "3", responseDays: "5" }, { fromPage: "/aspirations/staff/settings" });
    }
  });
});

describe("CSV import", () => {
  const header = "judul,uraian,kategori,kelurahan,rw,kanal,nama,kontak,rahasia";
  const good = (n: number) => `"Lampu jalan mati ${n} ${uniq()}","Lampu di gang ${n} mati sejak minggu lalu, gelap sekali.",infrastruktur,Pondok Kelapa,3,kotak saran,Pak Udin,,tidak`;

  it("imports nothing when one line is bad, and reports that line", async () => {
    const c = await as("moderator@balai.test");
    const before = await database.db.aspiration.count();
    const csv = [header, good(1), `"Jalan rusak","pendek",infrastruktur,Kelurahan Khayalan,3,wa,,bukan-kontak,`, good(3)].join("\n");
    const res = await c.post("/aspirations/staff/import", { intent: "import", csv, consent: "on" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("1 baris bermasalah");
    expect(html).toMatch(/<td>3<\/td>/);
    expect(html).toContain("Pilih kelurahan.");
    expect(await database.db.aspiration.count()).toBe(before);
  });

  it("checks without importing, then imports every line of a valid file", async () => {
    const c = await as("moderator@balai.test");
    const before = await database.db.aspiration.count();
    const csv = [header, good(1), good(2), good(3)].join("\r\n");
    const dry = await c.post("/aspirations/staff/import", { intent: "check", csv });
    expect(dry.status).toBe(200);
    expect(await database.db.aspiration.count()).toBe(before);
    const res = await c.post("/aspirations/staff/import", { intent: "import", csv, consent: "on" }, { fromPage: "/aspirations/staff/import" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("3 aspirasi diimpor");
    expect(await database.db.aspiration.count()).toBe(before + 3);
    const last = await database.db.aspiration.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last).toMatchObject({ channel: "suggestion_box", consentRecorded: true, submitterName: "Pak Udin" });
  });

  it("reads an uploaded CSV file (multipart) as well as pasted text", async () => {
    const c = await as("moderator@balai.test");
    const csrf = c.csrf((await c.page("/aspirations/staff/import")).html);
    const before = await database.db.aspiration.count();
    const body = new FormData();
    body.append("csrf", csrf);
    body.append("intent", "import");
    body.append("consent", "on");
    body.append("csv", "");
    body.append("file", new Blob([[header, good(7), good(8)].join("\n")], { type: "text/csv" }), "kotak-saran.csv");
    const res = await fetch(`${server.url}/aspirations/staff/import`, { method: "POST", body, headers: { Cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; "), Origin: server.url } });
    expect(res.status).toBe(200);
    expect(await database.db.aspiration.count()).toBe(before + 2);
  });

  it("needs the consent box to import", async () => {
    const c = await as("moderator@balai.test");
    const res = await c.post("/aspirations/staff/import", { intent: "import", csv: [header, good(1)].join("\n") });
    expect(res.status).toBe(400);
  });
});

describe("one-click conversions", () => {
  it("turns a live Q&A question into an aspiration once, linked both ways", async () => {
    const db = database.db;
    const q = await db.qaQuestion.findFirstOrThrow({ where: { aspirations: { none: {} } }, include: { session: true } });
    const c = await as("moderator@balai.test");
    // the source page's button: a bare POST leads to the prefilled confirmation form
    const start = await c.post(`/aspirations/from-question/${q.id}`, {}, { fromPage: "/aspirations/new" });
    expect(start.status).toBe(303);
    const form = await c.page(`/aspirations/from-question/${q.id}`);
    expect(form.html).toContain(q.text.slice(0, 30));
    const res = await c.post(`/aspirations/from-question/${q.id}`, { intent: "confirm", title: "Usulan dari sesi tanya jawab", description: q.text, categoryId: String(ids.category), kelurahanId: String(ids.kelurahan) });
    expect(res.status).toBe(302);
    const code = codeFrom(res);
    const row = await db.aspiration.findUniqueOrThrow({ where: { code } });
    expect(row).toMatchObject({ channel: "qa", sourceQuestionId: q.id, sourceEventId: q.session.eventId });
    expect((await db.qaQuestion.findUniqueOrThrow({ where: { id: q.id }, include: { aspirations: true } })).aspirations.map((a) => a.code)).toEqual([code]);
    expect((await c.page(`/aspirations/${code}`)).html).toContain(`href="/qa/${q.session.code}"`);
    // second click: the existing aspiration, nothing new
    const again = await c.post(`/aspirations/from-question/${q.id}`, { intent: "confirm", title: "Lagi lagi lagi", description: q.text, categoryId: String(ids.category), kelurahanId: String(ids.kelurahan) }, { fromPage: `/aspirations/${code}` });
    expect(again.headers.get("location")).toBe(`/aspirations/${code}`);
    const second = await c.get(`/aspirations/from-question/${q.id}`);
    expect(second.headers.get("location")).toBe(`/aspirations/${code}`);
    expect(await db.aspiration.count({ where: { sourceQuestionId: q.id } })).toBe(1);
  });

  it("turns a discussion post and an event agenda point into aspirations", async () => {
    const db = database.db;
    const post = await db.post.findFirstOrThrow({ where: { status: "visible", aspirations: { none: {} } } });
    const point = await db.eventAgendaPoint.findFirstOrThrow({ where: { aspirations: { none: {} } } });
    const c = await as("perencana@balai.test");
    const fields = { intent: "confirm", title: "Usulan dari forum warga", description: "Uraian usulan yang cukup panjang.", categoryId: String(ids.category), kelurahanId: String(ids.kelurahan) };
    const p = codeFrom(await c.post(`/aspirations/from-post/${post.id}`, fields, { fromPage: `/aspirations/from-post/${post.id}` }));
    expect(await db.aspiration.findUniqueOrThrow({ where: { code: p } })).toMatchObject({ channel: "discussion", sourcePostId: post.id });
    expect((await c.page(`/aspirations/${p}`)).html).toContain(`href="/discussions/${post.topicId}`);
    const e = codeFrom(await c.post(`/aspirations/from-event-point/${point.id}`, fields, { fromPage: `/aspirations/from-event-point/${point.id}` }));
    expect(await db.aspiration.findUniqueOrThrow({ where: { code: e } })).toMatchObject({ channel: "event", sourceAgendaPointId: point.id, sourceEventId: point.eventId });
    expect((await c.page(`/aspirations/${e}`)).html).toContain(`href="/events/${point.eventId}"`);
  });
});

describe("confidential submitters stay confidential", () => {
  it("never shows a confidential identity on public pages or exports, but staff see it", async () => {
    const name = `Rahasia Sekali ${uniq()}`;
    const contact = `rahasia.${uniq()}@contoh.id`;
    const c = await as();
    const title = `Pungutan liar di loket ${uniq()}`;
    const code = codeFrom(await c.post("/aspirations/new", asp({ intent: "submit", identity: "guest", submitterName: name, submitterContact: contact, confidential: "on", title, address: "Rumah saya di Gg. Rahasia 9" }), { fromPage: "/aspirations/new" }));
    // the resident's account name, confidential
    const w = await as("warga@balai.test");
    const code2 = codeFrom(await w.post("/aspirations/new", asp({ intent: "submit", identity: "account", confidential: "on" }), { fromPage: "/aspirations/new" }));
    const staff = await as("moderator@balai.test");
    await staff.post(`/aspirations/${code}/manage`, { intent: "status", to: "verified", note: "Sudah diverifikasi" });
    const month = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
    const pages = [
      `/aspirations/${code}`,
      `/aspirations/${code}/receipt`,
      `/aspirations/${code2}`,
      "/aspirations",
      "/aspirations?sort=newest",
      `/aspirations/report?period=${month}`,
      "/aspirations/data/aspirations.csv",
      "/aspirations/data/aspirations.json",
      `/aspirations/data/report.csv?period=${month}`,
      `/aspirations/data/report.json?period=${month}`,
    ];
    for (const path of pages) {
      for (const viewer of [c, w, staff, await as()]) {
        const res = await viewer.get(path);
        expect(res.status, path).toBe(200);
        const body = await res.text();
        expect(body, path).not.toContain(name);
        expect(body, path).not.toContain(contact);
        expect(body, path).not.toContain("Gg. Rahasia");
        // the resident's own name is in their own page header; nobody else sees it
        if (viewer !== w) expect(body, path).not.toContain("Siti Aminah");
      }
    }
    expect((await as().then((x) => x.page("/aspirations/data/aspirations.json"))).html).toContain(title);
    const manage = await staff.page(`/aspirations/${code}/manage`);
    expect(manage.html).toContain(name);
    expect(manage.html).toContain(contact);
  });
});

describe("reports and open data", () => {
  it("shows the follow-up report with charts and tables, per month and per quarter", async () => {
    const c = await as();
    const now = new Date(Date.now() + 7 * 3_600_000);
    const month = now.toISOString().slice(0, 7);
    const quarter = `${now.getUTCFullYear()}-Q${Math.ceil((now.getUTCMonth() + 1) / 3)}`;
    for (const period of [month, quarter]) {
      const page = await c.page(`/aspirations/report?period=${period}`);
      expect(page.status).toBe(200);
      expect(page.html).toContain('role="img"');
      expect(page.html).toContain("<table");
    }
    const json = await (await c.get(`/aspirations/data/report.json?period=${quarter}`)).json();
    expect(json.totals.received).toBeGreaterThan(0);
    expect(json.byKelurahan.length).toBeGreaterThan(0);
    const csv = await (await c.get("/aspirations/data/aspirations.csv")).text();
    expect(csv.split("\r\n")[0]).toBe("code,title,description,category,kelurahan,rw,channel,status,supports,groupPrimary,receivedAt,verifiedAt,firstResponseAt");
  });

  it("browses with filters and sorts by support", async () => {
    const c = await as();
    const page = await c.page("/aspirations?status=done&sort=support");
    expect(page.status).toBe(200);
    expect(page.html).toContain("Saluran air tersumbat di Jl. Swadaya RW 03");
    expect(page.html).not.toContain("Lampu penerangan jalan mati");
  });
});
