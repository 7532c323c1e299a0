// The shared rate limits on a real Redis (needs redis-server, as npm run test:cluster):
// limits asked together (a vote's per-participant and per-IP limit) are one script
// call that counts the same keys as a single limit's own call, refuses exactly at the
// shared limit whichever instance asks, and falls back to the instance's own counts
// within the timeout when Redis stops answering.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeAll, takeEach } from "~/domain/limits";
import { createQaLimits } from "~/domain/qa/limits.server";
import { createLimitStores } from "../../server/limits";
import type { RedisClient } from "../../server/redis";
import { ensurePackages, startRedis } from "./cluster";

let dir: string;
let redis: Awaited<ReturnType<typeof startRedis>>;
const clients: RedisClient[] = [];

async function client(): Promise<RedisClient> {
  const c: RedisClient = createClient({ url: redis.url });
  c.on("error", () => undefined);
  await c.connect();
  clients.push(c);
  return c;
}

beforeAll(async () => {
  ensurePackages();
  dir = mkdtempSync(path.join(os.tmpdir(), "balai-limits-test-"));
  redis = await startRedis(dir);
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("limits asked together on Redis", () => {
  it("hold across instances exactly at the shared limit; a refusal gives the other limit its hit back", async () => {
    const a = createLimitStores(await client());
    const b = createLimitStores(await client());
    const rule = (name: string, limit: number) => ({ name, limit, windowMs: 60_000 });
    const [pA, ipA] = [a.limiters(rule("t-p", 2)), a.limiters(rule("t-ip", 3))];
    const [pB, ipB] = [b.limiters(rule("t-p", 2)), b.limiters(rule("t-ip", 3))];
    // p1 on instance A, then on B: the second instance sees the first's hit
    expect(
      await takeAll([
        [pA, "p1"],
        [ipA, "ip"],
      ]),
    ).toBe(true);
    expect(
      await takeAll([
        [pB, "p1"],
        [ipB, "ip"],
      ]),
    ).toBe(true);
    expect(
      await takeAll([
        [pA, "p1"],
        [ipA, "ip"],
      ]),
    ).toBe(false); // p1 at its limit
    // the IP got that refused hit back: one left for p2
    expect(
      await takeAll([
        [pB, "p2"],
        [ipB, "ip"],
      ]),
    ).toBe(true);
    expect(
      await takeAll([
        [pA, "p3"],
        [ipA, "ip"],
      ]),
    ).toBe(false); // the IP at its limit
    // p3 got its hit back: a single limit's own call (rate-limiter-flexible) counts the same key
    expect(await pB.take("p3")).toBe(true);
    expect(await pB.take("p3")).toBe(true);
    expect(await pB.take("p3")).toBe(false);
    expect(a.fallbacks() + b.fallbacks()).toBe(0);
    // the keys expire with their window (rate-limiter-flexible's keys)
    const ttl = await clients[0].pTTL("balai:rl:t-p:p1");
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it("a participant's votes are refused at the limit however the instances interleave", async () => {
    const instances = await Promise.all([client(), client(), client()]);
    const limits = instances.map((c) => createQaLimits({ asksPerIp: 60, votesPerIp: 1000 }, createLimitStores(c).limiters));
    // 45 votes at once, a batch of 15 on each of three instances: the per-participant limit is 30 per 10 s
    const batch = Array.from({ length: 15 }, () => ({ participantId: "voter-1", ip: "10.1.1.1" }));
    const answers = (await Promise.all(limits.map((l) => l.votes(batch)))).flat();
    expect(answers).toHaveLength(45);
    expect(answers.filter(Boolean)).toHaveLength(30);
    // the IP counted only the accepted ones
    expect(Number(await instances[0].get("balai:rl:qa-vote-ip:10.1.1.1"))).toBe(30);
  });

  it("a batch asked in one call answers each request in order, as one call per request would", async () => {
    const c = await client();
    const stores = createLimitStores(c);
    const p = stores.limiters({ name: "t-each-p", limit: 1, windowMs: 60_000 });
    const ip = stores.limiters({ name: "t-each-ip", limit: 2, windowMs: 60_000 });
    const evals = async () => Number(/cmdstat_eval:calls=(\d+)/.exec(await c.info("commandstats"))?.[1] ?? 0);
    const before = await evals();
    const answers = await takeEach([
      [
        [p, "e1"],
        [ip, "ip"],
      ],
      [
        [p, "e1"], // e1's second vote: refused, and the IP gets that hit back
        [ip, "ip"],
      ],
      [
        [p, "e2"],
        [ip, "ip"],
      ],
      [
        [p, "e3"], // the IP is at its limit now: refused, and e3 gets its hit back
        [ip, "ip"],
      ],
    ]);
    expect(answers).toEqual([true, false, true, false]);
    expect((await evals()) - before).toBe(1); // one script call for the four requests
    // a refusing key keeps its hit, as a refused consume does: e1's second, the IP's third
    expect(await c.get("balai:rl:t-each-p:e1")).toBe("2");
    expect(await c.get("balai:rl:t-each-ip:ip")).toBe("3");
    expect(await c.get("balai:rl:t-each-p:e3")).toBe("0");
    expect(stores.fallbacks()).toBe(0);
  });

  it("answer from the instance's own counts within the timeout while Redis hangs", async () => {
    const stores = createLimitStores(await client(), undefined, 200);
    const p = stores.limiters({ name: "t-hang-p", limit: 1, windowMs: 60_000 });
    const ip = stores.limiters({ name: "t-hang-ip", limit: 10, windowMs: 60_000 });
    redis.pause();
    try {
      const started = Date.now();
      expect(
        await takeAll([
          [p, "h1"],
          [ip, "ip"],
        ]),
      ).toBe(true);
      expect(
        await takeAll([
          [p, "h1"],
          [ip, "ip"],
        ]),
      ).toBe(false); // the same rule, counted here
      expect(Date.now() - started).toBeLessThan(1500);
      expect(stores.fallbacks()).toBeGreaterThan(0);
    } finally {
      redis.resume();
    }
  });
});
