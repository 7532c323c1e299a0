// Times typed in forms are WIB (Asia/Jakarta, UTC+7, no daylight saving).
const OFFSET_MS = 7 * 3_600_000;

/** "2026-12-05" + "09:00" in WIB -> the instant. Null when either part is malformed. */
export function wibToDate(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, m, day, h, min] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (m < 1 || m > 12 || day < 1 || day > 31 || h > 23 || min > 59) return null;
  const result = new Date(Date.UTC(y, m - 1, day, h, min) - OFFSET_MS);
  // reject 2026-02-31 and the like
  if (wibParts(result).date !== date) return null;
  return result;
}

/** The WIB calendar date and wall-clock time of an instant, as form values. */
export function wibParts(instant: Date): { date: string; time: string; weekday: number } {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  const iso = shifted.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), weekday: shifted.getUTCDay() };
}

/** "2026-12" -> [first instant of the month, first instant of the next month) in WIB */
export function wibMonthRange(month: string): { from: Date; to: Date } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return {
    from: new Date(Date.UTC(y, mo - 1, 1) - OFFSET_MS),
    to: new Date(Date.UTC(y, mo, 1) - OFFSET_MS),
  };
}

/** The WIB month ("2026-12") an instant falls in. */
export function wibMonth(instant: Date): string {
  return wibParts(instant).date.slice(0, 7);
}

/** "2026-12" shifted by n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

export interface CalendarDay {
  /** "2026-12-05" */
  date: string;
  day: number;
  inMonth: boolean;
}

/** Weeks (Monday first) covering a month, for the month calendar. */
export function monthGrid(month: string): CalendarDay[][] {
  const [y, m] = month.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7; // Monday = 0
  const start = new Date(Date.UTC(y, m - 1, 1 - offset));
  const weeks: CalendarDay[][] = [];
  for (let w = 0; w < 6; w++) {
    const week: CalendarDay[] = [];
    for (let d = 0; d < 7; d++) {
      const day = new Date(start.getTime() + (w * 7 + d) * 86_400_000);
      week.push({ date: day.toISOString().slice(0, 10), day: day.getUTCDate(), inMonth: day.getUTCMonth() === m - 1 });
    }
    if (w > 3 && !week.some((x) => x.inMonth)) break;
    weeks.push(week);
  }
  return weeks;
}
