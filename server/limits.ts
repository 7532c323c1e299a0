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
// (its own calls and this script count the same keys). Many requests asked together
// (`takeEach`: a tick's votes) are one call of the same script; the same timeout and
// the same fallback to the insurance limiters.
import type { NextFunction, Request, Response } from "express";
import { RateLimiterMemory, RateLimiterRedis, RLWrapperTimeouts, type RateLimiterAbstract } from "rate-limiter-flexible";
import { LoginThrottle, type LoginLockout } from "~/domain/accounts/login-throttle";
import { flexibleLimiter, memoryLimiters, takeEach, windowSeconds, type Limiter, type LimiterFactory, type LimiterGroup, type RateRule } from "~/domain/limits";
import { log } from "./log";
import type { RedisClient } from "./redis";

const PREFIX = "balai:rl:";

/** How long a limit waits for Redis before this instance's own counts answer. */
export const REDIS_LIMIT_TIMEOUT_MS = 500;

/**
 * Several requests' limits in one call (`takeEach`: a tick's votes). ARGV[1]: how many
 * requests; then per request its number of keys and per key its window in seconds and
 * its limit; KEYS: every request's keys in order. Each key is counted as
 * rate-limiter-flexible's incrTtl script counts it (SET NX EX, INCRBY, PTTL); a request
 * answers 1 when every key of it is within its limit, else 0 after giving the keys within
 * theirs their hit back (a refusing key keeps its hit, as a refused `consume` does). The
 * requests are counted one after the other, so two votes on one key count as two calls.
 */
const TAKE_EACH_SCRIPT = `
local answers = {}
local k, a = 0, 2
for r = 1, tonumber(ARGV[1]) do
  local n = tonumber(ARGV[a])
  a = a + 1
  local consumed, limits = {}, {}
  local refused = false
  for i = 1, n do
    local key, secs = KEYS[k + i], ARGV[a]
    limits[i] = tonumber(ARGV[a + 1])
    a = a + 2
    redis.call('set', key, 0, 'EX', secs, 'NX')
    consumed[i] = redis.call('incrby', key, 1)
    if redis.call('pttl', key) == -1 then redis.call('expire', key, secs) end
    if consumed[i] > limits[i] then refused = true end
  end
  if refused then
    for i = 1, n do
      if consumed[i] <= limits[i] then redis.call('decrby', KEYS[k + i], 1) end
    end
  end
  answers[r] = refused and 0 or 1
  k = k + n
end
return answers
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
    async takeEach(requests) {
      const asked = requests.map((pairs) => pairs.map(([limiter, key]) => ({ rule: rules.get(limiter)!, key })));
      const fallback = () => takeEach(asked.map((pairs) => pairs.map(({ rule, key }): [Limiter, string] => [rule.insurance, key])));
      if (asked.length === 0) return [];
      if (!redis.isReady) return fallback();
      let timer: NodeJS.Timeout | undefined;
      try {
        const answers = await Promise.race([
          redis.eval(TAKE_EACH_SCRIPT, {
            keys: asked.flatMap((pairs) => pairs.map(({ rule, key }) => `${rule.key}:${key}`)),
            arguments: [
              String(asked.length),
              ...asked.flatMap((pairs) => [String(pairs.length), ...pairs.flatMap(({ rule }) => [String(rule.seconds), String(rule.points)])]),
            ],
          }),
          new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("Redis did not answer the limits in time")), timeoutMs))),
        ]);
        if (!Array.isArray(answers) || answers.length !== asked.length) throw new Error("unexpected answer from the limits script");
        return answers.map((answer) => answer === 1);
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
