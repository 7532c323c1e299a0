// Row counts for lists ("1,234 aspirations", the number of pages) and other figures (the
// follow-up report of a period) kept for a short while instead of computing them on every
// page view. One per process, created in
// server/services.ts and injected (context.counts); a module keeps no state of its own.
// A caller gives a key (the list and its filters) and a version (a cheap marker of the
// data, e.g. the newest id): a count is used again while its version holds and it is
// younger than the lifetime, so a new row shows at once and the rest within seconds.
export interface CountCache {
  count(key: string, version: string, compute: () => Promise<number>): Promise<number>;
  /** the same for any figures (keys of different kinds must not collide: prefix them) */
  value<T>(key: string, version: string, compute: () => Promise<T>): Promise<T>;
}

export function createCountCache(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}): CountCache {
  const ttlMs = options.ttlMs ?? 30_000;
  const maxEntries = options.maxEntries ?? 2000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { version: string; at: number; value: Promise<unknown> }>();
  function value<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = entries.get(key);
    if (hit && hit.version === version && now() - hit.at < ttlMs) return hit.value as Promise<T>;
    const fresh = compute();
    entries.delete(key);
    entries.set(key, { version, at: now(), value: fresh });
    // a failed computation is not kept
    fresh.catch(() => entries.get(key)?.value === fresh && entries.delete(key));
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return fresh;
  }
  return { count: (key, version, compute) => value(`count:${key}`, version, compute), value };
}
