// Roles and what each may do. One place for the permission rules, server and UI alike.
export const roles = ["resident", "moderator", "planner", "admin", "counter", "supervisor"] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

export interface Actor {
  id: number;
  role: Role;
}

/** Admins may do everything staff may do. */
export function hasRole(actor: Actor | null | undefined, ...allowed: Role[]): boolean {
  if (!actor) return false;
  return actor.role === "admin" || allowed.includes(actor.role);
}

export const can = {
  manageUsers: (a: Actor | null | undefined) => hasRole(a, "admin"),
  moderate: (a: Actor | null | undefined) => hasRole(a, "moderator"),
  manageCategories: (a: Actor | null | undefined) => hasRole(a, "admin"),
  manageEvents: (a: Actor | null | undefined) => hasRole(a, "moderator"),
  plan: (a: Actor | null | undefined) => hasRole(a, "planner"),
  isStaff: (a: Actor | null | undefined) => hasRole(a, "moderator", "planner"),
  /** intake on residents' behalf, status changes, grouping, import (aspirations area) */
  manageAspirations: (a: Actor | null | undefined) => hasRole(a, "moderator", "planner"),
  /** service deadlines and the holiday list */
  configureAspirations: (a: Actor | null | undefined) => hasRole(a, "admin"),
  // service standards (layanan). "counter" (petugas layanan) and "supervisor" work at the
  // units they are tied to (UnitStaff); app/domain/services checks the tie for each unit.
  /** edit every unit's services, Maklumat and announcements */
  manageAllServices: (a: Actor | null | undefined) => hasRole(a, "planner"),
  /** the staff pages of services (reminders, the units one works at) */
  serviceDesk: (a: Actor | null | undefined) => hasRole(a, "planner", "counter", "supervisor"),
  /** edit the services of the units one supervises */
  superviseUnit: (a: Actor | null | undefined) => hasRole(a, "supervisor"),
  /** serve at the counter of one's units (queue, helpdesk) */
  workAtCounter: (a: Actor | null | undefined) => hasRole(a, "counter", "supervisor"),
  /** reset a resident's password at the counter after checking their identity in person */
  resetPasswordAtCounter: (a: Actor | null | undefined) => hasRole(a, "counter", "supervisor"),
  /** create units and tie counter staff and supervisors to them */
  assignUnitStaff: (a: Actor | null | undefined) => hasRole(a, "admin"),
};
