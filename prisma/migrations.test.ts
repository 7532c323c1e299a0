// Fails when the two providers drift apart: every migration's SQL, for SQLite and
// PostgreSQL alike, must be exactly what `prisma migrate diff` produces between
// consecutive schema snapshots, and the last snapshot must be the current schema.
import { describe, expect, it } from "vitest";
import { diffSql, listMigrations, readMigration } from "./migrations-lib.mjs";
import { providers, readSchema, schemaFor } from "./providers.mjs";

const migrations = listMigrations();

describe("migrations for both providers", () => {
  it("exist", () => {
    expect(migrations.length).toBeGreaterThan(0);
  });

  it("end at the current schema (run `npm run db:migration:new -- <name>` after changing it)", () => {
    expect(readMigration(migrations.at(-1)!, "schema.prisma")).toBe(readSchema());
  });

  it.each(migrations.map((name, i) => [name, i] as const))(
    "%s has the generated SQL for SQLite and PostgreSQL",
    async (name, i) => {
      const previous = i === 0 ? null : readMigration(migrations[i - 1], "schema.prisma");
      const current = readMigration(name, "schema.prisma");
      const generated = await Promise.all(providers.map((provider) => diffSql(provider, previous, current)));
      providers.forEach((provider, k) => {
        expect(readMigration(name, `${provider}.sql`), `${name}/${provider}.sql`).toBe(generated[k]);
      });
    },
    60_000,
  );

  it("derives the PostgreSQL schema from the SQLite one and nothing else", () => {
    const pg = schemaFor("postgresql", readSchema());
    expect(pg).toContain('provider = "postgresql"');
    expect(pg.replace(/\s+/g, " ")).not.toContain('provider = "sqlite"');
    expect(pg.split("\n").length).toBe(readSchema().split("\n").length);
  });
});
