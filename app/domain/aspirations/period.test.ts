import { describe, expect, it } from "vitest";
import { currentPeriod, formatPeriod, parsePeriod, periodRange, recentPeriods } from "./period";
import { figures, median } from "./report.server";

describe("report periods", () => {
  it("parses and formats months and quarters", () => {
    expect(parsePeriod("2025-06")).toEqual({ kind: "month", year: 2025, n: 6 });
    expect(parsePeriod("2025-q2")).toEqual({ kind: "quarter", year: 2025, n: 2 });
    expect(parsePeriod("2025-13")).toBeNull();
    expect(parsePeriod("x")).toBeNull();
    expect(formatPeriod({ kind: "quarter", year: 2025, n: 3 })).toBe("2025-Q3");
  });

  it("uses WIB boundaries", () => {
    const { start, end } = periodRange({ kind: "quarter", year: 2025, n: 2 });
    expect(start.toISOString()).toBe("2025-03-31T17:00:00.000Z");
    expect(end.toISOString()).toBe("2025-06-30T17:00:00.000Z");
    // 31 Dec 2025, 23.30 WIB is still December
    expect(currentPeriod("month", new Date("2025-12-31T16:30:00Z"))).toEqual({ kind: "month", year: 2025, n: 12 });
    expect(currentPeriod("month", new Date("2025-12-31T17:30:00Z"))).toEqual({ kind: "month", year: 2026, n: 1 });
  });

  it("lists recent periods across a year boundary", () => {
    expect(recentPeriods("quarter", 3, new Date("2026-02-01T00:00:00Z")).map(formatPeriod)).toEqual(["2026-Q1", "2025-Q4", "2025-Q3"]);
  });
});

describe("report figures", () => {
  const d = (s: string) => new Date(s);
  it("takes the median of days to first response and counts missed deadlines", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const now = d("2025-06-30T00:00:00Z");
    const f = figures(
      [
        {
          status: "done",
          createdAt: d("2025-06-02T00:00:00Z"),
          verifiedAt: d("2025-06-03T00:00:00Z"),
          firstResponseAt: d("2025-06-04T00:00:00Z"),
          verifyDueAt: d("2025-06-05T00:00:00Z"),
          responseDueAt: d("2025-06-09T00:00:00Z"),
        },
        {
          status: "rejected",
          createdAt: d("2025-06-02T00:00:00Z"),
          verifiedAt: d("2025-06-10T00:00:00Z"),
          firstResponseAt: d("2025-06-10T00:00:00Z"),
          verifyDueAt: d("2025-06-05T00:00:00Z"),
          responseDueAt: d("2025-06-09T00:00:00Z"),
        },
        {
          status: "received",
          createdAt: d("2025-06-20T00:00:00Z"),
          verifiedAt: null,
          firstResponseAt: null,
          verifyDueAt: d("2025-06-25T00:00:00Z"),
          responseDueAt: d("2025-06-27T00:00:00Z"),
        },
        {
          status: "verified",
          createdAt: d("2025-06-27T00:00:00Z"),
          verifiedAt: d("2025-06-27T05:00:00Z"),
          firstResponseAt: null,
          verifyDueAt: d("2025-07-02T00:00:00Z"),
          responseDueAt: d("2025-07-04T00:00:00Z"),
        },
      ],
      now,
    );
    expect(f).toEqual({ received: 4, verified: 2, rejected: 1, resolved: 1, overdue: 2, medianDaysToFirstResponse: 5 });
  });
});
