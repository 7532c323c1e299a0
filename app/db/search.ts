// Case-insensitive "contains" for keyword search on both providers: SQLite's LIKE
// already ignores ASCII case, PostgreSQL needs Prisma's `mode: "insensitive"`.
// The provider travels with the client object itself (set once when it is opened),
// so no module keeps a registry.
import type { Db, Provider } from "./client.server";

const PROVIDER = Symbol.for("balai.db.provider");

export function rememberProvider(db: Db, provider: Provider): void {
  Object.defineProperty(db, PROVIDER, { value: provider, enumerable: false });
}

export function providerOfClient(db: Db): Provider {
  return (db as unknown as Record<typeof PROVIDER, Provider | undefined>)[PROVIDER] ?? "sqlite";
}

export function containsText(db: Db, text: string): { contains: string } {
  return providerOfClient(db) === "postgresql" ? ({ contains: text, mode: "insensitive" } as { contains: string }) : { contains: text };
}
