// Several Balai instances on one PostgreSQL database and one Redis, behind nginx:
// live Q&A across instances, the moderators' participant counts over all of them,
// limits that hold whichever instance a client uses, a timed job that runs once,
// and an instance killed (and another drained) in the middle of a session with
// nothing acknowledged lost. `npm run test:cluster` (needs postgresql,
// redis-server and nginx from Debian; .ci/run installs them).
import { mkdirSync, mkdtempSync, rmSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { kioskCookie } from "~/utils/satisfaction.server";
import { anAspiration, aQaSession, aQuestion, aUser } from "../../prisma/builders";
import { aKioskDevice } from "../../prisma/builders/satisfaction";
import { aServiceUnit } from "../../prisma/builders/services";
import { Client } from "../support/http";
import {
  createDatabase,
  ensurePackages,
  migrateOnce,
  startInstance,
  startNginx,
  startPostgres,
  startRedis,
  freePort,
  type Instance,
  type Service,
} from "./cluster";
import { call, data, next, type AckResult, type QaSocket } from "../support/sockets";

const METRICS_TOKEN = "cluster-test-metrics-token";
let dir: string;
let pg: Service | null = null;
let redis: Awaited<ReturnType<typeof startRedis>>;
let proxy: Service;
let instances: Instance[] = [];
let database: Database;
let sessionSecret: string;
const sockets: QaSocket[] = [];

beforeAll(async () => {
  ensurePackages();
  dir = mkdtempSync(path.join(os.tmpdir(), "balai-cluster-test-"));
  chmodSync(dir, 0o755);
  const server = process.env.TEST_DATABASE_URL ?? (pg = await startPostgres(dir)).url;
  redis = await startRedis(dir);
  const databaseUrl = await createDatabase(server);
  migrateOnce(databaseUrl, false);
  const uploadDir = path.join(dir, "uploads");
  mkdirSync(uploadDir, { recursive: true });
  sessionSecret = randomBytes(32).toString("hex");
  const env = { NODE_ENV: "test", LOG_LEVEL: "warn", JOBS_POLL_MS: "300", METRICS_TOKEN, RATE_LIMIT_LOGIN: "40", RATE_LIMIT_WRITES: "1000" };
  const ports = await Promise.all([freePort(), freePort(), freePort()]);
  instances = await Promise.all(ports.map((port) => startInstance({ databaseUrl, redisUrl: redis.url, dataDir: dir, uploadDir, sessionSecret, port, env })));
  proxy = await startNginx(dir, await freePort(), ports);
  database = await openDatabase(databaseUrl);
}, 240_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await database?.close();
  await proxy?.stop();
  await Promise.all(instances.map((i) => i.stop()));
  await redis?.stop();
  await pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const db = () => database.db;
const [A, B, C] = [0, 1, 2].map((i) => () => instances[i]);

function cookieHeader(c: Client) {
  return [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function connect(url: string, c: Client | null, extraCookie = ""): Promise<QaSocket> {
  const cookie = [c ? cookieHeader(c) : "", extraCookie].filter(Boolean).join("; ");
  const s: QaSocket = io(url, {
    transports: ["websocket"],
    extraHeaders: cookie ? { Cookie: cookie } : {},
    reconnectionDelay: 100,
    reconnectionDelayMax: 400,
  });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });
  return s;
}

/** A browser that opened /qa/CODE on one instance (its participant cookie works on all of them). */
async function browser(url: string, code: string) {
  const c = new Client(url);
  await c.page(`/qa/${code}`);
  expect(c.cookies.has("balai_qa")).toBe(true);
  return c;
}

async function participant(url: string, code: string, socketUrl = url, extraCookie = "") {
  const c = await browser(url, code);
  const s = await connect(socketUrl, c, extraCookie);
  data(await call(s, "qa:join", { code, as: "participant" }));
  return { c, s };
}

async function moderatorOn(url: string, code: string) {
  const user = await aUser(db(), { role: "moderator" });
  const c = new Client(url);
  await c.login(user.identifier, user.password);
  const s = await connect(url, c);
  const snap = data(await call<{ counts?: { participants: number } }>(s, "qa:join", { code, as: "moderator" }));
  return { c, s, snap };
}

describe("live Q&A across instances", () => {
  it("a vote on instance A reaches a projector on instance B", async () => {
    const session = await aQaSession(db());
    const q = await aQuestion(db(), session.id);
    const screen = await connect(B().url, null);
    data(await call(screen, "qa:join", { code: session.code, as: "screen" }));
    const p = await participant(A().url, session.code);
    const seen = next(screen, "qa:votes", (v) => v.sessionId === session.id && v.counts.some(([id, n]) => id === q.id && n === 1), 8000);
    expect(data(await call<{ voteCount: number }>(p.s, "qa:vote", { code: session.code, questionId: q.id, on: true })).voteCount).toBe(1);
    await seen;
  });

  it("a moderator on B acts and the participants on A and C see it", async () => {
    const session = await aQaSession(db());
    const q = await aQuestion(db(), session.id);
    const onA = await participant(A().url, session.code);
    const onC = await participant(C().url, session.code);
    const mod = await moderatorOn(B().url, session.code);
    const shown = (s: QaSocket) => next(s, "qa:update", (u) => u.session.onScreenQuestionId === q.id, 8000);
    const [a, c] = [shown(onA.s), shown(onC.s)];
    data(await call(mod.s, "qa:moderate", { code: session.code, questionId: q.id, version: q.version, action: "show" }));
    await Promise.all([a, c]);
  });

  it("the moderators' participant count covers every instance", async () => {
    const session = await aQaSession(db());
    await participant(A().url, session.code);
    await participant(B().url, session.code);
    await participant(C().url, session.code);
    await participant(C().url, session.code);
    const mod = await moderatorOn(A().url, session.code);
    // the snapshot already counts all four; the live counts too, whichever instance the moderator is on
    expect(mod.snap.counts?.participants).toBe(4);
    const modB = await moderatorOn(B().url, session.code);
    await participant(B().url, session.code);
    await next(modB.s, "qa:counts", (c) => c.sessionId === session.id && c.participants === 5, 10_000);
  });
});

describe("limits across instances", () => {
  it("a participant cannot ask more by switching instance", async () => {
    const session = await aQaSession(db());
    const c = await browser(A().url, session.code);
    const results: AckResult[] = [];
    for (const [i, url] of [A().url, B().url, C().url, A().url].entries()) {
      const s = await connect(url, c);
      data(await call(s, "qa:join", { code: session.code, as: "participant" }));
      results.push(await call(s, "qa:ask", { code: session.code, text: `Pertanyaan nomor ${i + 1} dari peserta yang sama?` }));
      s.close();
    }
    expect(results.slice(0, 3).every((r) => "data" in r)).toBe(true);
    expect(results[3]).toMatchObject({ error: { code: "rate_limited" } });
  });

  it("an account locks after five failed logins spread over the instances, and per-IP login posts are counted together", async () => {
    const user = await aUser(db());
    const urls = [A().url, B().url, C().url];
    for (let i = 0; i < 5; i++) {
      const res = await new Client(urls[i % 3]).post("/login", { identifier: user.identifier, password: "wrong-password-123" }, { fromPage: "/login" });
      expect(res.status).toBe(401);
    }
    const locked = await new Client(urls[2]).post("/login", { identifier: user.identifier, password: user.password }, { fromPage: "/login" });
    expect(locked.status).toBe(429);

    // 40 login posts per 15 minutes per IP (RATE_LIMIT_LOGIN), whichever instance gets them
    const ip = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) {
      const c = new Client(urls[i % 3]);
      const page = await c.page("/login");
      const res = await fetch(`${c.baseUrl}/login`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
          Origin: c.baseUrl,
          "X-Forwarded-For": ip,
        },
        body: new URLSearchParams({ csrf: c.csrf(page.html), identifier: `nobody-${i}@contoh.id`, password: "wrong-password-123" }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 40).every((s) => s === 401)).toBe(true);
    expect(statuses[40]).toBe(429);
  });

  it("a kiosk tablet gets no more survey requests by switching instance (30 a minute per device)", async () => {
    const unit = await aServiceUnit(db());
    const { token } = await aKioskDevice(db(), unit.id);
    const cookie = (await kioskCookie({ config: { production: false, sessionSecret } } as never).serialize(token)).split(";")[0];
    const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
    const tablets = [A().url, B().url, C().url].map((url) => {
      const c = new Client(url);
      c.cookies.set(name, value);
      return c;
    });
    const csrfs = await Promise.all(tablets.map(async (c) => c.csrf((await c.page("/kiosk")).html)));
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const answers = JSON.stringify([{ key: `cluster-kiosk-${i}-${randomBytes(3).toString("hex")}`, score: 4, elements: [] }]);
      statuses.push((await tablets[i % 3].post("/kiosk/sync", { answers }, { csrf: csrfs[i % 3] })).status);
    }
    expect(statuses).toEqual([...Array.from({ length: 30 }, () => 200), 429]);
  });
});

