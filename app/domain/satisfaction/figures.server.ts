// The figures: per unit, service and period, the sums and counts per element are
// aggregated in SQL (one GROUP BY over the index range, never the rows in JS), then
// ikm.ts turns them into NRR, IKM and grade. Pages, report cards, open data and the
// benchmark all call these. Excluded answers (a supervisor's recorded decision on an
// anomaly) are left out everywhere.
import type { Db } from "~/db/client.server";
import { providerOfClient } from "~/db/search";
import { PUBLIC_ONLY } from "~/domain/aspirations/visibility.server";
import { formatPeriod, periodRange, previousPeriod, type Period } from "~/domain/periods";
import { ELEMENT_COLUMN, defaultElements, fromRow, type ElementLabels } from "./elements";
import { ELEMENT_KEYS, computeIkm, emptyTotals, sampleProgress, type ElementTotals, type IkmResult } from "./ikm";
import { PROFILE_FIELDS, type ProfileField } from "./satisfaction.schema";

export interface Figures {
  totals: ElementTotals;
  result: IkmResult;
  /** complete sheets (all nine answered): the respondents of the sample */
  respondents: number;
  /** every answer, kiosk taps included */
  answers: number;
}

/** Raw SQL that runs on SQLite and PostgreSQL (placeholders differ: ? vs $n). */
class Sql {
  text = "";
  params: unknown[] = [];
  constructor(readonly pg: boolean) {}
  param(value: unknown): string {
    this.params.push(value);
    return this.pg ? `$${this.params.length}` : "?";
  }
}

const num = (v: unknown) => (typeof v === "bigint" ? Number(v) : Number(v ?? 0));

interface Filter {
  unitId?: number;
  serviceId?: number;
  start: Date;
  end: Date;
}

/**
 * One statement: per group (a unit, a period bucket, or everything) the number of
 * answers, of complete sheets, and the sum and count of every element by its column.
 * Excluded answers are left out. Groups follow the covering (unitId, answeredAt, …) index.
 */
async function aggregate(db: Db, filter: Filter, group: { kind: "all" } | { kind: "unit" } | { kind: "buckets"; bounds: Date[] }) {
  const sql = new Sql(providerOfClient(db) === "postgresql");
  const sums = ELEMENT_KEYS.map((k) => `SUM("${ELEMENT_COLUMN[k]}") AS "s_${k}", COUNT("${ELEMENT_COLUMN[k]}") AS "c_${k}"`).join(", ");
  let key = "0";
  // Every column read here is in the covering index SurveyResponse_figures_idx (unitId, answeredAt,
  // excluded, complete, serviceId, overall, u1…u9): a unit's period is one index range and the
  // ranking walks the index unit by unit in group order, never touching the table.
  if (group.kind === "unit") key = `"unitId"`;
  if (group.kind === "buckets")
    key = `CASE ${group.bounds.map((b, i) => `WHEN "answeredAt" < ${sql.param(b)} THEN ${i}`).join(" ")} ELSE ${group.bounds.length} END`;
  const where = [`"answeredAt" >= ${sql.param(filter.start)}`, `"answeredAt" < ${sql.param(filter.end)}`, `"excluded" = ${sql.param(false)}`];
  if (filter.unitId) where.push(`"unitId" = ${sql.param(filter.unitId)}`);
  if (filter.serviceId) where.push(`"serviceId" = ${sql.param(filter.serviceId)}`);
  sql.text =
    `SELECT ${key} AS "k", COUNT(*) AS "n", SUM(CASE WHEN "complete" THEN 1 ELSE 0 END) AS "r", ${sums} ` +
    `FROM "SurveyResponse" WHERE ${where.join(" AND ")}` +
    (group.kind === "all" ? "" : " GROUP BY 1");
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(sql.text, ...sql.params);
  const out = new Map<number, Figures>();
  for (const row of rows) {
    if (num(row.n) === 0) continue;
    const totals = emptyTotals();
    for (const k of ELEMENT_KEYS) totals[k] = { sum: num(row[`s_${k}`]), count: num(row[`c_${k}`]) };
    out.set(num(row.k), { totals, result: computeIkm(totals), respondents: num(row.r), answers: num(row.n) });
  }
  return out;
}

function noFigures(): Figures {
  const totals = emptyTotals();
  return { totals, result: computeIkm(totals), respondents: 0, answers: 0 };
}

