// The work of the timed jobs that keep the database tidy (server/jobs.ts runs
// them once across instances). Each returns a short report for /admin/jobs.
import type { Db } from "~/db/client.server";

/** Sessions past their expiry can no longer sign anyone in: remove them. */
export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<string> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lt: now } } });
  return `${count} expired sessions removed`;
}
