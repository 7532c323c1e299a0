// How loaders, actions and socket handlers tell connected browsers about a fact.
// The server implements it with Socket.IO (and the Redis adapter when scaled out).
import type { ServerToClientEvents } from "./contract";

/** Whose open sockets must drop their rights: they reconnect and are identified again from the cookie. */
export type RevokeTarget = { userId: number } | { sessionId: string };

export interface Publisher {
  publish<E extends keyof ServerToClientEvents>(room: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  /** log out, password change, role change, ban: the sockets of that session or user reconnect with their new rights */
  revoke(target: RevokeTarget): void;
}

/** For domain tests and scripts that run without a realtime server. */
export const silentPublisher: Publisher = { publish() {}, revoke() {} };
