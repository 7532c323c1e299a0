// The queue at a service unit and the digital helpdesk (pendampingan digital).
// A resident takes a number for a service (door tablet, display kiosk, phone by the
// counter's QR); priority numbers (elderly, disability, pregnant) are called before
// the others. Counter staff and supervisors of the unit (and admins) call the next
// number at their counter, recall it, mark a no-show, transfer to another service and
// close the visit as served. Numbers start at 1 per unit per day (WIB). Every change is
// stored first; the caller then broadcasts the returned QueueChange.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "~/db/client.server";
import { providerOfClient } from "~/db/search";
import type { CountCache } from "~/domain/counts";
import { hasRole, type Actor } from "~/domain/accounts/roles";
import { DomainError, isUniqueViolation } from "~/domain/errors";
import { issueVisitToken } from "~/domain/satisfaction/responses.server";
import { classAttendance } from "./classes.server";
import type { QueueChange } from "~/realtime/contract";
import { rooms } from "~/realtime/contract";
import type { Publisher } from "~/realtime/publisher";
import type { FiguresQuery, HelpdeskInput, Priority, QueueActionInput, TakeNumberInput, TicketStatus } from "./queue.schema";

const WIB_MS = 7 * 3_600_000;

/** The queue's day in WIB (numbers start again every day). */
export function queueDay(now: Date): string {
  return new Date(now.getTime() + WIB_MS).toISOString().slice(0, 10);
}

/** "A-007" style label: priority numbers carry a P. */
export function ticketLabel(t: { number: number; priority: string | null }): string {
  return `${t.priority ? "P" : "A"}-${String(t.number).padStart(3, "0")}`;
}

// ------------------------------------------------------------------ ticket codes

/** The code in a ticket's address: its id and a MAC, so nobody reads other tickets by counting. */
export function ticketCode(secret: string, id: number): string {
  return `${id}-${mac(secret, id)}`;
}

function mac(secret: string, id: number): string {
  return createHmac("sha256", secret).update(`queue-ticket:${id}`).digest("base64url").slice(0, 12);
}

export function ticketIdFromCode(secret: string, code: string): number | null {
  const m = /^(\d{1,10})-([A-Za-z0-9_-]{12})$/.exec(code);
  if (!m) return null;
  const id = Number(m[1]);
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
  const want = Buffer.from(mac(secret, id));
  const got = Buffer.from(m[2]);
  return want.length === got.length && timingSafeEqual(want, got) ? id : null;
}

// ------------------------------------------------------------------ who may do what

function forbidden(): never {
  throw new DomainError("error.403.text", undefined, undefined, 403);
}
function ticketNotFound(): never {
  throw new DomainError("queue.ticket.notFound", undefined, undefined, 404);
}

/** Counter staff and supervisors tied to the unit, and admins. Returns the tie ("admin" for admins). */
export async function requireCounter(db: Db, actor: Actor | null | undefined, unitId: number): Promise<"admin" | "counter" | "supervisor"> {
  if (!actor) forbidden();
  if (actor.role === "admin") return "admin";
  if (!hasRole(actor, "counter", "supervisor")) forbidden();
  const tie = await db.unitStaff.findUnique({ where: { userId_unitId: { userId: actor.id, unitId } }, select: { role: true } });
  if (!tie || (tie.role !== "counter" && tie.role !== "supervisor")) forbidden();
  return tie.role;
}

export async function mayWorkCounter(db: Db, actor: Actor | null | undefined, unitId: number): Promise<boolean> {
  try {
    await requireCounter(db, actor, unitId);
    return true;
  } catch {
    return false;
  }
}

// ------------------------------------------------------------------ taking a number

async function activeService(db: Db, unitId: number, serviceId: number) {
  const service = await db.service.findFirst({ where: { id: serviceId, unitId, status: "active" }, select: { id: true, name: true } });
  if (!service) throw new DomainError("queue.validation.service", "serviceId");
  return service;
}

