// Votes with group commit: votes arriving while a write is in progress are stored
// together in the next transaction (a handful of statements per batch, not per
// vote), and each caller's promise resolves only after its vote is committed.
// Counts are recomputed from the votes table, so retries and toggles can never
// double-count a participant.
import type { Db } from "~/db/client.server";
import { DomainError } from "~/domain/errors";
import { qaLimits } from "./limits.server";
import type { VoteInput } from "./qa.schema";
import { voteRefusal } from "./rules";

export interface VoteResult {
  questionId: number;
  on: boolean;
  voteCount: number;
}

interface Pending {
  sessionId: number;
  participantId: string;
  questionId: number;
  on: boolean;
  resolve: (r: VoteResult) => void;
  reject: (e: unknown) => void;
}

interface Queue {
  items: Pending[];
  running: Promise<void> | null;
  scheduled: boolean;
}

const MAX_BATCH = 1000;
const queues = new WeakMap<Db, Queue>();

function queueOf(db: Db): Queue {
  let q = queues.get(db);
  if (!q) {
    q = { items: [], running: null, scheduled: false };
    queues.set(db, q);
  }
  return q;
}

/** A raw statement with parameters, portable across SQLite and PostgreSQL (Prisma places the parameters). */
function template(parts: (string | { value: unknown })[]): [TemplateStringsArray, ...unknown[]] {
  const strings: string[] = [""];
  const values: unknown[] = [];
  for (const p of parts) {
    if (typeof p === "string") strings[strings.length - 1] += p;
    else {
      values.push(p.value);
      strings.push("");
    }
  }
  const arr = Object.assign([...strings], { raw: [...strings] }) as unknown as TemplateStringsArray;
  return [arr, ...values];
}

function list<T>(items: T[], each: (item: T) => (string | { value: unknown })[]): (string | { value: unknown })[] {
  const out: (string | { value: unknown })[] = [];
  items.forEach((item, i) => {
    if (i) out.push(",");
    out.push(...each(item));
  });
  return out;
}

/**
 * Cast (on) or take back (off) a vote. Idempotent: voting twice counts once,
 * taking back a vote that is not there changes nothing.
 */
export function castVote(db: Db, who: { participantId: string; ip?: string }, sessionId: number, input: VoteInput): Promise<VoteResult> {
  if (!qaLimits.vote(who.participantId, who.ip)) return Promise.reject(new DomainError("qa.rateLimited", undefined, undefined, 429));
  return new Promise((resolve, reject) => {
    const q = queueOf(db);
    q.items.push({ sessionId, participantId: who.participantId, questionId: input.questionId, on: input.on, resolve, reject });
    schedule(db, q);
  });
}

function schedule(db: Db, q: Queue) {
  if (q.running || q.scheduled) return;
  q.scheduled = true;
  setImmediate(() => {
    q.scheduled = false;
    q.running = runBatch(db, q.items.splice(0, MAX_BATCH)).finally(() => {
      q.running = null;
      if (q.items.length) schedule(db, q);
    });
  });
}

/** Waits until every vote queued so far is stored (tests, shutdown). */
export async function flushVotes(db: Db): Promise<void> {
  const q = queueOf(db);
  while (q.running || q.items.length || q.scheduled) {
    if (q.running) await q.running;
    else await new Promise((r) => setImmediate(r));
  }
}

async function runBatch(db: Db, batch: Pending[]): Promise<void> {
  if (batch.length === 0) return;
  const outcome = new Map<Pending, VoteResult | DomainError>();
  try {
    await db.$transaction(async (tx) => {
      const questionIds = [...new Set(batch.map((p) => p.questionId))];
      const participantIds = [...new Set(batch.map((p) => p.participantId))];
      const [questions, bans, known] = await Promise.all([
        tx.qaQuestion.findMany({
          where: { id: { in: questionIds } },
          select: { id: true, sessionId: true, status: true, mergedIntoId: true, session: { select: { status: true } } },
        }),
        tx.qaBan.findMany({ where: { participantId: { in: participantIds } }, select: { sessionId: true, participantId: true } }),
        tx.qaParticipant.findMany({ where: { id: { in: participantIds } }, select: { id: true } }),
      ]);
      const byId = new Map(questions.map((q) => [q.id, q]));
      const banned = new Set(bans.map((b) => `${b.sessionId}:${b.participantId}`));
      const missing = participantIds.filter((id) => !known.some((k) => k.id === id));
      if (missing.length) await tx.qaParticipant.createMany({ data: missing.map((id) => ({ id })) });

      // the last wish of each participant per question wins
      const final = new Map<string, Pending>();
      for (const p of batch) {
        const q = byId.get(p.questionId);
        if (!q || q.sessionId !== p.sessionId) {
          outcome.set(p, new DomainError("qa.questionNotFound", undefined, undefined, 404));
          continue;
        }
        const refusal = voteRefusal(q.session, q, banned.has(`${q.sessionId}:${p.participantId}`));
        if (refusal) {
          outcome.set(p, new DomainError(refusal === "closed" ? "qa.closed" : refusal === "banned" ? "qa.banned" : "qa.notVotable", undefined, undefined, 409));
          continue;
        }
        final.set(`${p.questionId}:${p.participantId}`, p);
      }
      const ons = [...final.values()].filter((p) => p.on);
      const offs = [...final.values()].filter((p) => !p.on);
      if (ons.length) {
        await tx.$executeRaw(
          ...template([
            'INSERT INTO "QaVote" ("questionId", "participantId") VALUES ',
            ...list(ons, (p) => ["(", { value: p.questionId }, ",", { value: p.participantId }, ")"]),
            ' ON CONFLICT ("questionId", "participantId") DO NOTHING',
          ]),
        );
      }
      if (offs.length) {
        await tx.$executeRaw(
          ...template([
            'DELETE FROM "QaVote" WHERE ',
            ...list(offs, (p) => ['("questionId" = ', { value: p.questionId }, ' AND "participantId" = ', { value: p.participantId }, ")"]).map((x) =>
              x === "," ? " OR " : x,
            ),
          ]),
        );
      }
      const touched = [...new Set([...final.values()].map((p) => p.questionId))];
      if (touched.length) {
        await tx.$executeRaw(
          ...template([
            'UPDATE "QaQuestion" SET "voteCount" = (SELECT COUNT(*) FROM "QaVote" WHERE "QaVote"."questionId" = "QaQuestion"."id") WHERE "id" IN (',
            ...list(touched, (id) => [{ value: id }]),
            ")",
          ]),
        );
        const counts = await tx.qaQuestion.findMany({ where: { id: { in: touched } }, select: { id: true, voteCount: true } });
        const countOf = new Map(counts.map((c) => [c.id, c.voteCount]));
        for (const p of batch) {
          if (outcome.has(p)) continue;
          outcome.set(p, { questionId: p.questionId, on: final.get(`${p.questionId}:${p.participantId}`)!.on, voteCount: countOf.get(p.questionId) ?? 0 });
        }
      }
    });
  } catch (error) {
    for (const p of batch) p.reject(error);
    return;
  }
  for (const p of batch) {
    const r = outcome.get(p);
    if (r instanceof DomainError || r === undefined) p.reject(r ?? new DomainError("qa.notVotable"));
    else p.resolve(r);
  }
}
