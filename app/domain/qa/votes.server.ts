// Votes with group commit: votes are queued and stored together (one read and one
// write per batch, not per vote: see storeVotes); each caller's
// promise resolves only after its vote is committed. The Socket.IO hub commits
// the queue right before each broadcast tick (commitVotes), so a vote waits for
// one tick at most and a thousand votes a second cost a few transactions; other
// callers (the forms without JavaScript) get a short window (QA_VOTE_BATCH_MS).
// A batch's rate limits are asked together right before it is stored.
// A participant's vote is a row with a unique key, and a count moves only by the rows
// really inserted or deleted, so retries and toggles can never double-count anyone.
import type { Db, RawSql } from "~/db/client.server";
import { DomainError } from "~/domain/errors";
import type { QaLimits } from "./limits.server";
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
  ip?: string;
  questionId: number;
  on: boolean;
  resolve: (r: VoteResult) => void;
  reject: (e: unknown) => void;
}

interface Queue {
  items: Pending[];
  running: Promise<Committed[]> | null;
  timer: NodeJS.Timeout | null;
  timerAt: number;
}

/** A stored vote: the question's count after the batch, and the version of that count (QaQuestion.voteVersion). */
export interface Committed extends VoteResult {
  sessionId: number;
  version: number;
}

const MAX_BATCH = 1000;
const DEFERRED_FALLBACK_MS = 1000;

/** The process's vote queue: created once by the server and shared by HTTP and Socket.IO. */
export interface VoteQueue {
  /**
   * Cast (on) or take back (off) a vote (the participant exists: see ensureParticipant).
   * Idempotent: voting twice counts once, taking back a vote that is not there
   * changes nothing. `deferred`: the caller commits the queue itself soon
   * (commit at its next tick); a fallback timer commits it anyway.
   */
  cast(who: { participantId: string; ip?: string }, sessionId: number, input: VoteInput, options?: { deferred?: boolean }): Promise<VoteResult>;
  /**
   * Stores every vote queued so far (after a batch already running) and returns the new
   * counts of the questions they touched, with those stored by the queue's own timer since
   * the last call (votes from forms, or a tick that did not come).
   */
  commit(): Promise<Committed[]>;
  /** Waits until every vote queued so far is stored (tests, shutdown). */
  flush(): Promise<void>;
}

export interface VoteQueueOptions {
  /** PostgreSQL: plain SQL through `pg` for the batch's read and write (Database.raw) */
  raw?: RawSql;
  limits: QaLimits;
  /** how long a vote from a form (no socket tick) waits for others to share its transaction */
  batchWindowMs: number;
}

// SQLite: the batch is written as plain SQL with its values inlined: bound parameters
// cost Prisma's raw-query path ~4x more CPU for a 150-row insert. This is safe only
// because every inlined value is checked here first: integers must be safe integers,
// participant ids match [A-Za-z0-9_-] (what the cookie allows). PostgreSQL binds them.
const PARTICIPANT_ID = /^[A-Za-z0-9_-]{1,64}$/;

function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error("not an integer");
  return String(n);
}

function pid(id: string): string {
  if (!PARTICIPANT_ID.test(id)) throw new Error("not a participant id");
  return `'${id}'`;
}

