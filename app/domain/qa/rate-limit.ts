// A sliding-window limiter kept in memory (one process). Used per
// participant and per IP for asking and voting over HTTP and Socket.IO.
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private hits = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(public readonly rule: RateLimitRule) {}

  /** Records a hit for `key` and says whether it is within the limit. Refused hits are not recorded. */
  take(key: string, now = Date.now()): boolean {
    const from = now - this.rule.windowMs;
    let list = this.hits.get(key);
    if (list) {
      let drop = 0;
      while (drop < list.length && list[drop] <= from) drop++;
      if (drop) list = list.slice(drop);
    } else {
      list = [];
    }
    if (list.length >= this.rule.limit) {
      this.hits.set(key, list);
      return false;
    }
    list.push(now);
    this.hits.set(key, list);
    this.sweep(now);
    return true;
  }

  /** Forget keys whose hits have all expired, now and then, so memory stays small. */
  private sweep(now: number) {
    if (now - this.lastSweep < this.rule.windowMs) return;
    this.lastSweep = now;
    const from = now - this.rule.windowMs;
    for (const [key, list] of this.hits) if (list.length === 0 || list[list.length - 1] <= from) this.hits.delete(key);
  }

  /** Whether `key` could take one more hit now, without recording it. */
  peek(key: string, now = Date.now()): boolean {
    const from = now - this.rule.windowMs;
    let n = 0;
    for (const t of this.hits.get(key) ?? []) if (t > from) n++;
    return n < this.rule.limit;
  }

  get size(): number {
    return this.hits.size;
  }
}

/** Several limiters that must all agree (e.g. per participant and per IP). */
export function takeAll(pairs: [RateLimiter, string][], now = Date.now()): boolean {
  // check first without recording, so a refusal by one does not use up another
  for (const [limiter, key] of pairs) if (!limiter.peek(key, now)) return false;
  for (const [limiter, key] of pairs) limiter.take(key, now);
  return true;
}