export interface Scope {
  unitId?: number;
  serviceId?: number;
  period: Period;
}

function scopeWhere(scope: Scope) {
  const { start, end } = periodRange(scope.period);
  return {
    answeredAt: { gte: start, lt: end },
    excluded: false,
    ...(scope.unitId && { unitId: scope.unitId }),
    ...(scope.serviceId && { serviceId: scope.serviceId }),
  };
}

/** The figures of one unit (or service) in one period. */
export async function scopeFigures(db: Db, scope: Scope): Promise<Figures> {
  const rows = await aggregate(db, { ...periodRange(scope.period), unitId: scope.unitId, serviceId: scope.serviceId }, { kind: "all" });
  return rows.get(0) ?? noFigures();
}

/** The figures of one unit (or service) in each of several consecutive periods, in one statement. */
export async function trendFigures(db: Db, scope: { unitId?: number; serviceId?: number }, periods: Period[]): Promise<Figures[]> {
  const ranges = periods.map(periodRange);
  const rows = await aggregate(
    db,
    { ...scope, start: ranges[0].start, end: ranges[ranges.length - 1].end },
    { kind: "buckets", bounds: ranges.slice(0, -1).map((r) => r.end) },
  );
  return periods.map((_, i) => rows.get(i) ?? noFigures());
}

/** The figures of every unit in one period, in one statement. */
export async function figuresByUnit(db: Db, period: Period, serviceId?: number): Promise<Map<number, Figures>> {
  return aggregate(db, { ...periodRange(period), serviceId }, { kind: "unit" });
}

/** Service users in the period: served visits from the queue where there is one, else what staff entered. */
export async function serviceUsers(
  db: Db,
  unitId: number,
  period: Period,
  serviceId?: number,
): Promise<{ users: number | null; source: "queue" | "staff" | null }> {
  const { start, end } = periodRange(period);
  const served = await db.queueTicket.count({ where: { unitId, status: "served", servedAt: { gte: start, lt: end }, ...(serviceId && { serviceId }) } });
  if (served > 0) return { users: served, source: "queue" };
  if (!serviceId) {
    const survey = await db.survey.findUnique({ where: { unitId_period: { unitId, period: formatPeriod(period) } }, select: { serviceUsers: true } });
    if (survey?.serviceUsers != null) return { users: survey.serviceUsers, source: "staff" };
  }
  return { users: null, source: null };
}

export function sampleOf(respondents: number, users: number | null) {
  if (users === null) return { respondents, needed: null, representative: false };
  return sampleProgress(respondents, users);
}

/** The element labels (admins edit them), in the order forms show them. */
export async function getElements(db: Db): Promise<ElementLabels[]> {
  const rows = await db.surveyElement.findMany();
  const byKey = new Map(rows.map((r) => [r.key, fromRow(r)]));
  return defaultElements()
    .map((d) => byKey.get(d.key) ?? d)
    .sort((a, b) => a.position - b.position || a.key.localeCompare(b.key));
}

export async function getUnit(db: Db, unitId: number) {
  return db.serviceUnit.findUnique({ where: { id: unitId }, select: { id: true, name: true, kind: true, areaId: true, slug: true } });
}

