// Series rules: a small, explicit subset of RFC 5545 RRULE that the event form
// offers ("every Saturday", "every other Saturday", "every first Saturday of the
// month"), stored as RRULE text on EventSeries and expanded into occurrences.
// Dates are WIB calendar dates ("2026-12-05"); times live beside them.

export const REPEAT_KINDS = ["none", "weekly", "biweekly", "monthly"] as const;
export type RepeatKind = (typeof REPEAT_KINDS)[number];

export const MAX_OCCURRENCES = 24;
const DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;

export type Rule =
  | { freq: "WEEKLY"; interval: 1 | 2; weekday: number; count: number }
  /** nth: 1..4 from the start of the month, -1 for the last one */
  | { freq: "MONTHLY"; nth: number; weekday: number; count: number };

function parseDate(date: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Which occurrence of its weekday in the month a date is: 1..4, or -1 when it is the last (5th). */
export function nthWeekdayOfMonth(date: string): number {
  const d = parseDate(date);
  const nth = Math.ceil(d.getUTCDate() / 7);
  return nth >= 5 ? -1 : nth;
}

/** The rule a form choice means, anchored on the first occurrence's date. */
export function ruleFor(kind: Exclude<RepeatKind, "none">, startDate: string, count: number): Rule {
  const weekday = parseDate(startDate).getUTCDay();
  if (kind === "monthly") return { freq: "MONTHLY", nth: nthWeekdayOfMonth(startDate), weekday, count };
  return { freq: "WEEKLY", interval: kind === "biweekly" ? 2 : 1, weekday, count };
}

export function formatRrule(rule: Rule): string {
  if (rule.freq === "WEEKLY") {
    return `FREQ=WEEKLY;INTERVAL=${rule.interval};BYDAY=${DAYS[rule.weekday]};COUNT=${rule.count}`;
  }
  return `FREQ=MONTHLY;BYDAY=${rule.nth}${DAYS[rule.weekday]};COUNT=${rule.count}`;
}

/** Reads back what formatRrule wrote; null for anything else. */
export function parseRrule(text: string): Rule | null {
  const parts = Object.fromEntries(text.split(";").map((p) => p.split("=") as [string, string]));
  const count = Number(parts.COUNT);
  if (!Number.isInteger(count) || count < 1 || count > MAX_OCCURRENCES) return null;
  if (parts.FREQ === "WEEKLY") {
    const weekday = DAYS.indexOf(parts.BYDAY as (typeof DAYS)[number]);
    const interval = Number(parts.INTERVAL ?? 1);
    if (weekday < 0 || (interval !== 1 && interval !== 2)) return null;
    return { freq: "WEEKLY", interval, weekday, count };
  }
  if (parts.FREQ === "MONTHLY") {
    const m = /^(-1|[1-4])(SU|MO|TU|WE|TH|FR|SA)$/.exec(parts.BYDAY ?? "");
    if (!m) return null;
    return { freq: "MONTHLY", nth: Number(m[1]), weekday: DAYS.indexOf(m[2] as (typeof DAYS)[number]), count };
  }
  return null;
}

/** The date of the nth (or last, -1) given weekday in a month. */
export function nthWeekday(year: number, month0: number, weekday: number, nth: number): Date {
  if (nth === -1) {
    const last = new Date(Date.UTC(year, month0 + 1, 0));
    const back = (last.getUTCDay() - weekday + 7) % 7;
    return new Date(Date.UTC(year, month0, last.getUTCDate() - back));
  }
  const first = new Date(Date.UTC(year, month0, 1));
  const ahead = (weekday - first.getUTCDay() + 7) % 7;
  return new Date(Date.UTC(year, month0, 1 + ahead + (nth - 1) * 7));
}

/**
 * The occurrence dates of a rule, starting at `startDate` (which counts as the first
 * occurrence when it matches the rule; otherwise the first matching date after it).
 */
export function expandDates(rule: Rule, startDate: string): string[] {
  const start = parseDate(startDate);
  const dates: string[] = [];
  if (rule.freq === "WEEKLY") {
    const ahead = (rule.weekday - start.getUTCDay() + 7) % 7;
    let d = new Date(start.getTime() + ahead * 86_400_000);
    while (dates.length < rule.count) {
      dates.push(iso(d));
      d = new Date(d.getTime() + rule.interval * 7 * 86_400_000);
    }
    return dates;
  }
  let year = start.getUTCFullYear();
  let month0 = start.getUTCMonth();
  while (dates.length < rule.count) {
    const d = nthWeekday(year, month0, rule.weekday, rule.nth);
    if (d.getTime() >= start.getTime()) dates.push(iso(d));
    month0 += 1;
    if (month0 === 12) {
      month0 = 0;
      year += 1;
    }
  }
  return dates;
}

/** i18n key and params describing a rule, e.g. "Setiap Sabtu pertama tiap bulan". */
export function describeRule(rule: Rule): { key: "events.series.weekly" | "events.series.biweekly" | "events.series.monthly"; weekday: number; nth: number } {
  if (rule.freq === "WEEKLY") return { key: rule.interval === 2 ? "events.series.biweekly" : "events.series.weekly", weekday: rule.weekday, nth: 0 };
  return { key: "events.series.monthly", weekday: rule.weekday, nth: rule.nth };
}
