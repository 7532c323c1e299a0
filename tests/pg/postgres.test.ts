// PostgreSQL-only checks: every migration applies to an empty database, and the
// health check reports an unreachable database with 503.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate } from "~/db/migrate.server";
import { listMigrations } from "../../prisma/migrations-lib.mjs";
import { startServer } from "../support/server";

const base = process.env.TEST_DATABASE_URL!;

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe("PostgreSQL", () => {
  it("applies all migrations to an empty database, once", async () => {
    const name = `balai_migrate_${Date.now()}`;
    await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      const first = await migrate(url.toString());
      expect(first.applied).toEqual(listMigrations());
      expect((await migrate(url.toString())).applied).toEqual([]);
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      const { rows } = await c.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
      await c.end();
      expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(["User", "Event", "Rsvp", "Post", "QaVote", "Aspiration", "AgendaItem"]));
    } finally {
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  });

  it("answers 503 from /healthz when the database is unreachable", async () => {
    const server = await startServer({ keepDatabase: true });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const name = new URL(server.databaseUrl).pathname.slice(1);
      await withAdmin((c) => c.query(`DROP DATABASE "${name}" WITH (FORCE)`));
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(503);
      expect((await res.json()).database.status).toBe("unreachable");
    } finally {
      await server.stop();
    }
  });
});
