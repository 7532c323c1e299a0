// Working days in WIB for LAPOR!-style service deadlines: weekends and public
// holidays (the Holiday table) do not count. Pure.
const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" of the moment in WIB. */
export function wibDateKey(date: Date): string {
  return new Date(date.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

function keyToUtcMidnight(key: string): number {
  return Date.parse(`${key}T00:00:00Z`);
}

export function isWorkingDay(key: string, holidays: ReadonlySet<string>): boolean {
  const day = new Date(keyToUtcMidnight(key)).getUTCDay();
  return day !== 0 && day !== 6 && !holidays.has(key);
}

/**
 * The deadline `days` working days after `start`: the end (23.59.59 WIB) of the
 * n-th working day after the day of `start`. Submitted on Friday with 3 days:
 * the end of Wednesday (Monday, Tuesday, Wednesday), holidays skipped.
 */
export function addWorkingDays(start: Date, days: number, holidays: ReadonlySet<string>): Date {
  let t = keyToUtcMidnight(wibDateKey(start));
  let left = days;
  while (left > 0) {
    t += DAY_MS;
    if (isWorkingDay(new Date(t).toISOString().slice(0, 10), holidays)) left--;
  }
  // end of that WIB day
  return new Date(t + DAY_MS - 1 - WIB_OFFSET_MS);
}

/** Working days after the day of `from` up to and including the day of `to` (0 when same day or earlier). */
export function workingDaysBetween(from: Date, to: Date, holidays: ReadonlySet<string>): number {
  let t = keyToUtcMidnight(wibDateKey(from));
  const end = keyToUtcMidnight(wibDateKey(to));
  let n = 0;
  while (t < end) {
    t += DAY_MS;
    if (isWorkingDay(new Date(t).toISOString().slice(0, 10), holidays)) n++;
  }
  return n;
}
