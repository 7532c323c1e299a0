// Poll results as several instances count them, against a real PostgreSQL: two clients
// store batches of answers to one poll at once while both keep counting its results,
// as each instance's tick does before it broadcasts them. The answers version a result
// carries must order the results (a client keeps the newest): the same version always
// with the same counts, a newer version never with fewer answers, and the newest equal
// to what is stored in the end.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { newestResults, type PollResults } from "~/domain/qa/polls";
import { pollResults, storeAnswers, type PreparedAnswer } from "~/domain/qa/polls.server";
import { aParticipant, aPoll, aQaSession } from "../../prisma/builders";
import { twoInstancesOnPostgres } from "../support/two-instances";

const instances = twoInstancesOnPostgres();
let a: Database;
let b: Database;

beforeAll(() => {
  [a, b] = instances();
});

describe("poll results on PostgreSQL", () => {
  it("are ordered by their answers version while two instances store and count at once", async () => {
    const session = await aQaSession(a.db);
    const poll = await aPoll(a.db, session.id, { status: "open", options: ["Ya", "Tidak", "Belum tahu"] });
    const choices = { id: poll.id, kind: "single" as const, options: poll.options };
    const BATCHES = 30;
    const PER_BATCH = 4;
    const people = await Promise.all(Array.from({ length: BATCHES * PER_BATCH }, () => aParticipant(a.db)));
    const batch = (k: number): PreparedAnswer[] =>
      people.slice(k * PER_BATCH, (k + 1) * PER_BATCH).map((p, i) => ({
        pollId: poll.id,
        participantId: p.id,
        kind: "single",
        value: String(poll.options[(k + i) % poll.options.length].id),
      }));
    const seen: PollResults[] = [];
    let storing = true;
    const count = async (db: Database) => {
      while (storing) seen.push(await pollResults(db.db, choices));
    };
    const store = async (db: Database, parity: number) => {
      for (let k = parity; k < BATCHES; k += 2) await storeAnswers(db.db, batch(k));
    };
    const counting = [count(a), count(b), count(a), count(b)];
    await Promise.all([store(a, 0), store(b, 1)]);
    storing = false;
    await Promise.all(counting);

    const last = await pollResults(b.db, choices);
    expect(last.answersVersion).toBe(BATCHES);
    expect(last.answers).toBe(BATCHES * PER_BATCH);
    expect(seen.length).toBeGreaterThan(BATCHES);
    seen.push(last);
    const byVersion = new Map<number, PollResults>();
    for (const r of seen) {
      const earlier = byVersion.get(r.answersVersion);
      if (earlier) expect(r.rows, `two counts at version ${r.answersVersion}`).toEqual(earlier.rows);
      byVersion.set(r.answersVersion, r);
    }
    const versions = [...byVersion.keys()].sort((x, y) => x - y);
    for (let i = 1; i < versions.length; i++)
      expect(byVersion.get(versions[i])!.answers, `version ${versions[i]} after ${versions[i - 1]}`).toBeGreaterThan(byVersion.get(versions[i - 1])!.answers);
    // a client sent all of them, in any order, keeps the newest: what is stored
    const shuffled = [...seen].sort(() => Math.random() - 0.5);
    expect(shuffled.reduce<PollResults | null>((held, r) => newestResults(held, r), null)).toEqual(last);
  });
});
