// The status-change use case, for staff pages and for the annual deliberation:
//   changeAspirationStatus(db, mailer, actor, { aspirationId, to, note })
// writes the public AspirationUpdate (who, when, note), moves the status, sets
// verifiedAt / firstResponseAt the first time, and notifies the submitter and
// every supporter of the aspiration's group (in the app, and by e-mail).
import type { Db } from "~/db/client.server";
import type { Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/errors";
import type { Mailer } from "~/domain/notifications/mailer.server";
import { notify, notifyContact } from "~/domain/notifications/notifications.server";
import type { MessageKey, Params } from "~/i18n";
import { groupSupporterIds } from "./grouping.server";
import { checkTransition, transitionEffects, type AspirationStatus } from "./status";
import { requireManager } from "./visibility.server";

export interface StatusChange {
  aspirationId: number;
  to: AspirationStatus;
  /** public note; the reason for rejected / deferred / declined */
  note: string;
  /**
   * A note Balai writes itself (the deliberation's): its message key and parameters, stored with
   * the update and shown in each reader's language; `note` then holds the Indonesian text.
   */
  noteKey?: MessageKey;
  noteParams?: Params;
}

export async function changeAspirationStatus(db: Db, mailer: Mailer, actor: Actor, input: StatusChange, options: { publicUrl?: string; now?: Date } = {}) {
  // moderators and planners; an integrity report: the unit's supervisors and admins
  const target = await db.aspiration.findUnique({ where: { id: input.aspirationId }, select: { integrityUnitId: true } });
  if (!target) throw new DomainError("aspirations.notFound", undefined, undefined, 404);
  await requireManager(db, actor, target);
  const now = options.now ?? new Date();
  const note = input.note.trim();
  const updated = await db.$transaction(async (tx) => {
    const current = await tx.aspiration.findUnique({
      where: { id: input.aspirationId },
      select: { id: true, status: true, verifiedAt: true, firstResponseAt: true, groupPrimaryId: true },
    });
    if (!current) throw new DomainError("aspirations.notFound", undefined, undefined, 404);
    // a grouped duplicate follows its group (see followUpOf): its status moves on the primary
    if (current.groupPrimaryId !== null) throw new DomainError("aspirations.group.followUpOnPrimary");
    const problem = checkTransition(current.status, input.to, note);
    if (problem) throw new DomainError(`aspirations.${problem}` as MessageKey, problem === "status.notAllowed" || problem === "status.invalid" ? "to" : "note");
    // compare-and-set on the old status: two staff changing it at once cannot both win
    const { count } = await tx.aspiration.updateMany({
      where: { id: current.id, status: current.status },
      data: { status: input.to, ...transitionEffects(current, input.to, now) },
    });
    if (count !== 1) throw new DomainError("aspirations.status.conflict", "to", undefined, 409);
    const update = await tx.aspirationUpdate.create({
      data: {
        aspirationId: current.id,
        fromStatus: current.status,
        toStatus: input.to,
        note,
        noteKey: input.noteKey ?? null,
        noteParams: input.noteKey ? JSON.stringify(input.noteParams ?? {}) : null,
        actorId: actor.id,
        createdAt: now,
      },
    });
    await audit(tx as Db, {
      actorId: actor.id,
      action: "aspiration.status_changed",
      targetType: "aspiration",
      targetId: current.id,
      details: { from: current.status, to: input.to },
    });
    const updated = await tx.aspiration.findUniqueOrThrow({
      where: { id: current.id },
      select: {
        id: true,
        code: true,
        title: true,
        status: true,
        verifiedAt: true,
        firstResponseAt: true,
        groupPrimaryId: true,
        submitterId: true,
        submitterContact: true,
      },
    });
    // everyone who follows the group hears about it (submitters and supporters), written to
    // the outbox in this same transaction: the change and its messages are stored together
    const rootId = updated.groupPrimaryId ?? updated.id;
    const followers = await tx.aspiration.findMany({
      where: { OR: [{ id: rootId }, { groupPrimaryId: rootId }] },
      select: { submitterId: true, submitterContact: true },
    });
    const supporterIds = await groupSupporterIds(tx as Db, rootId);
    const userIds = [...new Set([...followers.map((f) => f.submitterId), ...supporterIds].filter((id): id is number => id !== null && id !== actor.id))];
    const message = {
      messageKey: `aspirations.notify.status.${input.to}` as MessageKey,
      // a written-by-Balai note travels as its key and parameters (see localizeParams)
      params: { ...(input.noteKey ? { ...input.noteParams, noteKey: input.noteKey } : {}), code: updated.code, title: updated.title, note },
      link: `/aspirations/${updated.code}`,
      key: `aspiration:${updated.id}:update:${update.id}`,
    };
    await notify(tx as Db, mailer, { userIds, ...message });
    const guestContacts = new Set(followers.filter((f) => f.submitterId === null && f.submitterContact).map((f) => f.submitterContact!));
    for (const contact of guestContacts) await notifyContact(tx as Db, contact, message, { purpose: "aspirations.followUp" });
    return updated;
  });
  return updated;
}
