// The server as a process: configuration checks, graceful shutdown, production
// rules for demo accounts, and Socket.IO identifying users from the session cookie
// and following that session: log out, password change, role change or a disabled
// account drop the rights of the open sockets at once.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import type { AckResponse, ClientToServerEvents, ServerToClientEvents } from "~/realtime/contract";
import { aStaffMember, aUser, anEvent, unique } from "../../prisma/builders";
import { DEMO_PASSWORD } from "~/domain/accounts/accounts.schema";
import { DEMO_ACCOUNTS } from "../../prisma/seed/foundation";
import { Client } from "../support/http";
import { projectRoot, startServer, type RunningServer } from "../support/server";
describe("configuration", () => {
  it("reports every problem on its own line and refuses to start", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", path.join(projectRoot, "server", "index.ts")], {
      cwd: projectRoot,
      env: { ...process.env, NODE_ENV: "production", PORT: "abc", DATABASE_URL: "mysql://x", SESSION_SECRET: "", REDIS_URL: "http://nope", PUBLIC_URL: "" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.split("\n").filter((l) => l.startsWith("Configuration error:"));
    expect(lines).toHaveLength(5);
    expect(run.stderr).toContain("PORT must be a whole number");
    expect(run.stderr).toContain("DATABASE_URL must start with file:");
    expect(run.stderr).toContain("SESSION_SECRET is required when NODE_ENV=production");
    expect(run.stderr).toContain("REDIS_URL must start with redis://");
    expect(run.stderr).toContain("PUBLIC_URL is required when NODE_ENV=production");
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
      // the seeded demo accounts are what this test is about
      const res = await c.post("/login", { identifier: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD }, { fromPage: "/login" });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("Akun demo tidak dapat dipakai di server produksi.");
      const signup = await c.post(
        "/signup",
        { name: "Pak Demo", identifier: `pakdemo-${unique()}@contoh.id`, password: DEMO_PASSWORD },
        { fromPage: "/signup" },
      );
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
  let database: Database;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    server = await startServer({ env: { RATE_LIMIT_LOGIN: "500", RATE_LIMIT_WRITES: "1000" } });
    database = await openDatabase(server.databaseUrl);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(async () => {
    await database?.close();
    await server?.stop();
  });

  type TypedSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
  const cookieOf = (c: Client) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ");

  /** A socket as a browser tab opens it: with the tab's cookie, reconnecting by itself. */
  async function openSocket(cookie?: string): Promise<TypedSocket> {
    const socket: TypedSocket = connect(server.url, {
      transports: ["websocket"],
      extraHeaders: cookie ? { Cookie: cookie } : {},
      forceNew: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    return socket;
  }

  function whoami(socket: TypedSocket) {
    return new Promise<{ userId: number | null; role: string | null }>((resolve, reject) => {
      socket.timeout(5000).emit("session:whoami", (err: Error | null, res: AckResponse<{ userId: number | null; role: string | null }>) => {
        if (err) reject(err);
        else if ("data" in res) resolve(res.data);
        else reject(new Error(res.error.messageKey));
      });
    });
  }

  function joinAsModerator(socket: TypedSocket, code: string) {
    return new Promise<AckResponse<unknown>>((resolve, reject) => {
      socket.timeout(5000).emit("qa:join", { code, as: "moderator" }, (err: Error | null, res: AckResponse<unknown>) => (err ? reject(err) : resolve(res)));
    });
  }

  /** Resolves once the server has dropped the socket and it has connected again (a new identity). */
  function reconnected(socket: TypedSocket, ms = 5000) {
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the socket was not dropped and reconnected within ${ms} ms`)), ms);
      socket.once("disconnect", (reason) =>
        socket.once("connect", () => {
          clearTimeout(timer);
          resolve(reason);
        }),
      );
    });
  }

  /** A Q&A session on a built event: its moderators' room is for moderators only. */
  async function aQaSession() {
    const event = await anEvent(database.db);
    return database.db.qaSession.create({ data: { eventId: event.id, code: unique("M").toUpperCase().slice(0, 8) } });
  }

  /** A moderator signed in over HTTP, with a socket joined to a session's moderators' room. */
  async function moderatorOnline() {
    const user = await aStaffMember(database.db, "moderator");
    const http = new Client(server.url);
    await http.login(user.identifier, user.password);
    const session = await aQaSession();
    const socket = await openSocket(cookieOf(http));
    expect(await whoami(socket)).toEqual({ userId: user.id, role: "moderator" });
    expect(await joinAsModerator(socket, session.code)).toHaveProperty("data");
    return { user, http, session, socket };
  }

  it("identifies a signed-in user from the session cookie, and nobody without one", async () => {
    const user = await aStaffMember(database.db, "moderator");
    const c = new Client(server.url);
    await c.login(user.identifier, user.password);
    expect(await whoami(await openSocket(cookieOf(c)))).toEqual({ userId: user.id, role: "moderator" });
    expect(await whoami(await openSocket())).toEqual({ userId: null, role: null });
    expect(await whoami(await openSocket("balai_session=forged.value"))).toEqual({ userId: null, role: null });
  });

  it("drops a moderator's socket rights when an admin makes them a resident", async () => {
    const { user, session, socket } = await moderatorOnline();
    const bystander = await moderatorOnline();
    const admin = await aStaffMember(database.db, "admin");
    const adminHttp = new Client(server.url);
    await adminHttp.login(admin.identifier, admin.password);

    const again = reconnected(socket);
    let bystanderDropped = false;
    bystander.socket.on("disconnect", () => (bystanderDropped = true));
    const res = await adminHttp.post("/admin/users", { intent: "role", userId: String(user.id), role: "resident" }, { fromPage: "/admin/users" });
    expect(res.status).toBe(302);

    expect(await again).toBe("transport close");
    expect(await whoami(socket)).toEqual({ userId: user.id, role: "resident" });
    const refused = await joinAsModerator(socket, session.code);
    expect(refused).toMatchObject({ error: { code: "forbidden" } });
    // nobody else's socket was touched
    expect(bystanderDropped).toBe(false);
    expect(await whoami(bystander.socket)).toMatchObject({ role: "moderator" });
  });

  it("drops the socket's rights when its session logs out", async () => {
    const { http, session, socket } = await moderatorOnline();
    const again = reconnected(socket);
    const res = await http.post("/logout", {}, { fromPage: "/" });
    expect(res.status).toBe(302);
    await again;
    // the socket still sends the old cookie: its session is gone on the server
    expect(await whoami(socket)).toEqual({ userId: null, role: null });
    expect(await joinAsModerator(socket, session.code)).toMatchObject({ error: { code: "forbidden" } });
  });

  it("signs the other devices' sockets out on a password change; this tab's reconnects still signed in", async () => {
    const { user, http: otherDevice, session, socket: otherSocket } = await moderatorOnline();
    const thisTab = new Client(server.url);
    await thisTab.login(user.identifier, user.password);
    const tabSocket = await openSocket(cookieOf(thisTab));
    expect(await whoami(tabSocket)).toMatchObject({ userId: user.id });

    const otherAgain = reconnected(otherSocket);
    const tabAgain = reconnected(tabSocket);
    const res = await thisTab.post("/account/password", {
      currentPassword: user.password,
      newPassword: "sandi-baru-sekali",
      confirmPassword: "sandi-baru-sekali",
    });
    expect(res.status).toBe(302);
    await Promise.all([otherAgain, tabAgain]);

    expect(await whoami(otherSocket)).toEqual({ userId: null, role: null });
    expect(await joinAsModerator(otherSocket, session.code)).toMatchObject({ error: { code: "forbidden" } });
    expect((await otherDevice.page("/account")).url).toMatch(/^\/login/);
    expect(await whoami(tabSocket)).toEqual({ userId: user.id, role: "moderator" });
    expect(await joinAsModerator(tabSocket, session.code)).toHaveProperty("data");
  });

  it("drops every socket of an account an admin disables", async () => {
    const { user, session, socket } = await moderatorOnline();
    const admin = await aStaffMember(database.db, "admin");
    const adminHttp = new Client(server.url);
    await adminHttp.login(admin.identifier, admin.password);
    const again = reconnected(socket);
    const res = await adminHttp.post("/admin/users", { intent: "status", userId: String(user.id), disabled: "true" }, { fromPage: "/admin/users" });
    expect(res.status).toBe(302);
    await again;
    expect(await whoami(socket)).toEqual({ userId: null, role: null });
    expect(await joinAsModerator(socket, session.code)).toMatchObject({ error: { code: "forbidden" } });
  });

  it("drops the old session's sockets when the browser signs in as someone else", async () => {
    const { http, socket } = await moderatorOnline();
    const resident = await aUser(database.db);
    const again = reconnected(socket);
    await http.login(resident.identifier, resident.password);
    await again;
    // the tab's socket still sends the old cookie: that session ended with the new login
    expect(await whoami(socket)).toEqual({ userId: null, role: null });
  });

  it("refuses sockets opened from another site", async () => {
    const socket = connect(server.url, { transports: ["websocket"], extraHeaders: { Origin: "https://evil.example" }, forceNew: true, reconnection: false });
    const error = await new Promise<Error>((resolve) => socket.on("connect_error", resolve));
    socket.close();
    expect(error).toBeInstanceOf(Error);
  });

  it("counts live connections in the health check", async () => {
    await openSocket();
    const body = await (await fetch(`${server.url}/healthz`)).json();
    expect(body.realtime.connections).toBeGreaterThanOrEqual(1);
  });
});
