// The one typed Socket.IO contract shared by server and client.
// Event names are "entity:verb"; acknowledgements are { data } | { error }.
import type { Role } from "~/domain/accounts/roles";

export type Ack<T> = (response: { data: T } | { error: string }) => void;

export interface ServerToClientEvents {
  /** a fact, e.g. "this thread has a new reply"; page loaders stay the source of truth */
  "system:notice": (payload: { messageKey: string }) => void;
}

export interface ClientToServerEvents {
  /** who the server thinks this socket is (from the session cookie, never from the client) */
  "session:whoami": (ack: Ack<{ userId: number | null; role: Role | null }>) => void;
}

export interface SocketData {
  user: { id: number; role: Role } | null;
}

export const rooms = {
  user: (userId: number) => `user:${userId}`,
} as const;
