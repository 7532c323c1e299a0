// The deliberation's use cases against a real (fresh SQLite) database: the
// candidate pool (scope, intake period, grouping, score order with its tie-break,
// paging), the vote budget and eligibility, and an aspiration's agenda items.
import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "~/domain/errors";
import { agendaItemsForAspiration, candidatePool, castBallot, createItem, loadDeliberation, POOL_PAGE_SIZE, scoredItems, voterStatus } from "./agenda.server";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const database = withTempDatabase("balai-agenda-");
const db = () => database().db;
const DAY = 86_400_000;
let ids: { kecamatan: number; kel: number[]; rw: number[]; planner: number; deliberation: number; inside: number; outside: number };
const planner = () => ({ id: ids.planner, role: "planner" as const });
const now = new Date();

let n = 0;
async function aspiration(extra: { kelurahanId: number; rwId?: number; supportCount?: number; status?: string; createdAt?: Date; groupPrimaryId?: number }) {
  n++;
  return db().aspiration.create({
    data: {
      code: `T${String(n).padStart(3, "0")}-TEST`,
      title: `Usulan ${n}`,
      description: "Deskripsi.",
      channel: "web",
      status: "verified",
      createdAt: new Date(now.getTime() - 10 * DAY),
      ...extra,
    },
  });
}

beforeAll(async () => {
  const kecamatan = await db().area.create({ data: { level: "kecamatan", name: "Duren Sawit", code: "ds" } });
  const other = await db().area.create({ data: { level: "kecamatan", name: "Cakung", code: "ck" } });
  const kel = [
    await db().area.create({ data: { level: "kelurahan", name: "Klender", code: "ds.kl", parentId: kecamatan.id } }),
    await db().area.create({ data: { level: "kelurahan", name: "Malaka Sari", code: "ds.ms", parentId: kecamatan.id } }),
    await db().area.create({ data: { level: "kelurahan", name: "Cakung Barat", code: "ck.cb", parentId: other.id } }),
  ];
  const rw = [
    await db().area.create({ data: { level: "rw", name: "RW 01", code: "ds.kl.1", parentId: kel[0].id } }),
    await db().area.create({ data: { level: "rw", name: "RW 01", code: "ds.ms.1", parentId: kel[1].id } }),
  ];
  const p = await db().user.create({ data: { name: "Perencana", email: "p@x.test", passwordHash: "x", role: "planner" } });
  const inside = await db().user.create({ data: { name: "Warga", email: "w@x.test", passwordHash: "x", kelurahanId: kel[0].id, rwId: rw[0].id } });
  const outside = await db().user.create({ data: { name: "Tetangga", email: "t@x.test", passwordHash: "x", kelurahanId: kel[2].id } });
  const d = await db().deliberation.create({
    data: {
      year: 2026,
      level: "kecamatan",
      areaId: kecamatan.id,
      phase: "review",
      intakeStart: new Date(now.getTime() - 100 * DAY),
      intakeEnd: new Date(now.getTime() - DAY),
      reviewStart: new Date(now.getTime() - DAY),
      reviewEnd: new Date(now.getTime() + 10 * DAY),
      weightSupports: 1,
      weightVotes: 1,
      weightUrgency: 1,
      weightReach: 10,
      votesPerResident: 3,
    },
  });
  ids = {
    kecamatan: kecamatan.id,
    kel: kel.map((k) => k.id),
    rw: rw.map((r) => r.id),
    planner: p.id,
    deliberation: d.id,
    inside: inside.id,
    outside: outside.id,
  };
});

