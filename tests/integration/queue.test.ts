// The queue over real HTTP and Socket.IO: a resident takes a number on a phone (plain
// form), counter staff call it (form and socket), the display hears it and shows it;
// every staff action is refused to guests, residents and staff of other units.
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { aService, aServiceUnit, aStaffMember, aUnitStaffMember, aUser } from "../../prisma/builders";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let database: Database;
const db = () => database.db;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startServer({ env: { BALAI_SEED: "0" } });
  database = await openDatabase(server.databaseUrl);
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await database?.close();
  await server?.stop();
});

type Person = { identifier: string; password: string };
async function as(who?: Person) {
  const c = new Client(server.url);
  if (who) await c.login(who.identifier, who.password);
  return c;
}

async function socketFor(client: Client | null): Promise<Socket> {
  const cookie = client ? [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ") : "";
  const socket = connect(server.url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: cookie ? { Cookie: cookie } : {} });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.on("connect", () => resolve());
    socket.on("connect_error", reject);
  });
  return socket;
}

const emit = <T>(s: Socket, event: string, payload: unknown) => new Promise<T>((resolve) => s.emit(event, payload, resolve));

async function unitWithService() {
  const unit = await aServiceUnit(db());
  const service = await aService(db(), { unitId: unit.id });
  const other = await aService(db(), { unitId: unit.id });
  return { unit, service, other };
}

async function takeOnPhone(unitId: number, serviceId: number, priority = "") {
  const phone = await as();
  const res = await phone.post(`/layanan/unit/${unitId}/antrian`, { intent: "take", serviceId: String(serviceId), channel: "phone", priority });
  expect(res.status).toBe(302);
  const location = res.headers.get("location")!;
  expect(location).toMatch(/^\/layanan\/tiket\/\d+-[\w-]{12}$/);
  return { phone, location };
}

describe("a resident takes a number on a phone and is called on the display", () => {
  it("works with plain forms and live over the socket", async () => {
    const { unit, service } = await unitWithService();
    const staff = await aUnitStaffMember(db(), unit.id, "counter");
    const display = await socketFor(null);
    expect(await emit(display, "queue:join", { unitId: unit.id })).toEqual({ data: { unitId: unit.id } });
    const heard: { kind: string; call?: { number: number; counter: string } }[] = [];
    display.on("queue:changed", (c) => heard.push(c));

    const { phone, location } = await takeOnPhone(unit.id, service.id);
    const ticket = await phone.page(location);
    expect(ticket.status).toBe(200);
    expect(ticket.html).toContain("A-001");
    expect(ticket.html).toContain('data-status="waiting"');

    const desk = await as(staff);
    const deskPage = await desk.page(`/layanan/unit/${unit.id}/loket`);
    expect(deskPage.status).toBe(200);
    expect(deskPage.html).toContain("A-001");
    const called = await desk.post(`/layanan/unit/${unit.id}/loket`, { intent: "act", action: "call", counter: "3" });
    expect(called.status).toBe(302);

    await expect.poll(() => heard.find((c) => c.kind === "called")?.call).toMatchObject({ number: 1, counter: "3" });
    expect((await phone.page(location)).html).toContain('data-status="called"');
    const screen = await (await as()).page(`/layanan/unit/${unit.id}/display`);
    expect(screen.html).toMatch(/svc-display-number">001</);
    expect(screen.html).toContain("Loket 3");

    // serve through the socket: stored, acknowledged, and the ticket offers the survey
    const staffSocket = await socketFor(desk);
    const row = await db().queueTicket.findFirstOrThrow({ where: { unitId: unit.id } });
    expect(await emit(staffSocket, "queue:act", { unitId: unit.id, action: "serve", ticketId: row.id })).toEqual({ data: { ticketId: row.id, number: 1 } });
    const after = await phone.page(location);
    expect(after.html).toContain('data-status="served"');
    expect(after.html).toMatch(/href="\/survei\/t\/[\w-]+"/);
  });

  it("a wrong ticket code is a 404 and a bad service is an error next to the field", async () => {
    const { unit } = await unitWithService();
    const c = await as();
    expect((await c.page("/layanan/tiket/1-aaaaaaaaaaaa")).status).toBe(404);
    expect((await c.page("/layanan/tiket/nonsense")).status).toBe(404);
    const res = await c.post(`/layanan/unit/${unit.id}/antrian`, { intent: "take", serviceId: "99999999999", channel: "phone" });
    expect(res.status).toBe(400);
  });
});

describe("authorization of every staff action", () => {
  it("refuses guests, residents, planners and staff of other units, by form and by socket", async () => {
    const { unit, service, other } = await unitWithService();
    const elsewhere = await aServiceUnit(db());
    await takeOnPhone(unit.id, service.id);
    const row = await db().queueTicket.findFirstOrThrow({ where: { unitId: unit.id } });
    const people: (Person | undefined)[] = [
      undefined,
      await aUser(db(), { role: "resident" }),
      await aStaffMember(db(), "planner"),
      await aUnitStaffMember(db(), elsewhere.id, "counter"),
      await aUnitStaffMember(db(), elsewhere.id, "supervisor"),
    ];
    const actions: Record<string, string>[] = [
      { action: "call", counter: "1" },
      { action: "recall", ticketId: String(row.id) },
      { action: "noShow", ticketId: String(row.id) },
      { action: "start", ticketId: String(row.id) },
      { action: "serve", ticketId: String(row.id) },
      { action: "transfer", ticketId: String(row.id), serviceId: String(other.id) },
    ];
    for (const who of people) {
      const c = await as(who);
      const page = await c.get(`/layanan/unit/${unit.id}/loket`);
      expect(page.status, `desk for ${who?.identifier ?? "guest"}`).toBe(who ? 403 : 302);
      const socket = await socketFor(who ? c : null);
      for (const a of actions) {
        const csrfPage = await c.page("/login");
        const res = await c.post(`/layanan/unit/${unit.id}/loket`, { intent: "act", ...a }, { csrf: c.csrf(csrfPage.html) });
        expect(res.status, `${a.action} by ${who?.identifier ?? "guest"}`).toBe(who ? 403 : 302);
        const ack = await emit<{ error?: { code: string } }>(socket, "queue:act", {
          unitId: unit.id,
          ...a,
          ...(a.ticketId && { ticketId: Number(a.ticketId) }),
          ...(a.serviceId && { serviceId: Number(a.serviceId) }),
        });
        expect(ack.error?.code).toBe("forbidden");
      }
      const help = await c.post(
        `/layanan/unit/${unit.id}/loket`,
        { intent: "helpdesk", onlineService: "jaki", canDoAlone: "yes" },
        { csrf: c.csrf((await c.page("/login")).html) },
      );
      expect(help.status).toBe(who ? 403 : 302);
    }
    expect(await db().queueTicket.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "waiting", recalls: 0 });
    expect(await db().helpdeskSession.count({ where: { unitId: unit.id } })).toBe(0);

    // the unit's supervisor and an admin may
    const supervisor = await as(await aUnitStaffMember(db(), unit.id, "supervisor"));
    expect((await supervisor.post(`/layanan/unit/${unit.id}/loket`, { intent: "act", action: "call", counter: "2" })).status).toBe(302);
    const admin = await as(await aStaffMember(db(), "admin"));
    expect((await admin.post(`/layanan/unit/${unit.id}/loket`, { intent: "act", action: "recall", ticketId: String(row.id), counter: "2" })).status).toBe(302);
    expect(await db().queueTicket.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "called", recalls: 1 });
  });

  it("validates socket payloads", async () => {
    const s = await socketFor(null);
    expect(await emit<{ error?: { code: string } }>(s, "queue:join", { unitId: 2 ** 40 })).toMatchObject({ error: { code: "invalid" } });
    expect(await emit<{ error?: { code: string } }>(s, "queue:act", { unitId: 1, action: "explode" })).toMatchObject({ error: { code: "invalid" } });
  });
});

