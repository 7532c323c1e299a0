// The demo's foundation: its discussion categories start with the safe default a new
// category gets (new accounts' first posts wait for a moderator).
import { expect, it } from "vitest";
import { CATEGORIES, seedFoundation } from "./foundation";
import { withTempDatabase } from "../builders/temp-database";

const database = withTempDatabase("balai-seed-foundation-");

it("pre-moderates new accounts' first posts in every demo category", async () => {
  await seedFoundation(database().db);
  const categories = await database().db.category.findMany({ select: { slug: true, requireApprovalForNewAccounts: true } });
  expect(categories.map((c) => c.slug).sort()).toEqual(CATEGORIES.map(([slug]) => slug).sort());
  expect(categories.filter((c) => !c.requireApprovalForNewAccounts)).toEqual([]);
});
