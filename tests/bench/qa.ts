// npm run bench:qa [-- --participants 5000 --seconds 20 --rate 1000 --probes 20]
//
// Starts the real server, connects N simulated participants with socket.io-client to
// one Q&A session, drives ~1,000 votes/s plus timestamped probe votes at a fixed rate,
// and measures vote-to-visible latency over all receivers, delivery and server CPU.
// Then the baseline, in its own process (tests/bench/bare-qa-server.ts), with the same
// number of connections: the same votes in, counted in memory, one same-shape count
// message per tick. A run where the load generator fell behind its own schedule is rejected.
import { createCookie } from "@remix-run/node";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Socket } from "socket.io-client";
import { openDatabase } from "~/db/client.server";
import type { AckResponse } from "~/realtime/contract";
import { aParticipant, aQaSession, aQuestion } from "../../prisma/builders";
import { QA_COOKIE } from "~/utils/qa-cookie.server";
import buildApp from "../support/build";
import { startServer } from "../support/server";
import { numberArg } from "./args";
import { startBare } from "./bare";
import { joinedParticipant } from "./participant";
import { QA_LOAD } from "./qa-load";

const N = numberArg("participants", QA_LOAD.participants);
const SECONDS = numberArg("seconds", 20);
const RATE = numberArg("rate", QA_LOAD.votesPerSecond);
const PROBES_PER_S = numberArg("probes", QA_LOAD.probesPerSecond);
const TICK_MS = numberArg("tick", 150);
const QUESTIONS = QA_LOAD.questions;
const SECRET = "bench-secret-bench-secret-bench-secret-01";

type Phase = "app" | "baseline";

