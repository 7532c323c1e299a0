import { describe, expect, it } from "vitest";
import { isSealed, openSealed, seal, sealKeyFrom, SealError, unseal } from "./sealed.server";

const key = sealKeyFrom("a-session-secret-of-at-least-32-characters");

describe("sealed outbox values", () => {
  it("opens with the same key only, and never shows the value in the sealed text", () => {
    const sealed = seal(key, "123456");
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain("123456");
    expect(unseal(key, sealed)).toBe("123456");
    expect(unseal(sealKeyFrom("another-session-secret-of-32-characters!"), sealed)).toBeNull();
    expect(seal(key, "123456")).not.toBe(sealed); // a fresh IV each time
  });

  it("refuses an altered value", () => {
    const sealed = seal(key, "/reset-password/abc");
    const altered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(unseal(key, altered)).toBeNull();
  });

  it("opens sealed parameters and links and leaves the rest alone", () => {
    const opened = openSealed(key, { code: seal(key, "654321"), minutes: 10 }, seal(key, "/reset-password/tok"));
    expect(opened).toEqual({ params: { code: "654321", minutes: 10 }, link: "/reset-password/tok" });
    expect(openSealed(undefined, { a: "plain" }, "/x")).toEqual({ params: { a: "plain" }, link: "/x" });
    expect(() => openSealed(undefined, { code: seal(key, "1") }, null)).toThrow(SealError);
  });
});