export function createVoteQueue(db: Db, options: VoteQueueOptions): VoteQueue {
  const q: Queue = { items: [], running: null, timer: null, timerAt: 0 };

  const schedule = (delay: number) => {
    const at = Date.now() + delay;
    if (q.timer && q.timerAt <= at) return;
    if (q.timer) clearTimeout(q.timer);
    q.timerAt = at;
    q.timer = setTimeout(() => {
      q.timer = null;
      void store().then(remember);
    }, delay);
  };

  // The limits of a batch's votes are asked together right before it is stored: with
  // Redis (several instances) one script call checks them all, each vote atomically
  // against the shared counts, not one call per vote as each arrives. A vote waits for
  // the tick anyway.
  const checkThenRun = async (batch: Pending[]): Promise<Committed[]> => {
    let answers: boolean[];
    try {
      answers = await options.limits.votes(batch);
    } catch (error) {
      for (const p of batch) p.reject(error);
      return [];
    }
    const allowed: Pending[] = [];
    batch.forEach((p, i) => {
      if (answers[i]) allowed.push(p);
      else p.reject(new DomainError("qa.rateLimited", undefined, undefined, 429));
    });
    return runBatch(db, allowed, options.raw);
  };

  // what was stored, for commit() to report: the newest count of each question
  const unreported = new Map<number, Committed>();
  const remember = (stored: Committed[]) => {
    for (const c of stored) if ((unreported.get(c.questionId)?.version ?? -1) < c.version) unreported.set(c.questionId, c);
  };
  const commit = async (): Promise<Committed[]> => {
    remember(await store());
    const out = [...unreported.values()];
    unreported.clear();
    return out;
  };

  const store = async (): Promise<Committed[]> => {
    const out: Committed[] = [];
    while (q.running) out.push(...(await q.running));
    if (q.timer) {
      clearTimeout(q.timer);
      q.timer = null;
    }
    while (q.items.length) {
      const running = checkThenRun(q.items.splice(0, MAX_BATCH));
      q.running = running;
      try {
        out.push(...(await running));
      } finally {
        q.running = null;
      }
    }
    return out;
  };

  return {
    cast(who, sessionId, input, castOptions = {}) {
      if (!PARTICIPANT_ID.test(who.participantId) || !Number.isSafeInteger(input.questionId) || !Number.isSafeInteger(sessionId)) {
        return Promise.reject(new DomainError("qa.validation.invalid"));
      }
      // queued in the order received; its limits are checked when its batch is stored (checkThenRun)
      return new Promise<VoteResult>((resolve, reject) => {
        q.items.push({ sessionId, participantId: who.participantId, ip: who.ip, questionId: input.questionId, on: input.on, resolve, reject });
        schedule(castOptions.deferred ? DEFERRED_FALLBACK_MS : options.batchWindowMs);
      });
    },
    commit,
    async flush() {
      await commit();
    },
  };
}

async function runBatch(db: Db, batch: Pending[], raw?: RawSql): Promise<Committed[]> {
  if (batch.length === 0) return [];
  const outcome = new Map<Pending, VoteResult | DomainError>();
  const committed: Committed[] = [];
  try {
    const questionIds = [...new Set(batch.map((p) => p.questionId))];
    const participantIds = [...new Set(batch.map((p) => p.participantId))];
    const sessionIds = [...new Set(batch.map((p) => p.sessionId))];
    const rows = await readChecks(db, raw, questionIds, sessionIds, participantIds);
    const byId = new Map<number, { sessionId: number; status: string; mergedIntoId: number | null; sessionStatus: string }>();
    const banned = new Set<string>();
    for (const r of rows) {
      if (r.bannedId !== null) banned.add(`${Number(r.sessionId)}:${r.bannedId}`);
      else
        byId.set(Number(r.id), {
          sessionId: Number(r.sessionId),
          status: r.status!,
          mergedIntoId: r.mergedIntoId === null ? null : Number(r.mergedIntoId),
          sessionStatus: r.sessionStatus!,
        });
    }

    // the last wish of each participant per question wins
    const final = new Map<string, Pending>();
    for (const p of batch) {
      const q = byId.get(p.questionId);
      if (!q || q.sessionId !== p.sessionId) {
        outcome.set(p, new DomainError("qa.questionNotFound", undefined, undefined, 404));
        continue;
      }
      const refusal = voteRefusal({ status: q.sessionStatus }, q, banned.has(`${q.sessionId}:${p.participantId}`));
      if (refusal) {
        // the same refusals as for asking: a ban is "forbidden", the others a conflict with the question's state
        outcome.set(
          p,
          refusal === "banned"
            ? new DomainError("qa.banned", undefined, undefined, 403)
            : new DomainError(refusal === "closed" ? "qa.closed" : "qa.notVotable", undefined, undefined, 409),
        );
        continue;
      }
      final.set(`${p.questionId}:${p.participantId}`, p);
    }
    const ons = [...final.values()].filter((p) => p.on);
    const offs = [...final.values()].filter((p) => !p.on);
    const touched = [...new Set([...final.values()].map((p) => p.questionId))];
    if (touched.length) {
      const counts = await storeVotes(db, raw, ons, offs, touched);
      const countOf = new Map(counts.map((c) => [Number(c.id), Number(c.voteCount)]));
      const versionOf = new Map(counts.map((c) => [Number(c.id), Number(c.voteVersion)]));
      for (const id of touched) {
        const sessionId = byId.get(id)!.sessionId;
        committed.push({ sessionId, questionId: id, on: true, voteCount: countOf.get(id) ?? 0, version: versionOf.get(id) ?? 0 });
      }
      for (const p of batch) {
        if (outcome.has(p)) continue;
        outcome.set(p, { questionId: p.questionId, on: final.get(`${p.questionId}:${p.participantId}`)!.on, voteCount: countOf.get(p.questionId) ?? 0 });
      }
    }
  } catch (error) {
    for (const p of batch) p.reject(error);
    return [];
  }
  for (const p of batch) {
    const r = outcome.get(p);
    if (r instanceof DomainError || r === undefined) p.reject(r ?? new DomainError("qa.notVotable"));
    else p.resolve(r);
  }
  return committed;
}

