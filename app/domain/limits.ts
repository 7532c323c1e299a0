// Rate limits behind one interface, whatever keeps the counts: the process's
// memory (the embedded default, and domain tests) or Redis shared by every
// instance (server/limits.ts). rate-limiter-flexible implements both; a limiter is
// made per rule by the factory the server hands to the domain.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export interface RateRule {
  /** a short stable name: the counts' key prefix in Redis */
  name: string;
  limit: number;
  windowMs: number;
}

export interface Limiter {
  /** Records one hit for `key`; false when the limit is reached (a refused hit is not kept against later windows). */
  take(key: string): Promise<boolean>;
  /** Gives one hit back (another limiter of the same request refused it). */
  refund(key: string): Promise<void>;
  /** Set by a store that can ask several of its limiters in one call (Redis: one script per request, see `takeAll`). */
  readonly group?: LimiterGroup;
}

/** Limiters of one store asked together: each request with `takeAll`'s meaning, in order. */
export interface LimiterGroup {
  takeEach(requests: [Limiter, string][][]): Promise<boolean[]>;
}

export type LimiterFactory = (rule: RateRule) => Limiter;

/** Whole seconds, at least one (rate-limiter-flexible counts in seconds). */
export function windowSeconds(rule: RateRule): number {
  return Math.max(1, Math.round(rule.windowMs / 1000));
}

/** Wraps any rate-limiter-flexible limiter (memory, Redis with its memory insurance). */
export function flexibleLimiter(limiter: { consume(key: string): Promise<unknown>; reward(key: string, points?: number): Promise<unknown> }): Limiter {
  return {
    async take(key) {
      try {
        await limiter.consume(key);
        return true;
      } catch (error) {
        if (error instanceof RateLimiterRes) return false;
        throw error;
      }
    },
    async refund(key) {
      await limiter.reward(key, 1).catch(() => undefined);
    },
  };
}

/** Counts in this process only: one instance (the embedded default), and domain tests. */
export const memoryLimiters: LimiterFactory = (rule) =>
  flexibleLimiter(new RateLimiterMemory({ keyPrefix: rule.name, points: rule.limit, duration: windowSeconds(rule) }));

/**
 * Several limits that must all agree (per participant and per IP), asked at once:
 * when one refuses, the others get their hit back. Limiters of one store that
 * can answer together (Redis) are asked in one call, atomically.
 */
export async function takeAll(pairs: [Limiter, string][]): Promise<boolean> {
  return (await takeEach([pairs]))[0];
}

/**
 * Many requests' limits, each as `takeAll`, in order (a tick's votes): a store that can
 * answer together (Redis) gets one call for them all, not one per request.
 */
export async function takeEach(requests: [Limiter, string][][]): Promise<boolean[]> {
  const group = requests[0]?.[0]?.[0].group;
  if (group && requests.every((pairs) => pairs.every(([limiter]) => limiter.group === group))) return group.takeEach(requests);
  return Promise.all(requests.map(takeAllApart));
}

async function takeAllApart(pairs: [Limiter, string][]): Promise<boolean> {
  const answers = await Promise.all(pairs.map(([limiter, key]) => limiter.take(key)));
  if (answers.every(Boolean)) return true;
  await Promise.all(pairs.map(([limiter, key], i) => (answers[i] ? limiter.refund(key) : undefined)));
  return false;
}
