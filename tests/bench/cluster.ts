// npm run bench:cluster [-- --participants 2000 --seconds 15 --warmup 20 --rate 1000 --probes 20 --instances 3 --repeat 5 --send-every 1]
//
// The live Q&A benchmark over the scaled-out shape, in one run:
//   single:  one Balai instance (no Redis: the in-memory adapter) behind nginx;
//   cluster: three instances on Redis (the Streams adapter) behind nginx, the
//            participants spread over them by their load-balancer cookie.
// The load is bench:qa's (tests/bench/qa-load.ts): one busy room.
// Both on the same throw-away PostgreSQL, with the same participants, vote rate and
// timestamped probe votes. A probe is a vote by one participant for the phase's probe
// question; it is "visible" to a participant when a qa:votes broadcast it received
// counts it. Printed per phase: delivery (probes seen by every participant, on every
// instance), p50/p99 vote-to-visible latency, the server side's CPU (every process this
// bench started: Balai, Redis, nginx, PostgreSQL) and CPU per delivered message (CPU
// seconds over probe deliveries; the same load in both phases), then the ratios. The
// load generator runs in this process; a run where it fell behind its own schedule
// (late probes, vote rate or acknowledgements short) is rejected (exit code 2).
import { createCookie } from "@remix-run/node";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import type { Socket } from "socket.io-client";
import { openDatabase } from "~/db/client.server";
import type { AckResponse } from "~/realtime/contract";
import { QA_COOKIE } from "~/utils/qa-cookie.server";
import { aParticipant, aQaSession, aQuestion } from "../../prisma/builders";
import {
  buildApp,
  createDatabase,
  ensurePackages,
  freePort,
  migrateOnce,
  startInstance,
  startNginx,
  startPostgres,
  startRedis,
  type Instance,
  type Service,
} from "../cluster/cluster";
import { numberArg } from "./args";
import { joinedParticipant } from "./participant";
import { QA_LOAD } from "./qa-load";

const N = numberArg("participants", QA_LOAD.participants);
const SECONDS = numberArg("seconds", 15);
const RATE = numberArg("rate", QA_LOAD.votesPerSecond);
const PROBES_PER_S = numberArg("probes", QA_LOAD.probesPerSecond);
const INSTANCES = numberArg("instances", 3);
// Runs of the same code on this machine spread by about ±0.2 in the CPU ratio (three
// instances and their neighbours sharing two cores, on a host whose speed varies): each
// pair of phases is run this many times and the figures are the medians (delivery: the
// worst run).
const REPEAT = numberArg("repeat", 5);
// Each phase starts fresh processes; V8 compiles the hot paths in each of them, and an
// instance with a third of the load gets there later. Measured before that, the cluster
// pays its JIT warm-up (a quarter of its CPU in TurboFan) and not the adapter.
const WARMUP_SECONDS = numberArg("warmup", 20);
// How often the load generator looks at its schedule: every vote due goes out then.
// Phones vote independently, each at its own moment; a coarse period sends the due votes
// in bursts, which one instance serves several to a wake-up and three instances one each.
const SEND_EVERY_MS = numberArg("send-every", 1);
const TICK_MS = 150;
const QUESTIONS = QA_LOAD.questions;
const SECRET = "bench-cluster-secret-bench-cluster-secret";
const METRICS_TOKEN = "bench-cluster-metrics-token";
const TICKS_PER_S = 100; // /proc/<pid>/stat clock ticks (USER_HZ)

type Phase = "single" | "cluster";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every process started from this one (instances, Redis, nginx and its workers, PostgreSQL and its backends). */
function descendants(): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* gone meanwhile */
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [child, p] of parent) {
      if (p !== pid) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(process.pid);
  return out;
}

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

const KINDS = ["node", "postgres", "redis", "nginx"] as const;
type Kind = (typeof KINDS)[number] | "other";

function kindOf(pid: number): Kind {
  try {
    const comm = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    return KINDS.find((k) => comm.startsWith(k)) ?? "other";
  } catch {
    return "other";
  }
}

/** CPU seconds used by the given processes (and by processes that appeared meanwhile) since this call, by kind of process (Balai is "node"). */
function cpuByKind(pids: () => number[]) {
  const kinds = new Map<number, Kind>();
  const start = new Map(pids().map((p) => [p, cpuTicks(p)]));
  for (const p of start.keys()) kinds.set(p, kindOf(p));
  return () => {
    const out = new Map<Kind, number>();
    for (const p of new Set([...start.keys(), ...pids()])) {
      const kind = kinds.get(p) ?? kindOf(p);
      out.set(kind, (out.get(kind) ?? 0) + Math.max(0, cpuTicks(p) - (start.get(p) ?? 0)) / TICKS_PER_S);
    }
    return out;
  };
}