type Row = { id: number | bigint; voteCount: number | bigint; voteVersion: number | bigint };

type CheckRow = {
  id: number | bigint | null;
  sessionId: number | bigint;
  status: string | null;
  mergedIntoId: number | bigint | null;
  sessionStatus: string | null;
  bannedId: string | null;
};

/**
 * The check read: the questions with their session's state, and the participants' bans.
 * Each argument is the condition on one list: bound parameters on PostgreSQL, checked
 * inlined values on SQLite.
 */
const checkSql = (questionIds: string, sessionIds: string, participantIds: string) =>
  `SELECT q."id" AS "id", q."sessionId" AS "sessionId", q."status" AS "status", q."mergedIntoId" AS "mergedIntoId", s."status" AS "sessionStatus", NULL AS "bannedId" FROM "QaQuestion" q JOIN "QaSession" s ON s."id" = q."sessionId" WHERE q."id" ${questionIds}` +
  ` UNION ALL SELECT NULL, b."sessionId", NULL, NULL, NULL, b."participantId" FROM "QaBan" b WHERE b."sessionId" ${sessionIds} AND b."participantId" ${participantIds}`;

// PostgreSQL: the two statements of a commit are named prepared statements with array
// parameters (values bound, not inlined), planned once per connection (the raw pool asks
// for generic plans: by default the store was planned again on most executions).
const CHECK_SQL = checkSql("= ANY($1::int[])", "= ANY($2::int[])", "= ANY($3::text[])");

