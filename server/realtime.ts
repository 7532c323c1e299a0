// Socket.IO on the same HTTP server as Remix. Every socket is identified from the
// session cookie at connection time; handlers authorize every event from that.
import { createHash } from "node:crypto";
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "~/realtime/contract";
import { rooms } from "~/realtime/contract";
import type { Services } from "~/context";
import { sessionCookie } from "~/utils/cookies.server";
import { sessionUserId } from "~/domain/accounts/sessions.server";
import { getCurrentUser } from "~/domain/accounts/accounts.server";
import type { Publisher } from "~/realtime/publisher";
import type { Config } from "./config";
import { publishingWithin, type RedisClient } from "./redis";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { discussionHandlers } from "./realtime/discussions";
import { eventHandlers } from "./realtime/events";
import { qaHandlers } from "./realtime/qa";
import { pollHandlers } from "./realtime/polls";
import { queueHandlers } from "./realtime/queue";

/** Between instances (Redis adapter): each answers with its own sockets' room sizes. */
/** What an instance tells the others each tick: the counts it stored (per session: question, count, version). */
export interface CountsMessage {
  from: string;
  tick: number;
  batches: [number, [number, number, number][]][];
}

export interface InterServerEvents {
  "room:sizes": (roomNames: string[], ack: (sizes: number[]) => void) => void;
  /** Publisher.revoke on another instance: close this instance's sockets in the room */
  "room:revoke": (room: string) => void;
  /**
   * The vote counts an instance stored in tick `tick` (wall-clock tick number, the same on every instance):
   * `batches` is [sessionId, [questionId, count, version][]][], empty while the instance is active but had
   * no votes, so the others know it has nothing more for this tick. Each instance tells its own sockets.
   */
  /** a JSON `CountsMessage` */
  "qa:counts": (message: string) => void;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** What every socket handler gets: the process's services (the same objects the routes get) and the server. */
export interface HandlerDeps extends Services {
  io: RealtimeServer;
  serverConfig: Config;
}

/**
 * Each product area gives its socket handlers here (through `on`, ./realtime/handler.ts).
 * A handler validates its payload with the area's zod schema, authorizes from
 * `socket.data` (never from the payload) and calls the same domain functions as the HTTP routes.
 */
const areas = [qaHandlers, pollHandlers, discussionHandlers, eventHandlers, queueHandlers];

/** Sessions are named by a hash in room names, so a room list never shows a session id. */
export function sessionKey(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("base64url").slice(0, 22);
}

export function createPublisher(io: RealtimeServer, clustered = false): Publisher {
  // Close the connection under each socket rather than send Socket.IO's "disconnect"
  // (after which a client stays offline): the browser's client reconnects by itself
  // and is identified again from its cookie. Each instance closes its own sockets.
  const closeLocal = (room: string) => {
    for (const id of [...(io.sockets.adapter.rooms.get(room) ?? [])]) io.sockets.sockets.get(id)?.conn.close();
  };
  if (clustered) io.on("room:revoke", closeLocal);
  return {
    publish(room, event, ...args) {
      io.to(room).emit(event, ...args);
    },
    revoke(target) {
      const room = "userId" in target ? rooms.user(target.userId) : rooms.authSession(sessionKey(target.sessionId));
      closeLocal(room);
      if (clustered) io.serverSideEmit("room:revoke", room);
    },
  };
}

/** The Socket.IO server on the HTTP server; handlers are attached once the services exist. */
export function createRealtime(httpServer: HttpServer, config: Config, redis?: RedisClient): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    // several instances (REDIS_URL): broadcasts, room queries and revocations reach every instance
    // (a Redis that hangs delays nobody: see publishingWithin)
    ...(redis ? { adapter: createAdapter(publishingWithin(redis), { streamName: "balai:socket.io" }) } : {}),
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    pingInterval: 20_000,
    // only pages of this site may open a socket (no cross-site WebSocket hijacking)
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, !origin || sameOrigin(origin, req.headers.host, config.publicUrl));
    },
  });
  if (redis) io.on("room:sizes", (roomNames, ack) => ack(localRoomSizes(io, roomNames)));
  return io;
}

function localRoomSizes(io: RealtimeServer, roomNames: string[]): number[] {
  return roomNames.map((room) => io.sockets.adapter.rooms.get(room)?.size ?? 0);
}

/**
 * How many sockets are in each room across every instance: the local rooms, plus
 * (with the Redis adapter) every other instance's answer. An instance that does not
 * answer within a second is left out of this round rather than holding it up.
 */
export async function roomSizes(io: RealtimeServer, roomNames: string[], clustered: boolean): Promise<number[]> {
  const sizes = localRoomSizes(io, roomNames);
  if (!clustered || roomNames.length === 0) return sizes;
  try {
    let timer: NodeJS.Timeout | undefined;
    const answers = await Promise.race([
      io.serverSideEmitWithAck("room:sizes", roomNames) as Promise<number[][]>,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), 1500))),
    ]).finally(() => clearTimeout(timer));
    for (const other of answers) other.forEach((n, i) => (sizes[i] += n));
  } catch {
    /* an instance did not answer in time: counted next round */
  }
  return sizes;
}

export function attachHandlers(io: RealtimeServer, services: Services, config: Config): void {
  const cookie = sessionCookie({ config });
  const { db } = services;
  io.use(async (socket, next) => {
    try {
      const sessionId = await cookie.parse(socket.request.headers.cookie ?? null);
      const userId = typeof sessionId === "string" ? await sessionUserId(db, sessionId) : null;
      const user = userId ? await getCurrentUser(db, userId) : null;
      // an account holding a temporary password (set at the counter) is held back on the
      // pages until it chooses its own; its sockets get no staff or participant rights either
      socket.data.user = user && !user.mustChangePassword ? { id: user.id, role: user.role } : null;
      socket.data.sessionKey = user && typeof sessionId === "string" ? sessionKey(sessionId) : null;
      next();
    } catch (error) {
      next(error as Error);
    }
  });

  const deps: HandlerDeps = { ...services, io, serverConfig: config };
  const registrars = areas.map((area) => area(deps));
  io.on("connection", (socket) => {
    for (const register of registrars) register(socket);
    // rooms by which a change of rights finds this socket (Publisher.revoke)
    if (socket.data.user) void socket.join(rooms.user(socket.data.user.id));
    if (socket.data.sessionKey) void socket.join(rooms.authSession(socket.data.sessionKey));
    socket.on("session:whoami", (ack) => {
      if (typeof ack !== "function") return;
      ack({ data: { userId: socket.data.user?.id ?? null, role: socket.data.user?.role ?? null } });
    });
  });
}

export function sameOrigin(origin: string, host: string | undefined, publicUrl?: string): boolean {
  try {
    const o = new URL(origin);
    if (publicUrl && o.origin === new URL(publicUrl).origin) return true;
    return o.host === host;
  } catch {
    return false;
  }
}
