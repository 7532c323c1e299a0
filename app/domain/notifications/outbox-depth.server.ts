// How deep the notification outbox is, for /metrics: messages per state and how long
// the oldest message that is due has been waiting. Every figure is read from the
// (status, nextAttemptAt) index: a count of one status (the rows of that status, not
// the table) and the first due row of a status (one index step), so a scrape costs
// the same however many messages were ever sent. server/observability.ts caches it.
import type { Db } from "~/db/client.server";

export interface OutboxDepth {
  pending: number;
  sending: number;
  /** failed once or more, will retry */
  failed: number;
  /** gave up; admins retry them at /admin/outbox */
  dead: number;
  /** seconds since the oldest waiting message (pending or failed) became due; 0 when none is due */
  oldestDueSeconds: number;
}

export async function outboxDepth(db: Db, now = new Date()): Promise<OutboxDepth> {
  const count = (status: string) => db.outboxMessage.count({ where: { status } });
  const firstDue = (status: string) =>
    db.outboxMessage.findFirst({ where: { status, nextAttemptAt: { lte: now } }, orderBy: { nextAttemptAt: "asc" }, select: { nextAttemptAt: true } });
  const [pending, sending, failed, dead, duePending, dueFailed] = await Promise.all([
    count("pending"),
    count("sending"),
    count("failed"),
    count("dead"),
    firstDue("pending"),
    firstDue("failed"),
  ]);
  const oldest = Math.min(duePending?.nextAttemptAt.getTime() ?? Infinity, dueFailed?.nextAttemptAt.getTime() ?? Infinity);
  return { pending, sending, failed, dead, oldestDueSeconds: Number.isFinite(oldest) ? Math.max(0, (now.getTime() - oldest) / 1000) : 0 };
}
