// The queue against a fresh SQLite database: numbers per unit per day, priority first,
// call / recall / no-show / transfer / serve with their states, who may act, the
// helpdesk and the figures (aggregated in SQL).
import { describe, expect, it } from "vitest";
import type { Role } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { aService, aServiceUnit, aUnitStaffMember, aUser } from "../../../prisma/builders";
import {
  figuresPage,
  figuresPeriod,
  queueDay,
  queueAct,
  recordHelpdesk,
  takeNumber,
  ticketCode,
  ticketIdFromCode,
  ticketView,
  unitFigures,
  visitFiguresStatement,
} from "./queue.server";
import { aQueueTicket } from "../../../prisma/builders/services";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const database = withTempDatabase("balai-queue-");
const db = () => database().db;
const SECRET = "s".repeat(32);

async function person(role: Role = "resident") {
  const user = await aUser(db(), { role });
  return { ...user, role };
}

async function refused(p: Promise<unknown>, status = 403) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).status).toBe(status);
}

async function setup() {
  const unit = await aServiceUnit(db());
  const [a, b] = [await aService(db(), { unitId: unit.id }), await aService(db(), { unitId: unit.id })];
  const staff = await aUnitStaffMember(db(), unit.id, "counter");
  return { unit, a, b, staff };
}

describe("taking a number", () => {
  it("numbers per unit per day, starting at 1", async () => {
    const { unit, a, b } = await setup();
    const other = await setup();
    const now = new Date("2026-03-02T02:00:00Z");
    const t1 = await takeNumber(db(), unit.id, { serviceId: a.id, channel: "phone" }, now);
    const t2 = await takeNumber(db(), unit.id, { serviceId: b.id, channel: "door" }, now);
    const o1 = await takeNumber(db(), other.unit.id, { serviceId: other.a.id, channel: "kiosk" }, now);
    const next = await takeNumber(db(), unit.id, { serviceId: a.id, channel: "phone" }, new Date("2026-03-03T02:00:00Z"));
    expect([t1.ticket.number, t2.ticket.number, o1.ticket.number, next.ticket.number]).toEqual([1, 2, 1, 1]);
    expect(t1.ticket.day).toBe("2026-03-02");
    // 23:30 WIB is still that day
    expect(queueDay(new Date("2026-03-02T16:30:00Z"))).toBe("2026-03-02");
    expect(queueDay(new Date("2026-03-02T17:30:00Z"))).toBe("2026-03-03");
  });

  it("refuses a service of another unit", async () => {
    const { unit } = await setup();
    const other = await setup();
    await refused(takeNumber(db(), unit.id, { serviceId: other.a.id, channel: "phone" }), 400);
  });

  it("numbers taken at once are all different", async () => {
    const { unit, a } = await setup();
    const tickets = await Promise.all(Array.from({ length: 8 }, () => takeNumber(db(), unit.id, { serviceId: a.id, channel: "phone" })));
    expect(new Set(tickets.map((t) => t.ticket.number)).size).toBe(8);
  });

  it("ticket codes cannot be guessed from the id", () => {
    const code = ticketCode(SECRET, 42);
    expect(ticketIdFromCode(SECRET, code)).toBe(42);
    expect(ticketIdFromCode(SECRET, code.replace(/^42/, "43"))).toBeNull();
    expect(ticketIdFromCode("x".repeat(32), code)).toBeNull();
    expect(ticketIdFromCode(SECRET, "99999999999-aaaaaaaaaaaa")).toBeNull();
  });
});

