// The rate limits' stores. Without REDIS_URL every count lives in this process
// (rate-limiter-flexible's memory store). With it the counts live in Redis, so all
// instances share them and switching instance gets nobody more tries.
//
// Redis unreachable: each limiter falls back to its own in-memory insurance limiter
// (per-instance counts, same rules) and the site keeps answering; the limits are
// shared again as soon as Redis is back. We chose availability: refusing every vote,
// question and login while Redis restarts would stop a live meeting for a limiter.
// A Redis that hangs (the connection stays open, no answer comes) is the same
// outage: every call to Redis gets `timeoutMs` (rate-limiter-flexible's
// RLWrapperTimeouts), then the insurance limiter answers, so no request waits on it.
import type { NextFunction, Request, Response } from "express";
import { RateLimiterMemory, RateLimiterRedis, RLWrapperTimeouts, type RateLimiterAbstract } from "rate-limiter-flexible";
import { LoginThrottle, type LoginLockout } from "~/domain/accounts/login-throttle";
import { flexibleLimiter, memoryLimiters, windowSeconds, type Limiter, type LimiterFactory, type RateRule } from "~/domain/limits";
import { log } from "./log";
import type { RedisClient } from "./redis";

const PREFIX = "balai:rl:";

/** How long a limit waits for Redis before this instance's own counts answer. */
export const REDIS_LIMIT_TIMEOUT_MS = 500;

function redisLimiter(redis: RedisClient, rule: RateRule, onFallback: () => void, timeoutMs: number): RateLimiterAbstract {
  const options = { points: rule.limit, duration: windowSeconds(rule) };
  const insurance = new RateLimiterMemory({ ...options, keyPrefix: rule.name });
  // notice the fallback (log once per outage, metric) without changing its answer
  const watched = new Proxy(insurance, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value === "function" && ["consume", "get", "delete", "reward", "penalty"].includes(String(prop))) {
        return (...args: unknown[]) => {
          onFallback();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
  const shared = new RateLimiterRedis({
    ...options,
    storeClient: redis,
    useRedisPackage: true,
    rejectIfRedisNotReady: true, // disconnected: the insurance answers at once
    keyPrefix: PREFIX + rule.name,
    insuranceLimiter: watched,
  });
  // connected but silent: the insurance answers after timeoutMs
  return new RLWrapperTimeouts({ limiter: shared, timeoutMs, insuranceLimiter: watched });
}

export interface LimitStores {
  limiters: LimiterFactory;
  loginLockout: LoginLockout;
  /** how often a limit was answered by an instance's own counts because Redis was unreachable */
  fallbacks(): number;
}

export function createLimitStores(
  redis: RedisClient | undefined,
  lockout = { maxFailures: 5, windowMs: 15 * 60_000 },
  timeoutMs = REDIS_LIMIT_TIMEOUT_MS,
): LimitStores {
  let fallbacks = 0;
  let warnedAt = 0;
  const onFallback = () => {
    fallbacks++;
    if (Date.now() - warnedAt > 60_000) {
      warnedAt = Date.now();
      log.warn("limits: Redis unreachable, counting per instance until it is back");
    }
  };
  const make = (rule: RateRule) =>
    redis
      ? redisLimiter(redis, rule, onFallback, timeoutMs)
      : new RateLimiterMemory({ keyPrefix: rule.name, points: rule.limit, duration: windowSeconds(rule) });
  const limiters: LimiterFactory = redis ? (rule) => flexibleLimiter(make(rule)) : memoryLimiters;
  if (!redis) return { limiters, loginLockout: new LoginThrottle(lockout), fallbacks: () => 0 };
  const failures = make({ name: "login-failures", limit: lockout.maxFailures, windowMs: lockout.windowMs });
  const loginLockout: LoginLockout = {
    async lockedForMinutes(key) {
      const res = await failures.get(key);
      if (!res || res.consumedPoints < lockout.maxFailures) return 0;
      return Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
    },
    async recordFailure(key) {
      await failures.penalty(key, 1);
    },
    async reset(key) {
      await failures.delete(key);
    },
  };
  return { limiters, loginLockout, fallbacks: () => fallbacks };
}

/** Express middleware: one hit per request that `applies`, the visitor's page when refused. */
export function limitRequests(limiter: Limiter, applies: (req: Request) => boolean, refused: (req: Request, res: Response) => void) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!applies(req)) return next();
    limiter.take(req.ip ?? req.socket.remoteAddress ?? "").then(
      (ok) => (ok ? next() : refused(req, res)),
      (error: unknown) => next(error),
    );
  };
}
