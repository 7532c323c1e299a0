// The one Redis connection of a scaled-out instance (REDIS_URL set): Socket.IO's
// Redis Streams adapter, the shared rate limits and the job locks use it. Without
// REDIS_URL there is none and everything stays in the process (the embedded default).
import { createClient } from "redis";
import { log } from "./log";

export type RedisClient = ReturnType<typeof createClient>;

/**
 * At most this many commands wait in the client (to be written while Redis is away, or
 * for an answer while it hangs); beyond that a command fails at once ("The queue is
 * full") instead of growing the process's memory without bound. Its callers already
 * handle a failed command: a limit answers from this instance's counts, a broadcast
 * reaches this instance's own sockets. 10,000 is about half a minute of a busy meeting's
 * votes; a few MB.
 */
export const REDIS_MAX_QUEUED_COMMANDS = 10_000;

/** Connects, or throws after `timeoutMs` with a message for the operator. */
export async function connectRedis(url: string, timeoutMs = 10_000, maxQueued = REDIS_MAX_QUEUED_COMMANDS): Promise<RedisClient> {
  const client = createClient({
    url,
    // node-redis's bound for its queue: the commands not yet written plus those waiting for an answer
    commandsQueueMaxLength: maxQueued,
    socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000), connectTimeout: 5000 },
  });
  let lastError = "";
  let reported = false;
  client.on("error", (error: Error) => {
    lastError = error.message;
    // one line per outage, not one per retry
    if (!reported && client.isOpen) log.warn({ err: error.message }, "redis: connection lost, retrying");
    reported = true;
  });
  client.on("ready", () => {
    if (reported) log.info("redis: connected again");
    reported = false;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis at REDIS_URL is unreachable (${lastError || "no answer"}).`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return client;
}

/** Whether Redis answers now (readiness). */
export async function pingRedis(client: RedisClient): Promise<boolean> {
  if (!client.isReady) return false;
  try {
    let timer: NodeJS.Timeout | undefined;
    const answer = await Promise.race([client.ping(), new Promise<string>((resolve) => (timer = setTimeout(() => resolve(""), 1000)))]);
    clearTimeout(timer);
    return answer === "PONG";
  } catch {
    return false;
  }
}

/** How long a Socket.IO broadcast waits for Redis before it is delivered on this instance alone. */
export const ADAPTER_PUBLISH_TIMEOUT_MS = 500;

/**
 * The client the Socket.IO adapter publishes with. The adapter writes a broadcast to
 * the stream (XADD) and delivers it to this instance's own sockets only once Redis
 * answered, so a Redis that hangs would hold every live update of this instance
 * too. Here XADD gives up after `timeoutMs`: the adapter then delivers locally (it
 * catches a failed publish), and the other instances get the message if and when
 * Redis reads the command it was sent. Everything else passes through unchanged.
 */
export function publishingWithin(client: RedisClient, timeoutMs = ADAPTER_PUBLISH_TIMEOUT_MS): RedisClient {
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop !== "xAdd") return fn.bind(target);
      return (...args: unknown[]) => {
        let timer: NodeJS.Timeout | undefined;
        return Promise.race([
          Promise.resolve(fn.apply(target, args)),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("Redis did not answer the broadcast in time")), timeoutMs))),
        ]).finally(() => clearTimeout(timer));
      };
    },
  });
}
