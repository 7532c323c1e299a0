// The use cases against a real SQLite database (no HTTP): votes with group
// commit, merge without double counting, stale moderator views, asking rules.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import { DomainError } from "~/domain/errors";
import { createQaLimits } from "./limits.server";
import { aQaSession, aQuestion, anEvent } from "../../../prisma/builders";
import { OPEN_PAGE_SIZE } from "./views";
import {
  askQuestion,
  createVoteQueue,
  ensureParticipant,
  listOpenSessions,
  moderateQuestion,
  openSession,
  participantSnapshot,
  requireSession,
  sessionAction,
  sessionsForEvent,
  type SessionView,
} from "./qa.server";

let database: Database;
let votes: ReturnType<typeof createVoteQueue>;
const limits = createQaLimits();
const castVote = (_db: unknown, ...args: Parameters<typeof votes.cast>) => votes.cast(...args);
const flushVotes = (_db: unknown) => votes.flush();
let session: SessionView;
const mod = { id: 0, role: "moderator" as const };

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "qa-domain-"));
  const url = `file:${path.join(dir, "qa.db")}`;
  await migrate(url);
  database = await openDatabase(url);
  const db = database.db;
  votes = createVoteQueue(db, { limits: createQaLimits({ asksPerIp: 1000, votesPerIp: 10_000 }), batchWindowMs: 15 });
  const user = await db.user.create({ data: { name: "Moderator", email: "m@x.test", passwordHash: "x", role: "moderator" } });
  mod.id = user.id;
  const event = await db.event.create({
    data: { kind: "dialogue", title: "Ngopi Dursa", startsAt: new Date(), endsAt: new Date(), venueName: "Pendopo", venueAddress: "Jl. Raya" },
  });
  session = await openSession(db, mod, event.id, { premoderation: false });
  for (const p of ["voter-a-00000000", "voter-b-00000000", "voter-c-00000000", "voter-d-00000000", "v1-0000000000000", "v2-0000000000000", "v3-0000000000000"])
    await ensureParticipant(db, p);
});

