import { describe, expect, it } from "vitest";
import { describeRule, expandDates, formatRrule, nthWeekday, nthWeekdayOfMonth, parseRrule, ruleFor } from "./recurrence";

describe("series rules", () => {
  it("every first Saturday of the month, from a first Saturday", () => {
    const rule = ruleFor("monthly", "2026-12-05", 4);
    expect(formatRrule(rule)).toBe("FREQ=MONTHLY;BYDAY=1SA;COUNT=4");
    expect(expandDates(rule, "2026-12-05")).toEqual(["2026-12-05", "2027-01-02", "2027-02-06", "2027-03-06"]);
  });

  it("monthly on the last weekday when the start is a fifth one", () => {
    expect(nthWeekdayOfMonth("2026-10-31")).toBe(-1); // fifth Saturday of October 2026
    const rule = ruleFor("monthly", "2026-10-31", 3);
    expect(formatRrule(rule)).toBe("FREQ=MONTHLY;BYDAY=-1SA;COUNT=3");
    expect(expandDates(rule, "2026-10-31")).toEqual(["2026-10-31", "2026-11-28", "2026-12-26"]);
  });

  it("monthly skips a month whose occurrence is before the start date", () => {
    const rule = { freq: "MONTHLY" as const, nth: 1, weekday: 6, count: 2 };
    expect(expandDates(rule, "2026-12-10")).toEqual(["2027-01-02", "2027-02-06"]);
  });

  it("weekly and every other week, across a year end", () => {
    expect(expandDates(ruleFor("weekly", "2026-12-19", 3), "2026-12-19")).toEqual(["2026-12-19", "2026-12-26", "2027-01-02"]);
    const biweekly = ruleFor("biweekly", "2026-12-19", 3);
    expect(formatRrule(biweekly)).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;COUNT=3");
    expect(expandDates(biweekly, "2026-12-19")).toEqual(["2026-12-19", "2027-01-02", "2027-01-16"]);
  });

  it("reads back what it writes and refuses anything else", () => {
    for (const rule of [ruleFor("weekly", "2026-12-07", 5), ruleFor("biweekly", "2026-12-08", 2), ruleFor("monthly", "2026-12-19", 12)]) {
      expect(parseRrule(formatRrule(rule))).toEqual(rule);
    }
    expect(parseRrule("FREQ=DAILY;COUNT=3")).toBeNull();
    expect(parseRrule("FREQ=WEEKLY;BYDAY=SA;COUNT=500")).toBeNull();
    expect(parseRrule("FREQ=MONTHLY;BYDAY=5SA;COUNT=3")).toBeNull();
    expect(parseRrule("FREQ=WEEKLY;INTERVAL=3;BYDAY=SA;COUNT=3")).toBeNull();
  });

  it("finds the nth weekday of a month", () => {
    expect(nthWeekday(2027, 0, 6, 1).toISOString().slice(0, 10)).toBe("2027-01-02");
    expect(nthWeekday(2027, 1, 0, -1).toISOString().slice(0, 10)).toBe("2027-02-28");
    expect(nthWeekday(2026, 11, 1, 4).toISOString().slice(0, 10)).toBe("2026-12-28");
  });

  it("describes a rule for people", () => {
    expect(describeRule(ruleFor("monthly", "2026-12-05", 2))).toEqual({ key: "events.series.monthly", weekday: 6, nth: 1 });
    expect(describeRule(ruleFor("biweekly", "2026-12-05", 2)).key).toBe("events.series.biweekly");
  });
});
