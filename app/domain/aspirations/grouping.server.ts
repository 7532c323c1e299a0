// Grouping duplicates under one primary without deleting anything: each member
// keeps its code, page, supports and log; the group counts each supporter once.
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/errors";

/** Where an aspiration stands: its status, its service deadlines and when they were met. */
export interface FollowUp {
  status: string;
  verifyDueAt: Date | null;
  responseDueAt: Date | null;
  verifiedAt: Date | null;
  firstResponseAt: Date | null;
}

/** The columns of a `FollowUp`, to select on an aspiration and on its `groupPrimary`. */
export const FOLLOW_UP_FIELDS = { status: true, verifyDueAt: true, responseDueAt: true, verifiedAt: true, firstResponseAt: true } as const;

/**
 * The one rule for a grouped duplicate: its follow-up is its group's. A member shows
 * (on its page, its receipt, the staff page, the open data and the report) the primary's
 * status, deadlines and public log; only an aspiration outside a group shows its own.
 * Staff follow a group up on its primary (`changeAspirationStatus` refuses a member).
 */
export function followUpOf<F extends FollowUp>(own: F, groupPrimary: F | null | undefined): F {
  return groupPrimary ?? own;
}

/** Just the follow-up of a row that has more. */
export function pickFollowUp(r: FollowUp): FollowUp {
  return { status: r.status, verifyDueAt: r.verifyDueAt, responseDueAt: r.responseDueAt, verifiedAt: r.verifiedAt, firstResponseAt: r.firstResponseAt };
}

/** The primary of the aspiration's group (itself when it is not grouped). */
export async function rootIdOf(db: Db, id: number): Promise<number> {
  const a = await db.aspiration.findUnique({ where: { id }, select: { groupPrimaryId: true } });
  if (!a) throw new DomainError("aspirations.notFound", undefined, undefined, 404);
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
  // an integrity report is never part of a public group
  const sealed = await db.aspiration.count({ where: { id: { in: [input.primaryId, input.memberId] }, integrityUnitId: { not: null } } });
  if (sealed > 0) throw new DomainError("services.integrity.noGroup", "primaryCode");
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
  if (!a) throw new DomainError("aspirations.notFound", undefined, undefined, 404);
  if (a.groupPrimaryId === null) throw new DomainError("aspirations.group.notGrouped");
  const rootId = a.groupPrimaryId;
  await db.aspiration.update({ where: { id }, data: { groupPrimaryId: null } });
  await audit(db, { actorId: actor.id, action: "aspiration.ungrouped", targetType: "aspiration", targetId: id, details: { primaryId: rootId } });
  await refreshSupportCounts(db, rootId);
  await refreshSupportCounts(db, id);
}
