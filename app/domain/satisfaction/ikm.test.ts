import { describe, expect, it } from "vitest";
import {
  addSheet,
  computeIkm,
  ELEMENT_KEYS,
  emptyTotals,
  formatIkm,
  gradeOf,
  lowestElements,
  minimumSample,
  roundTwo,
  sampleProgress,
  type ElementKey,
} from "./ikm";

const sheet = (scores: number[]) => Object.fromEntries(ELEMENT_KEYS.map((k, i) => [k, scores[i]])) as Record<ElementKey, number>;

describe("IKM (PermenPAN-RB 14/2017)", () => {
  it("follows the worked example: NRR per element, weight 1/9, ×25", () => {
    // four sheets; per element the sums are 15,14,13,16,12,15,16,14,13 over 4 answers
    const sheets = [
      [4, 4, 3, 4, 3, 4, 4, 4, 3],
      [4, 3, 3, 4, 3, 4, 4, 3, 3],
      [3, 3, 3, 4, 3, 3, 4, 3, 3],
      [4, 4, 4, 4, 3, 4, 4, 4, 4],
    ];
    const totals = emptyTotals();
    for (const s of sheets) addSheet(totals, sheet(s));
    const r = computeIkm(totals);
    expect(r.nrr.U1).toBe(15 / 4);
    expect(r.nrr.U9).toBe(13 / 4);
    // Σ sums = 128 over 4 × 9 answers: (128 / 36) × 25 = 88.888…
    expect(r.ikm).toBeCloseTo((128 / 36) * 25, 10);
    expect(r.shown).toBe(88.89);
    expect(r.grade).toBe("A");
  });

  it("rounds only at the end (early rounding of each NRR moves the result)", () => {
    // NRR of 3.333… on every element: IKM 83.333…, but NRR rounded to 3.33 first would give 83.25
    const totals = emptyTotals();
    for (const s of [
      [3, 3, 3, 3, 3, 3, 3, 3, 3],
      [3, 3, 3, 3, 3, 3, 3, 3, 3],
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
    ])
      addSheet(totals, sheet(s));
    const r = computeIkm(totals);
    expect(r.shown).toBe(83.33);
    expect(r.grade).toBe("B");
  });

  it("grades with inclusive lower bounds: 88.31 is A, 76.61 B, 65.00 C", () => {
    expect(gradeOf(88.31)).toBe("A");
    expect(gradeOf(88.3)).toBe("B");
    expect(gradeOf(76.61)).toBe("B");
    expect(gradeOf(76.6)).toBe("C");
    expect(gradeOf(65)).toBe("C");
    expect(gradeOf(64.99)).toBe("D");
    expect(gradeOf(25)).toBe("D");
    expect(gradeOf(100)).toBe("A");
    expect(gradeOf(92.74)).toBe("A"); // Duren Sawit, Q1 2025
  });

  it("reads the grade from the value as shown, so the page never contradicts itself", () => {
    expect(roundTwo(88.305)).toBe(88.31);
    expect(gradeOf(roundTwo(88.305))).toBe("A");
    expect(roundTwo(76.6049)).toBe(76.6);
  });

  it("needs every element answered, and refuses scores outside 1-4", () => {
    const totals = emptyTotals();
    addSheet(totals, { U1: 4, U2: 4 });
    expect(computeIkm(totals).ikm).toBeNull();
    expect(() => addSheet(emptyTotals(), { U3: 5 })).toThrow(RangeError);
    expect(() => addSheet(emptyTotals(), { U3: 0 })).toThrow(RangeError);
  });

  it("formats with two decimals in each language", () => {
    expect(formatIkm(92.74, "id")).toBe("92,74");
    expect(formatIkm(88.3, "en")).toBe("88.30");
  });
});

describe("minimum sample (Krejcie–Morgan)", () => {
  it("matches the regulation's table", () => {
    const table: [number, number][] = [
      [10, 10],
      [50, 44],
      [100, 80],
      [200, 132],
      [300, 169],
      [500, 217],
      [1000, 278],
      [2000, 322],
      [5000, 357],
      [10000, 370],
      [20000, 377],
      [50000, 381],
      [1000000, 384],
    ];
    for (const [population, sample] of table) expect(minimumSample(population), `N=${population}`).toBe(sample);
  });

  it("says plainly when the sample is too small", () => {
    expect(sampleProgress(217, 5000)).toEqual({ needed: 357, respondents: 217, representative: false });
    expect(sampleProgress(360, 5000).representative).toBe(true);
    expect(sampleProgress(0, 0).representative).toBe(false);
  });
});

describe("lowest elements", () => {
  it("lists the lowest NRRs first, ties by key, unanswered elements left out", () => {
    const nrr = { U1: 3.5, U2: 2.9, U3: 3.1, U4: null, U5: 2.9, U6: 3.8, U7: 3.9, U8: 2.4, U9: 3.0 } as Record<ElementKey, number | null>;
    expect(lowestElements(nrr)).toEqual([
      { key: "U8", nrr: 2.4 },
      { key: "U2", nrr: 2.9 },
      { key: "U5", nrr: 2.9 },
    ]);
    expect(lowestElements(nrr, 9).map((e) => e.key)).toEqual(["U8", "U2", "U5", "U9", "U3", "U1", "U6", "U7"]);
    expect(lowestElements(computeIkm(emptyTotals()).nrr)).toEqual([]);
  });
});
