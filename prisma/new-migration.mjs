// npm run db:migration:new -- <name>: writes the next migration for both providers.
import { createMigration } from "./migrations-lib.mjs";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:new -- <name in snake_case>");
  process.exit(1);
}
const dir = await createMigration(name);
console.log(dir ? `Created ${dir}` : "The schema has not changed since the last migration: nothing to do.");
