// Socket.IO helpers for the suites that drive the real server as a client: the typed
// socket, an acknowledged emit with a timeout, unwrapping a successful ack, and waiting for
// the next matching broadcast.
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

/** The next `event` the server sends `s` that `match`es (rejects after `timeout` ms). */
export function next<E extends keyof ServerToClientEvents>(
  s: QaSocket,
  event: E,
  match: (p: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeout = 5000,
) {
  return new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off(event, handler as never);
      reject(new Error(`no ${event}`));
    }, timeout);
    const handler = (p: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!match(p)) return;
      clearTimeout(timer);
      s.off(event, handler as never);
      resolve(p);
    };
    s.on(event, handler as never);
  });
}
