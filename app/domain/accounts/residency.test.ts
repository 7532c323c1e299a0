// Residency verified in person, against a real (SQLite) database without HTTP: who
// may verify, what is audited, revocation, a verification that lapses when the
// account's area changes, and a deliberation that counts only verified residents.
import { describe, expect, it } from "vitest";
import { castBallot, loadDeliberation, publicAgenda, scoredItems, voterStatus } from "~/domain/agenda/agenda.server";
import { aBallot, aDeliberation, anAgendaItem, aStaffMember, aUser } from "../../../prisma/builders";
import { findResidents, residencyOfUser, revokeResidency, verifyResidency } from "./residency.server";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const database = withTempDatabase("balai-residency-");
const db = () => database().db;

describe("residency verification", () => {
  it("is done by counter staff, supervisors and admins only, audited, revocable, and lapses when the area changes", async () => {
    const d = await aDeliberation(db(), { phase: "review" });
    const resident = await aUser(db(), { kelurahanId: d.kelurahan!.id, rwId: d.kelurahan!.rws[0].id });
    const [counter, moderator] = await Promise.all([aStaffMember(db(), "counter"), aStaffMember(db(), "moderator")]);
    await expect(verifyResidency(db(), { id: resident.id, role: "resident" }, { userId: resident.id })).rejects.toMatchObject({ status: 403 });
    await expect(verifyResidency(db(), { id: moderator.id, role: "moderator" }, { userId: resident.id })).rejects.toMatchObject({ status: 403 });
    await expect(findResidents(db(), { id: moderator.id, role: "moderator" }, { q: resident.name, page: 1 })).rejects.toMatchObject({ status: 403 });

    expect(await verifyResidency(db(), { id: counter.id, role: "counter" }, { userId: resident.id, note: "KTP diperiksa" })).toEqual({ name: resident.name });
    expect((await residencyOfUser(db(), resident.id)).verified).toBe(true);
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "residency.verified", targetId: String(resident.id) } });
    expect(entry.actorId).toBe(counter.id);
    const listed = await findResidents(db(), { id: counter.id, role: "counter" }, { q: resident.name, page: 1 });
    expect(listed.residents).toEqual([expect.objectContaining({ id: resident.id, verified: true, revocable: true })]);

    await revokeResidency(db(), { id: counter.id, role: "counter" }, { userId: resident.id });
    expect(await residencyOfUser(db(), resident.id)).toMatchObject({ verified: false, lapsed: true });
    await expect(revokeResidency(db(), { id: counter.id, role: "counter" }, { userId: resident.id })).rejects.toMatchObject({
      messageKey: "agenda.residency.notVerified",
    });
    expect(await db().auditLog.count({ where: { action: "residency.revoked", targetId: String(resident.id) } })).toBe(1);

    // verified again, then the account names another RW: no longer verified
    await verifyResidency(db(), { id: counter.id, role: "supervisor" }, { userId: resident.id });
    await db().user.update({ where: { id: resident.id }, data: { rwId: d.kelurahan!.rws[1].id } });
    expect((await residencyOfUser(db(), resident.id)).verified).toBe(false);

    const nowhere = await aUser(db());
    await expect(verifyResidency(db(), { id: counter.id, role: "counter" }, { userId: nowhere.id })).rejects.toMatchObject({
      messageKey: "agenda.residency.noArea",
    });
  });

  it("lets a deliberation count only verified residents' dots, and tells the others why before they vote", async () => {
    const d = await aDeliberation(db(), { phase: "review", verifiedResidentsOnly: true });
    const item = await anAgendaItem(db(), d);
    const admin = await aStaffMember(db(), "admin");
    const [verified, unverified] = await Promise.all([
      aUser(db(), { kelurahanId: d.kelurahan!.id, rwId: d.kelurahan!.rws[0].id }),
      aUser(db(), { kelurahanId: d.kelurahan!.id, rwId: d.kelurahan!.rws[1].id }),
    ]);
    await verifyResidency(db(), { id: admin.id, role: "admin" }, { userId: verified.id });
    const row = await loadDeliberation(db(), d.id);
    expect(await voterStatus(db(), row, unverified.id)).toMatchObject({ eligible: false, reason: "agenda.vote.unverified" });
    await expect(castBallot(db(), { id: unverified.id, role: "resident" }, d.id, { [item.id]: 1 })).rejects.toMatchObject({ status: 403 });
    await castBallot(db(), { id: verified.id, role: "resident" }, d.id, { [item.id]: 3 });
    await aBallot(db(), d, unverified, { [item.id]: 5 }); // stored before the rule, say
    expect((await scoredItems(db(), row))[0].breakdown.components.votes).toBe(3);
    expect(await publicAgenda(db(), null, row)).toMatchObject({ voterCount: 1, dotCount: 3 });
    // the same votes without the rule: every resident of the area counts
    await db().deliberation.update({ where: { id: d.id }, data: { verifiedResidentsOnly: false } });
    const open = await loadDeliberation(db(), d.id);
    expect((await voterStatus(db(), open, unverified.id)).eligible).toBe(true);
    expect(await publicAgenda(db(), null, open)).toMatchObject({ voterCount: 2, dotCount: 8 });
  });
});
