// Socket.IO on the same HTTP server as Remix. Every socket is identified from the
// session cookie at connection time; handlers authorize every event from that.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "~/realtime/contract";
import { rooms } from "~/realtime/contract";
import type { Db } from "~/db/client.server";
import { sessionCookie } from "~/utils/cookies.server";
import { sessionUserId } from "~/domain/accounts/sessions.server";
import { getCurrentUser } from "~/domain/accounts/accounts.server";
import type { Publisher } from "~/realtime/publisher";
import type { Config } from "./config";
import { registerDiscussions } from "./realtime/discussions";
import { registerEvents } from "./realtime/events";
import { registerQa } from "./realtime/qa";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type RealtimeSocket = Parameters<Parameters<RealtimeServer["on"]>[1]>[0];

export interface HandlerDeps {
  db: Db;
  io: RealtimeServer;
  publisher: Publisher;
  config: Config;
}

/**
 * Each product area registers its socket handlers here. A handler validates its
 * payload with the area's zod schema, authorizes from `socket.data` (never from
 * the payload) and calls the same domain functions as the HTTP routes.
 */
const registrars: ((socket: RealtimeSocket, deps: HandlerDeps) => void)[] = [registerQa, registerDiscussions, registerEvents];

export function createPublisher(io: RealtimeServer): Publisher {
  return {
    publish(room, event, ...args) {
      io.to(room).emit(event, ...args);
    },
  };
}

export function createRealtime(httpServer: HttpServer, db: Db, config: Config): RealtimeServer {
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
  const cookie = sessionCookie({ config });

  io.use(async (socket, next) => {
    try {
      const sessionId = await cookie.parse(socket.request.headers.cookie ?? null);
      const userId = typeof sessionId === "string" ? await sessionUserId(db, sessionId) : null;
      const user = userId ? await getCurrentUser(db, userId) : null;
      socket.data.user = user ? { id: user.id, role: user.role } : null;
      next();
    } catch (error) {
      next(error as Error);
    }
  });

  const deps: HandlerDeps = { db, io, publisher: createPublisher(io), config };
  io.on("connection", (socket) => {
    for (const register of registrars) register(socket, deps);
    if (socket.data.user) void socket.join(rooms.user(socket.data.user.id));
    socket.on("session:whoami", (ack) => {
      if (typeof ack !== "function") return;
      ack({ data: { userId: socket.data.user?.id ?? null, role: socket.data.user?.role ?? null } });
    });
  });
  return io;
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
