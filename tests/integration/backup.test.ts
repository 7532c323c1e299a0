// npm run db:backup while the server runs, then npm run db:restore into a fresh
// folder: every row of every table and every photo file is there.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { aQaSession, aQuestion, aUser } from "../../prisma/builders";
import { Client } from "../support/http";
import { projectRoot, startServer, type RunningServer } from "../support/server";

let dir: string;
let server: RunningServer;
let database: Database;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "balai-backup-"));
  mkdirSync(path.join(dir, "data", "uploads"), { recursive: true });
  server = await startServer({ databaseUrl: `file:${path.join(dir, "data", "balai.db")}`, env: { DATA_DIR: path.join(dir, "data"), BALAI_SEED: "0" } });
  database = await openDatabase(server.databaseUrl);
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string>) {
  return execFileSync(process.execPath, ["--import", "tsx", path.join(projectRoot, "server", "backup.ts"), ...args], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: "test", ...env },
    encoding: "utf8",
  });
}

/** the backup in a child process while this one keeps writing (the event loop stays free) */
async function runAsync(args: string[], env: Record<string, string>) {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(projectRoot, "server", "backup.ts"), ...args], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: "test", ...env },
    encoding: "utf8",
  });
  return stdout;
}

function dump(file: string): Record<string, unknown[]> {
  const db = new Sqlite(file, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const out = Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
  db.close();
  return out;
}

describe("backup and restore", () => {
  it("takes an online backup while the site runs and restores every row and photo into a fresh folder", async () => {
    const db = database.db;
    const session = await aQaSession(db);
    for (let i = 0; i < 5; i++) await aQuestion(db, session.id);
    const user = await aUser(db);
    const c = new Client(server.url);
    await c.login(user.identifier, user.password); // a session row written by the running server
    writeFileSync(path.join(dir, "data", "uploads", "0123456789abcdef0123456789abcdef.png"), Buffer.from("not really a png"));

    // the site keeps writing while the backup runs
    let writing = true;
    let written = 0;
    const writes = (async () => {
      while (writing) {
        await aQuestion(db, session.id);
        written++;
        await new Promise((r) => setTimeout(r, 5)); // let the event loop see the backup's exit
      }
    })();
    const out = await runAsync(["backup", "--to", path.join(dir, "backup")], { DATABASE_URL: server.databaseUrl, DATA_DIR: path.join(dir, "data") });
    writing = false;
    await writes;
    expect(written).toBeGreaterThan(0);
    expect(out).toMatch(/Backup written to .*: \d+ rows in \d+ tables, 1 photo files\./);
    const manifest = JSON.parse(readFileSync(path.join(dir, "backup", "manifest.json"), "utf8")) as { tables: Record<string, number> };
    expect(manifest.tables.QaQuestion).toBeGreaterThanOrEqual(5);
    expect((await (await fetch(`${server.url}/healthz`)).json()).status).toBe("ok");

    const fresh = path.join(dir, "fresh");
    run(["restore", path.join(dir, "backup"), "--data-dir", fresh], {});
    // every row the backup holds is in the restored database, exactly
    expect(dump(path.join(fresh, "balai.db"))).toEqual(dump(path.join(dir, "backup", "balai.db")));
    expect(dump(path.join(fresh, "balai.db")).User.length).toBe(manifest.tables.User);
    expect(readFileSync(path.join(fresh, "uploads", "0123456789abcdef0123456789abcdef.png"), "utf8")).toBe("not really a png");
    // a second restore over it is refused without --force
    expect(() => run(["restore", path.join(dir, "backup"), "--data-dir", fresh], {})).toThrow();
    run(["restore", path.join(dir, "backup"), "--data-dir", fresh, "--force"], {});
    expect(existsSync(path.join(fresh, "balai.db"))).toBe(true);

    // and a server starts on the restored folder with the data in it
    const restored = await startServer({ databaseUrl: `file:${path.join(fresh, "balai.db")}`, keepDatabase: true, env: { DATA_DIR: fresh, BALAI_SEED: "0" } });
    try {
      const again = new Client(restored.url);
      await again.login(user.identifier, user.password);
      expect((await again.page(`/qa/${session.code}`)).status).toBe(200);
    } finally {
      await restored.stop();
    }
  }, 90_000);
});
