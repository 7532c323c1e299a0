// A sliding-window rate limiter kept in memory (one process). Used per
// participant and per IP for asking and voting over HTTP and Socket.IO.
// Each key keeps its recent hit times in order with a moving head, so a check
// is O(1) amortised even for a busy key (a venue's shared IP).
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

interface Log {
  times: number[];
  head: number;
}

export class RateLimiter {
  private logs = new Map<string, Log>();
  private lastSweep = 0;

  constructor(public readonly rule: RateLimitRule) {}

  private trimmed(key: string, now: number): Log | undefined {
    const log = this.logs.get(key);
    if (!log) return undefined;
    const from = now - this.rule.windowMs;
    while (log.head < log.times.length && log.times[log.head] <= from) log.head++;
    if (log.head > 64 && log.head * 2 > log.times.length) {
      log.times = log.times.slice(log.head);
      log.head = 0;
    }
    return log;
  }

  /** Whether `key` could take one more hit now, without recording it. */
  peek(key: string, now = Date.now()): boolean {
    const log = this.trimmed(key, now);
    return (log ? log.times.length - log.head : 0) < this.rule.limit;
  }

  /** Records a hit for `key` and says whether it is within the limit. Refused hits are not recorded. */
  take(key: string, now = Date.now()): boolean {
    let log = this.trimmed(key, now);
    if (log && log.times.length - log.head >= this.rule.limit) return false;
    if (this.rule.limit <= 0) return false;
    if (!log) {
      log = { times: [], head: 0 };
      this.logs.set(key, log);
    }
    log.times.push(now);
    this.sweep(now);
    return true;
  }

  /** Forget keys whose hits have all expired, now and then, so memory stays small. */
  private sweep(now: number) {
    if (now - this.lastSweep < this.rule.windowMs) return;
    this.lastSweep = now;
    const from = now - this.rule.windowMs;
    for (const [key, log] of this.logs) if (log.times.length === log.head || log.times[log.times.length - 1] <= from) this.logs.delete(key);
  }

  get size(): number {
    return this.logs.size;
  }
}

/** Several limiters that must all agree (e.g. per participant and per IP). */
export function takeAll(pairs: [RateLimiter, string][], now = Date.now()): boolean {
  // check first without recording, so a refusal by one does not use up another
  for (const [limiter, key] of pairs) if (!limiter.peek(key, now)) return false;
  for (const [limiter, key] of pairs) limiter.take(key, now);
  return true;
}
