import { describe, expect, it } from "vitest";
import { normalizePhone, parseIdentifier } from "./identifier";

describe("Indonesian mobile numbers", () => {
  it.each([
    ["0812 3456 7890", "+6281234567890"],
    ["0812-3456-789", "+628123456789"],
    ["+62 812 3456 7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
  ])("normalises %s", (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each(["021 1234 5678", "0812", "08123456789012345", "phone", "+1 415 555 0100"])("refuses %s", (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});

describe("identifiers", () => {
  it("lower-cases e-mail addresses", () => {
    expect(parseIdentifier("  Warga@Balai.Test ")).toEqual({ kind: "email", value: "warga@balai.test" });
  });

  it("tells phone numbers from e-mail", () => {
    expect(parseIdentifier("081234567890")).toEqual({ kind: "phone", value: "+6281234567890" });
  });

  it("refuses malformed input", () => {
    expect(parseIdentifier("bukan email")).toBeNull();
    expect(parseIdentifier("a@b")).toBeNull();
  });
});
