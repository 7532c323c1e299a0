// Reporting periods in WIB: month "2025-06", quarter "2025-Q2", semester "2025-S1",
// year "2025". Pure: pages, reports and the satisfaction figures all use it.
export type PeriodKind = "month" | "quarter" | "semester" | "year";

export interface Period {
  kind: PeriodKind;
  year: number;
  /** month 1-12, quarter 1-4, semester 1-2; 1 for a year */
  n: number;
}

const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, semester: 6, year: 12 };
const COUNT: Record<PeriodKind, number> = { month: 12, quarter: 4, semester: 2, year: 1 };
const WIB_OFFSET_MS = 7 * 3_600_000;

export function parsePeriod(text: string | null | undefined): Period | null {
  const value = (text ?? "").trim().toUpperCase();
  let m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { kind: "month", year: Number(m[1]), n: Number(m[2]) };
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return { kind: "quarter", year: Number(m[1]), n: Number(m[2]) };
  m = /^(\d{4})-S([12])$/.exec(value);
  if (m) return { kind: "semester", year: Number(m[1]), n: Number(m[2]) };
  m = /^(\d{4})$/.exec(value);
  if (m) return { kind: "year", year: Number(m[1]), n: 1 };
  return null;
}

export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case "month":
      return `${p.year}-${String(p.n).padStart(2, "0")}`;
    case "quarter":
      return `${p.year}-Q${p.n}`;
    case "semester":
      return `${p.year}-S${p.n}`;
    default:
      return String(p.year);
  }
}

/** [start, end) of the period, midnight WIB. */
export function periodRange(p: Period): { start: Date; end: Date } {
  const firstMonth = (p.n - 1) * MONTHS[p.kind] + 1;
  return {
    start: new Date(Date.UTC(p.year, firstMonth - 1, 1, -7)),
    end: new Date(Date.UTC(p.year, firstMonth - 1 + MONTHS[p.kind], 1, -7)),
  };
}

export function periodOf(kind: PeriodKind, date: Date): Period {
  const wib = new Date(date.getTime() + WIB_OFFSET_MS);
  const month = wib.getUTCMonth() + 1;
  return { kind, year: wib.getUTCFullYear(), n: Math.ceil(month / MONTHS[kind]) };
}

export function currentPeriod(kind: PeriodKind, now = new Date()): Period {
  return periodOf(kind, now);
}

export function previousPeriod(p: Period): Period {
  return p.n > 1 ? { ...p, n: p.n - 1 } : { kind: p.kind, year: p.year - 1, n: COUNT[p.kind] };
}

/** The last `count` periods of a kind ending with `from` (default: now), newest first. */
export function recentPeriods(kind: PeriodKind, count: number, now = new Date()): Period[] {
  const out: Period[] = [];
  let p = currentPeriod(kind, now);
  for (let i = 0; i < count; i++) {
    out.push(p);
    p = previousPeriod(p);
  }
  return out;
}
