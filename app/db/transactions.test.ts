// A transaction that reads, then writes, while another process holds SQLite's write lock
// (a CLI, a backup, a test's builders beside the running site) waits for it
// (busy_timeout) instead of failing at once with SQLITE_BUSY: see beginImmediate.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { withTempDatabase } from "../../prisma/builders/temp-database";

const database = withTempDatabase("balai-tx-");

/** Another process writes a setting and holds the write lock for `ms` before it commits; resolves once it holds it. */
function otherWriter(file: string, ms: number): Promise<{ done: Promise<number | null> }> {
  const script = `
    const db = new (require("better-sqlite3"))(process.argv[1]);
    db.pragma("busy_timeout = 5000");
    db.exec("BEGIN IMMEDIATE");
    db.prepare("INSERT INTO \\"Setting\\" (\\"key\\", \\"value\\") VALUES ('other', '1')").run();
    console.log("locked");
    setTimeout(() => { db.exec("COMMIT"); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ["-e", script, file], { stdio: ["ignore", "pipe", "inherit"] });
  const done = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("locked") && resolve({ done }));
    child.once("exit", (code) => reject(new Error(`the other writer exited (${code}) before it held the lock`)));
  });
}

it("waits for another process's write lock in a transaction that reads first, and stores both writes", async () => {
  const db = database().db;
  await db.setting.create({ data: { key: "mine", value: "0" } });
  const other = await otherWriter(path.join(database.dir(), "t.db"), 400);
  const started = Date.now();
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findUniqueOrThrow({ where: { key: "mine" } });
    await tx.setting.update({ where: { key: "mine" }, data: { value: String(Number(before.value) + 1) } });
  });
  expect(Date.now() - started).toBeGreaterThanOrEqual(300); // it waited for the other commit
  expect(await other.done).toBe(0);
  const rows = await db.setting.findMany({ where: { key: { in: ["mine", "other"] } }, orderBy: { key: "asc" } });
  expect(rows.map((r) => [r.key, r.value])).toEqual([
    ["mine", "1"],
    ["other", "1"],
  ]);
});
