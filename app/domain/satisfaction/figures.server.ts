// The figures: per unit, service and period, the sums and counts per element are
// aggregated in SQL (one GROUP BY over the index range, never the rows in JS), then
// ikm.ts turns them into NRR, IKM and grade. Pages, report cards, open data and the
// benchmark all call these. Excluded answers (a supervisor's recorded decision on an
// anomaly) are left out everywhere.
import type { Db } from "~/db/client.server";
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

const SUMS = { u1: true, u2: true, u3: true, u4: true, u5: true, u6: true, u7: true, u8: true, u9: true } as const;
const COUNTS = { ...SUMS, _all: true } as const;

type GroupRow = { complete: boolean; _sum: Partial<Record<keyof typeof SUMS, number | null>>; _count: Partial<Record<keyof typeof COUNTS, number>> };

function addGroup(f: { totals: ElementTotals; respondents: number; answers: number }, row: GroupRow) {
  for (const key of ELEMENT_KEYS) {
    const col = ELEMENT_COLUMN[key];
    f.totals[key].sum += row._sum[col] ?? 0;
    f.totals[key].count += row._count[col] ?? 0;
  }
  const all = row._count._all ?? 0;
  f.answers += all;
  if (row.complete) f.respondents += all;
}

function finish(f: { totals: ElementTotals; respondents: number; answers: number }): Figures {
  return { ...f, result: computeIkm(f.totals) };
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
  const rows = await db.surveyResponse.groupBy({ by: ["complete"], where: scopeWhere(scope), _sum: SUMS, _count: COUNTS });
  const f = { totals: emptyTotals(), respondents: 0, answers: 0 };
  for (const row of rows) addGroup(f, row as GroupRow);
  return finish(f);
}

/** The figures of every unit in one period, in one query. */
export async function figuresByUnit(db: Db, period: Period, serviceId?: number): Promise<Map<number, Figures>> {
  const rows = await db.surveyResponse.groupBy({ by: ["unitId", "complete"], where: scopeWhere({ period, serviceId }), _sum: SUMS, _count: COUNTS });
  const acc = new Map<number, { totals: ElementTotals; respondents: number; answers: number }>();
  for (const row of rows) {
    let f = acc.get(row.unitId);
    if (!f) acc.set(row.unitId, (f = { totals: emptyTotals(), respondents: 0, answers: 0 }));
    addGroup(f, row as GroupRow);
  }
  return new Map([...acc].map(([id, f]) => [id, finish(f)]));
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
      where: { kelurahanId: { in: kelurahanIds }, createdAt: { gte: start, lt: end }, firstResponseAt: { not: null } },
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
    Promise.all(periods.map((p) => scopeFigures(db, { unitId: unit.id, serviceId: input.serviceId, period: p }))),
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

const WIB_MS = 7 * 3_600_000;

/** Answers by weekday (Monday first) × hour in WIB at a unit in a period, with the negative ones. */
export async function heatMap(db: Db, unitId: number, period: Period) {
  const rows = await db.surveyResponse.findMany({ where: { ...scopeWhere({ unitId, period }) }, select: { answeredAt: true, overall: true } });
  const cells = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => ({ answers: 0, negative: 0 })));
  for (const r of rows) {
    const wib = new Date(r.answeredAt.getTime() + WIB_MS);
    const day = (wib.getUTCDay() + 6) % 7;
    const cell = cells[day][wib.getUTCHours()];
    cell.answers++;
    if (r.overall <= 2) cell.negative++;
  }
  const hours = [...new Set(cells.flatMap((d) => d.map((c, h) => (c.answers ? h : -1))).filter((h) => h >= 0))].sort((a, b) => a - b);
  // office hours at least, so an empty map still reads as a week
  const from = Math.min(7, ...hours);
  const to = Math.max(16, ...hours);
  return {
    cells,
    hours: Array.from({ length: to - from + 1 }, (_, i) => from + i),
    max: Math.max(0, ...cells.flat().map((c) => c.answers)),
    total: rows.length,
  };
}
