// `npm run cluster` (tests/cluster/cluster.ts): a scaled-out Balai on this machine, for trials: PostgreSQL,
// Redis, three Balai instances and nginx in front of them (sticky by a load-balancer
// cookie, see README "Scale-out"), all from Debian's packages (installed with
// apt-get when missing). Ctrl-C stops them all. The same launchers start the
// cluster tests (tests/cluster) and the cluster benchmark.
//
//   npm run cluster                       # http://localhost:8080
//   npm run cluster -- --instances 2 --port 8090
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { instanceNodeFlags } from "../support/node-flags";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => Promise<boolean> | boolean, child?: ChildProcess, timeoutMs = 45_000, output?: () => string) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`${what} exited early (${child.exitCode})\n${output?.() ?? ""}`);
    if (await Promise.resolve(check()).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not start in time\n${output?.() ?? ""}`);
    await sleep(150);
  }
}

/** Installs Debian packages that are missing (as .ci/run does), when running as root. */
export function ensurePackages(): void {
  const missing: string[] = [];
  if (!postgresBin()) missing.push("postgresql");
  if (!which("redis-server")) missing.push("redis-server");
  if (!which("nginx") && !existsSync("/usr/sbin/nginx")) missing.push("nginx-light");
  if (!missing.length) return;
  if (process.getuid?.() !== 0) throw new Error(`Missing Debian packages: ${missing.join(", ")} (apt-get install ${missing.join(" ")})`);
  console.log(`Installing: ${missing.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: ["ignore", "ignore", "inherit"], env });
}

function which(cmd: string): string | null {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

function postgresBin(): string | null {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, "bin", "postgres")))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(base, versions.at(-1)!, "bin") : null;
}

