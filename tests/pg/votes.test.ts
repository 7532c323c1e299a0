// The vote store's PostgreSQL statement (one data-modifying CTE per batch through `pg`, counts moved
// by what really changed) against a real PostgreSQL, as two instances use it: two
// clients with their own vote queues, the same participants voting on and off the
// same questions at once. The stored counts must equal the vote rows, and every
// refusal must still come back (closed session, ban, pending, merged question).
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { createQaLimits } from "~/domain/qa/limits.server";
import { createVoteQueue, type Committed, type VoteQueue } from "~/domain/qa/votes.server";
import { aParticipant, aQaSession, aQuestion } from "../../prisma/builders";
import { twoInstancesOnPostgres } from "../support/two-instances";

const instances = twoInstancesOnPostgres();
let a: Database;
let queueA: VoteQueue;
let queueB: VoteQueue;

beforeAll(() => {
  const [first, second] = instances();
  a = first;
  const limits = () => createQaLimits({ asksPerIp: 10_000, votesPerIp: 100_000 });
  queueA = createVoteQueue(first.db, { limits: limits(), batchWindowMs: 5, raw: first.raw });
  queueB = createVoteQueue(second.db, { limits: limits(), batchWindowMs: 5, raw: second.raw });
});

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (error: { messageKey?: string }) => error.messageKey ?? String(error),
  );

