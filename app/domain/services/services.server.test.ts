// Service standards against a real (fresh SQLite) database: versions and what a
// printed guide's reader is told, who may edit what, reminders, the catalogue,
// the display feed, open data, staff assignment and integrity reports.
import { describe, expect, it } from "vitest";
import { can, type Role } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import type { Mailer } from "~/domain/notifications/mailer.server";
import {
  aKelurahan,
  aMaklumat,
  anAnnouncement,
  aService,
  aServiceUnit,
  aServiceVersion,
  aUnitStaffMember,
  aUser,
  serviceContent,
} from "../../../prisma/builders";
import { fileIntegrityReport, INTEGRITY_CATEGORY } from "./integrity.server";
import { parseList, requirementSchema, versionFormSchema, type VersionFormInput } from "./services.schema";
import {
  assignStaff,
  CATALOGUE_PAGE_SIZE,
  catalogue,
  displayFeed,
  getServicePage,
  getServiceVersion,
  markChecked,
  openDataRows,
  removeStaff,
  saveVersion,
  setReminderMonths,
  staffOverview,
} from "./services.server";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const database = withTempDatabase("balai-services-");
const db = () => database().db;
const DAY = 86_400_000;
const mailer: Mailer = { send: async () => undefined };

function form(overrides: Record<string, string> = {}): VersionFormInput {
  return versionFormSchema.parse({
    name: "Surat Keterangan Tidak Mampu",
    summary: "Surat untuk keringanan biaya sekolah atau berobat.",
    category: "sosial",
    requirements: "KTP-el | asli\nKartu Keluarga | asli, data terbaru\nSurat pengantar RT/RW | bulan ini",
    stepsCounter: "Warga | mengambil nomor antrean\nPetugas loket | memeriksa berkas\nLurah | menandatangani",
    stepsOnline: "",
    durationValue: "1",
    durationUnit: "working_days",
    costAmount: "0",
    product: "Surat keterangan tidak mampu",
    complaints: "Kotak saran, WhatsApp unit, atau LAPOR!",
    effectiveFrom: "2026-01-05",
    reason: "Perubahan uji",
    ...overrides,
  });
}

/** A built user as an actor (builders return the row, whose role column is a plain string). */
async function person(role: Role = "resident") {
  const user = await aUser(db(), { role });
  return { ...user, role };
}

async function refused(p: Promise<unknown>, status = 403) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).status).toBe(status);
}

describe("the service form", () => {
  it("reads one requirement and one step per line", () => {
    const input = form();
    expect(input.requirements).toEqual([
      { name: "KTP-el", validity: "asli" },
      { name: "Kartu Keluarga", validity: "asli, data terbaru" },
      { name: "Surat pengantar RT/RW", validity: "bulan ini" },
    ]);
    expect(input.stepsCounter[1]).toEqual({ actor: "Petugas loket", text: "memeriksa berkas" });
  });

  it("wants the legal basis of any fee, at least one requirement and a reason", () => {
    const result = versionFormSchema.safeParse({ ...Object.fromEntries(Object.entries(form()).map(([k]) => [k, ""])), costAmount: "10000" });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => i.path.join(".")));
    expect(fields).toContain("reason");
    const paid = versionFormSchema.safeParse({ ...rawForm(), costAmount: "10.000" });
    expect(paid.success).toBe(false);
    expect(paid.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["costBasis", "services.validation.costBasis"]]);
  });

  it("reads a damaged list column as empty", () => {
    expect(parseList("{not json", requirementSchema)).toEqual([]);
  });
});

function rawForm(): Record<string, string> {
  return {
    name: "Surat Keterangan Tidak Mampu",
    summary: "Surat untuk keringanan biaya sekolah atau berobat.",
    category: "sosial",
    requirements: "KTP-el | asli",
    stepsCounter: "Petugas loket | memeriksa berkas",
    durationValue: "1",
    durationUnit: "working_days",
    costAmount: "0",
    product: "Surat keterangan",
    complaints: "Kotak saran di ruang tunggu",
    effectiveFrom: "2026-01-05",
    reason: "Perubahan uji",
  };
}

