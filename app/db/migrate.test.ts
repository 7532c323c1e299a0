import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "./migrate.server";

describe("migration runner (SQLite)", () => {
  it("applies the real migrations once and records them", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "balai-migrate-"));
    const url = `file:${path.join(dir, "a.db")}`;
    const first = await migrate(url);
    expect(first.applied.length).toBeGreaterThan(0);
    expect((await migrate(url)).applied).toEqual([]);
    const db = new Sqlite(path.join(dir, "a.db"));
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type='table'")
      .all()
      .map((r) => (r as { name: string }).name);
    db.close();
    expect(tables).toEqual(expect.arrayContaining(["User", "Event", "Aspiration", "QaQuestion", "Deliberation", "SurveyResponse"]));
  });

  it("refuses a migration that was edited after it was applied, and rolls back a broken one", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "balai-migrate-"));
    const migrations = path.join(dir, "migrations");
    const m1 = path.join(migrations, "20260101000000_one");
    mkdirSync(m1, { recursive: true });
    writeFileSync(path.join(m1, "sqlite.sql"), "CREATE TABLE a (id INTEGER);");
    const url = `file:${path.join(dir, "b.db")}`;
    await migrate(url, migrations);
    writeFileSync(path.join(m1, "sqlite.sql"), "CREATE TABLE a (id INTEGER, x TEXT);");
    await expect(migrate(url, migrations)).rejects.toThrow(/was changed after it was applied/);

    writeFileSync(path.join(m1, "sqlite.sql"), "CREATE TABLE a (id INTEGER);");
    const m2 = path.join(migrations, "20260102000000_broken");
    mkdirSync(m2);
    writeFileSync(path.join(m2, "sqlite.sql"), "CREATE TABLE b (id INTEGER); THIS IS NOT SQL;");
    await expect(migrate(url, migrations)).rejects.toThrow();
    const db = new Sqlite(path.join(dir, "b.db"));
    const hasB = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name='b'").get() as { n: number };
    db.close();
    expect(hasB.n).toBe(0);
  });
});