// `locked` takes the touched questions' row locks in id order before anything is written
// (the writes wait for it through a one-time filter): instances committing overlapping
// questions queue behind each other instead of deadlocking. $1/$2: the votes cast,
// $3/$4: the votes taken back (question ids, participant ids), $5: the touched questions.
const AFTER_LOCKS = `(SELECT COUNT(*) FROM locked) >= 0`;
const STORE_SQL =
  `WITH locked AS MATERIALIZED (SELECT "id" FROM "QaQuestion" WHERE "id" = ANY($5::int[]) ORDER BY "id" FOR NO KEY UPDATE),` +
  ` ins AS (INSERT INTO "QaVote" ("questionId", "participantId") SELECT v.q, v.p FROM unnest($1::int[], $2::text[]) v(q, p) WHERE ${AFTER_LOCKS} ON CONFLICT ("questionId", "participantId") DO NOTHING RETURNING "questionId", 1 AS "d"),` +
  ` del AS (DELETE FROM "QaVote" WHERE ("questionId", "participantId") IN (SELECT v.q, v.p FROM unnest($3::int[], $4::text[]) v(q, p)) AND ${AFTER_LOCKS} RETURNING "questionId", -1 AS "d"),` +
  ` delta AS (SELECT "questionId", SUM("d") AS "d" FROM (SELECT * FROM ins UNION ALL SELECT * FROM del) c GROUP BY "questionId"),` +
  ` upd AS (UPDATE "QaQuestion" q SET "voteCount" = q."voteCount" + delta."d", "voteVersion" = q."voteVersion" + 1 FROM delta WHERE q."id" = delta."questionId" RETURNING q."id", q."voteCount", q."voteVersion")` +
  // questions whose votes changed nothing (retries) keep their count and its version
  ` SELECT "id", "voteCount", "voteVersion" FROM upd UNION ALL SELECT "id", "voteCount", "voteVersion" FROM "QaQuestion" WHERE "id" = ANY($5::int[]) AND "id" NOT IN (SELECT "id" FROM upd)`;

function readChecks(db: Db, raw: RawSql | undefined, questionIds: number[], sessionIds: number[], participantIds: string[]): Promise<CheckRow[]> {
  if (raw) return raw.query<CheckRow>(CHECK_SQL, [questionIds, sessionIds, participantIds], "qa_vote_check");
  const within = (values: string[]) => `IN (${values.join(",")})`;
  return db.$queryRawUnsafe<CheckRow[]>(checkSql(within(questionIds.map(int)), within(sessionIds.map(int)), within(participantIds.map(pid))));
}

/**
 * Stores a batch's votes and returns the new counts of the questions it touched.
 * PostgreSQL (`raw`, through `pg`): one statement (data-modifying CTEs: atomic on their
 * own, no BEGIN/COMMIT round trips); each instance of a cluster commits its own votes
 * every tick, so the statements per commit are what several instances multiply. The
 * counts move by what the insert and the delete really changed (their RETURNING rows),
 * under the question rows' locks (taken in id order): two instances voting for one
 * question at once both count, and never deadlock. SQLite has no writes in CTEs: one
 * transaction through Prisma, recounting from the votes table.
 */
async function storeVotes(db: Db, raw: RawSql | undefined, ons: Pending[], offs: Pending[], touched: number[]): Promise<Row[]> {
  if (raw) {
    const q = (list: Pending[]) => list.map((p) => p.questionId);
    const p = (list: Pending[]) => list.map((v) => v.participantId);
    return raw.query<Row>(STORE_SQL, [q(ons), p(ons), q(offs), p(offs), touched], "qa_vote_store");
  }
  const pairs = (list: Pending[]) => list.map((p) => `(${int(p.questionId)},${pid(p.participantId)})`).join(",");
  const ids = touched.map(int).join(",");
  const writes = [];
  if (ons.length) {
    writes.push(
      db.$executeRawUnsafe(`INSERT INTO "QaVote" ("questionId", "participantId") VALUES ${pairs(ons)} ON CONFLICT ("questionId", "participantId") DO NOTHING`),
    );
  }
  if (offs.length) writes.push(db.$executeRawUnsafe(`DELETE FROM "QaVote" WHERE ("questionId", "participantId") IN (VALUES ${pairs(offs)})`));
  const recount = db.$queryRawUnsafe<Row[]>(
    `UPDATE "QaQuestion" SET "voteCount" = (SELECT COUNT(*) FROM "QaVote" WHERE "QaVote"."questionId" = "QaQuestion"."id"), "voteVersion" = "voteVersion" + 1 WHERE "id" IN (${ids}) RETURNING "id", "voteCount", "voteVersion"`,
  );
  const results = await db.$transaction([...writes, recount]);
  return results[results.length - 1] as Row[];
}
