// Integrity reports ("asked to pay more, offered a fast lane") are confidential, over real
// HTTP: the tracking page shows only the status to anyone with the code, the reporter
// (signed in), the unit's supervisors and admins see the content; they are in no public
// list, count, report, open data, similar-aspiration hint or deliberation pool, and cannot
// be supported or grouped. A public aspiration in the same kelurahan is the control: it
// shows up wherever the report must not. Each test builds its own data (prisma/builders).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { findSimilar } from "~/domain/aspirations/aspirations.server";
import { candidatePool } from "~/domain/agenda/agenda.server";
import { poolFiltersSchema } from "~/domain/agenda/agenda.schema";
import { currentPeriod as currentSurveyPeriod } from "~/domain/periods";
import { officeReport } from "~/domain/satisfaction/office-report.server";
import { translator } from "~/i18n";
import { aCategory, aDeliberation, aKelurahan, anAspiration, aService, aServiceUnit, aStaffMember, aUnitStaffMember, aUser } from "../../prisma/builders";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let database: Database;
const db = () => database.db;
const id = translator("id");

type Person = { id: number; identifier: string; password: string };

beforeAll(async () => {
  server = await startServer({ env: { BALAI_SEED: "0" } });
  database = await openDatabase(server.databaseUrl);
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

async function html(c: Client, path: string) {
  const res = await c.get(path);
  return { status: res.status, body: await res.text() };
}

describe("integrity reports are confidential", () => {
  it("shows only the status with the code, the content to the reporter, the unit's supervisors and admins, and nothing in public", async () => {
    const kel = await aKelurahan(db(), { name: "Rawa Terate Uji" });
    const unit = await aServiceUnit(db(), { kind: "kelurahan", areaId: kel.id, name: "Kantor Kelurahan Rawa Terate Uji" });
    const otherUnit = await aServiceUnit(db(), { name: "PTSP Lain Uji" });
    const service = await aService(db(), { unitId: unit.id, content: { name: "Surat Pindah Uji" } });
    const [supervisor, elsewhere, counter, planner, moderator, admin, reporter, neighbour] = await Promise.all([
      aUnitStaffMember(db(), unit.id, "supervisor"),
      aUnitStaffMember(db(), otherUnit.id, "supervisor"),
      aUnitStaffMember(db(), unit.id, "counter"),
      aStaffMember(db(), "planner"),
      aStaffMember(db(), "moderator"),
      aStaffMember(db(), "admin"),
      aUser(db()),
      aUser(db()),
    ]);
    // the control: a public aspiration in the same kelurahan, verified, with words the report shares
    const category = await aCategory(db());
    const deliberation = await aDeliberation(db(), { area: kel });
    const control = await anAspiration(db(), {
      kelurahanId: kel.id,
      categoryId: category.id,
      status: "verified",
      title: "Pungutan liar surat pindah di kelurahan",
      description: "Warga diminta membayar pungutan liar untuk surat pindah.",
    });
    const before = await officeReport(db(), currentSurveyPeriod("month"));

    // the reporter files while signed in; the secret is in the description only
    const secret = "Petugas meminta Rp 150.000 pungutan liar surat pindah jalur cepat";
    const r = await as(reporter);
    const filed = await r.post(`/layanan/${service.slug}/integritas`, {
      kind: "fast_lane",
      description: secret,
      kelurahanId: String(kel.id),
      happenedOn: "",
      contact: "",
    });
    expect(filed.status).toBe(302);
    const report = await db().aspiration.findFirstOrThrow({ where: { integrityUnitId: unit.id } });
    expect(report).toMatchObject({ integrityServiceId: service.id, submitterId: reporter.id, confidential: true });
    const { code } = report;
    // the unit's supervisor is told, in the app
    expect(await db().outboxMessage.count({ where: { recipientRef: `user:${supervisor.id}`, templateKey: "services.integrity.notify.new" } })).toBeGreaterThan(
      0,
    );

    // with only the code: the status, nothing of the content
    const guest = await as();
    const sealed = await html(guest, `/aspirations/${code}`);
    expect(sealed.status).toBe(200);
    expect(sealed.body).toContain(id("services.integrity.sealed.title"));
    expect(sealed.body).toContain(id("aspirations.status.received"));
    for (const leak of ["150.000", report.title, "Surat Pindah Uji", kel.name]) expect(sealed.body).not.toContain(leak);
    const receipt = await html(guest, `/aspirations/${code}/receipt`);
    expect(receipt.body).toContain(code);
    expect(receipt.body).not.toContain(report.title);
    for (const who of [neighbour, planner, moderator, counter, elsewhere]) {
      const page = await html(await as(who), `/aspirations/${code}`);
      expect(page.body).not.toContain("150.000");
    }

    // the reporter (signed in), the unit's supervisor and an admin see it
    expect((await html(r, `/aspirations/${code}`)).body).toContain("150.000");
    const sup = await as(supervisor);
    const list = await html(sup, `/layanan/kelola/unit/${unit.id}/integritas`);
    expect(list.status).toBe(200);
    expect(list.body).toContain(code);
    expect((await html(sup, `/layanan/kelola/unit/${unit.id}`)).body).toContain(`/layanan/kelola/unit/${unit.id}/integritas`);
    const manage = await html(sup, `/aspirations/${code}/manage`);
    expect(manage.status).toBe(200);
    expect(manage.body).toContain("150.000");
    const adm = await as(admin);
    expect((await html(adm, `/layanan/kelola/unit/${unit.id}/integritas`)).body).toContain(code);
    expect((await html(adm, `/aspirations/${code}/manage`)).status).toBe(200);
    // nobody else: not planners or moderators (who follow public aspirations up), not counter staff, not another unit's supervisor
    for (const who of [planner, moderator, counter, elsewhere, neighbour]) {
      const c = await as(who);
      expect((await html(c, `/aspirations/${code}/manage`)).status).toBe(403);
      expect((await html(c, `/layanan/kelola/unit/${unit.id}/integritas`)).status).toBe(403);
    }
    const mod = await as(moderator);
    const desk = await html(mod, "/aspirations/staff");
    expect(desk.status).toBe(200);
    expect(desk.body).not.toContain(code);

    // the supervisor follows it up like any aspiration (the reporter hears of it)
    const verified = await sup.post(`/aspirations/${code}/manage`, { intent: "status", to: "verified", note: "Sedang diperiksa oleh inspektorat." });
    expect(verified.status).toBe(302);
    expect((await db().aspiration.findUniqueOrThrow({ where: { code } })).status).toBe("verified");
    const afterStatus = await html(guest, `/aspirations/${code}`);
    expect(afterStatus.body).toContain(id("aspirations.status.verified"));
    expect(afterStatus.body).not.toContain("inspektorat"); // the note is content too
    // a planner may not
    const refused = await (
      await as(planner)
    ).post(`/aspirations/${code}/manage`, { intent: "status", to: "forwarded", note: "x" }, { fromPage: `/aspirations/${control.code}/manage` });
    expect(refused.status).toBe(403);

    // in no public list, count, report or export; the control is in each
    const listPage = await html(guest, `/aspirations?kelurahan=${kel.id}`);
    expect(listPage.body).toContain(control.code);
    expect(listPage.body).not.toContain(code);
    expect(listPage.body).toContain(id("aspirations.index.count", { count: 1 }));
    const byCategory = await html(guest, "/aspirations?category=integritas-layanan");
    expect(byCategory.body).not.toContain(code);
    expect(byCategory.body).toContain(id("aspirations.index.count", { count: 0 }));
    const newForm = await html(guest, "/aspirations/new");
    expect(newForm.body).not.toContain("Integritas layanan");
    for (const file of ["aspirations.json", "aspirations.csv"]) {
      const data = await html(guest, `/aspirations/data/${file}`);
      expect(data.status).toBe(200);
      expect(data.body).toContain(control.code);
      expect(data.body).not.toContain(code);
      expect(data.body).not.toContain("150.000");
    }
    const reportPage = await html(guest, "/aspirations/report");
    expect(reportPage.body).toContain(kel.name);
    expect(reportPage.body).not.toContain("Integritas layanan");
    const reportJson = await html(guest, "/aspirations/data/report.json");
    expect(reportJson.body).not.toContain("integritas-layanan");
    const after = await officeReport(db(), currentSurveyPeriod("month"));
    expect(after.said.aspirations).toBe(before.said.aspirations);
    const similar = await findSimilar(db(), { title: "pungutan liar surat pindah jalur cepat", description: secret });
    expect(similar.map((s) => s.code)).toContain(control.code);
    expect(similar.map((s) => s.code)).not.toContain(code);
    const pool = await candidatePool(db(), { id: planner.id, role: "planner" }, deliberation.id, poolFiltersSchema.parse({}));
    expect(pool.candidates.map((c) => c.code)).toContain(control.code);
    expect(pool.candidates.map((c) => c.code)).not.toContain(code);

    // nothing to support, nothing to group
    const neighbourClient = await as(neighbour);
    const support = await neighbourClient.post(`/aspirations/${code}`, { intent: "support" }, { fromPage: `/aspirations/${control.code}` });
    expect(support.status).toBe(404);
    expect(await db().aspirationSupport.count({ where: { aspirationId: report.id } })).toBe(0);
    const grouped = await sup.post(`/aspirations/${code}/manage`, { intent: "group", primaryCode: control.code });
    expect(grouped.status).not.toBe(302);
    const groupAsModerator = await mod.post(`/aspirations/${control.code}/manage`, { intent: "group", primaryCode: code });
    expect(groupAsModerator.status).toBe(400);
    expect(await groupAsModerator.text()).toContain(id("services.integrity.noGroup"));
    expect((await db().aspiration.findUniqueOrThrow({ where: { id: report.id } })).groupPrimaryId).toBeNull();
  });
});
