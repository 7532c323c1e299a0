// npm run bench:poll [-- --participants 2000 --seconds 10 --projectors 3 --tick 150]
//
// Starts the real server,
// connects N simulated participants (one signed participant cookie each) and a few
// projectors to one Q&A session, and lets every participant answer an open poll
// once within the window, spread evenly. Measures answer-to-projector latency
// (from sending an answer to the first `poll:results` at a projector whose
// watermark `through` includes the answer's stored id), delivery (answers
// acknowledged and seen by every projector) and the server's CPU. Then, in its own
// process (tests/bench/bare-poll-server.ts), the bare Socket.IO baseline with the same
// number of connections: the same answers in, counted in memory, a same-size results
// broadcast per tick. A run where the load generator
// fell behind its own schedule is rejected (the figures are printed anyway).
import { createCookie } from "@remix-run/node";
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { openDatabase } from "~/db/client.server";
import type { AckResponse, PollResultsMessage } from "~/realtime/contract";
import { QA_COOKIE } from "~/utils/qa-cookie.server";
import { aPoll, aQaSession } from "../../prisma/builders";
import buildApp from "../support/build";
import { startServer } from "../support/server";
import { numberArg } from "./args";
import { startBare } from "./bare";

const N = numberArg("participants", 2000);
const SECONDS = numberArg("seconds", 10);
const PROJECTORS = numberArg("projectors", 3);
const TICK_MS = numberArg("tick", 150);
const WARMUP = Math.min(300, N);
const SECRET = "bench-secret-bench-secret-bench-secret-01";

type Phase = "app" | "baseline";

