import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./login-throttle";

describe("login throttle", () => {
  it("locks after the maximum number of failures and unlocks when the window passes", () => {
    let now = 0;
    const throttle = new LoginThrottle({ maxFailures: 3, windowMs: 10 * 60_000 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(throttle.lockedForMinutes("a")).toBe(0);
      throttle.recordFailure("a");
      now += 60_000;
    }
    expect(throttle.lockedForMinutes("a")).toBe(7);
    expect(throttle.lockedForMinutes("b")).toBe(0);
    now += 7 * 60_000 + 1;
    expect(throttle.lockedForMinutes("a")).toBe(0);
  });

  it("forgets failures after a successful login", () => {
    const throttle = new LoginThrottle({ maxFailures: 2, windowMs: 60_000 }, () => 0);
    throttle.recordFailure("a");
    throttle.reset("a");
    throttle.recordFailure("a");
    expect(throttle.lockedForMinutes("a")).toBe(0);
  });
});
