// Roles and what each may do. One place for the permission rules, server and UI alike.
export const roles = ["resident", "moderator", "planner", "admin"] as const;
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
};
