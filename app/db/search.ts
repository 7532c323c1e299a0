// Case-insensitive "contains" for keyword search on both providers: SQLite's LIKE
// already ignores ASCII case, PostgreSQL needs Prisma's `mode: "insensitive"`.
import type { Db, Provider } from "./client.server";

// Kept on globalThis: the server and the Remix bundle each load their own copy of
// this module, and the server is the one that opens the database.
const KEY = Symbol.for("balai.db.providers");
const registry = globalThis as unknown as Record<typeof KEY, WeakMap<object, Provider> | undefined>;
const providers = (registry[KEY] ??= new WeakMap<object, Provider>());

export function rememberProvider(db: Db, provider: Provider): void {
  providers.set(db, provider);
}

export function containsText(db: Db, text: string): { contains: string } {
  return providers.get(db) === "postgresql" ? ({ contains: text, mode: "insensitive" } as { contains: string }) : { contains: text };
}
