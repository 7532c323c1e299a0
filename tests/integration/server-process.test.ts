// The server as a process: configuration checks, graceful shutdown, production
// rules for demo accounts, and Socket.IO identifying users from the session cookie.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { projectRoot, startServer, type RunningServer } from "../support/server";

describe("configuration", () => {
  it("reports every problem on its own line and refuses to start", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", path.join(projectRoot, "server", "index.ts")], {
      cwd: projectRoot,
      env: { ...process.env, NODE_ENV: "production", PORT: "abc", DATABASE_URL: "mysql://x", SESSION_SECRET: "", REDIS_URL: "http://nope" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.split("\n").filter((l) => l.startsWith("Configuration error:"));
    expect(lines).toHaveLength(4);
    expect(run.stderr).toContain("PORT must be a whole number");
    expect(run.stderr).toContain("DATABASE_URL must start with file:");
    expect(run.stderr).toContain("SESSION_SECRET is required when NODE_ENV=production");
    expect(run.stderr).toContain("REDIS_URL must start with redis://");
  });
});

describe("graceful shutdown", () => {
  it("finishes and exits cleanly on SIGTERM", async () => {
    const server = await startServer();
    const code = await server.stop("SIGTERM");
    expect(code).toBe(0);
    expect(server.output()).toContain("Balai stopped.");
  });
});

describe("production", () => {
  it("refuses demo accounts unless the operator allows them", async () => {
    const dev = await startServer({ keepDatabase: true });
    await dev.stop();
    const prod = await startServer({
      databaseUrl: dev.databaseUrl,
      env: { NODE_ENV: "production", SESSION_SECRET: "a-production-secret-with-enough-length-123" },
    });
    try {
      const c = new Client(prod.url);
      const res = await c.post("/login", { identifier: "warga@balai.test", password: "balai-demo" }, { fromPage: "/login" });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("Akun demo tidak dapat dipakai di server produksi.");
      const signup = await c.post("/signup", { name: "Pak Demo", identifier: "pakdemo@contoh.id", password: "balai-demo" }, { fromPage: "/signup" });
      expect(signup.status).toBe(400);
      expect(await signup.text()).toContain("Kata sandi ini terlalu umum.");
      // no stack traces for visitors in production: an unknown page is a plain 404
      const missing = await c.page("/x/y/z");
      expect(missing.html).not.toMatch(/at .*\.(js|ts):\d+/);
    } finally {
      await prod.stop();
    }
  });
});

describe("realtime", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  function whoami(cookie?: string) {
    const socket = connect(server.url, { transports: ["websocket"], extraHeaders: cookie ? { Cookie: cookie } : {}, forceNew: true });
    return new Promise<{ userId: number | null; role: string | null }>((resolve, reject) => {
      socket.on("connect_error", reject);
      socket.emit("session:whoami", (res: { data?: { userId: number | null; role: string | null }; error?: string }) => {
        socket.disconnect();
        if (res.data) resolve(res.data);
        else reject(new Error(res.error));
      });
    });
  }

  it("identifies a signed-in user from the session cookie, and nobody without one", async () => {
    const c = new Client(server.url);
    await c.login("moderator@balai.test");
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    expect(await whoami(cookie)).toMatchObject({ role: "moderator" });
    expect(await whoami()).toEqual({ userId: null, role: null });
    expect(await whoami("balai_session=forged.value")).toEqual({ userId: null, role: null });
  });

  it("refuses sockets opened from another site", async () => {
    const socket = connect(server.url, { transports: ["websocket"], extraHeaders: { Origin: "https://evil.example" }, forceNew: true, reconnection: false });
    const error = await new Promise<Error>((resolve) => socket.on("connect_error", resolve));
    socket.close();
    expect(error).toBeInstanceOf(Error);
  });

  it("counts live connections in the health check", async () => {
    const socket = connect(server.url, { transports: ["websocket"], forceNew: true });
    await new Promise<void>((r) => socket.on("connect", () => r()));
    const body = await (await fetch(`${server.url}/healthz`)).json();
    socket.disconnect();
    expect(body.realtime.connections).toBeGreaterThanOrEqual(1);
  });
});
