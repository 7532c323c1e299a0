import { describe, expect, it } from "vitest";
import { formatPeriod, parsePeriod, periodOf, periodRange, previousPeriod, recentPeriods } from "./periods";

describe("periods", () => {
  it("parses and formats every kind", () => {
    for (const text of ["2025-06", "2025-Q2", "2025-S1", "2025"]) expect(formatPeriod(parsePeriod(text)!)).toBe(text);
    expect(parsePeriod("2025-q3")).toEqual({ kind: "quarter", year: 2025, n: 3 });
    expect(parsePeriod("2025-13")).toBeNull();
    expect(parsePeriod("2025-S3")).toBeNull();
  });

  it("starts and ends at midnight WIB", () => {
    const { start, end } = periodRange(parsePeriod("2025-S2")!);
    expect(start.toISOString()).toBe("2025-06-30T17:00:00.000Z");
    expect(end.toISOString()).toBe("2025-12-31T17:00:00.000Z");
    expect(periodRange(parsePeriod("2025")!).start.toISOString()).toBe("2024-12-31T17:00:00.000Z");
  });

  it("places a moment in its WIB period and walks back", () => {
    // 31 March 2025 at 18:00 UTC is 1 April 01:00 WIB: second quarter
    expect(periodOf("quarter", new Date("2025-03-31T18:00:00Z"))).toEqual({ kind: "quarter", year: 2025, n: 2 });
    expect(previousPeriod({ kind: "quarter", year: 2025, n: 1 })).toEqual({ kind: "quarter", year: 2024, n: 4 });
    expect(recentPeriods("semester", 3, new Date("2025-08-01T00:00:00Z")).map(formatPeriod)).toEqual(["2025-S2", "2025-S1", "2024-S2"]);
  });
});
