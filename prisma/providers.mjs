// One data model, two providers. `schema.prisma` names SQLite; the PostgreSQL
// schema is derived from it here and never written by hand, so the two cannot drift.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const prismaDir = path.dirname(fileURLToPath(import.meta.url));
export const rootDir = path.dirname(prismaDir);
export const providers = ["sqlite", "postgresql"];

/** Rewrite the SQLite schema text for another provider. */
export function schemaFor(provider, sqliteSchemaText) {
  if (provider === "sqlite") return sqliteSchemaText;
  const out = sqliteSchemaText
    .replace(/provider\s*=\s*"sqlite"/, `provider = "${provider}"`)
    .replace(/output\s*=\s*"\.\.\/app\/generated\/sqlite"/, `output = "${path.join(rootDir, "app", "generated", provider)}"`)
    .replace(/url\s*=\s*"file:[^"]*"/, `url = "postgresql://localhost/balai"`);
  if (out.includes('"sqlite"')) throw new Error("schemaFor: the SQLite schema has an unexpected shape");
  return out;
}

export function readSchema(file = path.join(prismaDir, "schema.prisma")) {
  return readFileSync(file, "utf8");
}