export interface Service {
  url: string;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM", timeoutMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** A throw-away PostgreSQL cluster (initdb, trust on 127.0.0.1), or TEST_DATABASE_URL's server when given. */
export async function startPostgres(dir: string): Promise<Service> {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL is not installed (apt-get install postgresql)");
  const port = await freePort();
  const dataDir = path.join(dir, "pg");
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => (asRoot ? spawn("runuser", ["-u", "postgres", "--", cmd, ...args]) : spawn(cmd, args));
  if (asRoot) {
    chownSync(dir, uidOf("postgres"), 0);
    chownSync(dataDir, uidOf("postgres"), 0);
  }
  await new Promise<void>((resolve, reject) => {
    const init = run(path.join(bin, "initdb"), ["-D", dataDir, "-A", "trust", "-U", "balai", "--no-sync"]);
    let out = "";
    init.stdout?.on("data", (d) => (out += d));
    init.stderr?.on("data", (d) => (out += d));
    init.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed:\n${out}`))));
  });
  let log = "";
  const child = run(path.join(bin, "postgres"), [
    "-D",
    dataDir,
    "-p",
    String(port),
    "-k",
    dataDir,
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "fsync=off",
    "-c",
    "max_connections=300",
    "-c",
    "synchronous_commit=off",
  ]);
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const url = `postgresql://balai@127.0.0.1:${port}/postgres`;
  const { default: pg } = await import("pg");
  await waitFor(
    "PostgreSQL",
    async () => {
      const c = new pg.Client({ connectionString: url });
      try {
        await c.connect();
        await c.query("SELECT 1");
        return true;
      } finally {
        await c.end().catch(() => undefined);
      }
    },
    child,
    45_000,
    () => log,
  );
  return {
    url,
    async stop() {
      // as root the child is runuser, which does not pass SIGINT on: signal the postmaster itself (fast shutdown)
      const pidFile = path.join(dataDir, "postmaster.pid");
      const postmaster = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) : 0;
      if (postmaster > 0) process.kill(postmaster, "SIGINT");
      await stopChild(child, "SIGINT");
    },
  };
}

function uidOf(user: string): number {
  return Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim());
}

/** A new database on a PostgreSQL server (the role may CREATE DATABASE). */
export async function createDatabase(serverUrl: string, name = `balai_${randomBytes(4).toString("hex")}`): Promise<string> {
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** redis-server in the foreground on a free port, nothing written to disk. */
export async function startRedis(dir: string, port?: number): Promise<Service & { port: number; pause(): void; resume(): void }> {
  const p = port ?? (await freePort());
  let log = "";
  const child = spawn("redis-server", ["--port", String(p), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no"]);
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  await waitFor(
    "Redis",
    () => log.includes("Ready to accept connections"),
    child,
    20_000,
    () => log,
  );
  return {
    url: `redis://127.0.0.1:${p}`,
    port: p,
    stop: () => stopChild(child, "SIGTERM"),
    pause: () => child.kill("SIGSTOP"),
    resume: () => child.kill("SIGCONT"),
  };
}

/**
 * nginx in front of the instances. Sticky without trusting the client's address:
 * the first request of a browser is spread by nginx's own request id, which it
 * also sets as the `balai_lb` cookie; every later request (pages, Socket.IO's
 * polling and its WebSocket upgrade) hashes by that cookie to the same instance.
 * Phones behind one venue NAT still spread over all instances (ip_hash would put
 * them all on one). When an instance goes away, nginx tries the next one.
 */
export function nginxConfig(dir: string, listenPort: number, upstreams: number[]): string {
  return `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 16384; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 20m;
  map $cookie_balai_lb $balai_lb { "" $request_id; default $cookie_balai_lb; }
  map $cookie_balai_lb $balai_lb_set { "" "balai_lb=$request_id; Path=/; HttpOnly; SameSite=Lax"; default ""; }
  map $http_upgrade $connection_upgrade { default upgrade; "" close; }
  upstream balai {
    hash $balai_lb consistent;
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${listenPort};
    location / {
      proxy_pass http://balai;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout http_502 http_503;
      add_header Set-Cookie $balai_lb_set;
    }
  }
}
`;
}

export async function startNginx(dir: string, listenPort: number, upstreams: number[]): Promise<Service> {
  const nginx = which("nginx") ?? "/usr/sbin/nginx";
  const confDir = path.join(dir, "nginx");
  mkdirSync(confDir, { recursive: true });
  const conf = path.join(confDir, "nginx.conf");
  writeFileSync(conf, nginxConfig(confDir, listenPort, upstreams));
  let log = "";
  const child = spawn(nginx, ["-p", confDir, "-c", conf, "-e", path.join(confDir, "nginx-error.log")]);
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${listenPort}`;
  await waitFor(
    "nginx",
    async () => (await fetch(`${url}/healthz`)).ok,
    child,
    20_000,
    () => log,
  );
  return { url, stop: () => stopChild(child, "SIGQUIT") };
}

export interface Instance {
  url: string;
  port: number;
  process: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface InstanceOptions {
  databaseUrl: string;
  redisUrl: string;
  dataDir: string;
  uploadDir: string;
  sessionSecret: string;
  port?: number;
  env?: Record<string, string>;
  /** extra node flags, e.g. --cpu-prof (bench:cluster's BALAI_BENCH_CPU_PROF) */
  nodeArgs?: string[];
}

/** One Balai instance (the built app: server/index.ts), ready when /readyz says so. */
export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const port = options.port ?? (await freePort());
  let log = "";
  const child = spawn(process.execPath, [...instanceNodeFlags(), ...(options.nodeArgs ?? []), "--import", "tsx", path.join(root, "server", "index.ts")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      DATA_DIR: options.dataDir,
      UPLOAD_DIR: options.uploadDir,
      SESSION_SECRET: options.sessionSecret,
      TRUST_PROXY: "1",
      BALAI_SEED: "0",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    `Balai on port ${port}`,
    async () => (await fetch(`${url}/readyz`)).ok,
    child,
    60_000,
    () => log.slice(-4000),
  );
  return {
    url,
    port,
    process: child,
    output: () => log,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Migrations (and optionally the demo data) once, before the instances start. */
export function migrateOnce(databaseUrl: string, seed: boolean): void {
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  execFileSync(process.execPath, ["--import", "tsx", path.join(root, "prisma", "migrate-cli.ts")], { cwd: root, env, stdio: "inherit" });
  if (seed) execFileSync(process.execPath, ["--import", "tsx", path.join(root, "prisma", "seed-cli.ts")], { cwd: root, env, stdio: "inherit" });
}

export function buildApp(): void {
  execFileSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "build"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const count = opt("instances", 3);
  const listenPort = opt("port", 8080);
  ensurePackages();
  const dir = mkdtempSync(path.join(os.tmpdir(), "balai-cluster-"));
  chmodSync(dir, 0o755);
  const stops: (() => Promise<unknown>)[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("Stopping the cluster…");
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    process.exit(code);
  };
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));
  try {
    console.log("Building the app…");
    buildApp();
    const pg = await startPostgres(dir);
    stops.push(pg.stop);
    console.log(`PostgreSQL: ${pg.url}`);
    const redis = await startRedis(dir);
    stops.push(redis.stop);
    console.log(`Redis: ${redis.url}`);
    const databaseUrl = await createDatabase(pg.url, "balai");
    migrateOnce(databaseUrl, true);
    const uploadDir = path.join(dir, "uploads");
    mkdirSync(uploadDir, { recursive: true });
    const sessionSecret = randomBytes(32).toString("hex");
    const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
    const instances = await Promise.all(
      ports.map((port) =>
        startInstance({
          databaseUrl,
          redisUrl: redis.url,
          dataDir: dir,
          uploadDir,
          sessionSecret,
          port,
          env: { PUBLIC_URL: `http://localhost:${listenPort}` },
        }),
      ),
    );
    for (const instance of instances) {
      stops.push(() => instance.stop());
      instance.process.stdout?.pipe(process.stdout);
      instance.process.stderr?.pipe(process.stderr);
      console.log(`Balai instance: ${instance.url}`);
    }
    const proxy = await startNginx(dir, listenPort, ports);
    stops.push(proxy.stop); // stopped first
    console.log(`\nBalai cluster ready: http://localhost:${listenPort} (${count} instances, nginx, PostgreSQL, Redis). Ctrl-C stops everything.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stopAll(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
