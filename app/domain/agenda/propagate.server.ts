// Deliberation outcomes flow back to the aspirations through the aspirations
// area's own use case (changeAspirationStatus): it writes the public follow-up
// log, moves the status and notifies the submitters and supporters of the whole
// group. It is called once per linked aspiration (the group's primary), so each
// follower hears once. Changes the status rules do not allow (e.g. staff already
// marked it done) are skipped rather than failing the deliberation.
import type { Db } from "~/db/client.server";
import type { Actor } from "~/domain/accounts/roles";
import { canTransition, type AspirationStatus } from "~/domain/aspirations/status";
import { changeAspirationStatus } from "~/domain/aspirations/status.server";
import type { Mailer } from "~/domain/notifications/mailer.server";
import type { MessageKey, Params } from "~/i18n";

export async function propagateStatus(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  aspirationIds: number[],
  change: { to: AspirationStatus; note: string; noteKey?: MessageKey; noteParams?: Params },
  publicUrl?: string,
): Promise<number> {
  if (aspirationIds.length === 0) return 0;
  // an aspiration grouped under another since it was put on the agenda is followed up on its
  // group's primary (a member's status always shows its group's: see followUpOf)
  const linked = await db.aspiration.findMany({ where: { id: { in: aspirationIds } }, select: { id: true, groupPrimaryId: true } });
  const primaryIds = [...new Set(linked.map((a) => a.groupPrimaryId ?? a.id))];
  const rows = await db.aspiration.findMany({ where: { id: { in: primaryIds } }, select: { id: true, status: true } });
  let changed = 0;
  for (const a of rows) {
    if (a.status === change.to || !canTransition(a.status, change.to)) continue;
    await changeAspirationStatus(db, mailer, actor, { aspirationId: a.id, ...change }, { publicUrl });
    changed++;
  }
  return changed;
}