function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  console.log(`bench:poll: ${N} participants answering within ${SECONDS} s, ${PROJECTORS} projectors, tick ${TICK_MS} ms`);
  if (!process.env.BALAI_BENCH_SKIP_BUILD) {
    process.stdout.write("building… ");
    buildApp();
    console.log("done");
  }
  const server = await startServer({
    env: { NODE_ENV: "test", SESSION_SECRET: SECRET, QA_VOTE_TICK_MS: String(TICK_MS) },
  });
  let pid = server.process.pid!;
  const database = await openDatabase(server.databaseUrl);
  const db = database.db;
  const session = await aQaSession(db, {
    code: `POLL${Math.floor(Math.random() * 900 + 100)}`,
    event: { title: "Bench poll", startsAt: new Date(), endsAt: new Date(Date.now() + 3_600_000) },
  });
  const code = session.code;

  const cookie = createCookie(QA_COOKIE, { secrets: [SECRET], path: "/" });
  const join = (s: Socket, as: "participant" | "screen") =>
    new Promise<void>((resolve, reject) =>
      s.emit("qa:join", { code, as }, (res: AckResponse<unknown>) => ("error" in res ? reject(new Error(`qa:join refused: ${res.error.code}`)) : resolve())),
    );
  const open = (url: string, header?: string) =>
    new Promise<Socket>((resolve, reject) => {
      const s = io(url, { transports: ["websocket"], extraHeaders: header ? { Cookie: header } : {}, reconnection: false });
      s.once("connect", () => resolve(s));
      s.once("connect_error", reject);
    });

  // what each projector saw: (arrival time, watermark) of the current poll's results
  let phase: Phase = "app";
  let watchedPoll = 0;
  const arrivals: { at: number; through: number }[][] = Array.from({ length: PROJECTORS }, () => []);
  let lastAnswers = arrivals.map(() => 0);

  /** N participants (each with its signed participant cookie) and the projectors, joined to the session on `url` */
  async function connectRoom(url: string, which: Phase) {
    process.stdout.write(`connecting ${N} participants and ${PROJECTORS} projectors (${which})… `);
    const t0 = performance.now();
    const sockets: Socket[] = new Array(N);
    for (let start = 0; start < N; start += 200) {
      await Promise.all(
        Array.from({ length: Math.min(200, N - start) }, async (_, j) => {
          const i = start + j;
          const header = (await cookie.serialize(`bench-participant-${String(i).padStart(6, "0")}`)).split(";")[0];
          sockets[i] = await open(url, header);
          await join(sockets[i], "participant");
        }),
      );
    }
    const projectors = await Promise.all(Array.from({ length: PROJECTORS }, () => open(url)));
    for (const p of projectors) await join(p, "screen");
    console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    projectors.forEach((p, j) => {
      p.on(which === "app" ? "poll:results" : "bench:poll", (m: PollResultsMessage) => {
        if (phase !== which) return;
        const r = m.results.find((x) => x.pollId === watchedPoll);
        if (!r) return;
        arrivals[j].push({ at: performance.now(), through: m.through });
        lastAnswers[j] = Math.max(lastAnswers[j], r.answers);
      });
    });
    return { sockets, projectors };
  }
  let { sockets, projectors } = await connectRoom(server.url, "app");
  const loop = monitorEventLoopDelay({ resolution: 10 });

  async function runPhase(which: Phase, pollId: number, optionIds: number[], count: number, seconds: number) {
    phase = which;
    watchedPoll = pollId;
    arrivals.forEach((a) => (a.length = 0));
    lastAnswers = arrivals.map(() => 0);
    const event = which === "app" ? "poll:answer" : "bench:answer";
    const sendAt = new Float64Array(count);
    const answerId = new Float64Array(count).fill(-1);
    let errors = 0;
    let firstError = "";
    let acked = 0;
    let late = 0;
    let maxLag = 0;
    const interval = (seconds * 1000) / count;
    const cpu0 = cpuSeconds(pid);
    loop.reset();
    loop.enable();
    const start = performance.now();
    let k = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      const due = Math.min(count, Math.floor((now - start) / interval) + 1);
      while (k < due) {
        const lag = now - (start + k * interval);
        maxLag = Math.max(maxLag, lag);
        if (lag > Math.max(interval, 20)) late++;
        const i = k;
        sendAt[i] = now;
        sockets[i].emit(event, { code, pollId, optionIds: [optionIds[i % optionIds.length]] }, (res: AckResponse<{ answerId: number }>) => {
          acked++;
          if ("error" in res) {
            errors++;
            firstError ||= `${res.error.code} ${res.error.messageKey}`;
          } else answerId[i] = res.data.answerId;
        });
        k++;
      }
    }, 5);
    while (k < count) await sleep(50);
    clearInterval(timer);
    const wall = (performance.now() - start) / 1000;
    await sleep(Math.max(2000, TICK_MS * 6)); // drain
    const cpu = ((cpuSeconds(pid) - cpu0) / (performance.now() - start)) * 1000 * 100;
    loop.disable();
    // latency over every (answer, projector) pair: the first results message whose watermark includes the answer
    const latencies: number[] = [];
    let delivered = 0;
    for (let j = 0; j < projectors.length; j++) {
      const seen = arrivals[j];
      for (let i = 0; i < count; i++) {
        if (answerId[i] < 0) continue;
        const hit = seen.find((a) => a.through >= answerId[i] && a.at >= sendAt[i]);
        if (!hit) continue;
        delivered++;
        latencies.push(hit.at - sendAt[i]);
      }
    }
    const sorted = Float64Array.from(latencies).sort();
    return {
      count,
      expected: count * projectors.length,
      delivered,
      delivery: (delivered / (count * projectors.length)) * 100,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      cpu,
      answersPerS: count / wall,
      acked,
      errors,
      firstError,
      late,
      maxLag,
      loopP99: loop.percentile(99) / 1e6,
      projectorAnswers: Math.min(...lastAnswers),
    };
  }

  const warm = await aPoll(db, session.id, { status: "open", question: "Pemanasan?", options: ["Ya", "Tidak"] });
  console.log(`warm-up (app, ${WARMUP} answers)…`);
  await runPhase(
    "app",
    warm.id,
    warm.options.map((o) => o.id),
    WARMUP,
    2,
  );
  // the measured poll: opened the way a moderator's "open" leaves it (the warm-up closed)
  await db.qaPoll.update({ where: { id: warm.id }, data: { status: "closed", closedAt: new Date() } });
  const poll = await aPoll(db, session.id, { status: "open", question: "Siapa yang sudah pernah memakai JAKI?", options: ["Sudah", "Belum", "Belum tahu"] });
  console.log("measuring the application…");
  const app = await runPhase(
    "app",
    poll.id,
    poll.options.map((o) => o.id),
    N,
    SECONDS,
  );
  const stored = await db.qaPollAnswer.count({ where: { pollId: poll.id } });
  for (const s of sockets) s.close();
  for (const p of projectors) p.close();
  await database.close();
  await server.stop();

  // the baseline: a bare Socket.IO server in its own process, nothing of Balai's in it
  const bare = await startBare("bare-poll-server.ts", TICK_MS);
  pid = bare.pid;
  ({ sockets, projectors } = await connectRoom(bare.url, "baseline"));
  console.log(`warm-up (baseline, ${WARMUP} answers)…`);
  await runPhase("baseline", 900_000_001, [1, 2], WARMUP, 2);
  console.log("measuring the bare Socket.IO baseline…");
  const base = await runPhase("baseline", 900_000_002, [1, 2, 3], N, SECONDS);

  for (const s of sockets) s.close();
  for (const p of projectors) p.close();
  bare.stop();

  const row = (label: string, r: typeof app) =>
    `${label.padEnd(9)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  delivery ${r.delivery.toFixed(2)}% (${r.delivered}/${r.expected})  server CPU ${r.cpu.toFixed(1)}%  answers ${r.answersPerS.toFixed(0)}/s  errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ""}  generator lag max ${r.maxLag.toFixed(0)} ms, late ${r.late}, loop p99 ${r.loopP99.toFixed(0)} ms`;
  console.log("");
  console.log(row("app", app));
  console.log(row("baseline", base));
  console.log(`answers stored (app): ${stored}/${N}; the projectors' last count: ${app.projectorAnswers}`);
  const saturated = [app, base].some((r) => r.late > r.count * 0.01 || r.acked < r.count * 0.99 || r.loopP99 > 200);
  if (saturated) {
    console.error("REJECTED: the load generator itself saturated (answers not sent on schedule, acknowledgements missing, or its event loop stalled).");
    process.exitCode = 2;
  }
  console.log("");
  console.log(`participants: ${N}`);
  console.log(`poll p50 (app, ms): ${app.p50.toFixed(1)}`);
  console.log(`poll p99 (app, ms): ${app.p99.toFixed(1)}`);
  console.log(`poll p50 (baseline, ms): ${base.p50.toFixed(1)}`);
  console.log(`poll p99 (baseline, ms): ${base.p99.toFixed(1)}`);
  console.log(`server CPU (app): ${app.cpu.toFixed(1)}%`);
  console.log(`server CPU (baseline): ${base.cpu.toFixed(1)}%`);
  console.log(`poll delivery (baseline): ${base.delivery.toFixed(2)}%`);
  console.log(`poll p99 ratio (app/baseline): ${(app.p99 / base.p99).toFixed(2)}`);
  console.log(`poll delivery: ${app.delivery.toFixed(2)}%`);
  console.log(`run: ${saturated ? "rejected (load generator saturated)" : "valid"}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
