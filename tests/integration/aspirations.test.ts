// Aspirations over real HTTP: every intake channel, permissions, tracking codes,
// status changes, supports, grouping, CSV import (all or nothing), conversions,
// and that a confidential submitter never appears on a public page, an export or
// the server's log. The server starts without demo data: each test builds its own.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { recipientTag } from "~/domain/notifications/mailer.server";
import {
  aCategory,
  aKelurahan,
  anAspiration,
  anAspirationUpdate,
  anEvent,
  aPng,
  aQaSession,
  aQuestion,
  aReply,
  aStaffMember,
  aTopic,
  aUser,
  unique,
} from "../../prisma/builders";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

type Built = Awaited<ReturnType<typeof aUser>>;

let server: RunningServer;
let database: Database;
let dataDir: string;
let ids: { category: number; categorySlug: string; kelurahan: number; kelurahanName: string; rw: number; otherRw: number };
let people: { resident: Built; moderator: Built; planner: Built; admin: Built };

const HUGE_ID = "99999999999999999999";

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "balai-asp-data-"));
  server = await startServer({ env: { BALAI_SEED: "0", DATA_DIR: dataDir, RATE_LIMIT_LOGIN: "500", RATE_LIMIT_WRITES: "2000" } });
  database = await openDatabase(server.databaseUrl);
  const db = database.db;
  const [category, kelurahan, other] = await Promise.all([aCategory(db), aKelurahan(db), aKelurahan(db)]);
  ids = {
    category: category.id,
    categorySlug: category.slug,
    kelurahan: kelurahan.id,
    kelurahanName: kelurahan.name,
    rw: kelurahan.rws[2].id,
    otherRw: other.rws[0].id,
  };
  people = {
    resident: await aUser(db, { kelurahanId: kelurahan.id }),
    moderator: await aStaffMember(db, "moderator"),
    planner: await aStaffMember(db, "planner"),
    admin: await aStaffMember(db, "admin"),
  };
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const codeFrom = (res: Response) => res.headers.get("location")!.match(/\/aspirations\/([A-Z2-9]{4}-[A-Z2-9]{4})/)![1];
const asp = (extra: Record<string, string> = {}) => ({
  title: `Saluran tersumbat ${unique()}`,
  description: "Air meluap ke jalan setiap hujan deras, mohon segera dikeruk.",
  categoryId: String(ids.category),
  kelurahanId: String(ids.kelurahan),
  rwId: String(ids.rw),
  ...extra,
});
async function as(who?: Built) {
  const c = new Client(server.url);
  if (who) await c.login(who.identifier, who.password);
  return c;
}
/** A built aspiration in the test's category and kelurahan. */
const built = (overrides: Parameters<typeof anAspiration>[1] = {}) =>
  anAspiration(database.db, { categoryId: ids.category, kelurahanId: ids.kelurahan, ...overrides });

/** POSTs a multipart form (with photos) as `c`, like a browser. */
async function sendMultipart(c: Client, pathName: string, fields: Record<string, string>, photos: Buffer[] = []) {
  const csrf = c.csrf((await c.page(pathName)).html);
  const body = new FormData();
  for (const [k, v] of Object.entries({ ...fields, csrf })) body.append(k, v);
  for (const [i, bytes] of photos.entries()) body.append("photos", new Blob([new Uint8Array(bytes)], { type: "image/png" }), `foto-${i}.png`);
  return fetch(`${server.url}${pathName}`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; "), Origin: server.url },
  });
}

