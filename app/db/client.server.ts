// Opens the database through a Prisma driver adapter: embedded SQLite by default,
// PostgreSQL for scale-out. Both generated clients share one model API; the
// SQLite client's type is used everywhere (see README "Decisions").
import type { PrismaClient } from "../generated/sqlite/client";
import { rememberProvider } from "./search";

export type Db = PrismaClient;
export type Provider = "sqlite" | "postgresql";

export interface Database {
  db: Db;
  provider: Provider;
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
  return wrap(db, provider);
}

/**
 * SQLite's planner statistics (sqlite_stat1), refreshed when a table has grown or shrunk
 * tenfold since they were taken (PRAGMA optimize; analysis_limit keeps it to milliseconds
 * on a city-sized database). Without them SQLite guesses, and with several indexes on one
 * leading column it may take one that does not match the ORDER BY and sort every row (the
 * /aspirations list did). Run on open and every few hours (the "db.statistics" job).
 * PostgreSQL keeps its own (autovacuum's ANALYZE): nothing to do.
 */
export async function refreshPlannerStatistics(database: Pick<Database, "db" | "provider">): Promise<string> {
  if (database.provider !== "sqlite") return "postgresql: autovacuum";
  await database.db.$queryRawUnsafe("PRAGMA analysis_limit = 400");
  await database.db.$executeRawUnsafe("PRAGMA optimize = 0x10002");
  return "sqlite: PRAGMA optimize";
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
