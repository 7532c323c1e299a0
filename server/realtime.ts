// Socket.IO on the same HTTP server as Remix. Every socket is identified from the
// session cookie at connection time; handlers authorize every event from that.
import { createHash } from "node:crypto";
import type { Server as HttpServer } from "node:http";
import { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "~/realtime/contract";
import { rooms } from "~/realtime/contract";
import type { Services } from "~/context";
import { sessionCookie } from "~/utils/cookies.server";
import { sessionUserId } from "~/domain/accounts/sessions.server";
import { getCurrentUser } from "~/domain/accounts/accounts.server";
import type { Publisher } from "~/realtime/publisher";
import type { Config } from "./config";
import { discussionHandlers } from "./realtime/discussions";
import { eventHandlers } from "./realtime/events";
import { qaHandlers } from "./realtime/qa";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type RealtimeSocket = Parameters<Parameters<RealtimeServer["on"]>[1]>[0];

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
const areas = [qaHandlers, discussionHandlers, eventHandlers];

/** Sessions are named by a hash in room names, so a room list never shows a session id. */
export function sessionKey(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("base64url").slice(0, 22);
}

export function createPublisher(io: RealtimeServer): Publisher {
  return {
    publish(room, event, ...args) {
      io.to(room).emit(event, ...args);
    },
    revoke(target) {
      const room = "userId" in target ? rooms.user(target.userId) : rooms.authSession(sessionKey(target.sessionId));
      // Close the connection under the socket rather than send Socket.IO's "disconnect"
      // (after which a client stays offline): the browser's client reconnects by itself
      // and is identified again from its cookie.
      void io
        .in(room)
        .fetchSockets()
        .then((sockets) => {
          for (const socket of sockets) {
            if (socket instanceof Socket) socket.conn.close();
            else socket.disconnect(true);
          }
        });
    },
  };
}

/** The Socket.IO server on the HTTP server; handlers are attached once the services exist. */
export function createRealtime(httpServer: HttpServer, config: Config): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    pingInterval: 20_000,
    // only pages of this site may open a socket (no cross-site WebSocket hijacking)
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, !origin || sameOrigin(origin, req.headers.host, config.publicUrl));
    },
  });
  return io;
}

export function attachHandlers(io: RealtimeServer, services: Services, config: Config): void {
  const cookie = sessionCookie({ config });
  const { db } = services;
  io.use(async (socket, next) => {
    try {
      const sessionId = await cookie.parse(socket.request.headers.cookie ?? null);
      const userId = typeof sessionId === "string" ? await sessionUserId(db, sessionId) : null;
      const user = userId ? await getCurrentUser(db, userId) : null;
      socket.data.user = user ? { id: user.id, role: user.role } : null;
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