describe("web intake (no JavaScript)", () => {
  it("checks similar aspirations first, then submits as a guest and shows a receipt with the tracking code", async () => {
    const similar = await built({
      title: `Saluran air tersumbat di Jl. Swadaya ${unique()}`,
      description: "Saluran di depan gang tersumbat sampah dan lumpur, air meluap setiap hujan.",
    });
    const c = await as();
    const check = await c.post(
      "/aspirations/new",
      asp({ intent: "check", identity: "guest", title: "Saluran air tersumbat di Jl. Swadaya", submitterName: "Pak Tamu" }),
    );
    expect(check.status).toBe(200);
    const html = await check.text();
    expect(html).toContain('id="similar-title"');
    expect(html).toContain(`href="/aspirations/${similar.code}"`);
    expect(html).toContain('value="Pak Tamu"');
    const res = await c.post("/aspirations/new", asp({ intent: "submit", identity: "guest", submitterName: "Pak Tamu", submitterContact: "0812-3456-7890" }));
    expect(res.status).toBe(302);
    const code = codeFrom(res);
    expect(res.headers.get("location")).toBe(`/aspirations/${code}/receipt`);
    const receipt = await c.page(`/aspirations/${code}/receipt`);
    expect(receipt.html).toContain(code);
    const row = await database.db.aspiration.findUniqueOrThrow({ where: { code } });
    expect(row).toMatchObject({
      channel: "web",
      status: "received",
      submitterName: "Pak Tamu",
      submitterContact: "+6281234567890",
      submitterId: null,
      anonymous: false,
    });
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
    const c = await as(people.resident);
    const res = await c.post("/aspirations/new", asp({ intent: "submit", identity: "account" }), { fromPage: "/aspirations/new" });
    const code = codeFrom(res);
    const row = await database.db.aspiration.findUniqueOrThrow({ where: { code } });
    expect(row.submitterId).toBe(people.resident.id);
    const note = await database.db.notification.findFirst({
      where: { userId: people.resident.id, messageKey: "aspirations.notify.received" },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(note!.params).code).toBe(code);
  });

  it("stores nothing about an anonymous submitter, even when a name was typed", async () => {
    const c = await as(people.resident);
    const res = await c.post("/aspirations/new", asp({ intent: "submit", identity: "anonymous", submitterName: "Jangan Simpan" }), {
      fromPage: "/aspirations/new",
    });
    const row = await database.db.aspiration.findUniqueOrThrow({ where: { code: codeFrom(res) } });
    expect(row).toMatchObject({ anonymous: true, submitterId: null, submitterName: null, submitterContact: null });
  });

  it("prefills the event source from ?event= and links back to the event", async () => {
    const event = await anEvent(database.db, { kelurahanId: ids.kelurahan });
    const c = await as();
    const form = await c.page(`/aspirations/new?event=${event.id}`);
    expect(form.html).toContain(`name="sourceEventId" value="${event.id}"`);
    const res = await c.post("/aspirations/new", asp({ intent: "submit", identity: "guest", sourceEventId: String(event.id) }), {
      fromPage: `/aspirations/new?event=${event.id}`,
    });
    const code = codeFrom(res);
    expect((await database.db.aspiration.findUniqueOrThrow({ where: { code } })).sourceEventId).toBe(event.id);
    expect((await c.page(`/aspirations/${code}`)).html).toContain(`href="/events/${event.id}"`);
  });

  it("attaches up to 3 photos through the image store and shows them on the page", async () => {
    const png = aPng(8, 6);
    const c = await as();
    const fields = () => asp({ intent: "submit", identity: "guest" });
    const tooMany = await sendMultipart(c, "/aspirations/new", fields(), [png, png, png, png]);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain('id="f-photos-error"');
    const notImage = await sendMultipart(c, "/aspirations/new", fields(), [Buffer.from("bukan gambar")]);
    expect(notImage.status).toBe(415);
    const before = await database.db.aspiration.count();
    const ok = await sendMultipart(c, "/aspirations/new", fields(), [png, png]);
    expect(ok.status).toBe(302);
    expect(await database.db.aspiration.count()).toBe(before + 1);
    const code = codeFrom(ok);
    const images = await database.db.image.findMany({ where: { aspiration: { code } } });
    expect(images.length).toBe(2);
    const page = await c.page(`/aspirations/${code}`);
    expect(page.html).toMatch(/<img[^>]+srcSet="[^"]+"/);
  });

  it("refuses a photo over the pixel limit next to the photos field, and writes nothing", async () => {
    const c = await as();
    const before = await database.db.aspiration.count();
    const title = `Foto raksasa ${unique()}`;
    const res = await sendMultipart(c, "/aspirations/new", asp({ intent: "submit", identity: "guest", title }), [aPng(8, 6), aPng(15000, 15000)]);
    expect(res.status).toBe(413);
    const html = await res.text();
    const error = html.match(/<p class="field-error" id="f-photos-error">([^<]*)<\/p>/);
    expect(error?.[1]).toContain("40 megapiksel");
    expect(html).toMatch(/id="f-photos"[^>]*aria-invalid="true"/);
    expect(html).toContain(title); // what was typed is kept
    expect(await database.db.aspiration.count()).toBe(before);
    expect(await database.db.image.count({ where: { aspiration: { title } } })).toBe(0);
  });

  it("refuses an RW of another kelurahan", async () => {
    const c = await as();
    const res = await c.post("/aspirations/new", asp({ intent: "submit", identity: "guest", rwId: String(ids.otherRw) }), { fromPage: "/aspirations/new" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('id="f-rwId-error"');
  });
});

describe("ids beyond the integer range (issue 10, defect 4)", () => {
  it("answers a form id beyond the range with a 400 next to its field, and writes nothing", async () => {
    const c = await as();
    const staff = await as(people.moderator);
    const before = await database.db.aspiration.count();
    // visible fields show the error next to them; the hidden event id gets the form's alert
    for (const field of ["categoryId", "kelurahanId", "rwId", "sourceEventId"]) {
      const shown = field === "sourceEventId" ? 'class="alert alert-error" role="alert"' : `id="f-${field}-error"`;
      const res = await c.post("/aspirations/new", asp({ intent: "submit", identity: "guest", [field]: HUGE_ID }), { fromPage: "/aspirations/new" });
      expect(res.status, field).toBe(400);
      expect(await res.text(), field).toContain(shown);
      const intake = await staff.post("/aspirations/staff/intake", asp({ channel: "walk_in", consent: "on", [field]: HUGE_ID }), {
        fromPage: "/aspirations/staff/intake",
      });
      expect(intake.status, `intake ${field}`).toBe(400);
      expect(await intake.text(), `intake ${field}`).toContain(shown);
    }
    const point = (
      await anEvent(database.db, { agenda: ["Titik genangan"] }).then((e) => database.db.eventAgendaPoint.findFirstOrThrow({ where: { eventId: e.id } }))
    ).id;
    const convert = await staff.post(
      `/aspirations/from-event-point/${point}`,
      { intent: "confirm", ...asp({ categoryId: HUGE_ID }) },
      { fromPage: `/aspirations/from-event-point/${point}` },
    );
    expect(convert.status).toBe(400);
    expect(await convert.text()).toContain('id="f-categoryId-error"');
    expect(await database.db.aspiration.count()).toBe(before);
  });

  it("answers a URL id beyond the range (or not an id) with a 404 that says what was not found", async () => {
    const staff = await as(people.moderator);
    for (const route of ["from-post", "from-question", "from-event-point"]) {
      for (const id of [HUGE_ID, "2147483648", "abc", "0", "999999"]) {
        const page = await staff.page(`/aspirations/${route}/${id}`);
        expect(page.status, `${route}/${id}`).toBe(404);
        expect(page.html, `${route}/${id}`).toContain("Sumber ini tidak ditemukan atau sudah dihapus.");
      }
      const post = await staff.post(
        `/aspirations/${route}/${HUGE_ID}`,
        { intent: "confirm", ...asp() },
        { csrf: staff.csrf((await staff.page("/aspirations/new")).html) },
      );
      expect(post.status, `POST ${route}`).toBe(404);
    }
    const unknown = await staff.page("/aspirations/AAAA-AAAA");
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain("Aspirasi dengan kode ini tidak ditemukan.");
  });

  it("ignores ids and page numbers beyond the range in the query string", async () => {
    const c = await as(people.resident);
    for (const path of [
      `/aspirations/new?event=${HUGE_ID}`,
      `/aspirations?kelurahan=${HUGE_ID}`,
      `/aspirations?page=${HUGE_ID}`,
      `/notifications?page=${HUGE_ID}`,
    ]) {
      expect((await c.get(path)).status, path).toBe(200);
    }
  });
});

describe("tracking by code", () => {
  it("finds an aspiration by a code typed in lower case with spaces, and 404s on unknown codes", async () => {
    const a = await built();
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
    const resident = await as(people.resident);
    const { code } = await built();
    for (const path of [
      "/aspirations/staff",
      "/aspirations/staff/intake",
      "/aspirations/staff/import",
      "/aspirations/staff/settings",
      `/aspirations/${code}/manage`,
      "/aspirations/from-question/1",
    ]) {
      expect((await resident.get(path)).status, path).toBe(403);
    }
    const moderator = await as(people.moderator);
    expect((await moderator.get("/aspirations/staff/settings")).status).toBe(403);
    expect((await moderator.get("/aspirations/staff")).status).toBe(200);
    const planner = await as(people.planner);
    expect((await planner.get("/aspirations/staff/intake")).status).toBe(200);
    // a resident's forged post is refused on the server too
    const csrf = resident.csrf((await resident.page("/aspirations/new")).html);
    const forged = await resident.post("/aspirations/staff/intake", asp({ channel: "whatsapp", consent: "on" }), { csrf });
    expect(forged.status).toBe(403);
  });

  it.each(["walk_in", "whatsapp", "email", "suggestion_box", "social_media", "kiosk", "event"])(
    "records a %s aspiration on a resident's behalf, with consent",
    async (channel) => {
      const c = await as(people.moderator);
      const name = `Ibu Warsini ${unique()}`;
      const without = await c.post("/aspirations/staff/intake", asp({ channel, submitterName: name }));
      expect(without.status).toBe(400);
      expect(await without.text()).toContain('id="f-consent-error"');
      const res = await c.post("/aspirations/staff/intake", asp({ channel, submitterName: name, consent: "on", intent: "saveNext" }), {
        fromPage: "/aspirations/staff/intake",
      });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toContain(`/aspirations/staff/intake?channel=${channel}`);
      const row = await database.db.aspiration.findFirstOrThrow({ where: { channel, submitterName: name } });
      expect(row.assistedById).toBe(people.moderator.id);
      expect(row.consentRecorded).toBe(true);
    },
  );
});

describe("status changes, supports and grouping", () => {
  it("moves a status with a public note, requires a reason for rejection, and tells the submitter", async () => {
    const resident = await as(people.resident);
    const code = codeFrom(await resident.post("/aspirations/new", asp({ intent: "submit", identity: "account" }), { fromPage: "/aspirations/new" }));
    const staff = await as(people.moderator);
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
    const note = await database.db.notification.findFirst({
      where: { userId: people.resident.id, messageKey: "aspirations.notify.status.verified" },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(note!.params).code).toBe(code);
  });

  it("counts one support per resident, publicly", async () => {
    const { code } = await built();
    const anon = await as();
    const signedOut = await anon.post(`/aspirations/${code}`, { intent: "support" }, { fromPage: "/aspirations/new" });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toContain("/login");
    const r = await as(await aUser(database.db));
    expect((await r.post(`/aspirations/${code}`, { intent: "support" })).status).toBe(302);
    const again = await r.post(`/aspirations/${code}`, { intent: "support" });
    expect(again.status).toBe(400);
    expect((await database.db.aspiration.findUniqueOrThrow({ where: { code } })).supportCount).toBe(1);
    expect((await anon.page(`/aspirations/${code}`)).html).toContain("1 warga mendukung");
  });

  it("groups a duplicate under a primary without deleting it; both pages keep working", async () => {
    const [primary, dup] = [await built(), await built()];
    const staff = await as(people.planner);
    const res = await staff.post(`/aspirations/${dup.code}/manage`, { intent: "group", primaryCode: primary.code.toLowerCase() });
    expect(res.status).toBe(302);
    const g = await as();
    const dupPage = await g.page(`/aspirations/${dup.code}`);
    expect(dupPage.status).toBe(200);
    expect(dupPage.html).toContain(`href="/aspirations/${primary.code}"`);
    expect((await g.page(`/aspirations/${primary.code}`)).html).toContain(`href="/aspirations/${dup.code}"`);
    expect(await database.db.aspiration.count({ where: { code: { in: [primary.code, dup.code] } } })).toBe(2);
  });

  it("shows a grouped duplicate with its group's status, deadlines and log, not its own (issue 10, defect 8)", async () => {
    const db = database.db;
    const primary = await built();
    const member = await built({ createdAt: new Date(Date.now() - 20 * 86_400_000) });
    for (const [to, note] of [
      ["verified", "Sudah dicek petugas kelurahan."],
      ["on_agenda", "Masuk agenda rembuk tahunan."],
      ["accepted", "Disetujui pada rembuk tahunan kecamatan."],
    ] as const) {
      await anAspirationUpdate(db, primary, { to, note, actorId: people.planner.id });
    }
    const staff = await as(people.moderator);
    expect((await staff.post(`/aspirations/${member.code}/manage`, { intent: "group", primaryCode: primary.code })).status).toBe(302);
    for (const path of [`/aspirations/${member.code}`, `/aspirations/${member.code}/receipt`]) {
      const page = await (await as()).page(path);
      expect(page.status, path).toBe(200);
      expect(page.html, path).toContain("Disetujui");
      expect(page.html, path).not.toContain('status-tag status-received">Diterima');
      expect(page.html, path).not.toContain("Petugas akan memverifikasi");
    }
    const page = (await (await as()).page(`/aspirations/${member.code}`)).html;
    expect(page).toContain("Disetujui pada rembuk tahunan kecamatan.");
    // staff change the group's status on the primary: the member's page says so and refuses a change of its own
    const manage = await staff.page(`/aspirations/${member.code}/manage`);
    expect(manage.html).toContain(`href="/aspirations/${primary.code}/manage"`);
    expect(manage.html).not.toContain('name="note"');
    const forced = await staff.post(`/aspirations/${member.code}/manage`, { intent: "status", to: "verified", note: "Dicek" });
    expect(forced.status).toBe(400);
    expect(await forced.text()).toContain("Aspirasi ini sudah dikelompokkan: statusnya mengikuti aspirasi utama.");
    expect((await db.aspiration.findUniqueOrThrow({ where: { id: member.id } })).status).toBe("received");
  });
});

describe("deadlines and the overdue list", () => {
  it("lists a late aspiration for staff, and admins change the working-day deadlines", async () => {
    const late = await built({
      title: `Sampah menumpuk ${unique()}`,
      createdAt: new Date(Date.now() - 10 * 86_400_000),
      verifyDueAt: new Date(Date.now() - 5 * 86_400_000),
    });
    const staff = await as(people.moderator);
    const desk = await staff.page("/aspirations/staff");
    expect(desk.html).toContain(late.title);
    const admin = await as(people.admin);
    const bad = await admin.post("/aspirations/staff/settings", { intent: "deadlines", verifyDays: "0", responseDays: "5" });
    expect(bad.status).toBe(400);
    const ok = await admin.post(
      "/aspirations/staff/settings",
      { intent: "deadlines", verifyDays: "10", responseDays: "20" },
      { fromPage: "/aspirations/staff/settings" },
    );
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

  it("adds and removes a holiday", async () => {
    const admin = await as(people.admin);
    const settings = "/aspirations/staff/settings";
    expect((await admin.post(settings, { intent: "addHoliday", date: "2031-02-03", name: "Libur uji" })).status).toBe(302);
    expect((await admin.page(settings)).html).toContain("Libur uji");
    expect((await admin.post(settings, { intent: "removeHoliday", date: "2031-02-03" }, { fromPage: settings })).status).toBe(302);
    expect((await admin.page(settings)).html).not.toContain("Libur uji");
    expect((await admin.post(settings, { intent: "addHoliday", date: "kemarin", name: "x" }, { fromPage: settings })).status).toBe(400);
  });
});

describe("CSV import", () => {
  const header = "judul,uraian,kategori,kelurahan,rw,kanal,nama,kontak,rahasia";
  const good = (n: number) =>
    `"Lampu jalan mati ${n} ${unique()}","Lampu di gang ${n} mati sejak minggu lalu, gelap sekali.",${ids.categorySlug},${ids.kelurahanName},3,kotak saran,Pak Udin,,tidak`;

  it("imports nothing when one line is bad, and reports that line", async () => {
    const c = await as(people.moderator);
    const before = await database.db.aspiration.count();
    const csv = [header, good(1), `"Jalan rusak","pendek",${ids.categorySlug},Kelurahan Khayalan,3,wa,,bukan-kontak,`, good(3)].join("\n");
    const res = await c.post("/aspirations/staff/import", { intent: "import", csv, consent: "on" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("1 baris bermasalah");
    expect(html).toMatch(/<td>3<\/td>/);
    expect(html).toContain("Pilih kelurahan.");
    expect(await database.db.aspiration.count()).toBe(before);
  });

  it("checks without importing, then imports every line of a valid file", async () => {
    const c = await as(people.moderator);
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
    expect(last).toMatchObject({ channel: "suggestion_box", consentRecorded: true, submitterName: "Pak Udin", assistedById: people.moderator.id });
  });

  it("reads an uploaded CSV file (multipart) as well as pasted text", async () => {
    const c = await as(people.moderator);
    const csrf = c.csrf((await c.page("/aspirations/staff/import")).html);
    const before = await database.db.aspiration.count();
    const body = new FormData();
    body.append("csrf", csrf);
    body.append("intent", "import");
    body.append("consent", "on");
    body.append("csv", "");
    body.append("file", new Blob([[header, good(7), good(8)].join("\n")], { type: "text/csv" }), "kotak-saran.csv");
    const res = await fetch(`${server.url}/aspirations/staff/import`, {
      method: "POST",
      body,
      headers: { Cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; "), Origin: server.url },
    });
    expect(res.status).toBe(200);
    expect(await database.db.aspiration.count()).toBe(before + 2);
  });

  it("needs the consent box to import", async () => {
    const c = await as(people.moderator);
    const res = await c.post("/aspirations/staff/import", { intent: "import", csv: [header, good(1)].join("\n") });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('id="f-consent-error"');
  });
});

describe("one-click conversions", () => {
  it("turns a live Q&A question into an aspiration once, linked both ways", async () => {
    const db = database.db;
    const session = await aQaSession(db);
    const q = await aQuestion(db, session.id, { text: `Bagaimana jadwal pelatihan foto produk untuk UMKM ${unique()}?` });
    const c = await as(people.moderator);
    // the source page's button: a bare POST leads to the prefilled confirmation form
    const start = await c.post(`/aspirations/from-question/${q.id}`, {}, { fromPage: "/aspirations/new" });
    expect(start.status).toBe(303);
    const form = await c.page(`/aspirations/from-question/${q.id}`);
    expect(form.html).toContain(q.text.slice(0, 30));
    const fields = { intent: "confirm", description: q.text, categoryId: String(ids.category), kelurahanId: String(ids.kelurahan) };
    const res = await c.post(`/aspirations/from-question/${q.id}`, { ...fields, title: "Usulan dari sesi tanya jawab" });
    expect(res.status).toBe(302);
    const code = codeFrom(res);
    const row = await db.aspiration.findUniqueOrThrow({ where: { code } });
    expect(row).toMatchObject({ channel: "qa", sourceQuestionId: q.id, sourceEventId: session.eventId });
    expect((await db.qaQuestion.findUniqueOrThrow({ where: { id: q.id }, include: { aspirations: true } })).aspirations.map((a) => a.code)).toEqual([code]);
    expect((await c.page(`/aspirations/${code}`)).html).toContain(`href="/qa/${session.code}"`);
    // second click: the existing aspiration, nothing new
    const again = await c.post(`/aspirations/from-question/${q.id}`, { ...fields, title: "Lagi lagi lagi" }, { fromPage: `/aspirations/${code}` });
    expect(again.headers.get("location")).toBe(`/aspirations/${code}`);
    const second = await c.get(`/aspirations/from-question/${q.id}`);
    expect(second.headers.get("location")).toBe(`/aspirations/${code}`);
    expect(await db.aspiration.count({ where: { sourceQuestionId: q.id } })).toBe(1);
  });

  it("turns a discussion post and an event agenda point into aspirations", async () => {
    const db = database.db;
    const topic = await aTopic(db);
    const post = await aReply(db, topic.root, { body: "Usul ada bank sampah di tiap RW, supaya sampah plastik tidak dibakar." });
    const event = await anEvent(db, { agenda: ["Titik genangan di Jl. Swadaya"] });
    const point = await db.eventAgendaPoint.findFirstOrThrow({ where: { eventId: event.id } });
    const c = await as(people.planner);
    const fields = {
      intent: "confirm",
      title: "Usulan dari forum warga",
      description: "Uraian usulan yang cukup panjang.",
      categoryId: String(ids.category),
      kelurahanId: String(ids.kelurahan),
    };
    const p = codeFrom(await c.post(`/aspirations/from-post/${post.id}`, fields, { fromPage: `/aspirations/from-post/${post.id}` }));
    expect(await db.aspiration.findUniqueOrThrow({ where: { code: p } })).toMatchObject({ channel: "discussion", sourcePostId: post.id });
    expect((await c.page(`/aspirations/${p}`)).html).toContain(`href="/discussions/${topic.id}`);
    const e = codeFrom(await c.post(`/aspirations/from-event-point/${point.id}`, fields, { fromPage: `/aspirations/from-event-point/${point.id}` }));
    expect(await db.aspiration.findUniqueOrThrow({ where: { code: e } })).toMatchObject({
      channel: "event",
      sourceAgendaPointId: point.id,
      sourceEventId: event.id,
    });
    expect((await c.page(`/aspirations/${e}`)).html).toContain(`href="/events/${event.id}"`);
  });
});

describe("confidential submitters stay confidential", () => {
  it("never shows a confidential identity on public pages or exports, but staff see it", async () => {
    const name = `Rahasia Sekali ${unique()}`;
    const contact = `rahasia.${unique()}@contoh.id`;
    const c = await as();
    const title = `Pungutan liar di loket ${unique()}`;
    const code = codeFrom(
      await c.post(
        "/aspirations/new",
        asp({
          intent: "submit",
          identity: "guest",
          submitterName: name,
          submitterContact: contact,
          confidential: "on",
          title,
          address: "Rumah saya di Gg. Rahasia 9",
        }),
        { fromPage: "/aspirations/new" },
      ),
    );
    // a resident's account name, confidential
    const resident = await aUser(database.db, { name: `Warga Rahasia ${unique()}` });
    const w = await as(resident);
    const code2 = codeFrom(
      await w.post("/aspirations/new", asp({ intent: "submit", identity: "account", confidential: "on" }), { fromPage: "/aspirations/new" }),
    );
    const staff = await as(people.moderator);
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
        if (viewer !== w) expect(body, path).not.toContain(resident.name);
      }
    }
    expect((await as().then((x) => x.page("/aspirations/data/aspirations.json"))).html).toContain(title);
    const manage = await staff.page(`/aspirations/${code}/manage`);
    expect(manage.html).toContain(name);
    expect(manage.html).toContain(contact);
  });

  it("keeps the submitters' e-mail addresses out of the server's log (issue 10, defect 7)", async () => {
    const contact = `pelapor.rahasia.${unique()}@contoh.id`;
    const c = await as();
    const code = codeFrom(
      await c.post("/aspirations/new", asp({ intent: "submit", identity: "guest", submitterContact: contact, confidential: "on" }), {
        fromPage: "/aspirations/new",
      }),
    );
    const resident = await aUser(database.db);
    const w = await as(resident);
    const code2 = codeFrom(
      await w.post("/aspirations/new", asp({ intent: "submit", identity: "account", confidential: "on" }), { fromPage: "/aspirations/new" }),
    );
    // a status change mails them again
    const staff = await as(people.moderator);
    for (const c of [code, code2])
      expect((await staff.post(`/aspirations/${c}/manage`, { intent: "status", to: "verified", note: "Sudah diverifikasi petugas" })).status).toBe(302);
    // the mails are written to the log (no SMTP here) by the outbox's worker, a moment later ...
    for (const tag of [`to=${recipientTag(contact)}`, `to=${recipientTag(resident.email!)}`, code]) {
      await expect.poll(() => server.output(), { timeout: 20_000, interval: 200 }).toContain(tag);
    }
    const log = server.output();
    // ... without the addresses
    expect(log).not.toContain(contact);
    expect(log).not.toContain(resident.email!);
    expect(log).not.toMatch(/\[mail\] to=[^#\s]/);
  });
});

describe("reports and open data", () => {
  it("shows the follow-up report with charts and tables, per month and per quarter", async () => {
    await built();
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
    expect(csv.split("\r\n")[0]).toBe(
      "code,title,description,category,kelurahan,rw,channel,status,supports,groupPrimary,receivedAt,verifiedAt,firstResponseAt",
    );
    expect((await c.get("/aspirations/data/nothing.csv")).status).toBe(404);
  });

  it("browses with filters and sorts by support", async () => {
    const [kelurahan, category] = [await aKelurahan(database.db), await aCategory(database.db)];
    const mine = { kelurahanId: kelurahan.id, categoryId: category.id };
    const few = await anAspiration(database.db, { ...mine, status: "done", supportCount: 2, title: `Sedikit dukungan ${unique()}` });
    const many = await anAspiration(database.db, { ...mine, status: "done", supportCount: 9, title: `Banyak dukungan ${unique()}` });
    const open = await anAspiration(database.db, { ...mine, status: "received", title: `Belum ditanggapi ${unique()}` });
    const c = await as();
    const page = await c.page(`/aspirations?status=done&sort=support&kelurahan=${kelurahan.id}&category=${category.slug}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(many.title);
    expect(page.html).toContain(few.title);
    expect(page.html.indexOf(many.title)).toBeLessThan(page.html.indexOf(few.title));
    expect(page.html).not.toContain(open.title);
  });
});
