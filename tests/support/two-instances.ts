// Two clients of one fresh, migrated PostgreSQL database, as two instances of a cluster
// hold them: for the domain tests of what several instances do at once (tests/pg).
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import { freshPostgresDatabase } from "./server";

/** Registers the set-up and tear-down; the returned function gives the two databases once the set-up ran. */
export function twoInstancesOnPostgres(): () => [Database, Database] {
  let drop: (() => Promise<void>) | undefined;
  let pair: [Database, Database] | undefined;
  beforeAll(async () => {
    const fresh = await freshPostgresDatabase(process.env.TEST_DATABASE_URL!);
    drop = fresh.drop;
    await migrate(fresh.url);
    pair = (await Promise.all([openDatabase(fresh.url), openDatabase(fresh.url)])) as [Database, Database];
  });
  afterAll(async () => {
    await Promise.all(pair?.map((d) => d.close()) ?? []);
    await drop?.();
  });
  return () => {
    if (!pair) throw new Error("twoInstancesOnPostgres: used before its beforeAll ran");
    return pair;
  };
}