describe("at the counter", () => {
  it("calls priority numbers first, then by number; recall, no-show, serve", async () => {
    const { unit, a, staff } = await setup();
    const n1 = await takeNumber(db(), unit.id, { serviceId: a.id, channel: "phone" });
    const p2 = await takeNumber(db(), unit.id, { serviceId: a.id, channel: "door", priority: "elderly" });
    const n3 = await takeNumber(db(), unit.id, { serviceId: a.id, channel: "phone" });
    expect((await ticketView(db(), SECRET, ticketCode(SECRET, n3.ticket.id))).ahead).toBe(2);

    const first = await queueAct(db(), staff, unit.id, { action: "call", counter: "1" });
    expect(first.ticketId).toBe(p2.ticket.id);
    expect(first.change).toMatchObject({ kind: "called", call: { number: 2, counter: "1", priority: "elderly" } });
    const second = await queueAct(db(), staff, unit.id, { action: "call", counter: "2" });
    expect(second.ticketId).toBe(n1.ticket.id);

    const recalled = await queueAct(db(), staff, unit.id, { action: "recall", ticketId: n1.ticket.id });
    expect(recalled.change.kind).toBe("recalled");
    await queueAct(db(), staff, unit.id, { action: "noShow", ticketId: n1.ticket.id });
    await refused(queueAct(db(), staff, unit.id, { action: "serve", ticketId: n1.ticket.id }), 409);

    await queueAct(db(), staff, unit.id, { action: "start", ticketId: p2.ticket.id });
    const served = await queueAct(db(), staff, unit.id, { action: "serve", ticketId: p2.ticket.id });
    expect(served.surveyToken).toBeTruthy();
    const view = await ticketView(db(), SECRET, ticketCode(SECRET, p2.ticket.id));
    expect(view).toMatchObject({ status: "served", label: "P-002", surveyToken: served.surveyToken });
    expect((await db().queueTicket.findUniqueOrThrow({ where: { id: n1.ticket.id } })).recalls).toBe(1);
  });

  it("transfers to another service with a new number that remembers the old one", async () => {
    const { unit, a, b, staff } = await setup();
    const t = await takeNumber(db(), unit.id, { serviceId: a.id, channel: "phone", priority: "pregnant" });
    await queueAct(db(), staff, unit.id, { action: "call", counter: "1" });
    await refused(queueAct(db(), staff, unit.id, { action: "transfer", ticketId: t.ticket.id, serviceId: a.id }), 400);
    const moved = await queueAct(db(), staff, unit.id, { action: "transfer", ticketId: t.ticket.id, serviceId: b.id });
    const row = await db().queueTicket.findUniqueOrThrow({ where: { id: moved.ticketId! } });
    expect(row).toMatchObject({ serviceId: b.id, status: "waiting", priority: "pregnant", transferredFromId: t.ticket.id });
    const old = await ticketView(db(), SECRET, ticketCode(SECRET, t.ticket.id));
    expect(old.status).toBe("transferred");
    expect(old.transferredTo?.label).toBe(`P-${String(row.number).padStart(3, "0")}`);
    // calling at a counter for one service only takes that service's numbers
    await refused(queueAct(db(), staff, unit.id, { action: "call", counter: "1", serviceId: a.id }), 409);
    expect((await queueAct(db(), staff, unit.id, { action: "call", counter: "1", serviceId: b.id })).ticketId).toBe(row.id);
  });

  it("only the unit's counter staff and supervisors, and admins, may act", async () => {
    const { unit, a } = await setup();
    const other = await setup();
    await takeNumber(db(), unit.id, { serviceId: a.id, channel: "phone" });
    for (const who of [null, await person("resident"), await person("planner"), await person("moderator"), other.staff, await person("counter")]) {
      await refused(queueAct(db(), who, unit.id, { action: "call", counter: "1" }));
      await refused(recordHelpdesk(db(), who, unit.id, { onlineService: "jaki", difficulty: "", canDoAlone: "yes" }));
      await refused(unitFigures(db(), who, unit.id, { from: new Date(0), to: new Date() }));
    }
    // a ticket of another unit is not found through this unit
    const foreign = await takeNumber(db(), other.unit.id, { serviceId: other.a.id, channel: "phone" });
    const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");
    await refused(queueAct(db(), supervisor, unit.id, { action: "recall", ticketId: foreign.ticket.id }), 404);
    const admin = await person("admin");
    expect((await queueAct(db(), admin, unit.id, { action: "call", counter: "9" })).number).toBe(1);
  });
});

