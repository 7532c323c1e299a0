import { describe, expect, it } from "vitest";
import { safeRedirect } from "./auth.server";

describe("safeRedirect", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirect("/events/3?lang=en#rsvp")).toBe("/events/3?lang=en#rsvp");
    expect(safeRedirect("/")).toBe("/");
  });

  it("refuses every target a browser would take to another origin", () => {
    for (const target of [
      "//evil.example",
      "/\t/evil.example",
      "/%09/evil.example".replace("%09", "\t"),
      "/\\evil.example",
      "/\n/evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      " /x",
      "",
    ]) {
      expect(safeRedirect(target), JSON.stringify(target)).toBe("/");
    }
    expect(safeRedirect(null, "/account")).toBe("/account");
  });
});
