// A migrated SQLite database in a temporary directory for one test file: opened
// before its tests, closed and removed after them. Not exported from index.ts:
// the demo seed imports the builders and must not import vitest.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";

/**
 * Registers the hooks that make and remove the database (`prefix` names the
 * directory, e.g. "balai-reset-") and returns its getter, usable once the
 * file's first beforeAll has run. A later beforeAll in the file may build on it.
 * `.dir()` is the temporary directory, for files a test keeps beside the database.
 */
export function withTempDatabase(prefix: string): (() => Database) & { dir: () => string } {
  let dir: string | undefined;
  let database: Database | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    const url = `file:${path.join(dir, "t.db")}`;
    await migrate(url);
    database = await openDatabase(url);
  });
  afterAll(async () => {
    await database?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("withTempDatabase: the database is opened in beforeAll; read it inside a hook or test");
    return value;
  };
  return Object.assign(() => opened(database), { dir: () => opened(dir) });
}
