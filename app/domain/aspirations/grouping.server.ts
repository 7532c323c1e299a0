// Grouping duplicates under one primary without deleting anything: each member
// keeps its code, page, supports and log; the group counts each supporter once.
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/errors";

/** The primary of the aspiration's group (itself when it is not grouped). */
export async function rootIdOf(db: Db, id: number): Promise<number> {
  const a = await db.aspiration.findUnique({ where: { id }, select: { groupPrimaryId: true } });
  if (!a) throw new DomainError("error.404.title", undefined, undefined, 404);
  return a.groupPrimaryId ?? id;
}

/** Distinct people supporting any aspiration of the group. */
export async function groupSupporterIds(db: Db, rootId: number): Promise<number[]> {
  const rows = await db.aspirationSupport.findMany({
    where: { aspiration: { OR: [{ id: rootId }, { groupPrimaryId: rootId }] } },
    distinct: ["userId"],
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

/** The primary carries the group's count (each person once); members keep their own. */
export async function refreshSupportCounts(db: Db, rootId: number): Promise<void> {
  const supporters = await groupSupporterIds(db, rootId);
  await db.aspiration.update({ where: { id: rootId }, data: { supportCount: supporters.length } });
  const members = await db.aspiration.findMany({ where: { groupPrimaryId: rootId }, select: { id: true, _count: { select: { supports: true } } } });
  for (const m of members) await db.aspiration.update({ where: { id: m.id }, data: { supportCount: m._count.supports } });
}

/**
 * Puts `memberId` (and, when it was itself a primary, its members) under the
 * group of `primaryId`. Groups stay one level deep. Nothing is deleted.
 */
export async function groupAspirations(db: Db, actor: Actor, input: { primaryId: number; memberId: number }): Promise<{ rootId: number }> {
  if (!can.manageAspirations(actor)) throw new DomainError("error.403.title", undefined, undefined, 403);
  const rootId = await rootIdOf(db, input.primaryId);
  const memberRoot = await rootIdOf(db, input.memberId);
  if (memberRoot === rootId) throw new DomainError("aspirations.group.same", "primaryCode");
  const oldRootOfMember = memberRoot;
  await db.$transaction(async (tx) => {
    // the member's own group (if it led one) moves along, flattened
    await tx.aspiration.updateMany({ where: { groupPrimaryId: oldRootOfMember }, data: { groupPrimaryId: rootId } });
    await tx.aspiration.update({ where: { id: oldRootOfMember }, data: { groupPrimaryId: rootId } });
    await audit(tx as Db, {
      actorId: actor.id,
      action: "aspiration.grouped",
      targetType: "aspiration",
      targetId: oldRootOfMember,
      details: { primaryId: rootId, requested: input.memberId },
    });
  });
  await refreshSupportCounts(db, rootId);
  return { rootId };
}

/** Takes one aspiration out of its group again (it becomes standalone). */
export async function ungroupAspiration(db: Db, actor: Actor, id: number): Promise<void> {
  if (!can.manageAspirations(actor)) throw new DomainError("error.403.title", undefined, undefined, 403);
  const a = await db.aspiration.findUnique({ where: { id }, select: { groupPrimaryId: true } });
  if (!a) throw new DomainError("error.404.title", undefined, undefined, 404);
  if (a.groupPrimaryId === null) throw new DomainError("aspirations.group.notGrouped");
  const rootId = a.groupPrimaryId;
  await db.aspiration.update({ where: { id }, data: { groupPrimaryId: null } });
  await audit(db, { actorId: actor.id, action: "aspiration.ungrouped", targetType: "aspiration", targetId: id, details: { primaryId: rootId } });
  await refreshSupportCounts(db, rootId);
  await refreshSupportCounts(db, id);
}
