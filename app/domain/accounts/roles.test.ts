import { describe, expect, it } from "vitest";
import { can, hasRole } from "./roles";

describe("roles", () => {
  const resident = { id: 1, role: "resident" as const };
  const moderator = { id: 2, role: "moderator" as const };
  const planner = { id: 3, role: "planner" as const };
  const admin = { id: 4, role: "admin" as const };

  it("lets only admins manage users", () => {
    expect([resident, moderator, planner, admin].map(can.manageUsers)).toEqual([false, false, false, true]);
  });

  it("lets moderators and admins moderate, not planners", () => {
    expect([resident, moderator, planner, admin].map(can.moderate)).toEqual([false, true, false, true]);
  });

  it("lets planners and admins plan", () => {
    expect([resident, moderator, planner, admin].map(can.plan)).toEqual([false, false, true, true]);
  });

  it("treats nobody signed in as having no role", () => {
    expect(hasRole(null, "resident")).toBe(false);
  });
});
