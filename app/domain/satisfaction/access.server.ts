// Who may do what in the satisfaction area. Unit staff (counter, supervisor) act at
// their own units; planners and admins everywhere (unitAccess from the services area).
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { unitAccess } from "~/domain/services/services.server";

export function forbidden(): never {
  throw new DomainError("error.403.text", undefined, undefined, 403);
}

export function unitNotFound(): never {
  throw new DomainError("satisfaction.unit.notFound", undefined, undefined, 404);
}

/** Counter staff, the unit's supervisor, planners and admins: paper forms, links, kiosks, service users. */
export async function requireUnitStaff(db: Db, actor: Actor | null | undefined, unitId: number) {
  const access = await unitAccess(db, actor, unitId);
  if (!access) forbidden();
  return access;
}

/** The unit's supervisor, planners and admins: anomaly decisions, alerts, comments, follow-up. */
export async function requireUnitSupervisor(db: Db, actor: Actor | null | undefined, unitId: number) {
  const access = await unitAccess(db, actor, unitId);
  if (access !== "all" && access !== "supervisor") forbidden();
}

/** Mystery shopping: the unit's supervisor and admins only (not planners). The one rule, for pages' links too. */
export function mayMysteryShop(actor: Actor | null | undefined, access: Awaited<ReturnType<typeof unitAccess>>): boolean {
  return !!actor && (can.manageUsers(actor) || access === "supervisor");
}

export async function requireMysteryAccess(db: Db, actor: Actor | null | undefined, unitId: number) {
  if (!actor) forbidden();
  if (!mayMysteryShop(actor, can.manageUsers(actor) ? null : await unitAccess(db, actor, unitId))) forbidden();
}

/** Units whose survey desk the actor may open ("all" for planners and admins). */
export async function deskUnits(db: Db, actor: Actor | null | undefined): Promise<{ id: number; role: "all" | "counter" | "supervisor" }[]> {
  if (!actor) forbidden();
  if (can.manageAllServices(actor)) {
    const units = await db.serviceUnit.findMany({ select: { id: true }, orderBy: [{ position: "asc" }, { name: "asc" }] });
    return units.map((u) => ({ id: u.id, role: "all" as const }));
  }
  if (!can.workAtCounter(actor)) forbidden();
  const ties = await db.unitStaff.findMany({ where: { userId: actor.id }, select: { unitId: true, role: true } });
  return ties.map((t) => ({ id: t.unitId, role: t.role === "supervisor" ? ("supervisor" as const) : ("counter" as const) }));
}
