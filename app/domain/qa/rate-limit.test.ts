import { describe, expect, it } from "vitest";
import { RateLimiter, takeAll } from "./rate-limit";
import { createQaLimits } from "./limits.server";

describe("rate limiter", () => {
  it("allows the limit within the window and refuses the next", () => {
    const l = new RateLimiter({ limit: 3, windowMs: 1000 });
    expect([l.take("a", 0), l.take("a", 10), l.take("a", 20), l.take("a", 30)]).toEqual([true, true, true, false]);
    expect(l.take("b", 30)).toBe(true);
  });
  it("lets hits expire as the window slides", () => {
    const l = new RateLimiter({ limit: 2, windowMs: 1000 });
    l.take("a", 0);
    l.take("a", 500);
    expect(l.take("a", 999)).toBe(false);
    expect(l.take("a", 1001)).toBe(true);
    expect(l.take("a", 1200)).toBe(false);
  });
  it("does not count refused hits", () => {
    const l = new RateLimiter({ limit: 1, windowMs: 1000 });
    expect(l.take("a", 0)).toBe(true);
    for (let t = 1; t < 1000; t += 100) expect(l.take("a", t)).toBe(false);
    expect(l.take("a", 1000)).toBe(true);
  });
  it("forgets idle keys", () => {
    const l = new RateLimiter({ limit: 1, windowMs: 100 });
    for (let i = 0; i < 50; i++) l.take(`k${i}`, 0);
    l.take("late", 500);
    expect(l.size).toBe(1);
  });
  it("keeps a busy key (a venue's shared IP) exact and its memory bounded", () => {
    const l = new RateLimiter({ limit: 1000, windowMs: 1000 });
    let allowed = 0;
    for (let i = 0; i < 100_000; i++) if (l.take("ip", i / 10)) allowed++;
    // 10 s of hits every 0.1 ms: 1000 per sliding second
    expect(allowed).toBeGreaterThanOrEqual(10_000);
    expect(allowed).toBeLessThanOrEqual(10_000 + 1000);
    const log = (l as unknown as { logs: Map<string, { times: number[] }> }).logs.get("ip")!;
    expect(log.times.length).toBeLessThanOrEqual(2 * 1000 + 64);
  });
  it("needs every limiter to agree and uses none up on refusal", () => {
    const perUser = new RateLimiter({ limit: 5, windowMs: 1000 });
    const perIp = new RateLimiter({ limit: 1, windowMs: 1000 });
    expect(
      takeAll(
        [
          [perUser, "u"],
          [perIp, "ip"],
        ],
        0,
      ),
    ).toBe(true);
    expect(
      takeAll(
        [
          [perUser, "u"],
          [perIp, "ip"],
        ],
        1,
      ),
    ).toBe(false);
    expect(perUser.peek("u", 2)).toBe(true);
    expect(
      takeAll(
        [
          [perUser, "u"],
          [perIp, "other-ip"],
        ],
        3,
      ),
    ).toBe(true);
  });
});

describe("Q&A limits", () => {
  it("lets a participant ask three questions a minute, per participant and per IP", async () => {
    const limits = createQaLimits();
    expect([
      await limits.ask("p1", "1.1.1.1"),
      await limits.ask("p1", "1.1.1.1"),
      await limits.ask("p1", "1.1.1.1"),
      await limits.ask("p1", "1.1.1.1"),
    ]).toEqual([true, true, true, false]);
    expect(await limits.ask("p2", "1.1.1.1")).toBe(true);
  });
  it("caps votes per participant", async () => {
    const limits = createQaLimits();
    let ok = 0;
    for (let i = 0; i < 40; i++) if (await limits.vote("p1", "2.2.2.2")) ok++;
    expect(ok).toBe(30);
  });
});
