import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, generateCode, normalizeCode } from "./code";

describe("tracking codes", () => {
  it("look like ABCD-2345 and use only unambiguous characters", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateCode();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      for (const ch of code.replace("-", "")) expect(CODE_ALPHABET).toContain(ch);
      expect(code).not.toMatch(/[01OIL]/);
    }
  });

  it("are random: 2000 codes are all different and not sequential", () => {
    const codes = Array.from({ length: 2000 }, () => generateCode());
    expect(new Set(codes).size).toBe(2000);
    const firsts = new Set(codes.map((c) => c[0]));
    expect(firsts.size).toBeGreaterThan(20);
  });

  it("draw every character from the random source", () => {
    let n = 0;
    expect(generateCode(() => n++ % CODE_ALPHABET.length)).toBe("ABCD-EFGH");
  });

  it("normalises what people type", () => {
    expect(normalizeCode(" abcd 2345 ")).toBe("ABCD-2345");
    expect(normalizeCode("ABCD2345")).toBe("ABCD-2345");
    expect(normalizeCode("ABCD-234")).toBeNull();
    expect(normalizeCode("ABCD-2O45")).toBeNull();
    expect(normalizeCode("new")).toBeNull();
  });
});
