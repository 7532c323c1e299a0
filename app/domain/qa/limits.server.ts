// Per-participant and per-IP rate limits for asking and voting. Many phones at a
// meeting share one IP (the venue Wi-Fi, mobile carrier NAT), so the per-IP limits
// are generous; the per-participant ones are tight. The server creates one set for
// the process and hands it to the HTTP actions and the socket handlers alike.
import { RateLimiter, takeAll } from "./rate-limit";

export interface QaLimitRules {
  /** questions per IP per minute */
  asksPerIp: number;
  /** votes per IP per 10 s */
  votesPerIp: number;
  /** poll answers per IP per 10 s (a whole room answers within seconds; default 3000) */
  answersPerIp?: number;
}

export interface QaLimits {
  ask(participantId: string, ip?: string): boolean;
  vote(participantId: string, ip?: string): boolean;
  /** poll answers (and changes of an answer) */
  answer(participantId: string, ip?: string): boolean;
}

export const defaultQaLimitRules: QaLimitRules = { asksPerIp: 60, votesPerIp: 600, answersPerIp: 3000 };

export function createQaLimits(rules: QaLimitRules = defaultQaLimitRules): QaLimits {
  const askPerParticipant = new RateLimiter({ limit: 3, windowMs: 60_000 });
  const askPerIp = new RateLimiter({ limit: rules.asksPerIp, windowMs: 60_000 });
  const votePerParticipant = new RateLimiter({ limit: 30, windowMs: 10_000 });
  const votePerIp = new RateLimiter({ limit: rules.votesPerIp, windowMs: 10_000 });
  const answerPerParticipant = new RateLimiter({ limit: 10, windowMs: 10_000 });
  const answerPerIp = new RateLimiter({ limit: rules.answersPerIp ?? 3000, windowMs: 10_000 });
  return {
    ask(participantId, ip) {
      return takeAll(
        ip
          ? [
              [askPerParticipant, participantId],
              [askPerIp, ip],
            ]
          : [[askPerParticipant, participantId]],
      );
    },
    vote(participantId, ip) {
      return takeAll(
        ip
          ? [
              [votePerParticipant, participantId],
              [votePerIp, ip],
            ]
          : [[votePerParticipant, participantId]],
      );
    },
    answer(participantId, ip) {
      return takeAll(
        ip
          ? [
              [answerPerParticipant, participantId],
              [answerPerIp, ip],
            ]
          : [[answerPerParticipant, participantId]],
      );
    },
  };
}
