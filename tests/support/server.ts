// Starts the real Balai server (server/index.ts) in a child process on a free port,
// with a fresh database: SQLite in a temp folder, or a new PostgreSQL database when
// TEST_DATABASE_URL is set (the pg suite).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { instanceNodeFlags } from "./node-flags";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunningServer {
  url: string;
  port: number;
  databaseUrl: string;
  process: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** stop and start again on the same port and database */
  restart(): Promise<RunningServer>;
}

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

/** A new, empty PostgreSQL database next to `baseUrl`'s, and how to drop it. */
export async function freshPostgresDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import("pg");
  const name = `balai_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface StartOptions {
  env?: Record<string, string>;
  port?: number;
  databaseUrl?: string;
  /** keep the database when the server stops (for restarts) */
  keepDatabase?: boolean;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  let databaseUrl = options.databaseUrl;
  let cleanup: () => Promise<void> = async () => {};
  if (!databaseUrl) {
    if (process.env.TEST_DATABASE_URL) {
      const fresh = await freshPostgresDatabase(process.env.TEST_DATABASE_URL);
      databaseUrl = fresh.url;
      cleanup = fresh.drop;
    } else {
      const dir = mkdtempSync(path.join(os.tmpdir(), "balai-test-"));
      databaseUrl = `file:${path.join(dir, "test.db")}`;
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
  }
  const port = options.port ?? (await freePort());
  let log = "";
  const child = spawn(process.execPath, [...instanceNodeFlags(), "--import", "tsx", path.join(projectRoot, "server", "index.ts")], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: "test-secret-test-secret-test-secret-0123",
      // required in production (absolute links in messages): the server's own address
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;

  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited early (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Server did not become healthy:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }

  const server: RunningServer = {
    url,
    port,
    databaseUrl,
    process: child,
    output: () => log,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      if (!options.keepDatabase) await cleanup();
      return code;
    },
    async restart() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      return startServer({ ...options, port, databaseUrl, keepDatabase: true });
    },
  };
  return server;
}
