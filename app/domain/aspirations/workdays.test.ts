import { describe, expect, it } from "vitest";
import { INDONESIAN_HOLIDAYS } from "./holidays";
import { addWorkingDays, isWorkingDay, wibDateKey, workingDaysBetween } from "./workdays";

const wib = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h - 7, min));
const none = new Set<string>();
const holidays = new Set(INDONESIAN_HOLIDAYS.map(([d]) => d));

describe("working-day deadlines (WIB)", () => {
  it("uses the WIB date, not UTC", () => {
    expect(wibDateKey(wib(2025, 6, 2, 0, 30))).toBe("2025-06-02");
    expect(wibDateKey(wib(2025, 6, 2, 23, 59))).toBe("2025-06-02");
  });

  it("counts Monday + 3 working days to the end of Thursday", () => {
    const due = addWorkingDays(wib(2025, 6, 16, 10), 3, none);
    expect(due.toISOString()).toBe("2025-06-19T16:59:59.999Z"); // Thursday 23.59.59 WIB
  });

  it("skips the weekend: Friday + 3 working days is Wednesday", () => {
    const due = addWorkingDays(wib(2025, 6, 13, 16), 3, none);
    expect(wibDateKey(due)).toBe("2025-06-18");
  });

  it("treats a Saturday submission as arriving on the weekend: due Wednesday", () => {
    expect(wibDateKey(addWorkingDays(wib(2025, 6, 14, 9), 3, none))).toBe("2025-06-18");
  });

  it("skips public holidays and cuti bersama (Idul Fitri 2025)", () => {
    // Friday 28 March 2025 (cuti bersama Nyepi); 31 Mar - 7 Apr closed; 8, 9, 10 April are the 3 working days
    expect(wibDateKey(addWorkingDays(wib(2025, 3, 27, 10), 3, holidays))).toBe("2025-04-10");
    expect(wibDateKey(addWorkingDays(wib(2025, 3, 27, 10), 3, none))).toBe("2025-04-01");
  });

  it("skips a single holiday in the week (Hari Buruh 2025)", () => {
    // Wednesday 30 April + 5: Fri 2, Mon 5, Tue 6, Wed 7, Thu 8 May (1 May is a holiday)
    expect(wibDateKey(addWorkingDays(wib(2025, 4, 30, 8), 5, holidays))).toBe("2025-05-08");
  });

  it("knows weekends and holidays", () => {
    expect(isWorkingDay("2025-06-14", none)).toBe(false);
    expect(isWorkingDay("2025-06-15", none)).toBe(false);
    expect(isWorkingDay("2025-06-16", none)).toBe(true);
    expect(isWorkingDay("2025-12-25", holidays)).toBe(false);
  });

  it("counts working days between two moments", () => {
    expect(workingDaysBetween(wib(2025, 6, 13, 10), wib(2025, 6, 16, 10), none)).toBe(1);
    expect(workingDaysBetween(wib(2025, 6, 16, 10), wib(2025, 6, 16, 18), none)).toBe(0);
    expect(workingDaysBetween(wib(2025, 4, 30, 10), wib(2025, 5, 8, 10), holidays)).toBe(5);
  });

  it("ships holidays for 2025 to 2027, each a valid date", () => {
    for (const year of ["2025", "2026", "2027"]) expect(INDONESIAN_HOLIDAYS.filter(([d]) => d.startsWith(year)).length).toBeGreaterThan(10);
    for (const [d] of INDONESIAN_HOLIDAYS) expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
  });
});
