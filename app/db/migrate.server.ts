// Applies prisma/migrations/*/<provider>.sql in order, each once, in a transaction.
// Our own small runner instead of `prisma migrate deploy`: that command fails on
// PostgreSQL through the wasm engine (prisma/orm#27403), and one runner for both
// providers keeps the rule in one place.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { providerOf, sqlitePath } from "./client.server";

const TABLE = "_balai_migrations";

export function defaultMigrationsDir(): string {
  // works from app/db (tsx) and from build/ (Remix bundle): walk up to the project root
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, "prisma", "migrations");
    try {
      readdirSync(candidate);
      return candidate;
    } catch {
      dir = path.dirname(dir);
    }
  }
  return path.resolve("prisma", "migrations");
}

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

function loadMigrations(provider: string, dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{14}_/.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, `${provider}.sql`), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export interface MigrateResult {
  applied: string[];
}

export async function migrate(url: string, dir = defaultMigrationsDir()): Promise<MigrateResult> {
  const provider = providerOf(url);
  const migrations = loadMigrations(provider, dir);
  return provider === "sqlite" ? migrateSqlite(sqlitePath(url), migrations) : migratePostgres(url, migrations);
}

function checkApplied(applied: Map<string, string>, migrations: Migration[]) {
  for (const m of migrations) {
    const seen = applied.get(m.name);
    if (seen && seen !== m.checksum) {
      throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
    }
  }
}

async function migrateSqlite(file: string, migrations: Migration[]): Promise<MigrateResult> {
  const { default: Sqlite } = await import("better-sqlite3");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const conn = new Sqlite(file);
  try {
    conn.pragma("journal_mode = WAL");
    conn.pragma("busy_timeout = 5000");
    conn.exec(`CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied = new Map(
      (conn.prepare(`SELECT name, checksum FROM "${TABLE}"`).all() as { name: string; checksum: string }[]).map((r) => [r.name, r.checksum]),
    );
    checkApplied(applied, migrations);
    const done: string[] = [];
    for (const m of migrations.filter((m) => !applied.has(m.name))) {
      conn
        .transaction(() => {
          conn.exec(m.sql);
          conn.prepare(`INSERT INTO "${TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`).run(m.name, m.checksum, new Date().toISOString());
        })
        .immediate();
      done.push(m.name);
    }
    return { applied: done };
  } finally {
    conn.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // one migrator at a time when several app instances start together
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(`CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "${TABLE}"`);
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    checkApplied(applied, migrations);
    const done: string[] = [];
    for (const m of migrations.filter((m) => !applied.has(m.name))) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "${TABLE}" (name, checksum, applied_at) VALUES ($1, $2, now())`, [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      done.push(m.name);
    }
    return { applied: done };
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => {});
    await client.end();
  }
}