describe("versions", () => {
  it("makes every save a new version and tells a printed guide's reader what changed", async () => {
    const planner = await person("planner");
    const service = await aService(db(), { content: { costAmount: 0, durationValue: 1 } });
    const v2 = await saveVersion(
      db(),
      planner,
      service.id,
      form({ costAmount: "10000", costBasis: "Perda DKI 1/2026", durationValue: "3", reason: "Tarif baru" }),
    );
    expect(v2.number).toBe(2);

    const page = await getServicePage(db(), service.slug, 1);
    expect(page.currentVersion).toMatchObject({ number: 2, costAmount: 10_000, costBasis: "Perda DKI 1/2026" });
    expect(page.history.map((h) => [h.number, h.reason])).toEqual([
      [2, "Tarif baru"],
      [1, "Standar pertama"],
    ]);
    expect(page.comparison?.status).toBe("older");
    const changes = page.comparison!.status === "older" ? page.comparison!.changes : [];
    expect(changes[0]).toEqual({ kind: "cost", from: 0, to: 10_000 });
    expect(changes[1]).toMatchObject({ kind: "duration", to: { value: 3 } });

    expect((await getServicePage(db(), service.slug, 2)).comparison).toEqual({ status: "current", printed: 2 });
    expect((await getServicePage(db(), service.slug, 99)).comparison).toEqual({ status: "unknown", printed: 99 });
    expect((await getServicePage(db(), service.slug)).comparison).toBeNull();

    const old = await getServiceVersion(db(), service.slug, 2);
    expect(old.changes[0]).toEqual({ kind: "cost", from: 0, to: 10_000 });
    await refused(getServiceVersion(db(), service.slug, 3), 404);
    await refused(getServicePage(db(), "tidak-ada"), 404);
  });

  it("lets planners, admins and the unit's own supervisor edit; nobody else", async () => {
    const unit = await aServiceUnit(db());
    const other = await aServiceUnit(db());
    const service = await aService(db(), { unitId: unit.id });
    const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const elsewhere = await aUnitStaffMember(db(), other.id, "supervisor");
    const resident = await person();
    const moderator = await person("moderator");
    const admin = await person("admin");

    for (const who of [counter, elsewhere, resident, moderator]) await refused(saveVersion(db(), who, service.id, form()));
    await refused(markChecked(db(), counter, service.id));
    await saveVersion(db(), supervisor, service.id, form({ reason: "Supervisor memperbarui" }));
    await saveVersion(db(), admin, service.id, form({ reason: "Admin memperbarui" }));
    expect((await getServicePage(db(), service.slug)).currentVersion.number).toBe(3);
    expect([resident, counter, supervisor, moderator, admin].map((a) => can.serviceDesk(a))).toEqual([false, true, true, false, true]);
  });
});

describe("reminders", () => {
  it("lists the standards not checked for the configured months, within the units one works at", async () => {
    const admin = await person("admin");
    const unit = await aServiceUnit(db());
    const old = await aService(db(), { unitId: unit.id, now: new Date(Date.now() - 200 * DAY) });
    const fresh = await aService(db(), { unitId: unit.id });
    const elsewhere = await aService(db(), { now: new Date(Date.now() - 400 * DAY) });
    const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");

    const mine = await staffOverview(db(), supervisor);
    expect(mine.months).toBe(6);
    expect(mine.stale.map((s) => s.id)).toEqual([old.id]);
    expect(mine.services.map((s) => s.id).sort()).toEqual([old.id, fresh.id].sort());

    const all = await staffOverview(db(), admin);
    expect(all.stale.map((s) => s.id)).toEqual(expect.arrayContaining([old.id, elsewhere.id]));

    await refused(setReminderMonths(db(), supervisor, 12));
    await setReminderMonths(db(), admin, 12);
    expect((await staffOverview(db(), supervisor)).stale).toEqual([]);
    await setReminderMonths(db(), admin, 6);

    await markChecked(db(), supervisor, old.id);
    expect((await staffOverview(db(), supervisor)).stale).toEqual([]);
    await refused(staffOverview(db(), await person()));
  });
});

