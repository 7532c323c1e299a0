// The demo's foundation: its discussion categories start with the safe default a new
// category gets (new accounts' first posts wait for a moderator).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import { CATEGORIES, seedFoundation } from "./foundation";

let dir: string;
let database: Database;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "balai-seed-foundation-"));
  const url = `file:${path.join(dir, "t.db")}`;
  await migrate(url);
  database = await openDatabase(url);
});

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("pre-moderates new accounts' first posts in every demo category", async () => {
  await seedFoundation(database.db);
  const categories = await database.db.category.findMany({ select: { slug: true, requireApprovalForNewAccounts: true } });
  expect(categories.map((c) => c.slug).sort()).toEqual(CATEGORIES.map(([slug]) => slug).sort());
  expect(categories.filter((c) => !c.requireApprovalForNewAccounts)).toEqual([]);
});
