// The periodic follow-up report ("laporan tindak lanjut") and the open data.
// Cohort view: the aspirations received in the period, and where they stand now.
import type { Db } from "~/db/client.server";
import { formatPeriod, periodRange, type Period } from "./period";
import { FOLLOW_UP_FIELDS, followUpOf, pickFollowUp } from "./grouping.server";
import { RESOLVED_STATUSES, isStatus } from "./status";

export { currentPeriod, formatPeriod, parsePeriod, periodRange, recentPeriods, type Period } from "./period";

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface Figures {
  received: number;
  verified: number;
  rejected: number;
  resolved: number;
  overdue: number;
  medianDaysToFirstResponse: number | null;
}
export interface Breakdown extends Figures {
  key: string;
  labelId: string;
  labelEn: string;
}

interface Row {
  status: string;
  createdAt: Date;
  verifiedAt: Date | null;
  firstResponseAt: Date | null;
  verifyDueAt: Date | null;
  responseDueAt: Date | null;
}

export function figures(rows: Row[], now: Date): Figures {
  const days: number[] = [];
  let verified = 0, rejected = 0, resolved = 0, overdue = 0;
  for (const r of rows) {
    if (r.status === "rejected") rejected++;
    else if (r.verifiedAt) verified++;
    if (isStatus(r.status) && RESOLVED_STATUSES.includes(r.status)) resolved++;
    const lateVerify = r.verifyDueAt !== null && (r.verifiedAt ?? now) > r.verifyDueAt;
    const lateResponse = r.responseDueAt !== null && (r.firstResponseAt ?? now) > r.responseDueAt;
    if (lateVerify || lateResponse) overdue++;
    if (r.firstResponseAt) days.push((r.firstResponseAt.getTime() - r.createdAt.getTime()) / 86_400_000);
  }
  const m = median(days);
  return { received: rows.length, verified, rejected, resolved, overdue, medianDaysToFirstResponse: m === null ? null : Math.round(m * 10) / 10 };
}

export async function followUpReport(db: Db, period: Period, now = new Date()) {
  const { start, end } = periodRange(period);
  const found = await db.aspiration.findMany({
    where: { createdAt: { gte: start, lt: end } },
    select: {
      ...FOLLOW_UP_FIELDS,
      createdAt: true,
      groupPrimary: { select: FOLLOW_UP_FIELDS },
      category: { select: { slug: true, nameId: true, nameEn: true } },
      kelurahan: { select: { name: true } },
    },
  });
  // each received aspiration counts once, where its group stands
  const rows = found.map(({ groupPrimary, ...r }) => ({ ...r, ...followUpOf(pickFollowUp(r), groupPrimary) }));
  const group = (keyOf: (r: (typeof rows)[number]) => { key: string; labelId: string; labelEn: string }): Breakdown[] => {
    const map = new Map<string, { label: { key: string; labelId: string; labelEn: string }; rows: Row[] }>();
    for (const r of rows) {
      const label = keyOf(r);
      const entry = map.get(label.key) ?? { label, rows: [] };
      entry.rows.push(r);
      map.set(label.key, entry);
    }
    return [...map.values()].map((e) => ({ ...e.label, ...figures(e.rows, now) })).sort((a, b) => b.received - a.received || a.labelId.localeCompare(b.labelId));
  };
  return {
    period: formatPeriod(period),
    start,
    end,
    totals: figures(rows, now),
    byCategory: group((r) => (r.category ? { key: r.category.slug, labelId: r.category.nameId, labelEn: r.category.nameEn } : { key: "-", labelId: "Tanpa kategori", labelEn: "No category" })),
    byKelurahan: group((r) => (r.kelurahan ? { key: r.kelurahan.name, labelId: r.kelurahan.name, labelEn: r.kelurahan.name } : { key: "-", labelId: "Tanpa kelurahan", labelEn: "No kelurahan" })),
  };
}
export type FollowUpReport = Awaited<ReturnType<typeof followUpReport>>;

/** The public list as open data: no names, no contacts, no addresses of confidential submitters. */
export async function openDataList(db: Db) {
  const rows = await db.aspiration.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      code: true,
      title: true,
      description: true,
      ...FOLLOW_UP_FIELDS,
      channel: true,
      supportCount: true,
      createdAt: true,
      groupPrimary: { select: { code: true, ...FOLLOW_UP_FIELDS } },
      category: { select: { slug: true } },
      kelurahan: { select: { name: true } },
      rw: { select: { name: true } },
    },
  });
  return rows.map((r) => {
    const state = followUpOf(pickFollowUp(r), r.groupPrimary && pickFollowUp(r.groupPrimary));
    return {
    code: r.code,
    title: r.title,
    description: r.description,
    category: r.category?.slug ?? null,
    kelurahan: r.kelurahan?.name ?? null,
    rw: r.rw?.name ?? null,
    channel: r.channel,
    status: state.status,
    supports: r.supportCount,
    groupPrimary: r.groupPrimary?.code ?? null,
    receivedAt: r.createdAt.toISOString(),
    verifiedAt: state.verifiedAt?.toISOString() ?? null,
    firstResponseAt: state.firstResponseAt?.toISOString() ?? null,
    };
  });
}
