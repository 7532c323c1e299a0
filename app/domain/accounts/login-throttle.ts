// Brute-force protection per account: after `maxFailures` failed logins within
// `windowMs`, the account refuses further attempts until the window has passed.
// (The server also limits login requests per IP.) `LoginThrottle` keeps it in memory
// (one process, the embedded default); with REDIS_URL the server hands the domain a
// `LoginLockout` kept in Redis instead (server/limits.ts), shared by every instance.
export interface LoginLockout {
  /** Minutes to wait, or 0 when an attempt is allowed. */
  lockedForMinutes(key: string): number | Promise<number>;
  recordFailure(key: string): void | Promise<void>;
  reset(key: string): void | Promise<void>;
}

export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
}

export class LoginThrottle implements LoginLockout {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly options: ThrottleOptions = { maxFailures: 5, windowMs: 15 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.options.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Minutes to wait, or 0 when an attempt is allowed. */
  lockedForMinutes(key: string): number {
    const list = this.recent(key);
    if (list.length < this.options.maxFailures) return 0;
    const until = list[0] + this.options.windowMs;
    return Math.max(1, Math.ceil((until - this.now()) / 60_000));
  }

  recordFailure(key: string): void {
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}
