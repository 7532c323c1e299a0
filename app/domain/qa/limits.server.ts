// Per-participant and per-IP rate limits for asking, voting and answering polls.
// Many phones at a meeting share one IP (the venue Wi-Fi, mobile carrier NAT), so
// the per-IP limits are generous; the per-participant ones are tight. The server
// creates one set for the process and hands it to the HTTP actions and the socket
// handlers alike; with REDIS_URL the counts live in Redis (server/limits.ts), so a
// participant cannot get more by switching instance either.
import { memoryLimiters, takeAll, takeEach, type Limiter, type LimiterFactory } from "~/domain/limits";

export interface QaLimitRules {
  /** questions per IP per minute */
  asksPerIp: number;
  /** votes per IP per 10 s */
  votesPerIp: number;
  /** poll answers per IP per 10 s (a whole room answers within seconds; default 3000) */
  answersPerIp?: number;
}

export interface Voter {
  participantId: string;
  ip?: string;
}

export interface QaLimits {
  ask(participantId: string, ip?: string): Promise<boolean>;
  /** a batch's votes, asked together (with Redis: one call for the batch); one answer per vote, in order */
  votes(voters: Voter[]): Promise<boolean[]>;
  /** poll answers (and changes of an answer) */
  answer(participantId: string, ip?: string): Promise<boolean>;
  /** a tick's poll answers, asked together as `votes` */
  answers(answerers: Voter[]): Promise<boolean[]>;
}

export const defaultQaLimitRules: QaLimitRules = { asksPerIp: 60, votesPerIp: 600, answersPerIp: 3000 };

/** `limiters`: where the counts live (this process by default; Redis when the server scales out). */
export function createQaLimits(rules: QaLimitRules = defaultQaLimitRules, limiters: LimiterFactory = memoryLimiters): QaLimits {
  const askPerParticipant = limiters({ name: "qa-ask-p", limit: 3, windowMs: 60_000 });
  const askPerIp = limiters({ name: "qa-ask-ip", limit: rules.asksPerIp, windowMs: 60_000 });
  const votePerParticipant = limiters({ name: "qa-vote-p", limit: 30, windowMs: 10_000 });
  const votePerIp = limiters({ name: "qa-vote-ip", limit: rules.votesPerIp, windowMs: 10_000 });
  const answerPerParticipant = limiters({ name: "qa-answer-p", limit: 10, windowMs: 10_000 });
  const answerPerIp = limiters({ name: "qa-answer-ip", limit: rules.answersPerIp ?? 3000, windowMs: 10_000 });
  const both = (perParticipant: Limiter, perIp: Limiter, participantId: string, ip?: string): [Limiter, string][] =>
    ip
      ? [
          [perParticipant, participantId],
          [perIp, ip],
        ]
      : [[perParticipant, participantId]];
  return {
    ask: (participantId, ip) => takeAll(both(askPerParticipant, askPerIp, participantId, ip)),
    votes: (voters) => takeEach(voters.map((v) => both(votePerParticipant, votePerIp, v.participantId, v.ip))),
    answer: (participantId, ip) => takeAll(both(answerPerParticipant, answerPerIp, participantId, ip)),
    answers: (answerers) => takeEach(answerers.map((a) => both(answerPerParticipant, answerPerIp, a.participantId, a.ip))),
  };
}
