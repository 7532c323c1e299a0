// Prisma CLI configuration: engine-free (no Rust binaries can be downloaded here),
// the schema engine talks to the database through the same driver adapter as the app.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const here = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(here, "schema.prisma"),
  async adapter() {
    // the CLI only diffs schemas, but its adapter wants a database file: keep it under ./data
    // (made here, so a fresh clone needs nothing first)
    const dataDir = path.join(here, "..", "data");
    mkdirSync(dataDir, { recursive: true });
    const url = process.env.PRISMA_CLI_SQLITE_URL ?? path.join(dataDir, "prisma-cli.db");
    return new PrismaBetterSQLite3({ url });
  },
});
