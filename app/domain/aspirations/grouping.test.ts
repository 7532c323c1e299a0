// Grouping against a real (fresh SQLite) database: nothing is deleted, each
// supporter counts once across the group, and status changes reach the whole group.
import { beforeAll, describe, expect, it } from "vitest";
import { createOutboxWorker } from "~/domain/notifications/worker.server";
import type { Mail } from "~/domain/notifications/mailer.server";
import { getPublicAspiration, getStaffAspiration, insertAspiration, supportAspiration } from "./aspirations.server";
import { groupAspirations, ungroupAspiration } from "./grouping.server";
import { followUpReport, openDataList } from "./report.server";
import { currentPeriod } from "./period";
import { changeAspirationStatus } from "./status.server";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const database = withTempDatabase("balai-asp-");
const mails: Mail[] = [];
const mailer = { send: async (m: Mail) => void mails.push(m) };
let ids: { category: number; kelurahan: number; staff: number; residents: number[] };

beforeAll(async () => {
  const db = database().db;
  const category = await db.category.create({ data: { slug: "infrastruktur", nameId: "Infrastruktur", nameEn: "Infrastructure" } });
  const kel = await db.area.create({ data: { level: "kelurahan", name: "Pondok Kelapa", code: "pk" } });
  const staff = await db.user.create({ data: { name: "Budi", email: "budi@x.test", passwordHash: "x", role: "moderator" } });
  const residents = [];
  for (let i = 0; i < 4; i++) residents.push((await db.user.create({ data: { name: `Warga ${i}`, email: `w${i}@x.test`, passwordHash: "x" } })).id);
  ids = { category: category.id, kelurahan: kel.id, staff: staff.id, residents };
});

const make = (title: string, submitterId: number | null = null) =>
  insertAspiration(database().db, {
    title,
    description: `${title}, mohon ditindaklanjuti.`,
    categoryId: ids.category,
    kelurahanId: ids.kelurahan,
    channel: "web",
    submitterId,
  });
const resident = (i: number) => ({ id: ids.residents[i], role: "resident" as const });
const staff = () => ({ id: ids.staff, role: "moderator" as const });

describe("grouping duplicates", () => {
  it("keeps every original and counts each supporter once across the group", async () => {
    const db = database().db;
    const a = await make("Saluran tersumbat di Jl. Swadaya", ids.residents[3]);
    const b = await make("Got mampet Jl. Swadaya RW 03");
    const c = await make("Genangan di Jl. Swadaya setiap hujan");
    // resident 0 supports two of them, resident 1 one, resident 2 one
    await supportAspiration(db, resident(0), a.code);
    await supportAspiration(db, resident(0), b.code);
    await supportAspiration(db, resident(1), b.code);
    await supportAspiration(db, resident(2), c.code);
    const before = await db.aspiration.count();

    await groupAspirations(db, staff(), { primaryId: a.id, memberId: b.id });
    await groupAspirations(db, staff(), { primaryId: a.id, memberId: c.id });

    expect(await db.aspiration.count()).toBe(before);
    expect(await db.aspirationSupport.count()).toBe(4);
    const primary = await getPublicAspiration(db, a.code, null);
    expect(primary!.supportCount).toBe(3);
    expect(primary!.members.map((m) => m.code).sort()).toEqual([b.code, c.code].sort());
    const member = await getPublicAspiration(db, b.code, resident(0));
    expect(member!.primary!.code).toBe(a.code);
    expect(member!.supportCount).toBe(3);
    expect(member!.supportedByMe).toBe(true);
  });

  it("refuses a second support anywhere in the group", async () => {
    const db = database().db;
    const a = await make("Lampu jalan mati di Jl. Masjid");
    const b = await make("Penerangan jalan Jl. Masjid padam");
    await groupAspirations(db, staff(), { primaryId: a.id, memberId: b.id });
    await supportAspiration(db, resident(1), a.code);
    await expect(supportAspiration(db, resident(1), b.code)).rejects.toMatchObject({ messageKey: "aspirations.support.already" });
    expect((await getPublicAspiration(db, a.code, null))!.supportCount).toBe(1);
  });

  it("flattens a group that joins another and can take one out again", async () => {
    const db = database().db;
    const a = await make("Taman bermain rusak A");
    const b = await make("Taman bermain rusak B");
    const c = await make("Taman bermain rusak C");
    await groupAspirations(db, staff(), { primaryId: b.id, memberId: c.id });
    await groupAspirations(db, staff(), { primaryId: a.id, memberId: b.id });
    const rows = await db.aspiration.findMany({ where: { id: { in: [b.id, c.id] } }, select: { groupPrimaryId: true } });
    expect(rows.every((r) => r.groupPrimaryId === a.id)).toBe(true);
    await expect(groupAspirations(db, staff(), { primaryId: c.id, memberId: a.id })).rejects.toMatchObject({ messageKey: "aspirations.group.same" });
    await ungroupAspiration(db, staff(), c.id);
    expect((await db.aspiration.findUniqueOrThrow({ where: { id: c.id } })).groupPrimaryId).toBeNull();
  });

  it("is for staff only", async () => {
    const a = await make("Trotoar rusak X");
    const b = await make("Trotoar rusak Y");
    await expect(groupAspirations(database().db, resident(0), { primaryId: a.id, memberId: b.id })).rejects.toMatchObject({ status: 403 });
  });
});

