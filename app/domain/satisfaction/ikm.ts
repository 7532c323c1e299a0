// The community satisfaction index (Indeks Kepuasan Masyarakat) as PermenPAN-RB
// 14/2017 defines it. Pure functions; the pages, the report cards and the benchmark
// all compute with these.
//
// Nine elements (unsur), kept by key: sources disagree on the order of the last two,
// so nothing here depends on a position. Answers are 1-4.
// NRR per element = sum of its scores / number of answers to it.
// IKM (1-4) = Σ NRR × 1/9; IKM (25-100) = IKM (1-4) × 25.
// Nothing is rounded until the end: the index is shown with two decimals and its
// grade is read from the value as shown, with inclusive lower bounds (88.31 is A).

export const ELEMENT_KEYS = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"] as const;
export type ElementKey = (typeof ELEMENT_KEYS)[number];
export const SCORES = [1, 2, 3, 4] as const;
export type Score = (typeof SCORES)[number];

export function isElementKey(value: unknown): value is ElementKey {
  return typeof value === "string" && (ELEMENT_KEYS as readonly string[]).includes(value);
}

/** Per element: the sum of the scores and how many answered it. */
export type ElementTotals = Record<ElementKey, { sum: number; count: number }>;

export function emptyTotals(): ElementTotals {
  return Object.fromEntries(ELEMENT_KEYS.map((k) => [k, { sum: 0, count: 0 }])) as ElementTotals;
}

/** Adds one answer sheet (elements left out were not answered). */
export function addSheet(totals: ElementTotals, sheet: Partial<Record<ElementKey, number>>): ElementTotals {
  for (const key of ELEMENT_KEYS) {
    const score = sheet[key];
    if (score === undefined || score === null) continue;
    if (!Number.isInteger(score) || score < 1 || score > 4) throw new RangeError(`score of ${key} must be 1-4, got ${score}`);
    totals[key].sum += score;
    totals[key].count += 1;
  }
  return totals;
}

export type Grade = "A" | "B" | "C" | "D";

export interface IkmResult {
  /** NRR per element (1-4), unrounded; null when nobody answered the element */
  nrr: Record<ElementKey, number | null>;
  /** Σ NRR × 1/9 (1-4), unrounded */
  ikm4: number | null;
  /** × 25 (25-100), unrounded */
  ikm: number | null;
  /** the index as shown: rounded half up to two decimals */
  shown: number | null;
  grade: Grade | null;
}

/** Grades on the 25-100 scale, lower bounds inclusive (PermenPAN-RB 14/2017). */
export const GRADE_BOUNDS: readonly { grade: Grade; min: number }[] = [
  { grade: "A", min: 88.31 },
  { grade: "B", min: 76.61 },
  { grade: "C", min: 65.0 },
  { grade: "D", min: 25.0 },
];

/** Half-up rounding to two decimals that is not fooled by binary fractions (88.305 -> 88.31). */
export function roundTwo(value: number): number {
  return Math.round((value + Number.EPSILON * Math.max(1, Math.abs(value))) * 100) / 100;
}

export function gradeOf(shownIkm: number): Grade {
  for (const b of GRADE_BOUNDS) if (shownIkm >= b.min) return b.grade;
  return "D";
}

/**
 * The IKM from per-element totals. Every one of the nine elements needs at least
 * one answer (the weight 1/9 assumes all nine); otherwise the index is null.
 */
export function computeIkm(totals: ElementTotals): IkmResult {
  const nrr = Object.fromEntries(ELEMENT_KEYS.map((k) => [k, totals[k].count ? totals[k].sum / totals[k].count : null])) as IkmResult["nrr"];
  const values = ELEMENT_KEYS.map((k) => nrr[k]);
  if (values.some((v) => v === null)) return { nrr, ikm4: null, ikm: null, shown: null, grade: null };
  const ikm4 = (values as number[]).reduce((a, v) => a + v / 9, 0);
  const ikm = ikm4 * 25;
  const shown = roundTwo(ikm);
  return { nrr, ikm4, ikm, shown, grade: gradeOf(shown) };
}

/** "92,74" in Indonesian, "92.74" in English: always two decimals. */
export function formatIkm(value: number, locale: "id" | "en"): string {
  return new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/**
 * The minimum number of respondents for `population` service users in the period
 * (Krejcie–Morgan, χ² = 3.841, P = 0.5, d = 0.05), as the regulation's guidance uses.
 */
export function minimumSample(population: number): number {
  if (!Number.isFinite(population) || population <= 0) return 0;
  const n = Math.floor(population);
  const s = (3.841 * n * 0.25) / (0.0025 * (n - 1) + 3.841 * 0.25);
  return Math.min(n, Math.round(s));
}

/** Whether the respondents are enough for the figure to stand for the period's users. */
export function sampleProgress(respondents: number, population: number): { needed: number; respondents: number; representative: boolean } {
  const needed = minimumSample(population);
  return { needed, respondents, representative: needed > 0 && respondents >= needed };
}

/** The elements with the lowest NRR, lowest first (ties by key), leaving out unanswered ones: where to act first. */
export function lowestElements(nrr: Record<ElementKey, number | null>, count = 3): { key: ElementKey; nrr: number }[] {
  return ELEMENT_KEYS.flatMap((key) => (nrr[key] === null ? [] : [{ key, nrr: nrr[key] }]))
    .sort((a, b) => a.nrr - b.nrr || a.key.localeCompare(b.key))
    .slice(0, count);
}
