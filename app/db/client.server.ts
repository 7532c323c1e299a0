// Opens the database through a Prisma driver adapter: embedded SQLite by default,
// PostgreSQL for scale-out. Both generated clients share one model API; the
// SQLite client's type is used everywhere (see README "Decisions").
import type { PrismaClient } from "../generated/sqlite/client";
import { rememberProvider } from "./search";

export type Db = PrismaClient;
export type Provider = "sqlite" | "postgresql";

/**
 * PostgreSQL only: plain SQL straight through a small `pg` pool of its own, for the one hot
 * path where Prisma's raw-query pipeline is most of the cost (the Q&A vote commit, every
 * tick on every instance: about 310 µs of CPU per statement through Prisma against 45 µs
 * through `pg`). `name`: a prepared statement, planned once per connection.
 */
export interface RawSql {
  query<T>(sql: string, values?: unknown[], name?: string): Promise<T[]>;
}

export interface Database {
  db: Db;
  provider: Provider;
  raw?: RawSql;
  /** true when a trivial query succeeds */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export function providerOf(url: string): Provider {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`Unsupported DATABASE_URL scheme: ${url.split(":")[0]}`);
}

/** `file:./data/x.db` -> `./data/x.db` */
export function sqlitePath(url: string): string {
  return url.replace(/^file:(\/\/)?/, "").split("?")[0];
}

export async function openDatabase(url: string): Promise<Database> {
  const provider = providerOf(url);
  if (provider === "sqlite") {
    const [{ PrismaClient }, { PrismaBetterSQLite3 }] = await Promise.all([import("../generated/sqlite/client"), import("@prisma/adapter-better-sqlite3")]);
    // busy_timeout: wait for a concurrent writer instead of failing with SQLITE_BUSY
    const adapter = new PrismaBetterSQLite3({ url: sqlitePath(url), timeout: 5000 });
    const connect = adapter.connect.bind(adapter);
    adapter.connect = async () => beginImmediate(await connect());
    const db = new PrismaClient({ adapter });
    // WAL: concurrent readers during writes and ~5x cheaper commits on this disk.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    const database = wrap(db, provider);
    await refreshPlannerStatistics(database);
    return database;
  }
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import("../generated/postgresql/client"), import("@prisma/adapter-pg")]);
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  const db = new PrismaClient({ adapter }) as unknown as Db;
  const { default: pg } = await import("pg");
  // generic plans for its prepared statements: PostgreSQL's default kept re-planning the vote
  // store (a CTE over array parameters) on most executions, 0.26 ms of its CPU each time
  // (pg_stat_statements in bench:cluster), every tick on every instance
  const pool = new pg.Pool({ connectionString: url, max: 2, options: "-c plan_cache_mode=force_generic_plan" });
  pool.on("error", () => undefined); // an idle connection dropped by the server: the next query opens another
  const database = wrap(db, provider);
  return {
    ...database,
    raw: { query: async <T>(text: string, values?: unknown[], name?: string) => (await pool.query({ text, values, name })).rows as T[] },
    close: async () => {
      await Promise.all([database.close(), pool.end()]);
    },
  };
}

/**
 * Prisma's SQLite adapter begins its transactions DEFERRED: one that reads and then writes
 * asks for the write lock halfway, and when another process (a CLI, a backup, a test's
 * builders) holds it or wrote meanwhile, SQLite answers SQLITE_BUSY at once, without the
 * busy_timeout wait (it would risk a deadlock). IMMEDIATE takes the write lock at BEGIN,
 * where busy_timeout applies. Inside one process the adapter runs one transaction at a
 * time anyway, so nothing else changes.
 */
function beginImmediate<A>(adapter: A): A {
  const client = (adapter as { client?: { prepare?: (sql: string) => unknown } }).client;
  if (typeof client?.prepare !== "function") throw new Error("@prisma/adapter-better-sqlite3 changed: no client.prepare to begin IMMEDIATE transactions on");
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
  return adapter;
}

/**
 * Keeps the query planner's statistics as the lists need them. SQLite: none. Measured on
 * the city-sized bench data: with statistics (ANALYZE or PRAGMA optimize, with or without
 * sqlite_stat4) SQLite believes "groupPrimaryId IS NULL" matches about 11 rows (the
 * average over all values, though 90 % of the rows are NULL), takes a skip-scan over the
 * (categoryId, groupPrimaryId, …) index and sorts all 90,000 rows of /aspirations (90–290 ms
 * a page); with its default estimates every list takes the index of its own order (0.1 ms).
 * So any statistics found (an ANALYZE run by hand) are removed, on open and every 6 hours
 * (the "db.statistics" job). PostgreSQL keeps its own (autovacuum's ANALYZE): nothing to do.
 */
export async function refreshPlannerStatistics(database: Pick<Database, "db" | "provider">): Promise<string> {
  if (database.provider !== "sqlite") return "postgresql: autovacuum";
  const tables = await database.db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sqlite_stat%'");
  let removed = 0;
  for (const { name } of tables) removed += await database.db.$executeRawUnsafe(`DELETE FROM "${name}"`);
  if (removed === 0) return "sqlite: default estimates";
  // the planner reads the (now empty) statistics again
  await database.db.$executeRawUnsafe("ANALYZE sqlite_schema");
  return "sqlite: statistics removed (default estimates)";
}

function wrap(db: Db, provider: Provider): Database {
  rememberProvider(db, provider);
  return {
    db,
    provider,
    async ping() {
      try {
        await db.$queryRawUnsafe("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.$disconnect(),
  };
}
