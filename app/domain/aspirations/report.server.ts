// The periodic follow-up report ("laporan tindak lanjut") and the open data.
// Cohort view: the aspirations received in the period, and where they stand now.
import type { Db } from "~/db/client.server";
import { providerOfClient } from "~/db/search";
import type { Prisma } from "~/generated/sqlite/client";
import type { CountCache } from "~/domain/counts";
import { formatPeriod, periodRange, type Period } from "./period";
import { FOLLOW_UP_FIELDS, followUpOf, pickFollowUp } from "./grouping.server";
import { RESOLVED_STATUSES, isStatus } from "./status";
import { OPEN_DATA_PAGE } from "./open-data";
import { PUBLIC_ONLY, publicOnlySql } from "./visibility.server";

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
  let verified = 0,
    rejected = 0,
    resolved = 0,
    overdue = 0;
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

// The report's figures in SQL, on both providers: a few statements over the period's
// index range (Aspiration.createdAt), each received aspiration joined to its group's
// primary (its follow-up is the group's), grouped in the database. The medians take the
// middle row(s) per group with window functions. `figures` above is the same rule for
// rows already in memory (and the oracle of the tests).
type Split = "all" | "category" | "kelurahan";

function reportSql(pg: boolean) {
  const dt = (n: number) => (pg ? `CAST($${n} AS TIMESTAMP(3))` : `?`);
  const ms = (a: string, b: string) =>
    pg ? `ROUND(EXTRACT(EPOCH FROM (${a} - ${b})) * 1000)` : `CAST(ROUND((julianday(${a}) - julianday(${b})) * 86400000) AS INTEGER)`;
  // f: the follow-up of each received aspiration (its primary's when grouped)
  const f = (col: string) => `CASE WHEN p."id" IS NULL THEN a."${col}" ELSE p."${col}" END`;
  const base =
    `WITH f AS (SELECT a."createdAt" AS created, COALESCE(c."slug", '-') AS ck, COALESCE(c."nameId", 'Tanpa kategori') AS cid, COALESCE(c."nameEn", 'No category') AS cen, ` +
    `COALESCE(k."name", '-') AS kk, ${f("status")} AS st, ${f("verifiedAt")} AS va, ${f("firstResponseAt")} AS fr, ${f("verifyDueAt")} AS vd, ${f("responseDueAt")} AS rd ` +
    `FROM "Aspiration" a LEFT JOIN "Aspiration" p ON p."id" = a."groupPrimaryId" LEFT JOIN "Category" c ON c."id" = a."categoryId" LEFT JOIN "Area" k ON k."id" = a."kelurahanId" ` +
    `WHERE a."createdAt" >= ${dt(1)} AND a."createdAt" < ${dt(2)} AND ${publicOnlySql("a")}), ` +
    `g AS (SELECT ck, cid, cen, kk, created, fr, ` +
    `CASE WHEN st = 'rejected' THEN 1 ELSE 0 END AS rej, ` +
    `CASE WHEN st <> 'rejected' AND va IS NOT NULL THEN 1 ELSE 0 END AS ver, ` +
    `CASE WHEN st IN (${RESOLVED_STATUSES.map((x) => `'${x}'`).join(", ")}) THEN 1 ELSE 0 END AS res, ` +
    `CASE WHEN (vd IS NOT NULL AND COALESCE(va, ${dt(3)}) > vd) OR (rd IS NOT NULL AND COALESCE(fr, ${dt(3)}) > rd) THEN 1 ELSE 0 END AS late FROM f) `;
  const sums = `COUNT(*) AS received, SUM(ver) AS verified, SUM(rej) AS rejected, SUM(res) AS resolved, SUM(late) AS overdue`;
  const counts =
    base +
    `SELECT 'all' AS split, '' AS k, '' AS l1, '' AS l2, ${sums} FROM g ` +
    `UNION ALL SELECT 'category', ck, cid, cen, ${sums} FROM g GROUP BY ck, cid, cen ` +
    `UNION ALL SELECT 'kelurahan', kk, kk, kk, ${sums} FROM g GROUP BY kk`;
  const medians =
    base +
    `, d AS (SELECT ck, kk, ${ms("fr", "created")} AS ms FROM g WHERE fr IS NOT NULL), ` +
    `u AS (SELECT 'all' AS split, '' AS k, ms FROM d UNION ALL SELECT 'category', ck, ms FROM d UNION ALL SELECT 'kelurahan', kk, ms FROM d), ` +
    `r AS (SELECT split, k, ms, ROW_NUMBER() OVER (PARTITION BY split, k ORDER BY ms) AS rn, COUNT(*) OVER (PARTITION BY split, k) AS n FROM u) ` +
    `SELECT split, k, ms FROM r WHERE rn = (n + 1) / 2 OR rn = (n + 2) / 2`;
  return { counts, medians };
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export async function followUpReport(db: Db, period: Period, now = new Date()) {
  const { start, end } = periodRange(period);
  const pg = providerOfClient(db) === "postgresql";
  const sql = reportSql(pg);
  // SQLite keeps dates as the adapter's ISO text: compare in the same form
  const param = (d: Date) => (pg ? d.toISOString() : d.toISOString().replace("Z", "+00:00"));
  const params = pg ? [param(start), param(end), param(now)] : [param(start), param(end), param(now), param(now)];
  const [countRows, medianRows] = await Promise.all([
    db.$queryRawUnsafe<
      { split: string; k: string; l1: string; l2: string; received: unknown; verified: unknown; rejected: unknown; resolved: unknown; overdue: unknown }[]
    >(sql.counts, ...params),
    db.$queryRawUnsafe<{ split: string; k: string; ms: unknown }[]>(sql.medians, ...params),
  ]);
  const middles = new Map<string, number[]>();
  for (const r of medianRows) {
    const key = `${r.split}\u0000${r.k}`;
    middles.set(key, [...(middles.get(key) ?? []), num(r.ms)]);
  }
  const out: Record<Split, Breakdown[]> = { all: [], category: [], kelurahan: [] };
  for (const r of countRows) {
    const mid = middles.get(`${r.split}\u0000${r.k}`);
    const m = mid && mid.length ? mid.reduce((a, b) => a + b, 0) / mid.length / 86_400_000 : null;
    out[r.split as Split].push({
      key: r.k,
      labelId: r.l1,
      labelEn: r.l2,
      received: num(r.received),
      verified: num(r.verified),
      rejected: num(r.rejected),
      resolved: num(r.resolved),
      overdue: num(r.overdue),
      medianDaysToFirstResponse: m === null ? null : Math.round(m * 10) / 10,
    });
  }
  const sorted = (rows: Breakdown[]) => rows.sort((a, b) => b.received - a.received || a.labelId.localeCompare(b.labelId));
  const { key: _k, labelId: _l1, labelEn: _l2, ...totals } = out.all[0];
  return {
    period: formatPeriod(period),
    start,
    end,
    totals: totals as Figures,
    byCategory: sorted(out.category),
    byKelurahan: sorted(out.kelurahan),
  };
}
export type FollowUpReport = Awaited<ReturnType<typeof followUpReport>>;

/** The figures change with a new aspiration or status change at once, with time (deadlines passing) within a minute. */
const REPORT_MAX_AGE_MS = 60_000;

/** followUpReport, computed again only when an aspiration or a status change is added, or after a minute (one per process: `memo` is context.counts). */
export async function cachedFollowUpReport(db: Db, memo: CountCache, period: Period): Promise<FollowUpReport> {
  const version = `${await openDataVersion(db)}/${Math.floor(Date.now() / REPORT_MAX_AGE_MS)}`;
  return memo.value(`aspirations:report:${formatPeriod(period)}`, version, () => followUpReport(db, period));
}

const openDataSelect = {
  id: true,
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
} as const;

type OpenDataSource = Prisma.AspirationGetPayload<{ select: typeof openDataSelect }>;

function toOpenDataRow(r: OpenDataSource) {
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
}
export type OpenDataRow = ReturnType<typeof toOpenDataRow>;

export { OPEN_DATA_PAGE, OPEN_DATA_PAGE_MAX } from "./open-data";

export interface OpenDataPage {
  rows: OpenDataRow[];
  /** where the next page starts (`?after=`): the last row's position, or the asked one when the page is empty */
  cursor: number;
  /** whether rows follow this page now */
  more: boolean;
}

/**
 * One page of the open data: the public rows after a cursor, in the order of entry
 * (keyset paging on the primary key: one index range, the same cost on every page).
 * Rows added while a reader pages through get higher ids than every cursor already
 * handed out, so a reader following the cursors sees each row once and misses none;
 * after the last page, asking again with its cursor gives what was added since.
 */
export async function openDataPage(db: Db, after: number, limit = OPEN_DATA_PAGE): Promise<OpenDataPage> {
  const rows: OpenDataSource[] = await db.aspiration.findMany({
    where: { id: { gt: after }, ...PUBLIC_ONLY },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: openDataSelect,
  });
  const page = rows.slice(0, limit);
  return { rows: page.map(toOpenDataRow), cursor: page.length ? page[page.length - 1].id : after, more: rows.length > limit };
}

/**
 * The public list as open data, in the order of entry, a page of rows at a time, so a
 * city's list is never one query's worth of memory. No names, no contacts, no
 * addresses of confidential submitters.
 */
export async function* openDataPages(db: Db, pageSize = 2000) {
  let after = 0;
  for (;;) {
    const page = await openDataPage(db, after, pageSize);
    if (page.rows.length) yield page.rows;
    if (!page.more) return;
    after = page.cursor;
  }
}

/**
 * A cheap marker of the open data (one step at the end of each primary key): the newest
 * aspiration and the newest status change. Not `aggregate({ _max })`: Prisma wraps it in a
 * subquery (`SELECT MAX(id) FROM (SELECT id … LIMIT ? OFFSET ?)`) that SQLite answers by
 * reading every row (150 ms per request at 100,000 aspirations on this machine).
 */
export async function openDataVersion(db: Db): Promise<string> {
  const [a, u] = await Promise.all([
    db.aspiration.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
    db.aspirationUpdate.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
  ]);
  return `${a?.id ?? 0}.${u?.id ?? 0}`;
}

/** The whole public list (tests, small exports). */
export async function openDataList(db: Db): Promise<OpenDataRow[]> {
  const out: OpenDataRow[] = [];
  for await (const page of openDataPages(db)) out.push(...page);
  return out;
}
