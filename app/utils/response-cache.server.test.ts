import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createCountCache } from "~/domain/counts";
import { cachedFileResponse, createResponseCache } from "./response-cache.server";

const file = (body: string) => async () => ({ body, lastModified: new Date("2026-12-01T08:00:00.500Z") });

describe("the response cache", () => {
  it("builds once per version, shares a build between concurrent requests, and rebuilds after its lifetime", async () => {
    let t = 0;
    let builds = 0;
    const cache = createResponseCache({ maxAgeMs: 1000, now: () => t });
    const build = async () => {
      builds++;
      await new Promise((r) => setTimeout(r, 10));
      return { body: `v${builds}`, lastModified: new Date() };
    };
    const [a, b] = await Promise.all([cache.get("k", "1", build), cache.get("k", "1", build)]);
    expect(builds).toBe(1);
    expect(a).toBe(b);
    expect((await cache.get("k", "1", build)).body?.toString()).toBe("v1");
    expect((await cache.get("k", "2", build)).body?.toString()).toBe("v2");
    t = 1500;
    expect((await cache.get("k", "2", build)).body?.toString()).toBe("v3");
    expect(cache.stats().builds).toBe(3);
  });

  it("answers with the previous file while a newer one is built, when the caller allows it", async () => {
    const cache = createResponseCache();
    await cache.get("k", "a/1", file("old"));
    let release!: () => void;
    const slow = () => new Promise<{ body: string; lastModified: Date }>((r) => (release = () => r({ body: "new", lastModified: new Date() })));
    // as the open data does: the previous file may answer when only its time bucket is old
    const lagging = (data: string) => ({ staleWhileRevalidate: (previous: string) => previous.startsWith(`${data}/`) });
    expect((await cache.get("k", "a/2", slow, lagging("a"))).body?.toString()).toBe("old");
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect((await cache.get("k", "a/2", slow, lagging("a"))).body?.toString()).toBe("new");
    // another data version: never the stale file
    expect((await cache.get("k", "b/1", file("fresh"), lagging("b"))).body?.toString()).toBe("fresh");
  });

  it("answers 304 to a matching If-None-Match or If-Modified-Since, and gzip to a client that accepts it", async () => {
    const cache = createResponseCache();
    const f = await cache.get("k", "1", file("BEGIN:VCALENDAR"));
    const headers = { "Content-Type": "text/calendar" };
    const plain = cachedFileResponse(new Request("http://x/"), f, headers);
    expect(plain.status).toBe(200);
    expect(await plain.text()).toBe("BEGIN:VCALENDAR");
    expect(plain.headers.get("last-modified")).toBe("Tue, 01 Dec 2026 08:00:00 GMT");
    expect(cachedFileResponse(new Request("http://x/", { headers: { "If-None-Match": `W/"nope", ${f.etag}` } }), f, headers).status).toBe(304);
    expect(cachedFileResponse(new Request("http://x/", { headers: { "If-None-Match": `"nope"` } }), f, headers).status).toBe(200);
    expect(cachedFileResponse(new Request("http://x/", { headers: { "If-Modified-Since": "Tue, 01 Dec 2026 08:00:00 GMT" } }), f, headers).status).toBe(304);
    expect(cachedFileResponse(new Request("http://x/", { headers: { "If-Modified-Since": "Tue, 01 Dec 2026 07:59:59 GMT" } }), f, headers).status).toBe(200);
    const gz = cachedFileResponse(new Request("http://x/", { headers: { "Accept-Encoding": "gzip, br" } }), f, headers);
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe("BEGIN:VCALENDAR");
  });

  it("keeps a large file only gzipped and inflates it for a client without gzip", async () => {
    const cache = createResponseCache();
    const big = "x".repeat(2 * 1024 * 1024);
    const f = await cache.get("big", "1", file(big));
    expect(f.body).toBeNull();
    expect(await cachedFileResponse(new Request("http://x/"), f, {}).text()).toBe(big);
  });
});

describe("the count cache", () => {
  it("counts again when the version changes or the count is older than its lifetime", async () => {
    let t = 0;
    let n = 0;
    const counts = createCountCache({ ttlMs: 100, now: () => t });
    const compute = async () => ++n;
    expect(await counts.count("a", "1", compute)).toBe(1);
    expect(await counts.count("a", "1", compute)).toBe(1);
    expect(await counts.count("a", "2", compute)).toBe(2);
    t = 200;
    expect(await counts.count("a", "2", compute)).toBe(3);
    expect(await counts.value("a", "2", async () => "other kind")).toBe("other kind");
  });
});