export async function listSurveyUnits(db: Db) {
  const units = await db.serviceUnit.findMany({
    select: { id: true, name: true, kind: true, parentId: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
  const services = await db.service.findMany({ where: { status: "active" }, select: { id: true, name: true, unitId: true }, orderBy: { name: "asc" } });
  return units.map((u) => ({ ...u, services: services.filter((s) => s.unitId === u.id).map((s) => ({ id: s.id, name: s.name })) }));
}

/** How the respondents describe themselves (only what they chose to say), per field and value. */
export async function respondentProfile(db: Db, scope: Scope) {
  const where = { ...scopeWhere(scope), complete: true };
  const out = {} as Record<ProfileField, { value: string | null; count: number }[]>;
  for (const field of Object.keys(PROFILE_FIELDS) as ProfileField[]) {
    const rows = await db.surveyResponse.groupBy({ by: [field], where, _count: { _all: true } });
    const counts = new Map(rows.map((r) => [(r as Record<string, unknown>)[field] as string | null, r._count._all]));
    out[field] = [...PROFILE_FIELDS[field], null].map((value) => ({ value, count: counts.get(value) ?? 0 }));
  }
  return out;
}

/** The public results of a unit (or one of its services) for a period: figures, sample, profile, moderated comments. */
export async function unitResults(db: Db, unitId: number, period: Period, serviceId?: number) {
  const unit = await getUnit(db, unitId);
  if (!unit) return null;
  const scope = { unitId, serviceId, period };
  const [figures, users, profile, elements, services, comments] = await Promise.all([
    scopeFigures(db, scope),
    serviceUsers(db, unitId, period, serviceId),
    respondentProfile(db, scope),
    getElements(db),
    db.service.findMany({ where: { unitId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.surveyResponse.findMany({
      where: { ...scopeWhere(scope), commentStatus: "approved" },
      select: { id: true, comment: true, answeredAt: true },
      orderBy: { answeredAt: "desc" },
      take: 30,
    }),
  ]);
  return {
    unit,
    period,
    service: serviceId ? (services.find((s) => s.id === serviceId) ?? null) : null,
    services,
    figures,
    users,
    sample: sampleOf(figures.respondents, users.users),
    profile,
    elements,
    comments: comments.map((c) => ({ id: c.id, comment: c.comment ?? "", answeredAt: c.answeredAt })),
  };
}

export type UnitResults = NonNullable<Awaited<ReturnType<typeof unitResults>>>;

// ------------------------------------------------------------------ report cards

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The last `count` periods ending with `period`, oldest first. */
export function trendPeriods(period: Period, count: number): Period[] {
  const out = [period];
  while (out.length < count) out.unshift(previousPeriod(out[0]));
  return out;
}

/** From the rest of Balai: the counter (queue), the digital helpdesk and aspirations in the unit's area. */
export async function serviceFigures(db: Db, unit: { id: number; areaId: number; kind: string }, period: Period, serviceId?: number) {
  const { start, end } = periodRange(period);
  const kelurahanIds =
    unit.kind === "kecamatan"
      ? (await db.area.findMany({ where: { parentId: unit.areaId, level: "kelurahan" }, select: { id: true } })).map((a) => a.id)
      : [unit.areaId];
  const [tickets, helpdesk, helpedAlone, aspirations] = await Promise.all([
    db.queueTicket.findMany({
      where: { unitId: unit.id, status: "served", servedAt: { gte: start, lt: end }, ...(serviceId && { serviceId }) },
      select: { takenAt: true, calledAt: true, servingAt: true, servedAt: true },
    }),
    db.helpdeskSession.count({ where: { unitId: unit.id, startedAt: { gte: start, lt: end }, ...(serviceId && { serviceId }) } }),
    db.helpdeskSession.count({ where: { unitId: unit.id, startedAt: { gte: start, lt: end }, canDoAlone: "yes", ...(serviceId && { serviceId }) } }),
    db.aspiration.findMany({
      where: { kelurahanId: { in: kelurahanIds }, createdAt: { gte: start, lt: end }, firstResponseAt: { not: null }, ...PUBLIC_ONLY },
      select: { createdAt: true, firstResponseAt: true },
    }),
  ]);
  const minutes = (a: Date | null, b: Date | null) => (a && b ? (b.getTime() - a.getTime()) / 60_000 : null);
  const waits = tickets.map((t) => minutes(t.takenAt, t.calledAt)).filter((v): v is number => v !== null);
  const serves = tickets.map((t) => minutes(t.servingAt ?? t.calledAt, t.servedAt)).filter((v): v is number => v !== null);
  const days = aspirations.map((a) => (a.firstResponseAt!.getTime() - a.createdAt.getTime()) / 86_400_000);
  return {
    visits: tickets.length,
    waitingMinutes: median(waits),
    serviceMinutes: median(serves),
    assistedSessions: helpdesk,
    canDoAloneShare: helpdesk ? helpedAlone / helpdesk : null,
    aspirationsAnswered: aspirations.length,
    firstAnswerDays: median(days),
  };
}

/** One unit's (or service's) report card: figures, the nine NRRs, the trend, the counter's figures. */
export async function reportCard(db: Db, input: { unitId: number; serviceId?: number; period: Period; trend?: number }) {
  const unit = await getUnit(db, input.unitId);
  if (!unit) return null;
  const periods = trendPeriods(input.period, input.trend ?? 8);
  const [trend, users, counter, elements, service] = await Promise.all([
    trendFigures(db, { unitId: unit.id, serviceId: input.serviceId }, periods),
    serviceUsers(db, unit.id, input.period, input.serviceId),
    serviceFigures(db, unit, input.period, input.serviceId),
    getElements(db),
    input.serviceId ? db.service.findFirst({ where: { id: input.serviceId, unitId: unit.id }, select: { id: true, name: true } }) : null,
  ]);
  const figures = trend[trend.length - 1];
  return {
    unit,
    service,
    period: input.period,
    figures,
    users,
    sample: sampleOf(figures.respondents, users.users),
    trend: periods.map((p, i) => ({ period: formatPeriod(p), ikm: trend[i].result.shown, grade: trend[i].result.grade, respondents: trend[i].respondents })),
    counter,
    elements,
  };
}

export type ReportCard = NonNullable<Awaited<ReturnType<typeof reportCard>>>;

/** Every unit side by side for one period, best IKM first (units without a figure last). */
export async function ranking(db: Db, period: Period) {
  const [units, figures] = await Promise.all([db.serviceUnit.findMany({ select: { id: true, name: true, kind: true } }), figuresByUnit(db, period)]);
  const rows = units.map((u) => {
    const f = figures.get(u.id);
    return {
      unit: u,
      ikm: f?.result.shown ?? null,
      grade: f?.result.grade ?? null,
      nrr: f?.result.nrr ?? null,
      respondents: f?.respondents ?? 0,
      answers: f?.answers ?? 0,
    };
  });
  rows.sort((a, b) => (b.ikm ?? -1) - (a.ikm ?? -1) || b.respondents - a.respondents || a.unit.name.localeCompare(b.unit.name));
  let rank = 0;
  return rows.map((r) => ({ ...r, rank: r.ikm === null ? null : ++rank }));
}

export type Ranking = Awaited<ReturnType<typeof ranking>>;

// ------------------------------------------------------------------ heat map

/** Answers by weekday (Monday first) × hour in WIB at a unit in a period, with the negative ones: one GROUP BY on the figures index. */
export async function heatMap(db: Db, unitId: number, period: Period) {
  const { start, end } = periodRange(period);
  const sql = new Sql(providerOfClient(db) === "postgresql");
  // SQLite keeps the adapter's UTC ISO text ("2025-01-06T01:30:00.000+00:00"); PostgreSQL a timestamp
  const weekday = sql.pg
    ? `CAST(EXTRACT(DOW FROM ("answeredAt" + INTERVAL '7 hours')) AS INTEGER)`
    : `CAST(strftime('%w', "answeredAt", '+7 hours') AS INTEGER)`;
  const hour = sql.pg ? `CAST(EXTRACT(HOUR FROM ("answeredAt" + INTERVAL '7 hours')) AS INTEGER)` : `((CAST(substr("answeredAt", 12, 2) AS INTEGER) + 7) % 24)`;
  sql.text =
    `SELECT ${weekday} AS "d", ${hour} AS "h", COUNT(*) AS "n", SUM(CASE WHEN "overall" <= 2 THEN 1 ELSE 0 END) AS "neg" FROM "SurveyResponse" ` +
    `WHERE "unitId" = ${sql.param(unitId)} AND "answeredAt" >= ${sql.param(start)} AND "answeredAt" < ${sql.param(end)} AND "excluded" = ${sql.param(false)} GROUP BY 1, 2`;
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(sql.text, ...sql.params);
  const cells = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => ({ answers: 0, negative: 0 })));
  let total = 0;
  for (const r of rows) {
    const cell = cells[(num(r.d) + 6) % 7][num(r.h)]; // 0 = Sunday in SQL, Monday first here
    cell.answers += num(r.n);
    cell.negative += num(r.neg);
    total += num(r.n);
  }
  const hours = [...new Set(cells.flatMap((d) => d.map((c, h) => (c.answers ? h : -1))).filter((h) => h >= 0))].sort((a, b) => a - b);
  // office hours at least, so an empty map still reads as a week
  const from = Math.min(7, ...hours);
  const to = Math.max(16, ...hours);
  return {
    cells,
    hours: Array.from({ length: to - from + 1 }, (_, i) => from + i),
    max: Math.max(0, ...cells.flat().map((c) => c.answers)),
    total,
  };
}