describe("votes on PostgreSQL", () => {
  it("counts exactly when two instances store the same participants' votes and take-backs at once", async () => {
    expect(a.raw, "PostgreSQL's plain-SQL path").toBeDefined();
    const session = await aQaSession(a.db);
    const questions = await Promise.all([1, 2, 3].map(() => aQuestion(a.db, session.id)));
    const people = await Promise.all(Array.from({ length: 40 }, () => aParticipant(a.db)));
    // five rounds: everyone votes for every question through both instances (duplicates),
    // then every other participant takes a vote back through the other instance
    for (let round = 0; round < 5; round++) {
      const casts = people.flatMap((p, i) =>
        questions.flatMap((q) => [
          queueA.cast({ participantId: p.id }, session.id, { questionId: q.id, on: true }),
          queueB.cast({ participantId: p.id }, session.id, { questionId: q.id, on: true }),
          ...(i % 2 === round % 2 ? [queueB.cast({ participantId: p.id }, session.id, { questionId: q.id, on: false })] : []),
        ]),
      );
      await Promise.all(casts);
      await Promise.all([queueA.flush(), queueB.flush()]);
      for (const q of questions) {
        const stored = await a.db.qaQuestion.findUniqueOrThrow({ where: { id: q.id }, select: { voteCount: true } });
        expect(stored.voteCount).toBe(await a.db.qaVote.count({ where: { questionId: q.id } }));
      }
    }
    // a lone vote answers with the count after it
    const q = questions[0];
    const before = await a.db.qaVote.count({ where: { questionId: q.id } });
    const voter = await aParticipant(a.db);
    expect((await queueA.cast({ participantId: voter.id }, session.id, { questionId: q.id, on: true })).voteCount).toBe(before + 1);
    expect((await queueB.cast({ participantId: voter.id }, session.id, { questionId: q.id, on: true })).voteCount).toBe(before + 1);
    expect((await queueB.cast({ participantId: voter.id }, session.id, { questionId: q.id, on: false })).voteCount).toBe(before);
  });

  it("stores every batch when two instances commit overlapping sets of questions at once, many times, and the counts stay exact", async () => {
    const session = await aQaSession(a.db);
    const questions = await Promise.all(Array.from({ length: 16 }, () => aQuestion(a.db, session.id)));
    // a different overlapping set of questions for each instance and round (seeded, so a failure repeats)
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const someQuestions = () => questions.filter(() => random() < 0.6).sort(() => random() - 0.5);
    const started = Date.now();
    const reported: Committed[] = [];
    const commit = (queue: VoteQueue) => queue.commit().then((stored) => reported.push(...stored));
    for (let round = 0; round < 40; round++) {
      // new voters each round: a participant may vote 30 times in 10 s
      const people = await Promise.all(Array.from({ length: 8 }, () => aParticipant(a.db)));
      const batch = (queue: VoteQueue, voters: typeof people) =>
        voters.flatMap((p) => someQuestions().map((q) => queue.cast({ participantId: p.id }, session.id, { questionId: q.id, on: true })));
      const casts = [...batch(queueA, people.slice(0, 4)), ...batch(queueB, people.slice(4))];
      await Promise.all([Promise.all(casts), commit(queueA), commit(queueB)]);
    }
    await Promise.all([commit(queueA), commit(queueB)]); // what the queues' own timers stored
    // a batch that waited on a deadlock would fail after deadlock_timeout (1 s); the
    // statement takes its row locks in id order so that none can form (this test did not
    // make one happen without that order either: it guards the statement's behaviour)
    expect(Date.now() - started).toBeLessThan(15_000);
    for (const q of questions) {
      const stored = await a.db.qaQuestion.findUniqueOrThrow({ where: { id: q.id }, select: { voteCount: true, voteVersion: true } });
      expect(stored.voteCount).toBe(await a.db.qaVote.count({ where: { questionId: q.id } }));
      // the two instances' reports, ordered by version, end with the stored count: the newest
      // version is the last commit, and one version never comes with two counts
      const mine = reported.filter((c) => c.questionId === q.id);
      const newest = mine.reduce((x, y) => (y.version > x.version ? y : x));
      expect([newest.version, newest.voteCount]).toEqual([stored.voteVersion, stored.voteCount]);
      const byVersion = new Map<number, Set<number>>();
      for (const c of mine) byVersion.set(c.version, (byVersion.get(c.version) ?? new Set()).add(c.voteCount));
      expect([...byVersion.values()].every((counts) => counts.size === 1)).toBe(true);
    }
  });

  it("refuses votes on a closed session, by a banned participant, and on pending or merged questions, and stores the rest of the batch", async () => {
    const open = await aQaSession(a.db);
    const closed = await aQaSession(a.db, { status: "closed" });
    const votable = await aQuestion(a.db, open.id);
    const pending = await aQuestion(a.db, open.id, { status: "pending" });
    const merged = await aQuestion(a.db, open.id);
    await a.db.qaQuestion.update({ where: { id: merged.id }, data: { mergedIntoId: votable.id } });
    const inClosed = await aQuestion(a.db, closed.id);
    const [banned, fine] = await Promise.all([aParticipant(a.db), aParticipant(a.db)]);
    await a.db.qaBan.create({ data: { sessionId: open.id, participantId: banned.id } });
    const results = await Promise.all([
      outcome(queueA.cast({ participantId: fine.id }, open.id, { questionId: votable.id, on: true })),
      outcome(queueA.cast({ participantId: banned.id }, open.id, { questionId: votable.id, on: true })),
      outcome(queueA.cast({ participantId: fine.id }, open.id, { questionId: pending.id, on: true })),
      outcome(queueA.cast({ participantId: fine.id }, open.id, { questionId: merged.id, on: true })),
      outcome(queueA.cast({ participantId: fine.id }, closed.id, { questionId: inClosed.id, on: true })),
      outcome(queueA.cast({ participantId: fine.id }, closed.id, { questionId: votable.id, on: true })),
    ]);
    expect(results).toEqual(["ok", "qa.banned", "qa.notVotable", "qa.notVotable", "qa.closed", "qa.questionNotFound"]);
    expect(
      await a.db.qaVote.findMany({ where: { questionId: { in: [votable.id, pending.id, merged.id, inClosed.id] } }, select: { participantId: true } }),
    ).toEqual([{ participantId: fine.id }]);
    expect((await a.db.qaQuestion.findUniqueOrThrow({ where: { id: votable.id } })).voteCount).toBe(1);
  });
});
