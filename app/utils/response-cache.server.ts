// Generated files (calendar feeds, open data, report files) built once per change and
// answered from memory: the body, its gzip form, an ETag and a Last-Modified, and 304
// to a conditional request. One cache per process, created in server/services.ts and
// injected as `context.responses` (no module of app/ keeps state).
//
// A caller gives a key (what the file is: path, filters, language, origin), a version
// (a cheap marker of the data it was built from, e.g. the newest updatedAt, read with one
// indexed query) and the builder. The entry is rebuilt when the version changes or after
// `maxAgeMs` (for what the marker cannot see, e.g. a renamed kelurahan). Concurrent
// misses share one build. Least recently used entries go first beyond `maxBytes`.
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";

/** Files above this size are kept only gzipped (a client without gzip gets them inflated per request). */
const PLAIN_MAX_BYTES = 1024 * 1024;

export interface CachedFile {
  /** null for a large file: only its gzip form is kept */
  body: Buffer | null;
  gzip: Buffer;
  etag: string;
  lastModified: Date;
  version: string;
  builtAt: number;
  /** headers that belong to this file's content (e.g. a page's Link to the next one) */
  headers?: Record<string, string>;
}

export interface ResponseCache {
  get(
    key: string,
    version: string,
    build: () => Promise<{ body: string | Buffer; lastModified: Date; headers?: Record<string, string> }>,
    /** answer with the previous file while a newer one is built, when this says the previous version may lag (e.g. only its time bucket is old) */
    options?: { staleWhileRevalidate?: (previousVersion: string) => boolean },
  ): Promise<CachedFile>;
  /** forget every entry whose key starts with the prefix (e.g. "calendar:") */
  invalidate(prefix: string): void;
  stats(): { entries: number; bytes: number; builds: number; hits: number };
}

export function createResponseCache(options: { maxAgeMs?: number; maxBytes?: number; now?: () => number } = {}): ResponseCache {
  const maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const now = options.now ?? Date.now;
  const entries = new Map<string, CachedFile>();
  const building = new Map<string, { version: string; promise: Promise<CachedFile> }>();
  let bytes = 0;
  let builds = 0;
  let hits = 0;

  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    bytes -= (e.body?.length ?? 0) + e.gzip.length;
    entries.delete(key);
  };

  return {
    async get(key, version, build, options = {}) {
      const cached = entries.get(key);
      const stale = cached !== undefined && options.staleWhileRevalidate?.(cached.version) === true;
      if (cached && cached.version === version && now() - cached.builtAt < maxAgeMs) {
        hits++;
        // most recently used last
        entries.delete(key);
        entries.set(key, cached);
        return cached;
      }
      const pending = building.get(key);
      if (pending && pending.version === version) return stale ? cached : pending.promise;
      const promise = (async () => {
        const { body, lastModified, headers } = await build();
        const buf = typeof body === "string" ? Buffer.from(body, "utf8") : body;
        const file: CachedFile = {
          body: buf.length <= PLAIN_MAX_BYTES ? buf : null,
          gzip: gzipSync(buf),
          etag: `"${createHash("sha1").update(buf).digest("base64url")}"`,
          // HTTP dates have whole seconds
          lastModified: new Date(Math.floor(lastModified.getTime() / 1000) * 1000),
          version,
          builtAt: now(),
          headers,
        };
        builds++;
        drop(key);
        entries.set(key, file);
        bytes += (file.body?.length ?? 0) + file.gzip.length;
        for (const k of entries.keys()) {
          if (bytes <= maxBytes || k === key) break;
          drop(k);
        }
        return file;
      })();
      building.set(key, { version, promise });
      const settled = promise.finally(() => {
        if (building.get(key)?.promise === promise) building.delete(key);
      });
      // the previous file answers while the new one is built (for what may lag a little, e.g. open data)
      if (stale) {
        settled.catch(() => undefined);
        return cached;
      }
      return settled;
    },
    invalidate(prefix) {
      for (const k of [...entries.keys()]) if (k.startsWith(prefix)) drop(k);
    },
    stats: () => ({ entries: entries.size, bytes, builds, hits }),
  };
}

/**
 * The answer for a cached file: 304 when the request's If-None-Match (or, without it,
 * If-Modified-Since) matches, else the body, gzipped when the client accepts it.
 */
export function cachedFileResponse(request: Request, file: CachedFile, headers: Record<string, string>): Response {
  const common: Record<string, string> = {
    ...headers,
    ...file.headers,
    ETag: file.etag,
    "Last-Modified": file.lastModified.toUTCString(),
    Vary: "Accept-Encoding",
  };
  const inm = request.headers.get("If-None-Match");
  const ims = request.headers.get("If-Modified-Since");
  const matches = inm
    ? inm
        .split(",")
        .map((t) => t.trim().replace(/^W\//, ""))
        .some((t) => t === file.etag || t === "*")
    : ims
      ? !Number.isNaN(Date.parse(ims)) && file.lastModified.getTime() <= Date.parse(ims)
      : false;
  if (matches) {
    const { "Content-Type": _type, "Content-Disposition": _disposition, ...rest } = common;
    return new Response(null, { status: 304, headers: rest });
  }
  const gzip = /\bgzip\b/.test(request.headers.get("Accept-Encoding") ?? "");
  const body = gzip ? file.gzip : (file.body ?? gunzipSync(file.gzip));
  // a Buffer is a Uint8Array over a plain ArrayBuffer here (never shared memory)
  return new Response(body as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { ...common, ...(gzip ? { "Content-Encoding": "gzip" } : {}), "Content-Length": String(body.length) },
  });
}