async function insertTicket(
  db: Db,
  data: { unitId: number; serviceId: number; priority: string | null; channel: string; transferredFromId?: number },
  now: Date,
) {
  const day = queueDay(now);
  // the next number of the day; two residents at once collide on (unitId, day, number) and retry
  for (let attempt = 0; ; attempt++) {
    const last = await db.queueTicket.findFirst({ where: { unitId: data.unitId, day }, orderBy: { number: "desc" }, select: { number: true } });
    try {
      return await db.queueTicket.create({ data: { ...data, day, number: (last?.number ?? 0) + 1, takenAt: now } });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 8) throw error;
    }
  }
}

/** Anyone may take a number (no account: a phone by the QR code, the door tablet, the kiosk). */
export async function takeNumber(db: Db, unitId: number, input: TakeNumberInput, now = new Date()) {
  const unit = await db.serviceUnit.findUnique({ where: { id: unitId }, select: { id: true } });
  if (!unit) throw new DomainError("services.unit.notFound", undefined, undefined, 404);
  await activeService(db, unitId, input.serviceId);
  const ticket = await insertTicket(db, { unitId, serviceId: input.serviceId, priority: input.priority ?? null, channel: input.channel }, now);
  return { ticket, change: { unitId, kind: "taken" } satisfies QueueChange as QueueChange };
}

// ------------------------------------------------------------------ a ticket, as its holder sees it

const WAITING: TicketStatus[] = ["waiting"];

/** Tickets called before this one: priority ones first, then by number. */
async function aheadOf(db: Db, t: { unitId: number; day: string; number: number; priority: string | null }) {
  const base = { unitId: t.unitId, day: t.day, status: { in: WAITING } };
  if (t.priority) return db.queueTicket.count({ where: { ...base, priority: { not: null }, number: { lt: t.number } } });
  const [priority, normal] = await Promise.all([
    db.queueTicket.count({ where: { ...base, priority: { not: null } } }),
    db.queueTicket.count({ where: { ...base, priority: null, number: { lt: t.number } } }),
  ]);
  return priority + normal;
}

export async function ticketView(db: Db, secret: string, code: string) {
  const id = ticketIdFromCode(secret, code);
  if (!id) ticketNotFound();
  const t = await db.queueTicket.findUnique({
    where: { id },
    include: {
      service: { select: { name: true, slug: true } },
      unit: { select: { id: true, name: true } },
      transferredTo: { select: { id: true, number: true, priority: true } },
    },
  });
  if (!t) ticketNotFound();
  const survey = t.status === "served" ? await db.surveyToken.findUnique({ where: { ticketId: t.id }, select: { token: true, usedAt: true } }) : null;
  return {
    code,
    label: ticketLabel(t),
    number: t.number,
    priority: t.priority as Priority | null,
    status: t.status as TicketStatus,
    counter: t.counter,
    day: t.day,
    takenAt: t.takenAt,
    calledAt: t.calledAt,
    service: t.service,
    unit: t.unit,
    ahead: t.status === "waiting" ? await aheadOf(db, t) : 0,
    transferredTo: t.transferredTo && { label: ticketLabel(t.transferredTo), code: ticketCode(secret, t.transferredTo.id) },
    surveyToken: survey && !survey.usedAt ? survey.token : null,
  };
}
export type TicketView = Awaited<ReturnType<typeof ticketView>>;

// ------------------------------------------------------------------ staff actions

type Ticket = NonNullable<Awaited<ReturnType<Db["queueTicket"]["findUnique"]>>>;

async function loadTicket(db: Db, unitId: number, ticketId: number | undefined): Promise<Ticket> {
  if (!ticketId) throw new DomainError("queue.ticket.notFound", "ticketId", undefined, 404);
  const t = await db.queueTicket.findUnique({ where: { id: ticketId } });
  if (!t || t.unitId !== unitId) ticketNotFound();
  return t;
}

/** Change a ticket only from the states given (two desks pressing at once: one wins, the other is told). */
async function move(db: Db, t: Ticket, from: TicketStatus[], data: Parameters<Db["queueTicket"]["update"]>[0]["data"]) {
  const done = await db.queueTicket.updateMany({ where: { id: t.id, status: { in: from } }, data });
  if (done.count !== 1) throw new DomainError("queue.ticket.stale", undefined, { label: ticketLabel(t) }, 409);
  return db.queueTicket.findUniqueOrThrow({ where: { id: t.id }, include: { service: { select: { name: true } } } });
}