describe("candidate pool", () => {
  it("takes verified primaries of the intake period in the area, counts groups once, and orders by score with the tie-break", async () => {
    const [kl, ms, cb] = ids.kel;
    const a = await aspiration({ kelurahanId: kl, supportCount: 12 }); // 12 + 10 x reach(2 with its duplicate) = 32
    await aspiration({ kelurahanId: ms, groupPrimaryId: a.id, supportCount: 3 }); // duplicate: not listed, adds reach
    const b = await aspiration({ kelurahanId: ms, supportCount: 22 }); // 22 + 10 = 32, more supports than a: first
    const c = await aspiration({ kelurahanId: kl, supportCount: 5 }); // 15
    const e = await aspiration({ kelurahanId: kl, supportCount: 5 }); // 15, tie with c: lower id first
    await aspiration({ kelurahanId: cb, supportCount: 99 }); // another kecamatan
    await aspiration({ kelurahanId: kl, supportCount: 99, status: "received" }); // not verified yet
    await aspiration({ kelurahanId: kl, supportCount: 99, createdAt: new Date(now.getTime() - 200 * DAY) }); // before the intake
    const old = await aspiration({ kelurahanId: kl, supportCount: 1, status: "deferred", createdAt: new Date(now.getTime() - 400 * DAY) }); // carried: 11

    const pool = await candidatePool(db(), planner(), ids.deliberation, { page: 1 }, now);
    expect(pool.candidates.map((x) => x.id)).toEqual([b.id, a.id, c.id, e.id, old.id]);
    expect(pool.total).toBe(5);
    const first = pool.candidates[1];
    expect(first.groupSize).toBe(2);
    expect(first.breakdown.components).toEqual({ supports: 12, votes: 0, urgency: 0, reach: 2 });
    expect(first.breakdown.total).toBe(32);

    const filtered = await candidatePool(db(), planner(), ids.deliberation, { page: 1, kelurahanId: ms }, now);
    expect(filtered.candidates.map((x) => x.id)).toEqual([b.id]);
    const deferredOnly = await candidatePool(db(), planner(), ids.deliberation, { page: 1, status: "deferred" }, now);
    expect(deferredOnly.candidates.map((x) => x.id)).toEqual([old.id]);
  });

  it("pages, and shows the last page when asked past it", async () => {
    for (let i = 0; i < POOL_PAGE_SIZE; i++) await aspiration({ kelurahanId: ids.kel[1], supportCount: 0 });
    const page2 = await candidatePool(db(), planner(), ids.deliberation, { page: 2 }, now);
    expect(page2.pages).toBe(2);
    expect(page2.candidates).toHaveLength(5);
    const past = await candidatePool(db(), planner(), ids.deliberation, { page: 9 }, now);
    expect(past.page).toBe(2);
    expect(past.candidates.map((c) => c.id)).toEqual(page2.candidates.map((c) => c.id));
  });

  it("is for planners only", async () => {
    await expect(candidatePool(db(), { id: ids.inside, role: "resident" }, ids.deliberation, { page: 1 })).rejects.toMatchObject({ status: 403 });
  });
});

describe("dot voting and the aspiration's side of the link", () => {
  it("keeps each resident to the budget, only inside the area, and scores the votes", async () => {
    const d = await loadDeliberation(db(), ids.deliberation);
    const a = await aspiration({ kelurahanId: ids.kel[0], rwId: ids.rw[0], supportCount: 2 });
    // items are normally added before the review: insert directly for the test
    const item = await db().agendaItem.create({
      data: { deliberationId: d.id, title: "Usulan uji", rationale: "Alasan uji.", urgency: 2, aspirations: { create: [{ aspirationId: a.id }] } },
    });
    const resident = { id: ids.inside, role: "resident" as const };
    await expect(castBallot(db(), resident, d.id, { [item.id]: 4 }, now)).rejects.toMatchObject({ messageKey: "agenda.vote.overBudget" });
    expect(await castBallot(db(), resident, d.id, { [item.id]: 2 }, now)).toEqual({ spent: 2, remaining: 1 });
    expect((await voterStatus(db(), d, ids.inside)).remaining).toBe(1);
    const outsider = castBallot(db(), { id: ids.outside, role: "resident" }, d.id, { [item.id]: 1 }, now);
    await expect(outsider).rejects.toBeInstanceOf(DomainError);
    await expect(outsider).rejects.toMatchObject({ messageKey: "agenda.vote.outOfArea" });
    await expect(castBallot(db(), resident, d.id, { [item.id]: 1 }, new Date(now.getTime() + 30 * DAY))).rejects.toMatchObject({
      messageKey: "agenda.vote.closed",
    });

    const [scored] = await scoredItems(db(), d);
    expect(scored.breakdown.components).toEqual({ supports: 2, votes: 2, urgency: 2, reach: 1 });
    expect(scored.breakdown.total).toBe(2 + 2 + 2 + 10);

    // the public page is not a draft: the aspiration shows its item
    expect(await agendaItemsForAspiration(db(), a.id)).toEqual([
      expect.objectContaining({
        itemId: item.id,
        title: "Usulan uji",
        year: 2026,
        level: "kecamatan",
        decision: null,
        path: `/agenda/2026/kecamatan/ds#item-${item.id}`,
      }),
    ]);
    // adding items is closed during the review
    await expect(
      createItem(db(), planner(), d.id, { title: "Terlambat", rationale: "Masuk saat tinjauan.", urgency: 1, aspirationIds: [a.id] }),
    ).rejects.toMatchObject({ messageKey: "agenda.item.locked" });
  });
});

describe("decisions flowing back", () => {
  it("moves an aspiration grouped since it was put on the agenda through its group's primary", async () => {
    const { propagateStatus } = await import("./propagate.server");
    const { createMailer } = await import("~/domain/notifications/mailer.server");
    const primary = await aspiration({ kelurahanId: ids.kel[0], status: "on_agenda" });
    const member = await aspiration({ kelurahanId: ids.kel[0], status: "on_agenda" });
    await db().aspiration.update({ where: { id: member.id }, data: { groupPrimaryId: primary.id } });
    const changed = await propagateStatus(
      db(),
      createMailer(undefined, () => undefined),
      planner(),
      [member.id],
      { to: "accepted", note: "Disetujui dalam musyawarah." },
    );
    expect(changed).toBe(1);
    expect((await db().aspiration.findUniqueOrThrow({ where: { id: primary.id } })).status).toBe("accepted");
  });
});
