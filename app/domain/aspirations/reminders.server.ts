// Reminders before an aspiration's service deadlines (verification, first follow-up),
// sent to the staff who follow it up, through the notification outbox. The timed job
// "aspirations.reminders" (server/app.ts) runs this once across instances (its lease
// row); each reminder also carries a cause key unique per aspiration, deadline and due
// time, so a second run (or a second instance) never reminds twice, and a deadline
// that moves gets its own reminder. The messages name the tracking code and the time,
// never the aspiration's content (an integrity report's content stays on the site).
import type { Db } from "~/db/client.server";
import { enqueue } from "~/domain/notifications/outbox.server";

/** How long before a deadline staff are reminded. */
export const REMIND_BEFORE_MS = 24 * 60 * 60_000;
/** Deadlines handled per run and per kind; the rest come in the next run (oldest due first). */
export const REMINDERS_PER_RUN = 200;
const STAFF_LIMIT = 500;

type Kind = "verify" | "response";

interface Due {
  id: number;
  code: string;
  kind: Kind;
  dueAt: Date;
  integrityUnitId: number | null;
}

/** Deadlines not met yet that fall within REMIND_BEFORE_MS (read by the deadline indexes). */
async function dueSoon(db: Db, now: Date): Promise<Due[]> {
  const window = { gt: now, lte: new Date(now.getTime() + REMIND_BEFORE_MS) };
  const select = { id: true, code: true, integrityUnitId: true, verifyDueAt: true, responseDueAt: true } as const;
  const [verify, response] = await Promise.all([
    db.aspiration.findMany({
      where: { verifiedAt: null, verifyDueAt: window, groupPrimaryId: null },
      orderBy: { verifyDueAt: "asc" },
      take: REMINDERS_PER_RUN,
      select,
    }),
    db.aspiration.findMany({
      where: { firstResponseAt: null, responseDueAt: window, groupPrimaryId: null },
      orderBy: { responseDueAt: "asc" },
      take: REMINDERS_PER_RUN,
      select,
    }),
  ]);
  return [
    ...verify.map((a) => ({ id: a.id, code: a.code, kind: "verify" as const, dueAt: a.verifyDueAt!, integrityUnitId: a.integrityUnitId })),
    ...response.map((a) => ({ id: a.id, code: a.code, kind: "response" as const, dueAt: a.responseDueAt!, integrityUnitId: a.integrityUnitId })),
  ];
}

/**
 * Who follows an aspiration up: moderators and planners; an integrity report only
 * its unit's supervisors and admins (app/domain/aspirations/visibility.server.ts).
 */
async function staffFor(db: Db, due: Due[]) {
  const needsPublic = due.some((d) => d.integrityUnitId === null);
  const units = [...new Set(due.flatMap((d) => (d.integrityUnitId === null ? [] : [d.integrityUnitId])))];
  const [managers, admins, supervisors] = await Promise.all([
    needsPublic ? db.user.findMany({ where: { role: { in: ["moderator", "planner"] }, disabledAt: null }, select: { id: true }, take: STAFF_LIMIT }) : [],
    units.length ? db.user.findMany({ where: { role: "admin", disabledAt: null }, select: { id: true }, take: STAFF_LIMIT }) : [],
    units.length
      ? db.unitStaff.findMany({ where: { unitId: { in: units }, role: "supervisor", user: { disabledAt: null } }, select: { userId: true, unitId: true } })
      : [],
  ]);
  return (d: Due): number[] =>
    d.integrityUnitId === null
      ? managers.map((u) => u.id)
      : [...new Set([...admins.map((u) => u.id), ...supervisors.filter((s) => s.unitId === d.integrityUnitId).map((s) => s.userId)])];
}

/** Writes the reminders due now; answers what it did, for /admin/jobs. */
export async function remindDeadlines(db: Db, now = new Date()): Promise<string> {
  const due = await dueSoon(db, now);
  if (due.length === 0) return "0 reminders";
  const recipientsOf = await staffFor(db, due);
  let messages = 0;
  for (const d of due) {
    const recipients = recipientsOf(d).map((userId) => ({ userId }));
    messages += await enqueue(
      db,
      recipients,
      {
        template: d.kind === "verify" ? "jobs.reminder.verifySoon" : "jobs.reminder.responseSoon",
        params: { code: d.code, dueAt: d.dueAt.toISOString() },
        link: `/aspirations/${d.code}/manage`,
        key: `aspiration:${d.id}:due:${d.kind}:${d.dueAt.toISOString()}`,
      },
      now,
    );
  }
  return `${due.length} deadlines, ${messages} messages`;
}
