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
//
// Limits asked together (`takeAll`: a vote's per-participant and per-IP limit) are
// one Redis call: a script that counts the hit in each and, when one refuses, gives
// the others theirs back, atomically, with rate-limiter-flexible's keys and rules
// (its own calls and this script count the same keys). Half the round trips and
// scripts per vote; the same timeout and the same fallback to the insurance limiters.
import type { NextFunction, Request, Response } from "express";
import { RateLimiterMemory, RateLimiterRedis, RLWrapperTimeouts, type RateLimiterAbstract } from "rate-limiter-flexible";
import { LoginThrottle, type LoginLockout } from "~/domain/accounts/login-throttle";
import { flexibleLimiter, memoryLimiters, takeAll, windowSeconds, type Limiter, type LimiterFactory, type LimiterGroup, type RateRule } from "~/domain/limits";
import { log } from "./log";
import type { RedisClient } from "./redis";

const PREFIX = "balai:rl:";

/** How long a limit waits for Redis before this instance's own counts answer. */
export const REDIS_LIMIT_TIMEOUT_MS = 500;

/**
 * KEYS: the limits' keys; ARGV: per key its window in seconds and its limit. Each key
 * as rate-limiter-flexible's incrTtl script counts it (SET NX EX, INCRBY, PTTL), then
 * 1 when every key is within its limit, else 0 after giving the keys within theirs
 * their hit back (a refusing key keeps its hit, as a refused `consume` does).
 */
const TAKE_ALL_SCRIPT = `
local consumed = {}
local refused = false
for i = 1, #KEYS do
  local secs = ARGV[2 * i - 1]
  redis.call('set', KEYS[i], 0, 'EX', secs, 'NX')
  consumed[i] = redis.call('incrby', KEYS[i], 1)
  if redis.call('pttl', KEYS[i]) == -1 then redis.call('expire', KEYS[i], secs) end
  if consumed[i] > tonumber(ARGV[2 * i]) then refused = true end
end
if not refused then return 1 end
for i = 1, #KEYS do
  if consumed[i] <= tonumber(ARGV[2 * i]) then redis.call('decrby', KEYS[i], 1) end
end
return 0
`;

interface RedisRule {
  key: string;
  points: number;
  seconds: number;
  /** this instance's own counts (the fallback) */
  insurance: Limiter;
}

/** One script call for limiters of this store asked together; the insurance limiters when Redis is not ready or silent. */
function redisGroup(redis: RedisClient, rules: WeakMap<Limiter, RedisRule>, timeoutMs: number): LimiterGroup {
  return {
    async takeAll(pairs) {
      const asked = pairs.map(([limiter, key]) => ({ rule: rules.get(limiter)!, key }));
      const fallback = () => takeAll(asked.map(({ rule, key }): [Limiter, string] => [rule.insurance, key]));
      if (!redis.isReady) return fallback();
      let timer: NodeJS.Timeout | undefined;
      try {
        const answer = await Promise.race([
          redis.eval(TAKE_ALL_SCRIPT, {
            keys: asked.map(({ rule, key }) => `${rule.key}:${key}`),
            arguments: asked.flatMap(({ rule }) => [String(rule.seconds), String(rule.points)]),
          }),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("Redis did not answer the limit in time")), timeoutMs))),
        ]);
        return answer === 1;
      } catch {
        return fallback();
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function redisLimiter(redis: RedisClient, rule: RateRule, onFallback: () => void, timeoutMs: number) {
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
  const limiter: RateLimiterAbstract = new RLWrapperTimeouts({ limiter: shared, timeoutMs, insuranceLimiter: watched });
  return { limiter, rule: { key: PREFIX + rule.name, points: options.points, seconds: options.duration, insurance: flexibleLimiter(watched) } };
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
  if (!redis) return { limiters: memoryLimiters, loginLockout: new LoginThrottle(lockout), fallbacks: () => 0 };
  const rules = new WeakMap<Limiter, RedisRule>();
  const group = redisGroup(redis, rules, timeoutMs);
  const limiters: LimiterFactory = (rule) => {
    const made = redisLimiter(redis, rule, onFallback, timeoutMs);
    const limiter: Limiter = { ...flexibleLimiter(made.limiter), group };
    rules.set(limiter, made.rule);
    return limiter;
  };
  const failures = redisLimiter(redis, { name: "login-failures", limit: lockout.maxFailures, windowMs: lockout.windowMs }, onFallback, timeoutMs).limiter;
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
