// `npm run db:backup` and `npm run db:restore`.
//
// Backup (safe while Balai runs): the embedded SQLite database through SQLite's
// online backup API (better-sqlite3's `backup()`: a consistent copy page by page,
// writers are not blocked for long), the uploaded photos, and the generated session
// secret, into DATA_DIR/backups/<time>/ (or `--to <dir>`), with a manifest of row
// counts per table. On PostgreSQL the database is backed up with pg_dump (printed
// here); the photos are still copied.
//
// Restore (Balai stopped): `npm run db:restore -- <backup dir> [--data-dir <dir>] [--force]`
// puts the database file and the photos back where the configuration (or --data-dir)
// says they live. An existing database is replaced only with --force.
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { ConfigError, loadConfig, loadConfigWith, type Config } from "./config";

interface Manifest {
  createdAt: string;
  provider: "sqlite" | "postgresql";
  database?: string;
  tables?: Record<string, number>;
  uploads: number;
  sessionSecret: boolean;
}

function sqliteFile(databaseUrl: string): string {
  return databaseUrl.slice("file:".length);
}

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) n += entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : 1;
  return n;
}

export function tableCounts(db: Sqlite.Database): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n]));
}

export async function backup(config: Config, to?: string): Promise<{ dir: string; manifest: Manifest }> {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const dir = path.resolve(to ?? path.join(config.dataDir, "backups", stamp));
  mkdirSync(dir, { recursive: true });
  const manifest: Manifest = {
    createdAt: new Date().toISOString(),
    provider: config.databaseUrl.startsWith("file:") ? "sqlite" : "postgresql",
    uploads: 0,
    sessionSecret: false,
  };
  if (manifest.provider === "sqlite") {
    // read-only: the backup never writes to the live database (not even a checkpoint)
    const source = new Sqlite(sqliteFile(config.databaseUrl), { fileMustExist: true, readonly: true });
    try {
      source.pragma("busy_timeout = 5000");
      await source.backup(path.join(dir, "balai.db"));
    } finally {
      source.close();
    }
    const copy = new Sqlite(path.join(dir, "balai.db"), { readonly: true });
    manifest.tables = tableCounts(copy);
    copy.close();
    manifest.database = "balai.db";
  } else {
    console.log("PostgreSQL: back the database up with pg_dump, e.g.");
    console.log(`  pg_dump --format=custom --file=${path.join(dir, "balai.pgdump")} "$DATABASE_URL"`);
    console.log('and restore it with: pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" balai.pgdump');
  }
  if (existsSync(config.uploadDir)) {
    cpSync(config.uploadDir, path.join(dir, "uploads"), { recursive: true });
    manifest.uploads = countFiles(path.join(dir, "uploads"));
  }
  const secret = path.join(config.dataDir, "session-secret");
  if (existsSync(secret)) {
    copyFileSync(secret, path.join(dir, "session-secret"));
    chmodSync(path.join(dir, "session-secret"), 0o600);
    manifest.sessionSecret = true;
  }
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return { dir, manifest };
}

export function restore(config: Config, from: string, options: { force?: boolean } = {}): Manifest {
  const dir = path.resolve(from);
  const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
  if (manifest.provider === "sqlite") {
    if (!config.databaseUrl.startsWith("file:")) throw new Error("This backup holds an SQLite database, but DATABASE_URL names PostgreSQL.");
    const target = sqliteFile(config.databaseUrl);
    if (existsSync(target) && statSync(target).size > 0 && !options.force) {
      throw new Error(`${target} exists. Stop Balai, then run again with --force to replace it.`);
    }
    mkdirSync(path.dirname(target), { recursive: true });
    for (const suffix of ["-wal", "-shm"]) rmSync(target + suffix, { force: true });
    copyFileSync(path.join(dir, manifest.database ?? "balai.db"), target);
    const check = new Sqlite(target, { readonly: true });
    const counts = tableCounts(check);
    check.close();
    for (const [table, n] of Object.entries(manifest.tables ?? {})) {
      if (counts[table] !== n) throw new Error(`Restored ${table} has ${counts[table]} rows, the backup said ${n}.`);
    }
  } else {
    console.log("PostgreSQL: restore the database with pg_restore (see the backup's note); the photos are restored now.");
  }
  if (existsSync(path.join(dir, "uploads"))) {
    mkdirSync(config.uploadDir, { recursive: true });
    cpSync(path.join(dir, "uploads"), config.uploadDir, { recursive: true });
  }
  if (manifest.sessionSecret && existsSync(path.join(dir, "session-secret"))) {
    mkdirSync(config.dataDir, { recursive: true });
    copyFileSync(path.join(dir, "session-secret"), path.join(config.dataDir, "session-secret"));
    chmodSync(path.join(config.dataDir, "session-secret"), 0o600);
  }
  return manifest;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const dataDir = option(args, "data-dir");
  let config: Config;
  try {
    // --data-dir: another folder (its embedded database, photos and secret), e.g. to restore into a fresh one
    config = dataDir ? loadConfigWith({ DATA_DIR: dataDir, DATABASE_URL: "", UPLOAD_DIR: "" }) : loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) for (const p of error.problems) console.error(`Configuration error: ${p}`);
    else console.error(error);
    process.exit(1);
  }
  if (command === "backup") {
    const { dir, manifest } = await backup(config, option(args, "to"));
    const rows = Object.values(manifest.tables ?? {}).reduce((a, b) => a + b, 0);
    console.log(
      `Backup written to ${dir}: ${manifest.provider === "sqlite" ? `${rows} rows in ${Object.keys(manifest.tables ?? {}).length} tables, ` : ""}${manifest.uploads} photo files.`,
    );
  } else if (command === "restore") {
    const from = args.find((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--")));
    if (!from) {
      console.error("Usage: npm run db:restore -- <backup dir> [--data-dir <dir>] [--force]");
      process.exit(1);
    }
    try {
      const manifest = restore(config, from, { force: args.includes("--force") });
      console.log(
        `Restored ${from} into ${config.databaseUrl.startsWith("file:") ? sqliteFile(config.databaseUrl) : "PostgreSQL (photos only)"} (${manifest.uploads} photo files).`,
      );
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    }
  } else {
    console.error("Usage: tsx server/backup.ts backup|restore …");
    process.exit(1);
  }
}

if (process.argv[1]?.endsWith("backup.ts")) void main();
