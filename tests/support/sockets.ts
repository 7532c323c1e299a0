// Socket.IO helpers for the suites that drive the real server as a client: the typed
// socket, an acknowledged emit with a timeout, and unwrapping a successful ack.
import type { Socket } from "socket.io-client";
import type { AckError, ClientToServerEvents, ServerToClientEvents } from "~/realtime/contract";

export type QaSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type AckResult<T = unknown> = { data: T } | { error: AckError };

/** Emits `event` and waits (at most 5 s) for the server's acknowledgement. */
export function call<T = unknown>(s: QaSocket, event: string, ...args: unknown[]): Promise<AckResult<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), 5000);
    (s.emit as (e: string, ...a: unknown[]) => void)(event, ...args, (res: AckResult<T>) => {
      clearTimeout(timer);
      resolve(res);
    });
  });
}

/** The data of an acknowledgement that must have succeeded. */
export function data<T>(res: AckResult<T>): T {
  if ("error" in res) throw new Error(`unexpected error ${JSON.stringify(res.error)}`);
  return res.data;
}
