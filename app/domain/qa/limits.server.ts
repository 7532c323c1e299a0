// Per-participant and per-IP rate limits for asking and voting (one process, in
// memory). Many phones at a meeting share one IP (the venue Wi-Fi, mobile
// carrier NAT), so the per-IP limits are generous; the per-participant ones are tight.
import { RateLimiter, takeAll } from "./rate-limit";

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function createQaLimits() {
  const askPerParticipant = new RateLimiter({ limit: 3, windowMs: 60_000 });
  const askPerIp = new RateLimiter({ limit: envInt("QA_RATE_LIMIT_IP_ASKS", 60), windowMs: 60_000 });
  const votePerParticipant = new RateLimiter({ limit: 30, windowMs: 10_000 });
  const votePerIp = new RateLimiter({ limit: envInt("QA_RATE_LIMIT_IP_VOTES", 600), windowMs: 10_000 });
  return {
    ask(participantId: string, ip?: string): boolean {
      return takeAll(ip ? [[askPerParticipant, participantId], [askPerIp, ip]] : [[askPerParticipant, participantId]]);
    },
    vote(participantId: string, ip?: string): boolean {
      return takeAll(ip ? [[votePerParticipant, participantId], [votePerIp, ip]] : [[votePerParticipant, participantId]]);
    },
  };
}

/** The process-wide limits (HTTP and Socket.IO share them). */
export const qaLimits = createQaLimits();