describe("the unit's figures page", () => {
  it("shows everyone the summary and the unit's staff the hours, weekdays and helpdesk; the period is bounded", async () => {
    const { unit, service } = await unitWithService();
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const elsewhere = await aUnitStaffMember(db(), (await aServiceUnit(db())).id, "counter");
    // three closed visits yesterday (WIB): two served (10 and 20 min wait), one no-show
    const day = new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    const at = (h: number, m = 0) => new Date(Date.parse(`${day}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00+07:00`));
    const base = { unitId: unit.id, serviceId: service.id, day, channel: "phone" };
    await db().queueTicket.createMany({
      data: [
        { ...base, number: 1, status: "served", takenAt: at(9), calledAt: at(9, 10), servingAt: at(9, 10), servedAt: at(9, 16), closedAt: at(9, 16) },
        { ...base, number: 2, status: "served", takenAt: at(9, 5), calledAt: at(9, 25), servingAt: at(9, 25), servedAt: at(9, 29), closedAt: at(9, 29) },
        { ...base, number: 3, status: "no_show", takenAt: at(10), calledAt: at(10, 15), closedAt: at(10, 20) },
      ],
    });
    await db().helpdeskSession.create({ data: { unitId: unit.id, serviceId: service.id, onlineService: "jakevo", canDoAlone: "yes", startedAt: at(9, 20) } });

    const path = `/layanan/unit/${unit.id}/angka`;
    const guest = await as();
    const pub = await guest.page(path);
    expect(pub.status).toBe(200);
    expect(pub.html).toContain(service.name);
    expect(pub.html).toMatch(/<dd>3<\/dd>/); // visits
    expect(pub.html).toMatch(/<dd>15<\/dd>/); // mean wait: (10 + 20 + 15) / 3
    expect(pub.html).toContain("100%"); // could do it alone next time
    expect(pub.html).not.toContain('id="fig-hours"');
    expect((await (await as(elsewhere)).page(path)).html).not.toContain('id="fig-hours"');
    const staff = await (await as(counter)).page(path);
    expect(staff.html).toContain('id="fig-hours"');
    expect(staff.html).toContain("09.00");
    expect(staff.html).toContain('id="fig-helpdesk"');
    // a period without the visits, and one far too long (cut to 92 days), both answer
    const before = await guest.page(`${path}?dari=2020-01-01&sampai=2020-01-31`);
    expect(before.html).not.toContain(service.name);
    const long = await guest.page(`${path}?dari=2000-01-01&sampai=${day}`);
    expect(long.status).toBe(200);
    expect(long.html).toMatch(/name="dari"[^>]*value="(\d{4}-\d{2}-\d{2})"/);
    const from = /name="dari"[^>]*value="(\d{4}-\d{2}-\d{2})"/.exec(long.html)![1];
    expect((Date.parse(day) - Date.parse(from)) / 86_400_000).toBe(91);
    expect((await guest.page(`/layanan/unit/999999/angka`)).status).toBe(404);
  });
});
