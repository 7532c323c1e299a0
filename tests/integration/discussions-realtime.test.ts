// Live threads with real Socket.IO clients: joining is authorized, facts reach the
// readers of a thread, and a post someone may not see never reaches their socket.
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import type { AckError } from "~/realtime/contract";
import { aCategory, aStaffMember, aUser } from "../../prisma/builders";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let database: Database;
const sockets: Socket[] = [];
const clients: Record<string, Client> = {};

function cookieOf(client: Client) {
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function socketFor(client: Client | null): Promise<Socket> {
  const socket = connect(server.url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: client ? { Cookie: cookieOf(client) } : {},
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.on("connect", () => resolve());
    socket.on("connect_error", reject);
  });
  return socket;
}

function join(socket: Socket, topicId: unknown): Promise<{ data?: { topicId: number }; error?: AckError }> {
  return new Promise((resolve) => socket.emit("topic:join", { topicId }, resolve));
}

/** every event of the given name this socket receives from now on */
function record(socket: Socket, event: string) {
  const seen: unknown[] = [];
  socket.on(event, (payload: unknown) => seen.push(payload));
  return seen;
}

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting for a socket event");
    await new Promise((r) => setTimeout(r, 25));
  }
}

let categoryId: number;

async function signIn(user: { identifier: string; password: string }): Promise<Client> {
  const client = new Client(server.url);
  await client.login(user.identifier, user.password);
  return client;
}

beforeAll(async () => {
  server = await startServer();
  database = await openDatabase(server.databaseUrl);
  const longAgo = new Date(Date.now() - 400 * 86_400_000);
  categoryId = (await aCategory(database.db)).id;
  clients.warga = await signIn(await aUser(database.db, { createdAt: longAgo }));
  clients.nur = await signIn(await aUser(database.db, { createdAt: longAgo }));
  clients.mod = await signIn(await aStaffMember(database.db, "moderator"));
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await database?.close();
  await server?.stop();
});

async function newTopic(client: Client, category = categoryId) {
  const res = await client.post(
    "/discussions/new",
    { title: `Topik langsung ${Math.random().toString(36).slice(2, 7)}`, categoryId: String(category), body: "Pembuka." },
    { fromPage: "/discussions/new" },
  );
  expect(res.status).toBe(302);
  const topicId = Number(res.headers.get("location")!.split("/").pop());
  const root = await database.db.post.findFirstOrThrow({ where: { topicId, parentId: null } });
  return { topicId, rootId: root.id };
}

describe("live discussion threads", () => {
  it("validates the join payload", async () => {
    const s = await socketFor(null);
    expect((await join(s, "abc")).error).toEqual({ code: "invalid", messageKey: "error.invalid" });
    expect((await join(s, 99999999999999999999)).error).toEqual({ code: "invalid", messageKey: "error.invalid" });
    expect((await join(s, 99999999)).error).toEqual({ code: "not_found", messageKey: "discussions.error.notFound" });
  });

  it("tells everyone in the thread about a new reply, a support and a moderation change, with ids only", async () => {
    const { topicId, rootId } = await newTopic(clients.warga);
    const reader = await socketFor(null);
    const author = await socketFor(clients.warga);
    expect((await join(reader, topicId)).data).toEqual({ topicId });
    expect((await join(author, topicId)).data).toEqual({ topicId });
    const created = record(reader, "post:created");
    const createdForAuthor = record(author, "post:created");
    const supported = record(reader, "post:supported");
    const changed = record(reader, "post:changed");

    const res = await clients.nur.post(
      `/discussions/${topicId}`,
      { intent: "reply", parentId: String(rootId), body: "Rahasia isi balasan ini" },
      { fromPage: `/discussions/${topicId}` },
    );
    expect(res.status).toBe(302);
    const reply = await database.db.post.findFirstOrThrow({ where: { topicId, parentId: rootId } });
    await until(() => created.length === 1 && createdForAuthor.length === 1);
    expect(created[0]).toEqual({ topicId, postId: reply.id, parentId: rootId });
    expect(JSON.stringify(created)).not.toContain("Rahasia");

    await clients.warga.post(`/discussions/${topicId}`, { intent: "support", postId: String(reply.id) }, { fromPage: `/discussions/${topicId}` });
    await until(() => supported.length === 1);
    expect(supported[0]).toEqual({ topicId, postId: reply.id, supportCount: 1 });

    await clients.mod.post(
      `/discussions/${topicId}`,
      { intent: "hide", postId: String(reply.id), reason: "Uji sembunyikan" },
      { fromPage: `/discussions/${topicId}` },
    );
    await until(() => changed.length === 1);
    expect(changed[0]).toEqual({ topicId, postId: reply.id, change: "hidden" });
  });

  it("sends a pending post to moderators only, and the thread of a pending topic only to those who may read it", async () => {
    // a category that holds new accounts' posts, and a brand-new account
    const cat = await aCategory(database.db);
    await database.db.category.update({ where: { id: cat.id }, data: { requireApprovalForNewAccounts: true } });
    const newcomer = await signIn(await aUser(database.db, { createdAt: new Date() }));

    const { topicId, rootId } = await newTopic(clients.warga, cat.id);
    const resident = await socketFor(clients.nur);
    const moderator = await socketFor(clients.mod);
    await join(resident, topicId);
    await join(moderator, topicId);
    const seenByResident = record(resident, "post:created");
    const seenByModerator = record(moderator, "post:created");

    const res = await newcomer.post(
      `/discussions/${topicId}`,
      { intent: "reply", parentId: String(rootId), body: "Balasan pertama saya" },
      { fromPage: `/discussions/${topicId}` },
    );
    expect(res.status).toBe(302);
    const pending = await database.db.post.findFirstOrThrow({ where: { topicId, parentId: rootId } });
    expect(pending.status).toBe("pending");
    await until(() => seenByModerator.length === 1);
    expect(seenByModerator[0]).toMatchObject({ postId: pending.id });
    // a visible reply afterwards reaches the resident; the pending one never did
    await clients.warga.post(
      `/discussions/${topicId}`,
      { intent: "reply", parentId: String(rootId), body: "Balasan biasa" },
      { fromPage: `/discussions/${topicId}` },
    );
    await until(() => seenByResident.length === 1 && seenByModerator.length === 2);
    expect(seenByResident.map((p) => (p as { postId: number }).postId)).not.toContain(pending.id);

    // a topic whose opening post waits for approval: only its author and moderators may follow it
    const held = await newTopic(newcomer, cat.id);
    const outsider = await socketFor(clients.nur);
    expect((await join(outsider, held.topicId)).error?.code).toBe("not_found");
    expect((await join(await socketFor(newcomer), held.topicId)).data).toEqual({ topicId: held.topicId });
    expect((await join(await socketFor(clients.mod), held.topicId)).data).toEqual({ topicId: held.topicId });
  });
});