afterAll(async () => {
  await database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ask = async (participantId: string, text: string) =>
  (await askQuestion(database.db, limits, { participantId, userId: null }, await requireSession(database.db, session.code), { text, anonymous: true }))
    .question;

describe("votes", () => {
  it("counts each participant once, takes votes back, and survives retries in one batch", async () => {
    const q = await ask("asker-one-000000", "Kapan saluran di RW 03 dikeruk?");
    const db = database.db;
    const votes = ["voter-a-00000000", "voter-b-00000000", "voter-c-00000000"].flatMap((p) => [
      castVote(db, { participantId: p }, session.id, { questionId: q.id, on: true }),
      castVote(db, { participantId: p }, session.id, { questionId: q.id, on: true }),
    ]);
    const results = await Promise.all(votes);
    expect(results.at(-1)!.voteCount).toBe(3);
    await castVote(db, { participantId: "voter-a-00000000" }, session.id, { questionId: q.id, on: false });
    const again = await castVote(db, { participantId: "voter-a-00000000" }, session.id, { questionId: q.id, on: false });
    expect(again.voteCount).toBe(2);
    await flushVotes(db);
    const stored = await db.qaQuestion.findUniqueOrThrow({ where: { id: q.id } });
    expect(stored.voteCount).toBe(2);
    const vote = await db.qaVote.findFirstOrThrow({ where: { questionId: q.id } });
    expect(vote.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(vote.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("checks every vote's limits when its batch is stored: over the participant's or the IP's limit refused, the rest stored", async () => {
    const db = database.db;
    const q = await ask("asker-nine-00000", "Kapan lampu jalan di gang 5 diperbaiki?");
    const queue = createVoteQueue(db, { limits: createQaLimits({ asksPerIp: 1000, votesPerIp: 4 }), batchWindowMs: 15 });
    // 32 toggles by one participant in one batch: the per-participant limit is 30 per 10 s
    const toggles = Array.from({ length: 32 }, (_, i) =>
      queue.cast({ participantId: "v1-0000000000000" }, session.id, { questionId: q.id, on: i % 2 === 0 }).then(
        () => "ok",
        (error: DomainError) => error.messageKey,
      ),
    );
    expect(await Promise.all(toggles)).toEqual([...Array(30).fill("ok"), "qa.rateLimited", "qa.rateLimited"]);
    // one IP: 4 votes per 10 s whoever casts them
    const fromIp = ["v2-0000000000000", "v3-0000000000000", "voter-c-00000000", "voter-d-00000000", "voter-b-00000000"].map((participantId) =>
      queue.cast({ participantId, ip: "10.9.9.9" }, session.id, { questionId: q.id, on: true }).then(
        () => "ok",
        (error: DomainError) => error.messageKey,
      ),
    );
    expect(await Promise.all(fromIp)).toEqual(["ok", "ok", "ok", "ok", "qa.rateLimited"]);
    expect(await db.qaVote.count({ where: { questionId: q.id, participantId: "voter-b-00000000" } })).toBe(0);
    expect(await db.qaVote.count({ where: { questionId: q.id } })).toBe(4); // v1's last toggle was a take-back
  });

  it("reports at the next commit what its own timer stored, newest count of each question, with versions in commit order", async () => {
    const db = database.db;
    const q = await ask("asker-seven-0000", "Kapan posyandu RW 02 buka lagi?");
    const queue = createVoteQueue(db, { limits: createQaLimits({ asksPerIp: 1000, votesPerIp: 10_000 }), batchWindowMs: 5 });
    // not deferred: the queue's timer stores each of these (no tick)
    const first = await queue.cast({ participantId: "voter-a-00000000" }, session.id, { questionId: q.id, on: true });
    const second = await queue.cast({ participantId: "voter-b-00000000" }, session.id, { questionId: q.id, on: true });
    expect([first.voteCount, second.voteCount]).toEqual([1, 2]);
    const reported = await queue.commit();
    const stored = await db.qaQuestion.findUniqueOrThrow({ where: { id: q.id } });
    expect(reported).toEqual([{ sessionId: session.id, questionId: q.id, on: true, voteCount: 2, version: stored.voteVersion }]);
    expect(stored.voteVersion).toBe(2);
    expect(await queue.commit()).toEqual([]); // reported once
  });

  it("never lets a participant id or question id reach the SQL unchecked", async () => {
    const db = database.db;
    const q = await ask("asker-eight-0000", "Apakah ada jadwal kerja bakti bulan ini?");
    await expect(castVote(db, { participantId: 'x\'); DROP TABLE "QaVote"; --' }, session.id, { questionId: q.id, on: true })).rejects.toMatchObject({
      messageKey: "qa.validation.invalid",
    });
    await expect(castVote(db, { participantId: "voter-a-00000000" }, session.id, { questionId: 1.5, on: true })).rejects.toMatchObject({
      messageKey: "qa.validation.invalid",
    });
    expect(await db.qaVote.count()).toBeGreaterThan(0);
  });

  it("refuses votes on pending questions and on other sessions' questions", async () => {
    const db = database.db;
    await sessionAction(db, mod, session, { revision: 0, action: "premoderationOn" });
    const q = await ask("asker-two-000000", "Apakah KTP bisa diurus hari Sabtu?");
    expect(q.status).toBe("pending");
    await expect(castVote(db, { participantId: "voter-d-00000000" }, session.id, { questionId: q.id, on: true })).rejects.toMatchObject({
      messageKey: "qa.notVotable",
    });
    await expect(castVote(db, { participantId: "voter-d-00000000" }, session.id + 999, { questionId: q.id, on: true })).rejects.toBeInstanceOf(DomainError);
    await sessionAction(db, mod, session, { revision: 0, action: "premoderationOff" });
  });
});

describe("moderation", () => {
  it("merges duplicates: votes add up without counting anyone twice", async () => {
    const db = database.db;
    const a = await ask("asker-three-0000", "Kapan ada layanan KTP keliling?");
    const b = await ask("asker-four-00000", "Layanan KTP keliling kapan ke RW kami?");
    await Promise.all([
      castVote(db, { participantId: "v1-0000000000000" }, session.id, { questionId: a.id, on: true }),
      castVote(db, { participantId: "v2-0000000000000" }, session.id, { questionId: a.id, on: true }),
      castVote(db, { participantId: "v2-0000000000000" }, session.id, { questionId: b.id, on: true }),
      castVote(db, { participantId: "v3-0000000000000" }, session.id, { questionId: b.id, on: true }),
    ]);
    const current = await requireSession(db, session.code);
    const fresh = await db.qaQuestion.findUniqueOrThrow({ where: { id: b.id } });
    const before = await db.qaQuestion.findUniqueOrThrow({ where: { id: a.id } });
    const change = await moderateQuestion(db, mod, current, { questionId: b.id, version: fresh.version, action: "merge", intoId: a.id });
    const primary = change.questions.find((q) => q.id === a.id)!;
    expect(primary.voteCount).toBe(3);
    // the merge changed the count: its version moves too (instances keep the newest count by it)
    expect((await db.qaQuestion.findUniqueOrThrow({ where: { id: a.id } })).voteVersion).toBe(before.voteVersion + 1);
    expect(change.questions.find((q) => q.id === b.id)).toMatchObject({ status: "archived", mergedIntoId: a.id });
    const snap = await participantSnapshot(db, change.session, "someone-else-000");
    expect(snap.questions.map((q) => q.id)).toContain(a.id);
    expect(snap.questions.map((q) => q.id)).not.toContain(b.id);
  });

  it("refuses an action based on an out-of-date version", async () => {
    const db = database.db;
    const q = await ask("asker-five-00000", "Bagaimana cara daftar bank sampah?");
    const s = await requireSession(db, session.code);
    await moderateQuestion(db, mod, s, { questionId: q.id, version: q.version, action: "pin" });
    await expect(moderateQuestion(db, mod, s, { questionId: q.id, version: q.version, action: "archive" })).rejects.toMatchObject({
      messageKey: "qa.stale",
      status: 409,
    });
    const stored = await db.qaQuestion.findUniqueOrThrow({ where: { id: q.id } });
    expect(stored).toMatchObject({ status: "approved", pinned: true });
  });

  it("refuses moderator actions from residents and anonymous participants", async () => {
    const s = await requireSession(database.db, session.code);
    await expect(sessionAction(database.db, { id: 1, role: "resident" }, s, { revision: 0, action: "close" })).rejects.toMatchObject({ status: 403 });
    await expect(sessionAction(database.db, null, s, { revision: 0, action: "close" })).rejects.toMatchObject({ status: 403 });
  });

  it("asks idempotently and filters profanity", async () => {
    const a = await ask("asker-six-000000", "Apakah trotoar Jl. Swadaya akan diperbaiki?");
    const b = await ask("asker-six-000000", "Apakah trotoar Jl. Swadaya akan diperbaiki?");
    expect(b.id).toBe(a.id);
    await expect(ask("asker-seven-0000", "dasar bangsat semua")).rejects.toMatchObject({ messageKey: "qa.validation.profanity" });
  });
});

describe("sessions of an event", () => {
  it("follow the events' own visibility rule: a draft's sessions are for staff only", async () => {
    const db = database.db;
    const draft = await anEvent(db, { status: "draft" });
    const published = await anEvent(db);
    await openSession(db, mod, draft.id, { premoderation: true });
    await openSession(db, mod, published.id, { premoderation: true });
    for (const viewer of [null, { id: 1, role: "resident" as const }]) {
      await expect(sessionsForEvent(db, viewer, draft.id)).rejects.toMatchObject({ messageKey: "qa.eventNotFound", status: 404 });
      expect((await sessionsForEvent(db, viewer, published.id)).sessions).toHaveLength(1);
      const listed = (await listOpenSessions(db, viewer, 100)).map((s) => s.eventId);
      expect(listed).toContain(published.id);
      expect(listed).not.toContain(draft.id);
    }
    expect((await sessionsForEvent(db, mod, draft.id)).event.title).toBe(draft.title);
    expect((await listOpenSessions(db, mod, 100)).map((s) => s.eventId)).toContain(draft.id);
    await expect(sessionsForEvent(db, mod, 999_999)).rejects.toMatchObject({ status: 404 });
  });
});

describe("the participant's list of open questions", () => {
  it("holds the first page in the page's order, more on request, and always the asker's own", async () => {
    const db = database.db;
    const s = await requireSession(db, (await aQaSession(db)).code);
    const base = Date.now() - 3_600_000;
    const made: Awaited<ReturnType<typeof aQuestion>>[] = [];
    // 60 open questions, the later ones with more votes; one pinned with none
    for (let i = 0; i < 60; i++) made.push(await aQuestion(db, s.id, { createdAt: new Date(base + i * 1000), voters: i >= 50 ? [`pv-${i}-0000000000`] : [] }));
    const pinned = await aQuestion(db, s.id, { pinned: true, createdAt: new Date(base - 5000) });
    const mine = made[10]!;
    const popular = await participantSnapshot(db, s, mine.participantId);
    const open = popular.questions.filter((q) => q.status === "approved");
    expect(popular.open).toEqual({ total: 61, shown: OPEN_PAGE_SIZE });
    expect(open[0]!.id).toBe(pinned.id);
    // then the ten voted ones, oldest first, then the unvoted oldest first
    expect(open.slice(1, 11).map((q) => q.id)).toEqual(made.slice(50).map((q) => q.id));
    expect(open.slice(11, OPEN_PAGE_SIZE).map((q) => q.id)).toEqual(made.slice(0, 39).map((q) => q.id));
    // another participant does not get the asker's question beyond the page; the asker does
    expect((await participantSnapshot(db, s, "someone-else-000")).questions.some((q) => q.id === made[45]!.id)).toBe(false);
    const asker = await participantSnapshot(db, s, made[45]!.participantId);
    expect(asker.questions.find((q) => q.id === made[45]!.id)).toMatchObject({ mine: true });
    expect(asker.open?.shown).toBe(OPEN_PAGE_SIZE);
    const newest = (await participantSnapshot(db, s, null, { sort: "newest" })).questions;
    expect(newest.slice(0, 3).map((q) => q.id)).toEqual([pinned.id, made[59]!.id, made[58]!.id]);
    // ?open=N: whole pages, the rest on the second
    const all = await participantSnapshot(db, s, null, { shown: 51 });
    expect(all.open).toEqual({ total: 61, shown: 61 });
    expect(all.questions).toHaveLength(61);
  });
});
