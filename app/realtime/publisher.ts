// How loaders, actions and socket handlers tell connected browsers about a fact.
// The server implements it with Socket.IO (and the Redis adapter when scaled out).
import type { ServerToClientEvents } from "./contract";

export interface Publisher {
  publish<E extends keyof ServerToClientEvents>(room: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
}

/** For domain tests and scripts that run without a realtime server. */
export const silentPublisher: Publisher = { publish() {} };