function cpuSeconds(pid: number): number {
  // /proc/<pid>/stat: fields 14 and 15 are utime and stime in clock ticks (after the ")" of the command)
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
  console.log(`bench:qa: ${N} participants, ${RATE} votes/s + ${PROBES_PER_S} probes/s, ${SECONDS} s per phase, tick ${TICK_MS} ms`);
  if (!process.env.BALAI_BENCH_SKIP_BUILD) {
    process.stdout.write("building… ");
    buildApp();
    console.log("done");
  }
  const server = await startServer({
    env: {
      // a test server whatever NODE_ENV the shell has (the libraries' production builds
      // all the same, unless NODE_ENV=development)
      NODE_ENV: "test",
      SESSION_SECRET: SECRET,
      QA_VOTE_TICK_MS: String(TICK_MS),
      QA_RATE_LIMIT_IP_VOTES: "100000000",
      QA_RATE_LIMIT_IP_ASKS: "100000000",
      ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
    },
  });
  let pid = server.process.pid!;
  const database = await openDatabase(server.databaseUrl);
  const db = database.db;

  // one session with published questions and one probe question
  const session = await aQaSession(db, {
    code: `BENCH${Math.floor(Math.random() * 900 + 100)}`,
    event: { title: "Bench", startsAt: new Date(), endsAt: new Date(Date.now() + 3_600_000) },
  });
  const asker = await aParticipant(db, { id: "bench-asker-000000" });
  const questionIds: number[] = [];
  for (let i = 0; i < QUESTIONS + 4; i++) {
    const q = await aQuestion(db, session.id, { participantId: asker.id, text: `Pertanyaan uji nomor ${i + 1}` });
    questionIds.push(q.id);
  }
  // a fresh probe question for each run (warm-ups included), so its count k means "probes 1..k arrived"
  const probeIds = questionIds.slice(QUESTIONS);
  let probeQuestion = 0;
  const loadQuestions = questionIds.slice(0, QUESTIONS);
  const code = session.code;

  // participants: each with its own signed cookie, as a browser that opened /qa/CODE
  const cookie = createCookie(QA_COOKIE, { secrets: [SECRET], path: "/" });
  // receivers: the probe question's count k means probes 1..k are visible
  const sendTimes: number[] = [];
  const lastSeen = new Int32Array(N);
  let latencies: number[] = [];
  let delivered = 0;
  const onCounts = (i: number) => (payload: { counts: [number, number][] }) => {
    const now = performance.now();
    const probeId = probeQuestion;
    for (const [id, count] of payload.counts) {
      if (id !== probeId) continue;
      for (let k = lastSeen[i] + 1; k <= count && k <= sendTimes.length; k++) {
        latencies.push(now - sendTimes[k - 1]);
        delivered++;
      }
      if (count > lastSeen[i]) lastSeen[i] = Math.min(count, sendTimes.length);
    }
  };
  let packets = 0;
  let bytes = 0;
  async function connectAll(url: string): Promise<Socket[]> {
    const sockets: Socket[] = new Array(N);
    process.stdout.write(`connecting ${N} participants… `);
    const t0 = performance.now();
    for (let start = 0; start < N; start += 200) {
      await Promise.all(
        Array.from({ length: Math.min(200, N - start) }, async (_, j) => {
          const i = start + j;
          const header = await cookie.serialize(`bench-participant-${String(i).padStart(6, "0")}`);
          const s = await joinedParticipant(url, header.split(";")[0], code);
          sockets[i] = s;
          s.on("qa:votes", (p) => onCounts(i)(p));
          if (process.env.BENCH_DEBUG)
            s.io.engine.on("packet", (p: { data?: unknown }) => {
              packets++;
              bytes += typeof p.data === "string" ? p.data.length : 0;
            });
        }),
      );
    }
    console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return sockets;
  }

  const voted = new Uint8Array(N * QUESTIONS);
  const loop = monitorEventLoopDelay({ resolution: 10 });

  async function runPhase(which: Phase, measured: boolean, seconds: number) {
    probeQuestion = probeIds.shift()!;
    sendTimes.length = 0;
    lastSeen.fill(0);
    latencies = [];
    delivered = 0;
    let sent = 0;
    let acked = 0;
    let errors = 0;
    let cursor = 0;
    let probeLag = 0;
    let lateProbes = 0;
    const probeVoters = new Set<number>();
    if (measured && process.env.BENCH_PROFILE) process.kill(pid, "SIGUSR2"); // with a profiler preloaded (BENCH_SERVER_NODE_OPTIONS)
    const cpu0 = cpuSeconds(pid);
    const start = performance.now();
    loop.reset();
    loop.enable();
    const end = start + seconds * 1000;
    const ack = (res: AckResponse<unknown>) => {
      acked++;
      if (!res || "error" in res) errors++;
    };
    // probes: a fixed schedule (one every `interval` ms), each from a participant that has not
    // voted for this run's probe question yet; a probe sent later than one interval after its
    // scheduled time means the generator fell behind (the run is then rejected)
    const interval = 1000 / PROBES_PER_S;
    let k = 0;
    // load: RATE votes/s in 10 ms slices, participants round-robin, random question, toggling
    const load = setInterval(() => {
      const now = performance.now();
      const dueProbes = Math.floor((now - start) / interval);
      while (k < dueProbes) {
        const lag = now - (start + (k + 1) * interval);
        probeLag = Math.max(probeLag, lag);
        if (lag > interval) lateProbes++;
        const i = (k * 7919) % N;
        probeVoters.add(i);
        k++;
        sendTimes.push(now);
        sockets[i].emit("qa:vote", { code, questionId: probeQuestion, on: true }, ack);
        sent++;
      }
      const due = Math.floor(((now - start) / 1000) * RATE);
      while (sent < due) {
        const i = cursor++ % N;
        const qi = Math.floor(Math.random() * QUESTIONS);
        const key = i * QUESTIONS + qi;
        const on = voted[key] === 0;
        voted[key] = on ? 1 : 0;
        sockets[i].emit("qa:vote", { code, questionId: loadQuestions[qi], on }, ack);
        sent++;
      }
    }, 10);
    while (performance.now() < end) await sleep(100);
    clearInterval(load);
    const wall = (performance.now() - start) / 1000;
    const cpu = (cpuSeconds(pid) - cpu0) / wall;
    if (process.env.BENCH_DEBUG) console.log(`  ${which}: ${packets} packets, ${bytes} bytes received`);
    packets = 0;
    bytes = 0;
    if (measured && process.env.BENCH_PROFILE) process.kill(pid, "SIGUSR2");
    loop.disable();
    await sleep(Math.max(2000, TICK_MS * 5)); // drain
    if (!measured) return null;
    const sorted = Float64Array.from(latencies).sort();
    return {
      probes: k,
      expected: k * N,
      delivered,
      delivery: (delivered / (k * N)) * 100,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      cpu: cpu * 100,
      votesPerS: (sent - k) / wall,
      acked,
      sent,
      errors,
      probeLag,
      lateProbes,
      loopP99: loop.percentile(99) / 1e6,
    };
  }

  // each probe voter is distinct within a run (k * 7919 mod N)
  if (Math.ceil(SECONDS * PROBES_PER_S) + Math.ceil(3 * PROBES_PER_S) > N) throw new Error("not enough participants for distinct probe voters");
  let sockets = await connectAll(server.url);
  console.log("warm-up (app)…");
  await runPhase("app", false, 3);
  console.log("measuring the application…");
  const app = (await runPhase("app", true, SECONDS))!;
  for (const s of sockets) s.close();
  await database.close();
  await server.stop();

  // the baseline: a bare Socket.IO server in its own process, nothing of Balai's in it
  const bare = await startBare("bare-qa-server.ts", TICK_MS);
  pid = bare.pid;
  voted.fill(0);
  sockets = await connectAll(bare.url);
  console.log("warm-up (baseline)…");
  await runPhase("baseline", false, 3);
  console.log("measuring the bare Socket.IO baseline…");
  const base = (await runPhase("baseline", true, SECONDS))!;
  for (const s of sockets) s.close();
  bare.stop();

  const row = (label: string, r: typeof app) =>
    `${label.padEnd(9)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  delivery ${r.delivery.toFixed(2)}% (${r.delivered}/${r.expected})  server CPU ${r.cpu.toFixed(1)}%  votes ${r.votesPerS.toFixed(0)}/s  errors ${r.errors}  generator lag max ${r.probeLag.toFixed(0)} ms, loop p99 ${r.loopP99.toFixed(0)} ms`;
  console.log("");
  console.log(row("app", app));
  console.log(row("baseline", base));
  const saturated = [app, base].some((r) => r.lateProbes > r.probes * 0.01 || r.votesPerS < RATE * 0.95 || r.acked < r.sent * 0.99);
  if (saturated) {
    console.error("REJECTED: the load generator itself saturated (probes not sent on schedule, or the vote rate or acknowledgements fell short).");
    process.exitCode = 2;
  }
  console.log("");
  console.log(`participants: ${N}`);
  console.log(`votes per second (app): ${app.votesPerS.toFixed(0)}`);
  console.log(`p50 (app, ms): ${app.p50.toFixed(1)}`);
  console.log(`p99 (app, ms): ${app.p99.toFixed(1)}`);
  console.log(`p50 (baseline, ms): ${base.p50.toFixed(1)}`);
  console.log(`p99 (baseline, ms): ${base.p99.toFixed(1)}`);
  console.log(`delivery (app): ${app.delivery.toFixed(2)}%`);
  console.log(`delivery (baseline): ${base.delivery.toFixed(2)}%`);
  console.log(`server CPU (app): ${app.cpu.toFixed(1)}%`);
  console.log(`server CPU (baseline): ${base.cpu.toFixed(1)}%`);
  console.log(`p50 ratio (app/baseline): ${(app.p50 / base.p50).toFixed(2)}`);
  console.log(`p99 ratio (app/baseline): ${(app.p99 / base.p99).toFixed(2)}`);
  console.log(`CPU ratio (app/baseline): ${(app.cpu / base.cpu).toFixed(2)}`);
  console.log(`run: ${saturated ? "rejected (load generator saturated)" : "valid"}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
