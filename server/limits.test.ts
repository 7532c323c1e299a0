// The rate limits' stores: memory for one instance; Redis for several, with each
// instance's own counts when Redis cannot be reached (decided: stay available).
import { createClient } from "redis";
import { describe, expect, it } from "vitest";
import { takeAll } from "~/domain/limits";
import { createLimitStores } from "./limits";

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
});
