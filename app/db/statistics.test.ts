// SQLite runs on its default estimates: statistics from an ANALYZE (run by hand, say)
// make it skip-scan a filter index and sort every row of /aspirations (see
// refreshPlannerStatistics), so opening the database removes them, and the list's
// query takes the index of its own order again.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, refreshPlannerStatistics } from "./client.server";
import { migrate } from "./migrate.server";

let dir: string;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "balai-stats-"));
  url = `file:${path.join(dir, "stats.db")}`;
  await migrate(url);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LIST =
  'SELECT "id" FROM "Aspiration" WHERE "groupPrimaryId" IS NULL AND "integrityUnitId" IS NULL ORDER BY "supportCount" DESC, "createdAt" DESC LIMIT ? OFFSET ?';

it("removes planner statistics on open, and the support-ordered list reads its own index without a sort", async () => {
  const database = await openDatabase(url);
  const db = database.db;
  // a skewed table like the city's: most rows are primaries (groupPrimaryId NULL), a few categories
  await db.$executeRawUnsafe(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
     INSERT INTO "Aspiration" ("code", "title", "description", "channel", "status", "categoryId", "supportCount", "createdAt", "updatedAt")
     SELECT 'S' || i, 't', 'd', 'web', 'received', NULL, i % 7, datetime('now', '-' || i || ' minutes'), datetime('now') FROM n`,
  );
  await db.$executeRawUnsafe("ANALYZE");
  expect(Number((await db.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM sqlite_stat1"))[0].n)).toBeGreaterThan(0);
  expect(await refreshPlannerStatistics(database)).toBe("sqlite: statistics removed (default estimates)");
  expect(Number((await db.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM sqlite_stat1"))[0].n)).toBe(0);
  const plan = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${LIST}`, 20, 0);
  expect(plan.map((p) => p.detail).join(" | ")).toBe("SEARCH Aspiration USING INDEX Aspiration_groupPrimaryId_supportCount_createdAt_idx (groupPrimaryId=?)");
  // and again on the next open, after another ANALYZE
  await db.$executeRawUnsafe("ANALYZE");
  await database.close();
  const again = await openDatabase(url);
  expect(Number((await again.db.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM sqlite_stat1"))[0].n)).toBe(0);
  expect(await refreshPlannerStatistics(again)).toBe("sqlite: default estimates");
  await again.close();
});