describe("helpdesk and figures", () => {
  it("aggregates waiting and service time, no-shows by service, hour and weekday, and 'alone next time'", async () => {
    const { unit, a, b, staff } = await setup();
    // Monday 2026-03-02, 09:00 WIB
    const at = (min: number) => new Date(Date.UTC(2026, 2, 2, 2, min));
    const t1 = await takeNumber(db(), unit.id, { serviceId: a.id, channel: "phone" }, at(0));
    await takeNumber(db(), unit.id, { serviceId: b.id, channel: "phone" }, at(1));
    await queueAct(db(), staff, unit.id, { action: "call", counter: "1" }, at(10)); // t1: waited 10 min
    await queueAct(db(), staff, unit.id, { action: "start", ticketId: t1.ticket.id }, at(11));
    await queueAct(db(), staff, unit.id, { action: "serve", ticketId: t1.ticket.id }, at(17)); // 6 min service
    const c2 = await queueAct(db(), staff, unit.id, { action: "call", counter: "1" }, at(21)); // waited 20
    await queueAct(db(), staff, unit.id, { action: "noShow", ticketId: c2.ticketId! }, at(25));
    await recordHelpdesk(
      db(),
      staff,
      unit.id,
      { onlineService: "jakevo", serviceId: a.id, ticketId: t1.ticket.id, difficulty: "OTP", canDoAlone: "yes" },
      at(18),
    );
    await recordHelpdesk(db(), staff, unit.id, { onlineService: "jakevo", serviceId: a.id, difficulty: "", canDoAlone: "no" }, at(30));
    await refused(recordHelpdesk(db(), staff, unit.id, { onlineService: "oss", ticketId: t1.ticket.id, difficulty: "", canDoAlone: "no" }), 400);

    const f = await unitFigures(db(), staff, unit.id, { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") });
    expect(f.total).toEqual({ visits: 2, served: 1, noShows: 1, waitMinutes: 15, serviceMinutes: 6 });
    expect(f.services.find((s) => s.key.id === a.id)).toMatchObject({ visits: 1, served: 1, waitMinutes: 10, serviceMinutes: 6 });
    expect(f.services.find((s) => s.key.id === b.id)).toMatchObject({ noShows: 1, waitMinutes: 20, serviceMinutes: null });
    expect(f.hours).toEqual([expect.objectContaining({ key: 9, visits: 2 })]);
    expect(f.weekdays).toEqual([expect.objectContaining({ key: 1, visits: 2 })]);
    expect(f.helpdesk).toEqual([{ service: a.name, month: "2026-03", sessions: 2, alone: 1, share: 50 }]);
    expect(f.days).toEqual([{ day: "2026-03-02", visits: 2, served: 1, noShows: 1 }]);

    // the page: everyone gets the summary, the unit's staff also hours, weekdays and the helpdesk rows
    const query = { dari: "2026-03-01", sampai: "2026-03-31" };
    const now = new Date("2026-04-10T05:00:00Z");
    const pub = await figuresPage(db(), null, unit.id, query, { now });
    expect(pub).toMatchObject({ staff: false, fromDay: "2026-03-01", toDay: "2026-03-31", total: { visits: 2 }, hours: [], helpdeskRows: [] });
    expect(pub.helpdesk).toEqual({ sessions: 2, alone: 1, share: 50 });
    expect(pub.days).toHaveLength(1);
    const mine = await figuresPage(db(), staff, unit.id, query, { now });
    expect(mine).toMatchObject({ staff: true, hours: [expect.objectContaining({ key: 9 })], helpdeskRows: [expect.objectContaining({ sessions: 2 })] });
    // a period that misses the visits shows none
    expect((await figuresPage(db(), staff, unit.id, { dari: "2026-03-03", sampai: "2026-03-31" }, { now })).total.visits).toBe(0);
  });

  it("gives, from the covering index alone, the figures a plain computation over the rows gives, on random visits", async () => {
    const { unit, a, b, staff } = await setup();
    const other = await aServiceUnit(db());
    const c = await aService(db(), { unitId: other.id });
    const seed = Number(process.env.TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
    let x = seed;
    const rand = () => (x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32; // LCG, reproducible from the seed
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
    const statuses = ["waiting", "called", "serving", "served", "served", "served", "no_show", "transferred"] as const;
    const base = Date.UTC(2026, 4, 1, 0, 0);
    for (let i = 0; i < 240; i++) {
      const other_ = rand() < 0.15;
      await aQueueTicket(db(), other_ ? other.id : unit.id, other_ ? c.id : pick([a.id, b.id]), {
        status: pick(statuses),
        // 20 days, any minute of the day: tickets taken late in the evening (WIB) close on the next day
        takenAt: new Date(base + Math.floor(rand() * 20 * 1440) * 60_000 + Math.floor(rand() * 60) * 1000),
        waitMinutes: Math.floor(rand() * 90),
        serviceMinutes: 1 + Math.floor(rand() * 40),
        number: 1000 + i,
      });
    }
    // a period inside the data (its edges cut through the visits), as WIB days
    const range = figuresPeriod({ dari: "2026-05-04", sampai: "2026-05-15" });
    const f = await unitFigures(db(), staff, unit.id, range);

    const rows = (await db().queueTicket.findMany({ where: { unitId: unit.id } })).filter(
      (t) => t.closedAt && t.closedAt >= range.from && t.closedAt < range.to,
    );
    type Acc = { visits: number; served: number; noShows: number; wait: number[]; svc: number[] };
    const groups = new Map<string, Acc>();
    const into = (key: string, t: (typeof rows)[number]) => {
      const acc = groups.get(key) ?? { visits: 0, served: 0, noShows: 0, wait: [], svc: [] };
      groups.set(key, acc);
      acc.visits++;
      if (t.status === "served") acc.served++;
      if (t.status === "no_show") acc.noShows++;
      if (t.calledAt) acc.wait.push((t.calledAt.getTime() - t.takenAt.getTime()) / 1000);
      if (t.status === "served") acc.svc.push((t.servedAt!.getTime() - (t.servingAt ?? t.calledAt)!.getTime()) / 1000);
    };
    const wib = (d: Date) => new Date(d.getTime() + 7 * 3_600_000);
    for (const t of rows) {
      for (const key of ["total", `s${t.serviceId}`, `h${wib(t.takenAt).getUTCHours()}`, `w${wib(t.takenAt).getUTCDay()}`, `d${t.day}`]) into(key, t);
    }
    const mean = (list: number[]) => (list.length ? list.reduce((n, v) => n + v, 0) / list.length / 60 : null);
    const expectRow = (got: { visits: number; served: number; noShows: number; waitMinutes: number | null; serviceMinutes: number | null }, key: string) => {
      const want = groups.get(key)!;
      const why = `group ${key}, seed ${seed}`;
      expect({ visits: got.visits, served: got.served, noShows: got.noShows }, why).toEqual({
        visits: want.visits,
        served: want.served,
        noShows: want.noShows,
      });
      // rounded to 0.1 minute from a floating sum: equal up to that rounding
      for (const [g, w] of [
        [got.waitMinutes, mean(want.wait)],
        [got.serviceMinutes, mean(want.svc)],
      ] as const) {
        if (w === null) expect(g, why).toBeNull();
        else expect(Math.abs(g! - w), why).toBeLessThanOrEqual(0.05 + 1e-6);
      }
    };
    expect(rows.length).toBeGreaterThan(40);
    expectRow(f.total, "total");
    const keys = (prefix: string) => [...groups.keys()].filter((k) => k.startsWith(prefix)).length;
    expect([f.services.length, f.hours.length, f.weekdays.length, f.days.length], `seed ${seed}`).toEqual([keys("s"), keys("h"), keys("w"), keys("d")]);
    for (const s of f.services) expectRow(s, `s${s.key.id}`);
    for (const h of f.hours) expectRow(h, `h${h.key}`);
    for (const w of f.weekdays) expectRow(w, `w${w.key}`);
    for (const d of f.days) {
      const want = groups.get(`d${d.day}`)!;
      expect(d, `seed ${seed}`).toEqual({ day: d.day, visits: want.visits, served: want.served, noShows: want.noShows });
    }

    // and SQLite answers the GROUP BY from the covering index, never reading a visit's row
    const { text, params } = visitFiguresStatement(false, unit.id, range);
    const plan = (await db().$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${text}`, ...params)).map((r) => r.detail).join("\n");
    expect(plan).toContain("USING COVERING INDEX QueueTicket_figures_idx");
  });

  it("reads the period as WIB days, 30 days by default, at most 92, never past today", () => {
    const now = new Date("2026-12-01T18:00:00Z"); // 2 December, 01:00 WIB
    expect(figuresPeriod({}, now)).toMatchObject({ fromDay: "2026-11-03", toDay: "2026-12-02" });
    const p = figuresPeriod({ dari: "2026-11-01", sampai: "2026-11-30" }, now);
    expect(p.from.toISOString()).toBe("2026-10-31T17:00:00.000Z");
    expect(p.to.toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(figuresPeriod({ dari: "2025-01-01", sampai: "2026-11-30" }, now)).toMatchObject({ fromDay: "2026-08-31", toDay: "2026-11-30" });
    expect(figuresPeriod({ dari: "2026-11-30", sampai: "2026-11-01" }, now)).toMatchObject({ fromDay: "2026-11-01", toDay: "2026-11-30" });
    expect(figuresPeriod({ sampai: "2027-01-01" }, now).toDay).toBe("2026-12-02");
  });
});
