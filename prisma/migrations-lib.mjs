// Migrations for both providers, generated together from schema snapshots.
// Layout: prisma/migrations/<timestamp>_<name>/{schema.prisma, sqlite.sql, postgresql.sql}
// where schema.prisma is the data model after that migration. The SQL of both
// dialects is always `prisma migrate diff` between consecutive snapshots, so a test
// can recompute it and fail when a migration, a snapshot or the schema drifted.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { prismaDir, providers, readSchema, schemaFor } from "./providers.mjs";
import { prismaCliAsync } from "./generate.mjs";

export const migrationsDir = path.join(prismaDir, "migrations");

export function listMigrations() {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{14}_/.test(d.name))
    .map((d) => d.name)
    .sort();
}

export function readMigration(name, file) {
  return readFileSync(path.join(migrationsDir, name, file), "utf8");
}

/** SQL that takes `provider` from the `from` data model (null = empty) to `to`. */
export async function diffSql(provider, fromSchemaText, toSchemaText) {
  // a folder of its own: several test runs may diff at the same time
  const dir = await mkdtemp(path.join(tmpdir(), "balai-diff-"));
  try {
    const toFile = path.join(dir, "to.prisma");
    await writeFile(toFile, schemaFor(provider, toSchemaText));
    let from = ["--from-empty"];
    if (fromSchemaText != null) {
      const fromFile = path.join(dir, "from.prisma");
      await writeFile(fromFile, schemaFor(provider, fromSchemaText));
      from = ["--from-schema-datamodel", fromFile];
    }
    return await prismaCliAsync(["migrate", "diff", ...from, "--to-schema-datamodel", toFile, "--script"]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function createMigration(name) {
  const existing = listMigrations();
  const previous = existing.length ? readMigration(existing.at(-1), "schema.prisma") : null;
  const current = readSchema();
  if (previous === current) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "schema.prisma"), current);
  for (const provider of providers) {
    writeFileSync(path.join(dir, `${provider}.sql`), await diffSql(provider, previous, current));
  }
  return dir;
}
