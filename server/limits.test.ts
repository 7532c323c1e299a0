// The rate limits' stores: memory for one instance; Redis for several, with each
// instance's own counts when Redis cannot be reached (decided: stay available).
import net from "node:net";
import { createClient } from "redis";
import { afterEach, describe, expect, it } from "vitest";
import { takeAll } from "~/domain/limits";
import { createSurveyLimits } from "~/domain/satisfaction/limits";
import { createLimitStores } from "./limits";
import { connectRedis, pingRedis, publishingWithin } from "./redis";

/**
 * A Redis that hangs: it accepts connections and answers the client's handshake
 * ("+OK" to every command) until `hang()`, then reads everything and answers
 * nothing, as a Redis stopped by the kernel or behind a dead link does.
 */
async function hangingRedis() {
  let hung = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("data", (chunk) => {
      if (hung) return;
      // one "+OK" per command: each command is an array, its own line "*<n>"
      const commands = String(chunk)
        .split("\r\n")
        .filter((line, i, lines) => line.startsWith("*") && (i === 0 || !lines[i - 1].startsWith("$"))).length;
      socket.write("+OK\r\n".repeat(commands));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `redis://127.0.0.1:${port}`,
    hang: () => (hung = true),
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe("limit stores", () => {
  it("count in memory without Redis; a refusal by one limit gives the other its hit back", async () => {
    const stores = createLimitStores(undefined);
    const perParticipant = stores.limiters({ name: "t-p", limit: 2, windowMs: 60_000 });
    const perIp = stores.limiters({ name: "t-ip", limit: 3, windowMs: 60_000 });
    expect(
      await takeAll([
        [perParticipant, "p1"],
        [perIp, "ip"],
      ]),
    ).toBe(true);
    expect(
      await takeAll([
        [perParticipant, "p1"],
        [perIp, "ip"],
      ]),
    ).toBe(true);
    expect(
      await takeAll([
        [perParticipant, "p1"],
        [perIp, "ip"],
      ]),
    ).toBe(false); // p1 is at its limit
    expect(
      await takeAll([
        [perParticipant, "p2"],
        [perIp, "ip"],
      ]),
    ).toBe(true); // the IP still had one left
    expect(
      await takeAll([
        [perParticipant, "p3"],
        [perIp, "ip"],
      ]),
    ).toBe(false);
  });

  it("fall back to this instance's own counts, same rules, while Redis is unreachable", async () => {
    // a client that never connected: not ready, as during an outage
    const offline = createClient({ url: "redis://127.0.0.1:1" });
    const stores = createLimitStores(offline);
    const limiter = stores.limiters({ name: "t-off", limit: 2, windowMs: 60_000 });
    expect(await limiter.take("k")).toBe(true);
    expect(await limiter.take("k")).toBe(true);
    expect(await limiter.take("k")).toBe(false);
    expect(stores.fallbacks()).toBeGreaterThanOrEqual(3);
    // the login lockout too: locked after 5 failures, unlocked by a success
    for (let i = 0; i < 5; i++) await stores.loginLockout.recordFailure("email:a@b.c");
    expect(await stores.loginLockout.lockedForMinutes("email:a@b.c")).toBeGreaterThan(0);
    await stores.loginLockout.reset("email:a@b.c");
    expect(await stores.loginLockout.lockedForMinutes("email:a@b.c")).toBe(0);
  });

  it("answer from this instance's own counts within the timeout when Redis hangs (connected, silent)", async () => {
    const fake = await hangingRedis();
    cleanups.push(fake.close);
    const client = createClient({ url: fake.url });
    client.on("error", () => undefined);
    await client.connect();
    cleanups.push(() => client.destroy());
    expect(client.isReady).toBe(true);
    fake.hang();
    const stores = createLimitStores(client, undefined, 200);
    const limiter = stores.limiters({ name: "t-hang", limit: 2, windowMs: 60_000 });
    const started = Date.now();
    const answers = await Promise.all([limiter.take("k"), limiter.take("k"), limiter.take("k")]);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(answers.filter(Boolean)).toHaveLength(2); // the same rule, counted here
    // limits asked together (one script call on Redis) answer within the timeout too
    const other = stores.limiters({ name: "t-hang-ip", limit: 5, windowMs: 60_000 });
    expect(
      await takeAll([
        [limiter, "j"],
        [other, "ip"],
      ]),
    ).toBe(true);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(stores.fallbacks()).toBeGreaterThanOrEqual(3);
    // the survey's limits are on the same stores
    const survey = createSurveyLimits({ webPerIpPer10Min: 1, kioskPerDevicePerMinute: 1, kioskPerIpPerMinute: 5 }, stores.limiters);
    expect([await survey.web("10.0.0.9"), await survey.web("10.0.0.9")]).toEqual([true, false]);
    // and the login lockout
    for (let i = 0; i < 5; i++) await stores.loginLockout.recordFailure("email:hang@b.c");
    expect(await stores.loginLockout.lockedForMinutes("email:hang@b.c")).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(5000);
    // readiness says no within its second; a broadcast's publish gives up (the adapter then delivers locally)
    expect(await pingRedis(client)).toBe(false);
    await expect(publishingWithin(client, 200).xAdd("balai:test", "*", { a: "1" })).rejects.toThrow(/in time/);
  });

  it("keep a bounded queue of commands while Redis hangs: beyond it a command fails at once", async () => {
    const fake = await hangingRedis();
    cleanups.push(fake.close);
    const client = await connectRedis(fake.url, 5000, 5);
    cleanups.push(() => client.isOpen && client.destroy());
    fake.hang();
    const waiting = Array.from({ length: 5 }, () => client.get("k").catch((error: Error) => error));
    const started = Date.now();
    await expect(client.get("k")).rejects.toThrow(/queue is full/);
    expect(Date.now() - started).toBeLessThan(100);
    // limits asked together answer from this instance's counts at once, too
    const stores = createLimitStores(client, undefined, 200);
    const p = stores.limiters({ name: "t-full-p", limit: 1, windowMs: 60_000 });
    const ip = stores.limiters({ name: "t-full-ip", limit: 10, windowMs: 60_000 });
    expect(
      await takeAll([
        [p, "x"],
        [ip, "ip"],
      ]),
    ).toBe(true);
    expect(
      await takeAll([
        [p, "x"],
        [ip, "ip"],
      ]),
    ).toBe(false);
    expect(Date.now() - started).toBeLessThan(150);
    expect(stores.fallbacks()).toBeGreaterThan(0);
    client.destroy();
    await Promise.all(waiting);
  });
});
