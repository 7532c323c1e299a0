// Who may see an aspiration. Most are public (their page, the list, the report, open
// data). An integrity report ("asked to pay more, offered a fast lane", filed from a
// service page) is confidential: only the person who filed it (signed in), the
// supervisors of the unit it is about and admins see it. Everyone else, tracking code
// or not, sees only its status; it is never listed, counted in public or exported.
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";

/** The integrity category (made on the first report, see app/domain/services/integrity.server.ts). */
export const INTEGRITY_CATEGORY = "integritas-layanan";

/** The `where` of everything public: no integrity reports. */
export const PUBLIC_ONLY = { integrityUnitId: null };

/** Raw SQL form of PUBLIC_ONLY for a table alias. */
export const publicOnlySql = (alias: string) => `${alias}."integrityUnitId" IS NULL`;

/** Admins, and supervisors tied to the unit (not planners, moderators or counter staff). */
export async function mayReadIntegrity(db: Db, actor: Actor | null | undefined, unitId: number): Promise<boolean> {
  if (!actor) return false;
  if (actor.role === "admin") return true;
  if (actor.role !== "supervisor") return false;
  const tie = await db.unitStaff.findUnique({ where: { userId_unitId: { userId: actor.id, unitId } }, select: { role: true } });
  return tie?.role === "supervisor";
}

/** Whether the actor follows this aspiration up (status changes, the staff page). */
export async function mayManageAspiration(db: Db, actor: Actor | null | undefined, a: { integrityUnitId: number | null }): Promise<boolean> {
  if (a.integrityUnitId === null) return can.manageAspirations(actor);
  return mayReadIntegrity(db, actor, a.integrityUnitId);
}

/** Whether the viewer sees the content (not just the status) of the aspiration. */
export async function maySeeContent(
  db: Db,
  viewer: Actor | null | undefined,
  a: { integrityUnitId: number | null; submitterId: number | null },
): Promise<boolean> {
  if (a.integrityUnitId === null) return true;
  if (viewer && a.submitterId === viewer.id) return true;
  return mayReadIntegrity(db, viewer, a.integrityUnitId);
}

export async function requireManager(db: Db, actor: Actor | null | undefined, a: { integrityUnitId: number | null }): Promise<void> {
  if (!(await mayManageAspiration(db, actor, a))) throw new DomainError("error.403.title", undefined, undefined, 403);
}

/** The staff lists (overdue, to verify): integrity reports only for admins (supervisors have their unit's list). */
export function staffListFilter(actor: Actor) {
  return actor.role === "admin" ? {} : PUBLIC_ONLY;
}