const total = (byKind: Map<Kind, number>) => [...byKind.values()].reduce((sum, seconds) => sum + seconds, 0);

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function openSockets(instance: Instance): Promise<number> {
  const res = await fetch(`${instance.url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  const line = (await res.text()).split("\n").find((l) => l.startsWith("balai_open_sockets"));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

async function main() {
  console.log(
    `bench:cluster: ${N} participants, ${RATE} votes/s + ${PROBES_PER_S} probes/s, ${SECONDS} s per phase; 1 instance, then ${INSTANCES} on Redis, behind nginx`,
  );
  if (Math.ceil((SECONDS + 3) * PROBES_PER_S) > N) throw new Error("not enough participants for distinct probe voters");
  ensurePackages();
  if (!process.env.BALAI_BENCH_SKIP_BUILD) {
    process.stdout.write("building… ");
    buildApp();
    console.log("done");
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "balai-bench-cluster-"));
  chmodSync(dir, 0o755);
  const stops: (() => Promise<unknown>)[] = [];
  try {
    const pg: Service | null = process.env.TEST_DATABASE_URL ? null : await startPostgres(dir);
    if (pg) stops.push(pg.stop);
    const redis = await startRedis(dir);
    stops.push(redis.stop);
    const databaseUrl = await createDatabase(process.env.TEST_DATABASE_URL ?? pg!.url);
    migrateOnce(databaseUrl, false);
    const uploadDir = path.join(dir, "uploads");
    mkdirSync(uploadDir, { recursive: true });
    const database = await openDatabase(databaseUrl);
    stops.unshift(() => database.close());
    const db = database.db;
    const env = {
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      METRICS_TOKEN,
      BALAI_JOBS: "0",
      QA_VOTE_TICK_MS: String(TICK_MS),
      QA_RATE_LIMIT_IP_VOTES: "100000000",
      QA_RATE_LIMIT_IP_ASKS: "100000000",
    };
    // BALAI_BENCH_CPU_PROF=<dir>: every instance writes a V8 CPU profile there when it stops
    const profileDir = process.env.BALAI_BENCH_CPU_PROF;
    const nodeArgs = [
      ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : []),
      // BALAI_BENCH_NODE_ARGS="--flag …": Node options for every instance of both phases
      ...(process.env.BALAI_BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean),
    ];
    const cookie = createCookie(QA_COOKIE, { secrets: [SECRET], path: "/" });
    const loop = monitorEventLoopDelay({ resolution: 10 });

    async function runTopology(which: Phase, run: number) {
      const count = which === "single" ? 1 : INSTANCES;
      const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
      const instances = await Promise.all(
        ports.map((port) =>
          startInstance({
            databaseUrl,
            redisUrl: which === "single" ? "" : redis.url,
            dataDir: dir,
            uploadDir,
            sessionSecret: SECRET,
            port,
            env,
            nodeArgs,
          }),
        ),
      );
      const nginxDir = path.join(dir, `nginx-${which}`);
      mkdirSync(nginxDir, { recursive: true });
      const proxy = await startNginx(nginxDir, await freePort(), ports);

      const session = await aQaSession(db, {
        code: `BC${which === "single" ? 1 : 3}${run}${Math.floor(Math.random() * 9000 + 1000)}`,
        event: { title: "Bench", startsAt: new Date(), endsAt: new Date(Date.now() + 3_600_000) },
      });
      const asker = await aParticipant(db, { id: `bench-asker-${which}-${run}` });
      const questionIds: number[] = [];
      for (let i = 0; i < QUESTIONS + 2; i++)
        questionIds.push((await aQuestion(db, session.id, { participantId: asker.id, text: `Pertanyaan uji ${i + 1}` })).id);
      const loadQuestions = questionIds.slice(0, QUESTIONS);
      const probeIds = questionIds.slice(QUESTIONS);
      const code = session.code;

      process.stdout.write(`${which}: connecting ${N} participants through nginx… `);
      const sockets: Socket[] = new Array(N);
      for (let start = 0; start < N; start += 100) {
        await Promise.all(
          Array.from({ length: Math.min(100, N - start) }, async (_, j) => {
            const i = start + j;
            const qa = (await cookie.serialize(`bench-${which}-${String(i).padStart(6, "0")}`)).split(";")[0];
            const s = await joinedParticipant(proxy.url, `${qa}; balai_lb=bench-${i}`, code);
            sockets[i] = s;
          }),
        );
      }
      const spread = await Promise.all(instances.map(openSockets));
      console.log(`done (per instance: ${spread.join(", ")})`);

      const sendTimes: number[] = [];
      const lastSeen = new Int32Array(N);
      let latencies: number[] = [];
      let delivered = 0;
      let broadcasts = 0;
      let probeQuestion = 0;
      sockets.forEach((s, i) =>
        s.on("qa:votes", (payload: { counts: [number, number][] }) => {
          broadcasts++;
          const now = performance.now();
          for (const [id, n] of payload.counts) {
            if (id !== probeQuestion) continue;
            for (let k = lastSeen[i] + 1; k <= n && k <= sendTimes.length; k++) {
              latencies.push(now - sendTimes[k - 1]);
              delivered++;
            }
            if (n > lastSeen[i]) lastSeen[i] = Math.min(n, sendTimes.length);
          }
        }),
      );
      const voted = new Uint8Array(N * QUESTIONS);

      async function phase(measured: boolean, seconds: number) {
        probeQuestion = probeIds.shift()!;
        sendTimes.length = 0;
        lastSeen.fill(0);
        latencies = [];
        delivered = 0;
        broadcasts = 0;
        let sent = 0;
        let acked = 0;
        let errors = 0;
        const errorKinds = new Map<string, number>();
        let cursor = 0;
        let probeLag = 0;
        let lateProbes = 0;
        let k = 0;
        const serverCpu = cpuByKind(descendants);
        const balaiCpu = cpuByKind(() => instances.map((i) => i.process.pid!));
        const ownCpu0 = process.cpuUsage();
        const start = performance.now();
        loop.reset();
        loop.enable();
        const ack = (res: AckResponse<unknown>) => {
          acked++;
          if (!res || "error" in res) {
            errors++;
            const kind = res ? JSON.stringify(res.error) : "no answer";
            errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
          }
        };
        const interval = 1000 / PROBES_PER_S;
        const load = setInterval(() => {
          const now = performance.now();
          const dueProbes = Math.floor((now - start) / interval);
          while (k < dueProbes) {
            const lag = now - (start + (k + 1) * interval);
            probeLag = Math.max(probeLag, lag);
            if (lag > interval) lateProbes++;
            const i = (k * 7919) % N; // distinct within a phase (7919 is prime)
            k++;
            sendTimes.push(now);
            sockets[i].emit("qa:vote", { code, questionId: probeQuestion, on: true }, ack);
            sent++;
          }
          const due = Math.floor(((now - start) / 1000) * RATE);
          while (sent - k < due) {
            const i = cursor++ % N;
            const qi = Math.floor(Math.random() * QUESTIONS);
            const key = i * QUESTIONS + qi;
            const on = voted[key] === 0;
            voted[key] = on ? 1 : 0;
            sockets[i].emit("qa:vote", { code, questionId: loadQuestions[qi], on }, ack);
            sent++;
          }
        }, SEND_EVERY_MS);
        while (performance.now() < start + seconds * 1000) await sleep(100);
        clearInterval(load);
        const wall = (performance.now() - start) / 1000;
        loop.disable();
        await sleep(Math.max(2500, TICK_MS * 10)); // the last ticks arrive
        const byKind = serverCpu();
        const cpu = total(byKind);
        const balai = total(balaiCpu());
        const own = process.cpuUsage(ownCpu0);
        if (!measured) return null;
        const sorted = Float64Array.from(latencies).sort();
        return {
          probes: k,
          expected: k * N,
          delivered,
          delivery: (delivered / (k * N)) * 100,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          cpuPercent: (cpu / wall) * 100,
          balaiPercent: (balai / wall) * 100,
          cpuPerDeliveredUs: (cpu / Math.max(1, delivered)) * 1e6,
          balaiPerDeliveredUs: (balai / Math.max(1, delivered)) * 1e6,
          broadcasts,
          votesPerS: (sent - k) / wall,
          sent,
          acked,
          errors,
          errorKinds,
          probeLag,
          lateProbes,
          generatorPercent: ((own.user + own.system) / 1e6 / wall) * 100,
          loopP99: loop.percentile(99) / 1e6,
          // percent of one core, by kind of process
          byKind: new Map([...byKind].map(([kind, seconds]) => [kind, (seconds / wall) * 100])),
        };
      }

      console.log(`${which}: warm-up…`);
      await phase(false, WARMUP_SECONDS);
      console.log(`${which}: measuring ${SECONDS} s…`);
      const result = (await phase(true, SECONDS))!;
      for (const s of sockets) s.close();
      await proxy.stop();
      await Promise.all(instances.map((i) => i.stop()));
      return { ...result, spread };
    }

    type Result = Awaited<ReturnType<typeof runTopology>>;
    const row = (label: string, r: Result) =>
      `${label.padEnd(10)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  delivery ${r.delivery.toFixed(2)}% (${r.delivered}/${r.expected})  ` +
      `server CPU ${r.cpuPercent.toFixed(0)}% (Balai ${r.balaiPercent.toFixed(0)}%)  ${r.cpuPerDeliveredUs.toFixed(1)} µs/delivered (Balai ${r.balaiPerDeliveredUs.toFixed(1)})  ` +
      `votes ${r.votesPerS.toFixed(0)}/s  errors ${r.errors}${r.errors ? ` (${[...r.errorKinds].map(([k, n]) => `${n}× ${k}`).join(", ")})` : ""}  broadcasts received ${r.broadcasts}  generator CPU ${r.generatorPercent.toFixed(0)}%, lag max ${r.probeLag.toFixed(0)} ms, loop p99 ${r.loopP99.toFixed(0)} ms  by process: ${[...r.byKind].map(([k, p]) => `${k} ${p.toFixed(1)}%`).join(", ")}`;
    const runs: { single: Result; cluster: Result }[] = [];
    for (let i = 1; i <= REPEAT; i++) {
      console.log(`run ${i} of ${REPEAT}`);
      const single = await runTopology("single", i);
      const cluster = await runTopology("cluster", i);
      runs.push({ single, cluster });
      console.log(row(`single ${i}`, single));
      console.log(row(`cluster ${i}`, cluster));
      console.log(
        `run ${i}: cpu per delivered message ratio ${(cluster.cpuPerDeliveredUs / single.cpuPerDeliveredUs).toFixed(2)} (Balai ${(cluster.balaiPerDeliveredUs / single.balaiPerDeliveredUs).toFixed(2)})`,
      );
    }
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    };
    const of = (which: Phase, figure: (r: Result) => number) => median(runs.map((r) => figure(r[which])));
    const ratio = (figure: (r: Result) => number) => median(runs.map((r) => figure(r.cluster) / figure(r.single)));
    const worstDelivery = (which: Phase) => Math.min(...runs.map((r) => r[which].delivery));
    const saturated = runs.some((run) =>
      [run.single, run.cluster].some((r) => r.lateProbes > r.probes * 0.01 || r.votesPerS < RATE * 0.95 || r.acked < r.sent * 0.99),
    );
    if (saturated) {
      console.error("REJECTED: the load generator itself saturated (probes not sent on schedule, or the vote rate or acknowledgements fell short).");
      process.exitCode = 2;
    }
    const ratios = runs.map((r) => (r.cluster.cpuPerDeliveredUs / r.single.cpuPerDeliveredUs).toFixed(2));
    console.log("");
    console.log(`participants: ${N} (cluster spread: ${runs.at(-1)!.cluster.spread.join(" / ")})`);
    console.log(`votes per second: ${RATE}`);
    console.log(`runs: ${REPEAT} (figures below: medians; delivery: the worst run)`);
    console.log(`cpu per delivered message ratio per run: ${ratios.join(", ")}`);
    console.log(`p50 vote-to-visible (single, ms): ${of("single", (r) => r.p50).toFixed(1)}`);
    console.log(`p99 vote-to-visible (single, ms): ${of("single", (r) => r.p99).toFixed(1)}`);
    console.log(`p50 vote-to-visible (cluster, ms): ${of("cluster", (r) => r.p50).toFixed(1)}`);
    console.log(`p99 vote-to-visible (cluster, ms): ${of("cluster", (r) => r.p99).toFixed(1)}`);
    console.log(`cpu per delivered message (single, µs): ${of("single", (r) => r.cpuPerDeliveredUs).toFixed(1)}`);
    console.log(`cpu per delivered message (cluster, µs): ${of("cluster", (r) => r.cpuPerDeliveredUs).toFixed(1)}`);
    console.log(`p50 ratio (cluster/single): ${ratio((r) => r.p50).toFixed(2)}`);
    console.log(`p99 ratio (cluster/single): ${ratio((r) => r.p99).toFixed(2)}`);
    console.log(`balai cpu per delivered message ratio (cluster/single): ${ratio((r) => r.balaiPerDeliveredUs).toFixed(2)}`);
    console.log(`cpu per delivered message ratio (cluster/single): ${ratio((r) => r.cpuPerDeliveredUs).toFixed(2)}`);
    console.log(`delivery (single): ${worstDelivery("single").toFixed(2)}%`);
    console.log(`delivery (cluster): ${worstDelivery("cluster").toFixed(2)}%`);
    console.log(`run: ${saturated ? "rejected (load generator saturated)" : "valid"}`);
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
