// Builders for the aspirations area: an aspiration (received today through the web,
// in a new category and kelurahan unless told otherwise, with its tracking code and
// service deadlines), a support (anAspirationSupport; `aSupport` is the discussions'
// post support), and a follow-up update. See core.ts for the conventions.
import type { Db } from "~/db/client.server";
import type { Channel } from "~/domain/aspirations/aspirations.schema";
import { deadlinesFor } from "~/domain/aspirations/calendar.server";
import { generateCode } from "~/domain/aspirations/code";
import { refreshSupportCounts } from "~/domain/aspirations/grouping.server";
import { transitionEffects, type AspirationStatus } from "~/domain/aspirations/status";
import { aCategory, aKelurahan, aStaffMember, aUser, unique } from "./core";

export interface AspirationOverrides {
  code?: string;
  title?: string;
  description?: string;
  /** default: a new category */
  categoryId?: number;
  /** default: a new kelurahan (with 3 RWs); `rwId` must then be one of its RWs */
  kelurahanId?: number;
  rwId?: number | null;
  address?: string | null;
  channel?: Channel;
  /** default "received"; a later status sets `verifiedAt` (and `firstResponseAt` beyond "verified") unless given */
  status?: AspirationStatus;
  submitterId?: number | null;
  submitterName?: string | null;
  submitterContact?: string | null;
  anonymous?: boolean;
  confidential?: boolean;
  assistedById?: number | null;
  consentRecorded?: boolean;
  groupPrimaryId?: number | null;
  sourceQuestionId?: number | null;
  sourcePostId?: number | null;
  sourceEventId?: number | null;
  sourceAgendaPointId?: number | null;
  supportCount?: number;
  createdAt?: Date;
  /** default: the working-day deadlines from the settings and holidays, counted from `createdAt` */
  verifyDueAt?: Date | null;
  responseDueAt?: Date | null;
  verifiedAt?: Date | null;
  firstResponseAt?: Date | null;
}

/** An aspiration; by default received today through the web form from a guest, in a new category and kelurahan. */
export async function anAspiration(db: Db, overrides: AspirationOverrides = {}) {
  const id = unique();
  const createdAt = overrides.createdAt ?? new Date();
  const [categoryId, kelurahanId] = await Promise.all([
    overrides.categoryId ?? aCategory(db).then((c) => c.id),
    overrides.kelurahanId ?? aKelurahan(db).then((k) => k.id),
  ]);
  const deadlines = await deadlinesFor(db, createdAt);
  const status = overrides.status ?? "received";
  // a later status was reached the day it came in, unless told otherwise
  const reached: { verifiedAt: Date | null; firstResponseAt: Date | null } = {
    verifiedAt: status === "received" ? null : createdAt,
    firstResponseAt: status === "received" || status === "verified" ? null : createdAt,
  };
  const anonymous = overrides.anonymous ?? false;
  return db.aspiration.create({
    data: {
      code: overrides.code ?? generateCode(),
      title: overrides.title ?? `Saluran air tersumbat ${id}`,
      description: overrides.description ?? `Air meluap ke jalan setiap hujan deras di lingkungan ${id}, mohon segera dikeruk.`,
      categoryId,
      kelurahanId,
      rwId: overrides.rwId ?? null,
      address: overrides.address ?? null,
      channel: overrides.channel ?? "web",
      status,
      submitterId: overrides.submitterId ?? null,
      submitterName: overrides.submitterName ?? null,
      submitterContact: overrides.submitterContact ?? null,
      anonymous,
      confidential: overrides.confidential ?? false,
      assistedById: overrides.assistedById ?? null,
      consentRecorded: overrides.consentRecorded ?? false,
      groupPrimaryId: overrides.groupPrimaryId ?? null,
      sourceQuestionId: overrides.sourceQuestionId ?? null,
      sourcePostId: overrides.sourcePostId ?? null,
      sourceEventId: overrides.sourceEventId ?? null,
      sourceAgendaPointId: overrides.sourceAgendaPointId ?? null,
      supportCount: overrides.supportCount ?? 0,
      createdAt,
      verifyDueAt: overrides.verifyDueAt === undefined ? deadlines.verifyDueAt : overrides.verifyDueAt,
      responseDueAt: overrides.responseDueAt === undefined ? deadlines.responseDueAt : overrides.responseDueAt,
      verifiedAt: overrides.verifiedAt === undefined ? reached.verifiedAt : overrides.verifiedAt,
      firstResponseAt: overrides.firstResponseAt === undefined ? reached.firstResponseAt : overrides.firstResponseAt,
    },
  });
}

/**
 * A resident's support of an aspiration (a new resident unless `userId` is given);
 * the group's counts are refreshed as the domain does.
 */
export async function anAspirationSupport(
  db: Db,
  aspiration: { id: number; groupPrimaryId?: number | null },
  overrides: { userId?: number; createdAt?: Date } = {},
) {
  const userId = overrides.userId ?? (await aUser(db)).id;
  const support = await db.aspirationSupport.create({
    data: { aspirationId: aspiration.id, userId, ...(overrides.createdAt && { createdAt: overrides.createdAt }) },
  });
  const root = await db.aspiration.findUniqueOrThrow({ where: { id: aspiration.id }, select: { groupPrimaryId: true } });
  await refreshSupportCounts(db, root.groupPrimaryId ?? aspiration.id);
  return support;
}

/**
 * A public follow-up update: the log entry (by a new moderator unless `actorId` is given)
 * and the status it moves the aspiration to, with the timestamps the domain would set.
 * No workflow checks and no notifications (use changeAspirationStatus for those).
 */
export async function anAspirationUpdate(
  db: Db,
  aspiration: { id: number },
  overrides: { to?: AspirationStatus; note?: string; actorId?: number | null; createdAt?: Date } = {},
) {
  const current = await db.aspiration.findUniqueOrThrow({ where: { id: aspiration.id }, select: { status: true, verifiedAt: true, firstResponseAt: true } });
  const to = overrides.to ?? "verified";
  const createdAt = overrides.createdAt ?? new Date();
  const actorId = overrides.actorId === undefined ? (await aStaffMember(db, "moderator")).id : overrides.actorId;
  await db.aspiration.update({ where: { id: aspiration.id }, data: { status: to, ...transitionEffects(current, to, createdAt) } });
  return db.aspirationUpdate.create({
    data: {
      aspirationId: aspiration.id,
      fromStatus: current.status,
      toStatus: to,
      note: overrides.note ?? `Sudah ditinjau petugas ${unique()}.`,
      actorId,
      createdAt,
    },
  });
}