async function metric(instance: Instance, name: string, label: string): Promise<number> {
  const res = await fetch(`${instance.url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  const line = (await res.text()).split("\n").find((l) => l.startsWith(name) && l.includes(label));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

describe("jobs", () => {
  it("a due job runs once with three instances, and admins see it at /admin/jobs", async () => {
    const before = await Promise.all(instances.map((i) => metric(i, "balai_job_runs_total", 'job="sessions.cleanup"')));
    const user = await aUser(db());
    await db().session.create({
      data: { id: `expired-${user.id}-${randomBytes(4).toString("hex")}`, userId: user.id, expiresAt: new Date(Date.now() - 1000) },
    });
    const row = await db().setting.findUniqueOrThrow({ where: { key: "job:sessions.cleanup" } });
    const state = JSON.parse(row.value) as { runs: number };
    // make it due now, as "run now" does
    await db().setting.update({ where: { key: row.key }, data: { value: JSON.stringify({ ...state, nextRunAt: new Date().toISOString() }) } });
    const deadline = Date.now() + 10_000;
    while ((await db().session.count({ where: { userId: user.id } })) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    await new Promise((r) => setTimeout(r, 1500)); // several more rounds of every instance looking
    const after = await Promise.all(instances.map((i) => metric(i, "balai_job_runs_total", 'job="sessions.cleanup"')));
    expect(after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0)).toBe(1);
    const stored = JSON.parse((await db().setting.findUniqueOrThrow({ where: { key: row.key } })).value) as { runs: number; lastStatus: string };
    expect(stored).toMatchObject({ runs: state.runs + 1, lastStatus: "ok" });

    const admin = await aUser(db(), { role: "admin" });
    const c = new Client(B().url);
    await c.login(admin.identifier, admin.password);
    const page = await c.page("/admin/jobs");
    expect(page.status).toBe(200);
    expect(page.html).toContain("sessions.cleanup");
  });
});

describe("deadline reminders", () => {
  it("the reminder job writes one reminder per staff member and deadline with three instances", async () => {
    const moderator = await aUser(db(), { role: "moderator" });
    const aspiration = await anAspiration(db());
    const dueAt = new Date(Date.now() + 3 * 3600_000);
    await db().aspiration.update({ where: { id: aspiration.id }, data: { verifyDueAt: dueAt } });
    const key = "job:aspirations.reminders";
    const before = await Promise.all(instances.map((i) => metric(i, "balai_job_runs_total", 'job="aspirations.reminders"')));
    const row = await db().setting.findUniqueOrThrow({ where: { key } });
    // due now on every instance at once, as "run now" does
    await db().setting.update({ where: { key }, data: { value: JSON.stringify({ ...JSON.parse(row.value), nextRunAt: new Date().toISOString() }) } });
    const reminders = () => db().notification.count({ where: { userId: moderator.id, messageKey: "jobs.reminder.verifySoon" } });
    const deadline = Date.now() + 10_000;
    while ((await reminders()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500)); // several more rounds of every instance looking
    expect(await reminders()).toBe(1);
    const after = await Promise.all(instances.map((i) => metric(i, "balai_job_runs_total", 'job="aspirations.reminders"')));
    expect(after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0)).toBe(1);
    // the moderator's e-mail waits in the outbox (no SMTP here: the worker writes it to the log and marks it sent)
    const outbox = await db().outboxMessage.findMany({ where: { recipientRef: `user:${moderator.id}`, templateKey: "jobs.reminder.verifySoon" } });
    expect(outbox.map((m) => m.channel).sort()).toEqual(moderator.email ? ["email", "inapp"] : ["inapp"]);
  });
});

describe("observability", () => {
  it("answers /metrics only with the token, and /readyz for the database and Redis", async () => {
    expect((await fetch(`${A().url}/metrics`)).status).toBe(401);
    const text = await (await fetch(`${A().url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(text).toContain("balai_http_request_duration_seconds_bucket");
    expect(text).toContain("balai_open_sockets");
    expect(text).toContain("balai_qa_votes_total");
    expect(text).toMatch(/^balai_outbox_messages\{state="pending",instance="[^"]+"\} \d+$/m);
    expect(text).toMatch(/^balai_outbox_oldest_due_seconds\{instance="[^"]+"\} [\d.e+-]+$/m);
    expect(await (await fetch(`${A().url}/readyz`)).json()).toMatchObject({ status: "ready", database: "ok", redis: "ok" });
    // through the proxy: its request id comes back
    const res = await fetch(`${proxy.url}/healthz`);
    expect(res.headers.get("x-request-id")).toMatch(/^[a-f0-9]{32}$/);
  });
});

describe("a Redis that hangs", () => {
  it("holds no request: votes are stored and reach the instance's own projector, logins and limits answer", async () => {
    const session = await aQaSession(db());
    const q = await aQuestion(db(), session.id);
    const screen = await connect(A().url, null);
    data(await call(screen, "qa:join", { code: session.code, as: "screen" }));
    const p = await participant(A().url, session.code);
    const user = await aUser(db());
    redis.pause(); // the process stops: connections stay open, nothing answers
    try {
      const started = Date.now();
      const seen = next(screen, "qa:votes", (v) => v.sessionId === session.id && v.counts.some(([id, n]) => id === q.id && n === 1), 5000);
      expect(data(await call<{ voteCount: number }>(p.s, "qa:vote", { code: session.code, questionId: q.id, on: true })).voteCount).toBe(1);
      await seen;
      const login = new Client(B().url);
      await login.login(user.identifier, user.password);
      expect((await login.page("/account")).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(8000);
      // still ready (decision 8: availability), with Redis reported away
      const ready = await fetch(`${A().url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: "ready", redis: "unreachable" });
    } finally {
      redis.resume();
    }
    expect(await db().qaVote.count({ where: { questionId: q.id } })).toBe(1);
  });
});

describe("an instance killed in the middle of a session", () => {
  it("its clients recover on the others through the proxy and nothing acknowledged is lost", async () => {
    const session = await aQaSession(db());
    const questions = await Promise.all(Array.from({ length: 12 }, () => aQuestion(db(), session.id)));
    // 12 participants through nginx, spread by their load-balancer cookie
    const people = await Promise.all(
      Array.from({ length: 12 }, (_, i) => participant(proxy.url, session.code, proxy.url, `balai_lb=client-${i}-${randomBytes(3).toString("hex")}`)),
    );
    for (const p of people) p.s.on("connect", () => void call(p.s, "qa:join", { code: session.code, as: "participant" }).catch(() => undefined));
    const acked: { participant: number; questionId: number }[] = [];
    const askedIds: number[] = [];
    let stop = false;
    // every participant votes for one question after another, and asks once in a while
    const work = people.map(async (p, i) => {
      let asked = false;
      for (let n = 0; n < questions.length && !stop; n++) {
        const q = questions[(i + n) % questions.length];
        try {
          const res = await call<{ voteCount: number }>(p.s, "qa:vote", { code: session.code, questionId: q.id, on: true });
          if ("data" in res) acked.push({ participant: i, questionId: q.id });
          else n--; // not joined yet after a reconnect: try the same vote again
        } catch {
          n--; // no answer (its instance died): the client reconnects, try again
        }
        // once per participant (a failed vote sends n back to 3: do not ask the same again)
        if (n === 3 && !asked) {
          asked = true;
          const res = await call<{ question: { id: number } }>(p.s, "qa:ask", {
            code: session.code,
            text: `Pertanyaan peserta ${i} saat server berganti?`,
          }).catch(() => null);
          if (res && "data" in res) askedIds.push(res.data.question.id);
        }
        await new Promise((r) => setTimeout(r, 150));
      }
    });
    await new Promise((r) => setTimeout(r, 600));
    instances[2].process.kill("SIGKILL"); // C dies without a goodbye
    await new Promise((r) => setTimeout(r, 600));
    const drained = instances[1].stop("SIGTERM"); // B drains: stores and acknowledges, then closes
    const timeout = setTimeout(() => (stop = true), 60_000);
    await Promise.all(work);
    clearTimeout(timeout);
    expect(await drained).toBe(0);
    expect(stop).toBe(false);

    // every participant got all its votes acknowledged, on whichever instance was left
    expect(acked.length).toBe(people.length * questions.length);
    const stored = await db().qaVote.findMany({ where: { questionId: { in: questions.map((q) => q.id) } } });
    expect(stored.length).toBe(acked.length);
    for (const q of questions) expect(stored.filter((v) => v.questionId === q.id)).toHaveLength(people.length);
    expect(await db().qaQuestion.count({ where: { id: { in: askedIds } } })).toBe(askedIds.length);
    expect(askedIds.length).toBeGreaterThan(0);
    // the survivor's counts agree with the table
    const counts = await db().qaQuestion.findMany({ where: { id: { in: questions.map((q) => q.id) } }, select: { voteCount: true } });
    expect(counts.every((c) => c.voteCount === people.length)).toBe(true);
  }, 120_000);
});
