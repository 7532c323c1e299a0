// Report periods (month "2025-06" or quarter "2025-Q2") in WIB. Pure: pages use it too.
export interface Period {
  kind: "month" | "quarter";
  year: number;
  /** month 1-12 or quarter 1-4 */
  n: number;
}

export function parsePeriod(text: string | null | undefined): Period | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text ?? "");
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { kind: "month", year: Number(m[1]), n: Number(m[2]) };
  const q = /^(\d{4})-Q([1-4])$/i.exec(text ?? "");
  if (q) return { kind: "quarter", year: Number(q[1]), n: Number(q[2]) };
  return null;
}

export function formatPeriod(p: Period): string {
  return p.kind === "month" ? `${p.year}-${String(p.n).padStart(2, "0")}` : `${p.year}-Q${p.n}`;
}

/** [start, end) of the period in WIB. */
export function periodRange(p: Period): { start: Date; end: Date } {
  const firstMonth = p.kind === "month" ? p.n : (p.n - 1) * 3 + 1;
  const months = p.kind === "month" ? 1 : 3;
  return {
    start: new Date(Date.UTC(p.year, firstMonth - 1, 1, -7)),
    end: new Date(Date.UTC(p.year, firstMonth - 1 + months, 1, -7)),
  };
}

export function currentPeriod(kind: Period["kind"], now = new Date()): Period {
  const wib = new Date(now.getTime() + 7 * 3_600_000);
  const month = wib.getUTCMonth() + 1;
  return { kind, year: wib.getUTCFullYear(), n: kind === "month" ? month : Math.ceil(month / 3) };
}

/** The last `count` periods of a kind, newest first (for the period menu). */
export function recentPeriods(kind: Period["kind"], count: number, now = new Date()): Period[] {
  const out: Period[] = [];
  let p = currentPeriod(kind, now);
  for (let i = 0; i < count; i++) {
    out.push(p);
    const max = kind === "month" ? 12 : 4;
    p = p.n > 1 ? { kind, year: p.year, n: p.n - 1 } : { kind, year: p.year - 1, n: max };
  }
  return out;
}