describe("changeAspirationStatus", () => {
  it("logs who/when/note, sets verifiedAt and firstResponseAt, and notifies the group's submitters and supporters once each", async () => {
    const db = database().db;
    const a = await make("Pohon tumbang di Jl. Raya", ids.residents[3]);
    const b = await make("Pohon roboh Jl. Raya", ids.residents[2]);
    await supportAspiration(db, resident(0), a.code);
    await supportAspiration(db, resident(0), b.code).catch(() => undefined);
    await groupAspirations(db, staff(), { primaryId: a.id, memberId: b.id });
    mails.length = 0;
    const verified = await changeAspirationStatus(db, mailer, staff(), { aspirationId: a.id, to: "verified", note: "Sudah dicek petugas" });
    expect(verified.status).toBe("verified");
    expect(verified.verifiedAt).not.toBeNull();
    expect(verified.firstResponseAt).toBeNull();
    const forwarded = await changeAspirationStatus(db, mailer, staff(), { aspirationId: a.id, to: "forwarded", note: "Diteruskan ke Sudin Pertamanan" });
    expect(forwarded.firstResponseAt).not.toBeNull();
    const log = await db.aspirationUpdate.findMany({ where: { aspirationId: a.id }, orderBy: { id: "asc" } });
    expect(log.map((u) => [u.fromStatus, u.toStatus, u.actorId])).toEqual([
      ["received", "verified", ids.staff],
      ["verified", "forwarded", ids.staff],
    ]);
    const notes = await db.notification.findMany({ where: { messageKey: "aspirations.notify.status.forwarded" } });
    expect(notes.map((n) => n.userId).sort()).toEqual([ids.residents[0], ids.residents[2], ids.residents[3]].sort());
    // e-mail goes through the outbox: its worker delivers into `mails`
    await createOutboxWorker({ db, mail: { deliver: async (m) => (mails.push(m), {}) }, log: () => undefined }).drain();
    expect(mails.filter((m) => m.text.includes("Sudin Pertamanan")).length).toBe(3);
  });

  it("refuses disallowed changes and a rejection without a reason", async () => {
    const db = database().db;
    const a = await make("Jalan berlubang di gang");
    await expect(changeAspirationStatus(db, mailer, staff(), { aspirationId: a.id, to: "done", note: "ok" })).rejects.toMatchObject({
      messageKey: "aspirations.status.notAllowed",
    });
    await expect(changeAspirationStatus(db, mailer, staff(), { aspirationId: a.id, to: "rejected", note: "" })).rejects.toMatchObject({
      messageKey: "aspirations.status.reasonRequired",
    });
    await expect(changeAspirationStatus(db, mailer, resident(0), { aspirationId: a.id, to: "verified", note: "x" })).rejects.toMatchObject({ status: 403 });
    expect(await db.aspirationUpdate.count({ where: { aspirationId: a.id } })).toBe(0);
  });
});

describe("a grouped duplicate shows its group's follow-up (issue 10, defect 8)", () => {
  it("shows the primary's status, deadlines and log on the member's page, not its own", async () => {
    const db = database().db;
    const primary = await make("Saluran mampet di Jl. Kenanga");
    const member = await make("Got tersumbat Jl. Kenanga");
    await changeAspirationStatus(db, mailer, staff(), { aspirationId: primary.id, to: "verified", note: "Sudah dicek petugas kelurahan" });
    await changeAspirationStatus(db, mailer, staff(), { aspirationId: primary.id, to: "on_agenda", note: "Masuk agenda rembuk" });
    await changeAspirationStatus(db, mailer, staff(), { aspirationId: primary.id, to: "accepted", note: "Disetujui rembuk tahunan" });
    await groupAspirations(db, staff(), { primaryId: primary.id, memberId: member.id });
    const group = (await getPublicAspiration(db, primary.code, null))!;

    const page = (await getPublicAspiration(db, member.code, null))!;
    expect(page.code).toBe(member.code);
    expect(page.title).toBe(member.title);
    expect(page.status).toBe("accepted");
    expect(page.verifiedAt).toEqual(group.verifiedAt);
    expect(page.firstResponseAt).toEqual(group.firstResponseAt);
    expect(page.verifyDueAt).toEqual(group.verifyDueAt);
    expect(page.responseDueAt).toEqual(group.responseDueAt);
    expect(page.updates.map((u) => u.note)).toEqual(["Sudah dicek petugas kelurahan", "Masuk agenda rembuk", "Disetujui rembuk tahunan"]);
    expect(page.primary).toMatchObject({ code: primary.code, status: "accepted" });

    // staff follow the group up on its primary: the member offers no status change of its own
    const desk = (await getStaffAspiration(db, staff(), member.code))!;
    expect(desk.status).toBe("accepted");
    expect(desk.next).toEqual([]);
    await expect(changeAspirationStatus(db, mailer, staff(), { aspirationId: member.id, to: "verified", note: "Dicek" })).rejects.toMatchObject({
      messageKey: "aspirations.group.followUpOnPrimary",
      field: undefined,
    });

    // the open data and the report say the same
    const row = (await openDataList(db)).find((r) => r.code === member.code)!;
    expect(row).toMatchObject({ status: "accepted", groupPrimary: primary.code, verifiedAt: group.verifiedAt!.toISOString() });
    const monthLater = new Date(Date.now() + 30 * 86_400_000);
    const grouped = await followUpReport(db, currentPeriod("month"), monthLater);

    // out of the group again, it shows its own follow-up: received, and a month later overdue
    await ungroupAspiration(db, staff(), member.id);
    const ungrouped = await followUpReport(db, currentPeriod("month"), monthLater);
    expect(ungrouped.totals.overdue - grouped.totals.overdue).toBe(1);
    const alone = (await getPublicAspiration(db, member.code, null))!;
    expect(alone.status).toBe("received");
    expect(alone.updates).toEqual([]);
  });
});
