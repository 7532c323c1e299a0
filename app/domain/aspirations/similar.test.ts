import { describe, expect, it } from "vitest";
import { similarity, tokens } from "./aspirations.server";

describe("similar aspirations", () => {
  it("compares words, ignoring case, punctuation and Indonesian filler words", () => {
    expect([...tokens("Mohon saluran AIR di Jl. Swadaya yang tersumbat!")].sort()).toEqual(["air", "saluran", "swadaya", "tersumbat"]);
  });

  it("scores near-duplicates high and unrelated texts zero", () => {
    const a = tokens("Saluran air tersumbat di Jl. Swadaya");
    const b = tokens("Got dan saluran air Jl. Swadaya tersumbat sampah");
    const c = tokens("Pelatihan pemasaran daring untuk UMKM");
    expect(similarity(a, b)).toBeGreaterThan(0.5);
    expect(similarity(a, c)).toBe(0);
    expect(similarity(a, new Set())).toBe(0);
  });
});