describe("catalogue, display and open data", () => {
  it("pages and filters the catalogue by unit and keyword", async () => {
    const unit = await aServiceUnit(db());
    for (let i = 0; i < CATALOGUE_PAGE_SIZE + 2; i++) await aService(db(), { unitId: unit.id, content: { name: `Izin Uji ${String(i).padStart(2, "0")}` } });
    await aService(db(), { unitId: unit.id, content: { name: "Akta Kelahiran Uji" } });
    const first = await catalogue(db(), { unit: unit.id });
    expect(first.total).toBe(CATALOGUE_PAGE_SIZE + 3);
    expect(first.items).toHaveLength(CATALOGUE_PAGE_SIZE);
    expect(first.pages).toBe(2);
    const second = await catalogue(db(), { unit: unit.id, page: 2 });
    expect(second.items).toHaveLength(3);
    const search = await catalogue(db(), { unit: unit.id, q: "akta kelahiran" });
    expect(search.items.map((s) => s.name)).toEqual(["Akta Kelahiran Uji"]);
  });

  it("feeds the display with services, current announcements, the Maklumat and the numbers called", async () => {
    const unit = await aServiceUnit(db());
    const service = await aService(db(), { unitId: unit.id, content: { costAmount: 0 } });
    await anAnnouncement(db(), unit.id, { title: "Layanan tutup 17 Agustus" });
    await anAnnouncement(db(), unit.id, { title: "Sudah lewat", startsAt: new Date(Date.now() - 10 * DAY), endsAt: new Date(Date.now() - DAY) });
    await aMaklumat(db(), unit.id, { signerName: "Camat Uji" });
    const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    await db().queueTicket.create({
      data: { unitId: unit.id, serviceId: service.id, day, number: 12, channel: "door", status: "called", counter: "2", calledAt: new Date() },
    });

    const feed = await displayFeed(db(), unit.id);
    expect(feed.services.map((s) => s.slug)).toEqual([service.slug]);
    expect(feed.announcements.map((a) => a.title)).toEqual(["Layanan tutup 17 Agustus"]);
    expect(feed.maklumat?.signerName).toBe("Camat Uji");
    expect(feed.calls).toEqual([expect.objectContaining({ number: 12, counter: "2" })]);
    expect(JSON.parse(JSON.stringify(feed))).toEqual(feed);
    await refused(displayFeed(db(), 999_999), 404);
  });

  it("publishes the current figures as open data", async () => {
    const service = await aService(db(), { content: { costAmount: 0 } });
    await aServiceVersion(db(), service.id, { costAmount: 25_000, costBasis: "Perda 1/2026" });
    const row = (await openDataRows(db(), "https://balai.test")).find((r) => r.slug === service.slug);
    expect(row).toMatchObject({
      versi: 2,
      biaya_rp: 25_000,
      dasar_biaya: "Perda 1/2026",
      url: `https://balai.test/layanan/${service.slug}`,
      persyaratan: ["KTP-el", "Kartu Keluarga"],
    });
  });
});

describe("staff assignment", () => {
  it("lets only admins tie people to units, giving residents the unit role and taking it back", async () => {
    const admin = await person("admin");
    const planner = await person("planner");
    const unit = await aServiceUnit(db());
    const someone = await person();
    await refused(assignStaff(db(), planner, unit.id, { identifier: someone.identifier, role: "counter" }));
    await assignStaff(db(), admin, unit.id, { identifier: someone.identifier, role: "counter" });
    expect((await db().user.findUniqueOrThrow({ where: { id: someone.id } })).role).toBe("counter");
    await assignStaff(db(), admin, unit.id, { identifier: someone.identifier, role: "supervisor" });
    expect((await db().user.findUniqueOrThrow({ where: { id: someone.id } })).role).toBe("supervisor");
    await assignStaff(db(), admin, unit.id, { identifier: planner.identifier, role: "supervisor" });
    expect((await db().user.findUniqueOrThrow({ where: { id: planner.id } })).role).toBe("planner");
    const missing = await assignStaff(db(), admin, unit.id, { identifier: "tidak-ada@uji.test", role: "counter" }).catch((e: DomainError) => e);
    expect(missing).toMatchObject({ field: "identifier", messageKey: "services.staff.noSuchUser" });
    await removeStaff(db(), admin, unit.id, someone.id);
    expect((await db().user.findUniqueOrThrow({ where: { id: someone.id } })).role).toBe("resident");
  });
});

describe("integrity reports", () => {
  it("files a confidential aspiration in the integrity category naming the service, version and unit", async () => {
    const kel = await aKelurahan(db(), { name: "Cakung Barat" });
    const unit = await aServiceUnit(db(), { kind: "kelurahan", areaId: kel.id, name: "Kantor Kelurahan Cakung Barat" });
    const service = await aService(db(), { unitId: unit.id, content: serviceContent({ name: "SKTM", costAmount: 0 }) });
    const created = await fileIntegrityReport(db(), mailer, null, service.slug, {
      kind: "extra_fee",
      description: "Diminta Rp 50.000 agar cepat selesai.",
      kelurahanId: kel.id,
      happenedOn: "2026-11-20",
      contact: "warga@uji.test",
    });
    const row = await db().aspiration.findUniqueOrThrow({ where: { id: created.id }, include: { category: true } });
    expect(row).toMatchObject({ confidential: true, anonymous: false, submitterContact: "warga@uji.test", kelurahanId: kel.id });
    expect(row.category?.slug).toBe(INTEGRITY_CATEGORY);
    expect(row.title).toContain("SKTM");
    expect(row.description).toContain("Kantor Kelurahan Cakung Barat");
    expect(row.description).toContain("versi 1");
    expect(row.description).toContain("Gratis");
    const elsewhere = await aKelurahan(db());
    const wrong = await fileIntegrityReport(db(), mailer, null, service.slug, {
      kind: "fast_lane",
      description: "Ditawari jalur cepat.",
      kelurahanId: elsewhere.id,
    }).catch((e: DomainError) => e);
    expect(wrong).toMatchObject({ field: "kelurahanId" });
  });
});