function callOf(t: { number: number; priority: string | null; counter: string | null; calledAt: Date | null; service: { name: string } }) {
  return { number: t.number, priority: t.priority, counter: t.counter, service: t.service.name, calledAt: (t.calledAt ?? new Date()).toISOString() };
}

export interface ActResult {
  ticketId: number | null;
  number: number | null;
  label: string | null;
  change: QueueChange;
  /** after "serve": the visit's satisfaction survey link token */
  surveyToken?: string;
}

/** One staff action at the unit's queue; authorized here, whichever door it came through (form or socket). */
export async function queueAct(db: Db, actor: Actor | null | undefined, unitId: number, input: QueueActionInput, now = new Date()): Promise<ActResult> {
  await requireCounter(db, actor, unitId);
  const staff = actor!;
  const closed = (t: Ticket): ActResult => ({ ticketId: t.id, number: t.number, label: ticketLabel(t), change: { unitId, kind: "closed" } });
  switch (input.action) {
    case "call": {
      if (!input.counter) throw new DomainError("queue.validation.counter", "counter");
      const day = queueDay(now);
      for (let attempt = 0; attempt < 10; attempt++) {
        const where = { unitId, day, status: "waiting", ...(input.serviceId && { serviceId: input.serviceId }) };
        const next =
          (await db.queueTicket.findFirst({ where: { ...where, priority: { not: null } }, orderBy: { number: "asc" } })) ??
          (await db.queueTicket.findFirst({ where: { ...where, priority: null }, orderBy: { number: "asc" } }));
        if (!next) throw new DomainError("queue.empty", undefined, undefined, 409);
        try {
          const t = await move(db, next, ["waiting"], { status: "called", counter: input.counter, calledAt: now, servedById: staff.id });
          return { ticketId: t.id, number: t.number, label: ticketLabel(t), change: { unitId, kind: "called", call: callOf(t) } };
        } catch (error) {
          if (!(error instanceof DomainError) || error.status !== 409) throw error; // another desk took it: the next one
        }
      }
      throw new DomainError("queue.ticket.stale", undefined, { label: "" }, 409);
    }
    case "recall": {
      const t0 = await loadTicket(db, unitId, input.ticketId);
      const t = await move(db, t0, ["called"], { recalls: { increment: 1 }, calledAt: now, ...(input.counter && { counter: input.counter }) });
      return { ticketId: t.id, number: t.number, label: ticketLabel(t), change: { unitId, kind: "recalled", call: callOf(t) } };
    }
    case "start": {
      const t0 = await loadTicket(db, unitId, input.ticketId);
      await move(db, t0, ["called"], { status: "serving", servingAt: now, servedById: staff.id });
      return closed(t0);
    }
    case "noShow": {
      const t0 = await loadTicket(db, unitId, input.ticketId);
      await move(db, t0, ["called"], { status: "no_show", closedAt: now });
      return closed(t0);
    }
    case "serve": {
      const t0 = await loadTicket(db, unitId, input.ticketId);
      // the visit closes with its survey link (the ticket page offers it), stored together
      const token = await db.$transaction(async (tx) => {
        const txDb = tx as unknown as Db;
        const t = await move(txDb, t0, ["called", "serving"], {
          status: "served",
          servedAt: now,
          closedAt: now,
          servedById: staff.id,
          servingAt: t0.servingAt ?? t0.calledAt ?? now,
        });
        return issueVisitToken(txDb, { id: t.id, unitId, serviceId: t.serviceId }, staff.id, now);
      });
      return { ...closed(t0), surveyToken: token.token };
    }
    case "transfer": {
      const t0 = await loadTicket(db, unitId, input.ticketId);
      if (!input.serviceId) throw new DomainError("queue.validation.service", "serviceId");
      if (input.serviceId === t0.serviceId) throw new DomainError("queue.validation.sameService", "serviceId");
      await activeService(db, unitId, input.serviceId);
      return db.$transaction(async (tx) => {
        const txDb = tx as unknown as Db;
        await move(txDb, t0, ["called", "serving"], { status: "transferred", closedAt: now });
        const next = await insertTicket(
          txDb,
          { unitId, serviceId: input.serviceId!, priority: t0.priority, channel: t0.channel, transferredFromId: t0.id },
          now,
        );
        return { ticketId: next.id, number: next.number, label: ticketLabel(next), change: { unitId, kind: "taken" } satisfies QueueChange as QueueChange };
      });
    }
  }
}

/** Tell everyone following the unit's queue (after the change is stored). */
export function publishQueue(publisher: Publisher, change: QueueChange): void {
  publisher.publish(rooms.queue(change.unitId), "queue:changed", change);
}

// ------------------------------------------------------------------ the counter desk

export async function counterDesk(db: Db, actor: Actor | null | undefined, unitId: number, now = new Date()) {
  await requireCounter(db, actor, unitId);
  const day = queueDay(now);
  const [unit, services, open, waitingByService, recent] = await Promise.all([
    db.serviceUnit.findUniqueOrThrow({ where: { id: unitId }, select: { id: true, name: true } }),
    db.service.findMany({ where: { unitId, status: "active" }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.queueTicket.findMany({
      where: { unitId, day, status: { in: ["called", "serving"] } },
      orderBy: { calledAt: "desc" },
      include: { service: { select: { name: true } } },
    }),
    db.queueTicket.groupBy({ by: ["serviceId"], where: { unitId, day, status: "waiting" }, _count: { _all: true } }),
    db.queueTicket.findMany({
      where: { unitId, day, status: "waiting" },
      orderBy: { number: "asc" },
      take: 30,
      include: { service: { select: { name: true } } },
    }),
  ]);
  const waiting = new Map(waitingByService.map((g) => [g.serviceId, g._count._all]));
  const row = (t: (typeof open)[number]) => ({
    id: t.id,
    label: ticketLabel(t),
    number: t.number,
    priority: t.priority,
    status: t.status as TicketStatus,
    counter: t.counter,
    service: t.service.name,
    serviceId: t.serviceId,
    recalls: t.recalls,
    takenAt: t.takenAt,
  });
  return {
    unit,
    day,
    services: services.map((s) => ({ ...s, waiting: waiting.get(s.id) ?? 0 })),
    open: open.map(row),
    // priority first, as they will be called
    waiting: [...recent.filter((t) => t.priority), ...recent.filter((t) => !t.priority)].map(row),
  };
}

/** The services a resident may take a number for. */
export async function queueServices(db: Db, unitId: number) {
  const unit = await db.serviceUnit.findUnique({ where: { id: unitId }, select: { id: true, name: true, openingHours: true } });
  if (!unit) throw new DomainError("services.unit.notFound", undefined, undefined, 404);
  const services = await db.service.findMany({ where: { unitId, status: "active" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return { unit, services };
}

// ------------------------------------------------------------------ helpdesk

export async function recordHelpdesk(db: Db, actor: Actor | null | undefined, unitId: number, input: HelpdeskInput, now = new Date()) {
  await requireCounter(db, actor, unitId);
  if (input.serviceId) await activeService(db, unitId, input.serviceId);
  if (input.ticketId) {
    const t = await db.queueTicket.findUnique({ where: { id: input.ticketId }, select: { unitId: true } });
    if (!t || t.unitId !== unitId) throw new DomainError("queue.ticket.notFound", "ticketId");
  }
  try {
    return await db.helpdeskSession.create({
      data: {
        unitId,
        serviceId: input.serviceId ?? null,
        ticketId: input.ticketId ?? null,
        onlineService: input.onlineService,
        difficulty: input.difficulty,
        canDoAlone: input.canDoAlone,
        staffId: actor!.id,
        startedAt: now,
        endedAt: now,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("queue.helpdesk.ticketTaken", "ticketId");
    throw error;
  }
}

// ------------------------------------------------------------------ figures

/** Raw SQL for SQLite and PostgreSQL (placeholders ? vs $n). */
class Sql {
  params: unknown[] = [];
  constructor(readonly pg: boolean) {}
  p(value: unknown): string {
    this.params.push(value);
    return this.pg ? `$${this.params.length}` : "?";
  }
  /** seconds between two timestamps */
  seconds(a: string, b: string): string {
    return this.pg ? `EXTRACT(EPOCH FROM (${a} - ${b}))` : `((julianday(${a}) - julianday(${b})) * 86400.0)`;
  }
  /** hour (0-23), weekday (0 = Sunday) and month (YYYY-MM) in WIB */
  hour(a: string): string {
    // SQLite keeps the adapter's UTC ISO text ("2026-03-02T02:00:00.000+00:00"): the hour is at 12-13, cheaper than strftime on every row
    return this.pg ? `CAST(EXTRACT(HOUR FROM (${a} + INTERVAL '7 hours')) AS INTEGER)` : `((CAST(substr(${a}, 12, 2) AS INTEGER) + 7) % 24)`;
  }
  weekday(a: string): string {
    return this.pg ? `CAST(EXTRACT(DOW FROM (${a} + INTERVAL '7 hours')) AS INTEGER)` : `CAST(strftime('%w', ${a}, '+7 hours') AS INTEGER)`;
  }
  month(a: string): string {
    return this.pg ? `to_char(${a} + INTERVAL '7 hours', 'YYYY-MM')` : `strftime('%Y-%m', ${a}, '+7 hours')`;
  }
}

const num = (v: unknown) => (typeof v === "bigint" ? Number(v) : Number(v ?? 0));

export interface FigureRow {
  visits: number;
  served: number;
  noShows: number;
  /** mean minutes, null without data */
  waitMinutes: number | null;
  serviceMinutes: number | null;
}

interface Acc {
  visits: number;
  served: number;
  noShows: number;
  waitSum: number;
  waitN: number;
  svcSum: number;
  svcN: number;
}
const emptyAcc = (): Acc => ({ visits: 0, served: 0, noShows: 0, waitSum: 0, waitN: 0, svcSum: 0, svcN: 0 });
const toRow = (a: Acc): FigureRow => ({
  visits: a.visits,
  served: a.served,
  noShows: a.noShows,
  waitMinutes: a.waitN ? Math.round((a.waitSum / a.waitN / 60) * 10) / 10 : null,
  serviceMinutes: a.svcN ? Math.round((a.svcSum / a.svcN / 60) * 10) / 10 : null,
});

/**
 * The unit's figures for closed visits in [from, to): waiting time (taken → called), service
 * time (serving → served), no-shows, per service, hour and weekday (WIB), and the helpdesk's
 * "could do it alone next time" per service and month. Two GROUP BY statements, over the
 * covering figures index and the (unitId, startedAt) index; only the groups come back.
 */
export async function unitFigures(db: Db, actor: Actor | null | undefined, unitId: number, range: { from: Date; to: Date }) {
  await requireCounter(db, actor, unitId);
  return computeUnitFigures(db, unitId, range);
}

/**
 * The visits' GROUP BY (service, the ticket's day, the hour it was taken), read from the
 * covering index `QueueTicket_figures_idx` alone: its first columns find the (unitId, closedAt)
 * range, the rest are every column the statement reads (a test checks the plan).
 */
export function visitFiguresStatement(pg: boolean, unitId: number, range: { from: Date; to: Date }) {
  const q = new Sql(pg);
  const wait = q.seconds(`"calledAt"`, `"takenAt"`);
  const svc = q.seconds(`"servedAt"`, `COALESCE("servingAt", "calledAt")`);
  // one scan over the (unitId, closedAt) range, grouped by service, the ticket's day (WIB,
  // its own column: the weekday follows from it) and the hour it was taken (WIB)
  const text =
    `SELECT "serviceId" AS s, "day" AS d, ${q.hour(`"takenAt"`)} AS h, COUNT(*) AS n, ` +
    `SUM(CASE WHEN "status" = 'served' THEN 1 ELSE 0 END) AS served, SUM(CASE WHEN "status" = 'no_show' THEN 1 ELSE 0 END) AS ns, ` +
    // the sums of seconds are REAL in every row (ELSE 0.0): Prisma's SQLite adapter types a raw column by
    // its first row's value, and an integer there (a group with no served visit) truncated the others
    `SUM(CASE WHEN "calledAt" IS NOT NULL THEN ${wait} ELSE 0.0 END) AS ws, SUM(CASE WHEN "calledAt" IS NOT NULL THEN 1 ELSE 0 END) AS wn, ` +
    `SUM(CASE WHEN "status" = 'served' THEN ${svc} ELSE 0.0 END) AS ss ` +
    `FROM "QueueTicket" WHERE "unitId" = ${q.p(unitId)} AND "closedAt" >= ${q.p(range.from)} AND "closedAt" < ${q.p(range.to)} GROUP BY 1, 2, 3`;
  return { text, params: q.params };
}

/** unitFigures without the permission check (the public summary picks from it). */
async function computeUnitFigures(db: Db, unitId: number, range: { from: Date; to: Date }) {
  const pg = providerOfClient(db) === "postgresql";
  const visits = visitFiguresStatement(pg, unitId, range);
  const h = new Sql(pg);
  const helpText =
    `SELECT "serviceId" AS s, ${h.month(`"startedAt"`)} AS m, COUNT(*) AS n, SUM(CASE WHEN "canDoAlone" = 'yes' THEN 1 ELSE 0 END) AS y ` +
    `FROM "HelpdeskSession" WHERE "unitId" = ${h.p(unitId)} AND "startedAt" >= ${h.p(range.from)} AND "startedAt" < ${h.p(range.to)} GROUP BY 1, 2 ORDER BY 2`;
  const [rows, helpRows, unit, services] = await Promise.all([
    db.$queryRawUnsafe<Record<string, unknown>[]>(visits.text, ...visits.params),
    db.$queryRawUnsafe<Record<string, unknown>[]>(helpText, ...h.params),
    db.serviceUnit.findUnique({ where: { id: unitId }, select: { id: true, name: true } }),
    db.service.findMany({ where: { unitId }, select: { id: true, name: true } }),
  ]);
  if (!unit) throw new DomainError("services.unit.notFound", undefined, undefined, 404);
  const names = new Map(services.map((s) => [s.id, s.name]));
  const byService = new Map<number, Acc>();
  const byHour = new Map<number, Acc>();
  const byWeekday = new Map<number, Acc>();
  const byDay = new Map<string, Acc>();
  const total = emptyAcc();
  for (const r of rows) {
    const a: Acc = {
      visits: num(r.n),
      served: num(r.served),
      noShows: num(r.ns),
      waitSum: num(r.ws),
      waitN: num(r.wn),
      svcSum: num(r.ss),
      svcN: num(r.served),
    };
    const day = String(r.d);
    for (const [map, key] of [
      [byService, num(r.s)],
      [byHour, num(r.h)],
      [byWeekday, new Date(`${day}T00:00:00Z`).getUTCDay()],
    ] as const) {
      const acc = map.get(key) ?? emptyAcc();
      map.set(key, acc);
      add(acc, a);
    }
    const dayAcc = byDay.get(day) ?? emptyAcc();
    byDay.set(day, dayAcc);
    add(dayAcc, a);
    add(total, a);
  }
  const sorted = <T>(m: Map<number, Acc>, f: (k: number) => T) => [...m.entries()].sort((x, y) => x[0] - y[0]).map(([k, a]) => ({ key: f(k), ...toRow(a) }));
  return {
    unit,
    from: range.from,
    to: range.to,
    total: toRow(total),
    services: sorted(byService, (k) => ({ id: k, name: names.get(k) ?? "?" })),
    hours: sorted(byHour, (k) => k),
    weekdays: sorted(byWeekday, (k) => k),
    days: [...byDay.entries()].sort((x, y) => x[0].localeCompare(y[0])).map(([day, a]) => ({ day, visits: a.visits, served: a.served, noShows: a.noShows })),
    helpdesk: helpRows.map((r) => {
      const n = num(r.n);
      const yes = num(r.y);
      const s = r.s === null || r.s === undefined ? null : num(r.s);
      return { service: s === null ? null : (names.get(s) ?? "?"), month: String(r.m), sessions: n, alone: yes, share: n ? Math.round((yes / n) * 100) : 0 };
    }),
  };
}
export type UnitFigures = Awaited<ReturnType<typeof unitFigures>>;

/** The longest period the figures page shows at once (the queries stay within one index range). */
export const MAX_FIGURE_DAYS = 92;
export const DEFAULT_FIGURE_DAYS = 30;

const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - WIB_MS);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The period of `?dari=&sampai=`: WIB days, both included; by default the last 30 days up
 * to today; never longer than MAX_FIGURE_DAYS (a longer one keeps its end), never in the future.
 */
export function figuresPeriod(query: FiguresQuery, now = new Date()) {
  const today = queueDay(now);
  let to = query.sampai && query.sampai <= today && !Number.isNaN(Date.parse(query.sampai)) ? query.sampai : today;
  let from = query.dari && !Number.isNaN(Date.parse(query.dari)) ? query.dari : addDays(to, -(DEFAULT_FIGURE_DAYS - 1));
  if (from > to) [from, to] = [to, from];
  if (addDays(from, MAX_FIGURE_DAYS - 1) < to) from = addDays(to, -(MAX_FIGURE_DAYS - 1));
  return { fromDay: from, toDay: to, from: dayStart(from), to: dayStart(addDays(to, 1)) };
}

/**
 * The unit's figures page: for everyone, a summary (totals, each service, each day); for
 * its counter staff, supervisors and admins also the hours, the weekdays and the helpdesk.
 */
export async function figuresPage(
  db: Db,
  actor: Actor | null | undefined,
  unitId: number,
  query: FiguresQuery,
  options: { now?: Date; memo?: CountCache } = {},
) {
  const period = figuresPeriod(query, options.now);
  const compute = () => computeUnitFigures(db, unitId, period);
  const [figures, staff, classes] = await Promise.all([
    options.memo
      ? figuresVersion(db, unitId).then((v) => options.memo!.value(`queue:figures:${unitId}:${period.fromDay}:${period.toDay}`, v, compute))
      : compute(),
    mayWorkCounter(db, actor, unitId),
    classAttendance(db, unitId, period),
  ]);
  const helpdeskSessions = figures.helpdesk.reduce((n, h) => n + h.sessions, 0);
  const helpdeskAlone = figures.helpdesk.reduce((n, h) => n + h.alone, 0);
  const summary = {
    unit: figures.unit,
    fromDay: period.fromDay,
    toDay: period.toDay,
    total: figures.total,
    services: figures.services,
    days: figures.days,
    helpdesk: { sessions: helpdeskSessions, alone: helpdeskAlone, share: helpdeskSessions ? Math.round((helpdeskAlone / helpdeskSessions) * 100) : null },
    /** digital classes of the unit's services in the period and their attendance (with the helpdesk: residents taught) */
    classes,
  };
  return staff
    ? { ...summary, staff: true as const, hours: figures.hours, weekdays: figures.weekdays, helpdeskRows: figures.helpdesk }
    : { ...summary, staff: false as const, hours: [], weekdays: [], helpdeskRows: [] };
}
export type FiguresPage = Awaited<ReturnType<typeof figuresPage>>;

/**
 * A cheap marker of the unit's figures (index steps only): the last visit closed and the
 * newest helpdesk record. Figures are computed again when either moves (or after the
 * cache's 30 s), so a page view does not scan the period's visits each time.
 */
async function figuresVersion(db: Db, unitId: number): Promise<string> {
  const [t, h] = await Promise.all([
    // the last entry of the (unitId, closedAt…) index: one step (Prisma's _max reads the unit's whole range)
    db.queueTicket.findFirst({ where: { unitId, closedAt: { not: null } }, orderBy: { closedAt: "desc" }, select: { closedAt: true } }),
    db.helpdeskSession.aggregate({ where: { unitId }, _max: { id: true } }),
  ]);
  return `${t?.closedAt?.getTime() ?? 0}.${h._max.id ?? 0}`;
}

function add(acc: Acc, a: Acc) {
  acc.visits += a.visits;
  acc.served += a.served;
  acc.noShows += a.noShows;
  acc.waitSum += a.waitSum;
  acc.waitN += a.waitN;
  acc.svcSum += a.svcSum;
  acc.svcN += a.svcN;
}
