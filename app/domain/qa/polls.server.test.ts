// Poll use cases against a real SQLite database in a temporary folder (no HTTP):
// preparing, one open poll per session, stale moderator actions, answers
// (validation, one per participant, changeable until close, the filter, limits),
// results, copying, changing and deleting drafts, the CSV and the event summary.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import { DomainError } from "~/domain/errors";
import { aPoll, aPollAnswer, aQaSession, aUser, participantKey } from "../../../prisma/builders";
import { createQaLimits } from "./limits.server";
import {
  answerPoll,
  copyPoll,
  copySources,
  createPoll,
  deletePoll,
  editPoll,
  eventPollSummary,
  moderatorPolls,
  participantPoll,
  prepareAnswers,
  storeAnswers,
  pollAction,
  pollResults,
  pollsCsv,
  screenPoll,
  type PreparedAnswer,
} from "./polls.server";
import { ensureParticipant, requireSession } from "./qa.server";
import type { SessionView } from "./views";

let database: Database;
let dir: string;
const mod = { id: 0, role: "moderator" as const };
const resident = { id: 0, role: "resident" as const };
const limits = () => createQaLimits({ asksPerIp: 1000, votesPerIp: 1000, answersPerIp: 10_000 });

const db = () => database.db;
async function newSession(overrides: { extraBlockedWords?: string[]; status?: "open" | "closed" } = {}): Promise<SessionView> {
  const s = await aQaSession(db(), overrides);
  return requireSession(db(), s.code);
}
async function participant(): Promise<string> {
  const id = participantKey();
  await ensureParticipant(db(), id);
  return id;
}
async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "polls-domain-"));
  const url = `file:${path.join(dir, "polls.db")}`;
  await migrate(url);
  database = await openDatabase(url);
  mod.id = (await aUser(db(), { role: "moderator" })).id;
  resident.id = (await aUser(db(), { role: "resident" })).id;
});

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("preparing and running polls", () => {
  it("prepares each kind as a draft; a scale gets 1–5, choices need two", async () => {
    const s = await newSession();
    const single = (await createPoll(db(), mod, s, { kind: "single", question: "Siapa yang sudah pernah memakai JAKI?", options: "Sudah\nBelum\n" })).polls[0]
      .poll;
    expect(single).toMatchObject({ status: "draft", kind: "single", options: [{ label: "Sudah" }, { label: "Belum" }] });
    const scale = (await createPoll(db(), mod, s, { kind: "scale", question: "Seberapa puas?", options: "" })).polls[0].poll;
    expect(scale.options.map((o) => o.label)).toEqual(["1", "2", "3", "4", "5"]);
    const words = (await createPoll(db(), mod, s, { kind: "words", question: "Layanan apa yang paling sulit?", options: "a\nb" })).polls[0].poll;
    expect(words.options).toEqual([]);
    expect(scale.position).toBeGreaterThan(single.position);
    expect((await refusal(createPoll(db(), mod, s, { kind: "multiple", question: "Apa?", options: "satu" }))).field).toBe("options");
  });

  it("refuses every moderator action to a non-moderator", async () => {
    const s = await newSession();
    const poll = await aPoll(db(), s.id);
    for (const work of [
      createPoll(db(), resident, s, { kind: "words", question: "Apa?", options: "" }),
      pollAction(db(), resident, s, { pollId: poll.id, version: 0, action: "open" }),
      pollAction(db(), null, s, { pollId: poll.id, version: 0, action: "showResults" }),
      copyPoll(db(), resident, s, poll.id),
      moderatorPolls(db(), resident, s),
      copySources(db(), null, s),
      pollsCsv(db(), resident, s),
    ]) {
      expect((await refusal(work)).status).toBe(403);
    }
  });

  it("opens one poll at a time per session: opening another closes the first", async () => {
    const s = await newSession();
    const a = await aPoll(db(), s.id);
    const b = await aPoll(db(), s.id);
    await pollAction(db(), mod, s, { pollId: a.id, version: 0, action: "open" });
    const change = await pollAction(db(), mod, s, { pollId: b.id, version: 0, action: "open" });
    const byId = new Map(change.polls.map(({ poll }) => [poll.id, poll]));
    expect(byId.get(b.id)?.status).toBe("open");
    expect(byId.get(a.id)?.status).toBe("closed");
    expect(await db().qaPoll.count({ where: { sessionId: s.id, status: "open" } })).toBe(1);
    // close, reopen, show and hide on the projector
    let v = byId.get(b.id)!.version;
    for (const action of ["close", "reopen", "showResults", "hideResults"] as const) {
      const p = (await pollAction(db(), mod, s, { pollId: b.id, version: v, action })).polls.find((x) => x.poll.id === b.id)!.poll;
      v = p.version;
      if (action === "close") expect(p.status).toBe("closed");
      if (action === "reopen") expect(p.status).toBe("open");
      if (action === "showResults") expect(p.showResults).toBe(true);
      if (action === "hideResults") expect(p.showResults).toBe(false);
    }
    expect((await refusal(pollAction(db(), mod, s, { pollId: b.id, version: v, action: "reopen" }))).messageKey).toBe("polls.notAllowed");
  });

  it("refuses a moderator's action on a poll another moderator changed first (stale), and the later action does not overwrite", async () => {
    const s = await newSession();
    const poll = await aPoll(db(), s.id);
    await pollAction(db(), mod, s, { pollId: poll.id, version: 0, action: "open" });
    // the second moderator saw version 0 too
    const stale = await refusal(pollAction(db(), mod, s, { pollId: poll.id, version: 0, action: "showResults" }));
    expect(stale.messageKey).toBe("qa.stale");
    expect(stale.status).toBe(409);
    expect(await db().qaPoll.findUniqueOrThrow({ where: { id: poll.id } })).toMatchObject({ status: "open", showResults: false, version: 1 });
  });

  it("does not let a moderator act on a poll through another session's code", async () => {
    const s = await newSession();
    const other = await newSession();
    const poll = await aPoll(db(), other.id);
    expect((await refusal(pollAction(db(), mod, s, { pollId: poll.id, version: 0, action: "open" }))).status).toBe(404);
  });

  it("copies a poll from an earlier session as a draft with its choices", async () => {
    const earlier = await newSession({ status: "closed" });
    const source = await aPoll(db(), earlier.id, {
      kind: "multiple",
      options: ["Pasar", "Kuliner", "Kesehatan"],
      status: "closed",
      question: "Stan apa tahun depan?",
    });
    const s = await newSession();
    expect((await copySources(db(), mod, s)).map((x) => x.id)).toContain(source.id);
    const copy = (await copyPoll(db(), mod, s, source.id)).polls[0].poll;
    expect(copy).toMatchObject({ sessionId: s.id, status: "draft", kind: "multiple", question: "Stan apa tahun depan?", copiedFromId: source.id });
    expect(copy.options.map((o) => o.label)).toEqual(["Pasar", "Kuliner", "Kesehatan"]);
  });
});

describe("changing and deleting drafts", () => {
  it("changes a draft's kind, question and choices with the version the moderator saw", async () => {
    const s = await newSession();
    const draft = (await createPoll(db(), mod, s, { kind: "single", question: "Stan apa?", options: "Pasar\nKuliner" })).polls[0].poll;
    const changed = (
      await editPoll(db(), mod, s, {
        pollId: draft.id,
        version: draft.version,
        kind: "multiple",
        question: "Stan apa tahun depan?",
        options: "Pasar\nKesehatan\nUMKM",
      })
    ).polls[0].poll;
    expect(changed).toMatchObject({ id: draft.id, status: "draft", kind: "multiple", question: "Stan apa tahun depan?", version: draft.version + 1 });
    expect(changed.options.map((o) => o.label)).toEqual(["Pasar", "Kesehatan", "UMKM"]);
    expect(await db().qaPollOption.count({ where: { pollId: draft.id } })).toBe(3);
    // to a word cloud: no choices left; to a scale: 1–5
    const words = (await editPoll(db(), mod, s, { pollId: draft.id, version: changed.version, kind: "words", question: "Satu kata?", options: "a\nb" }))
      .polls[0].poll;
    expect(words.options).toEqual([]);
    const scale = (await editPoll(db(), mod, s, { pollId: draft.id, version: words.version, kind: "scale", question: "Seberapa puas?", options: "" })).polls[0]
      .poll;
    expect(scale.options.map((o) => o.label)).toEqual(["1", "2", "3", "4", "5"]);
    // validated like a new poll: the field's message, nothing changed
    const few = await refusal(editPoll(db(), mod, s, { pollId: draft.id, version: scale.version, kind: "single", question: "Apa?", options: "Satu" }));
    expect([few.messageKey, few.field]).toEqual(["polls.validation.optionsFew", "options"]);
    expect(await db().qaPoll.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ kind: "scale", version: scale.version });
  });

  it("refuses a change or a delete made on an older version (another moderator changed it first), and keeps the newer one", async () => {
    const s = await newSession();
    const draft = (await createPoll(db(), mod, s, { kind: "single", question: "Stan apa?", options: "Pasar\nKuliner" })).polls[0].poll;
    await editPoll(db(), mod, s, { pollId: draft.id, version: draft.version, kind: "single", question: "Versi pertama", options: "A\nB" });
    const stale = await refusal(editPoll(db(), mod, s, { pollId: draft.id, version: draft.version, kind: "single", question: "Versi kedua", options: "C\nD" }));
    expect([stale.messageKey, stale.status]).toEqual(["qa.stale", 409]);
    expect((await refusal(deletePoll(db(), mod, s, { pollId: draft.id, version: draft.version }))).messageKey).toBe("qa.stale");
    const now = await db().qaPoll.findUniqueOrThrow({ where: { id: draft.id }, include: { options: { orderBy: { position: "asc" } } } });
    expect([now.question, now.options.map((o) => o.label)]).toEqual(["Versi pertama", ["A", "B"]]);
  });

  it("changes and deletes drafts only: an opened poll is part of the record", async () => {
    const s = await newSession();
    const poll = await aPoll(db(), s.id);
    const opened = (await pollAction(db(), mod, s, { pollId: poll.id, version: 0, action: "open" })).polls.find((p) => p.poll.id === poll.id)!.poll;
    const edit = await refusal(editPoll(db(), mod, s, { pollId: poll.id, version: opened.version, kind: "words", question: "Lain?", options: "" }));
    expect([edit.messageKey, edit.status]).toEqual(["polls.notDraft", 409]);
    expect((await refusal(deletePoll(db(), mod, s, { pollId: poll.id, version: opened.version }))).messageKey).toBe("polls.notDraft");
    // a moderator who still saw the draft: refused the same way, the open poll untouched
    expect((await refusal(deletePoll(db(), mod, s, { pollId: poll.id, version: 0 }))).messageKey).toBe("polls.notDraft");
    expect(await db().qaPoll.findUniqueOrThrow({ where: { id: poll.id } })).toMatchObject({ status: "open" });
  });

  it("deletes a draft with its choices; a copy of it keeps its own; other sessions' polls and non-moderators are refused", async () => {
    const s = await newSession();
    const other = await newSession();
    const draft = await aPoll(db(), s.id, { kind: "single", options: ["Ya", "Tidak"] });
    const copy = (await copyPoll(db(), mod, other, draft.id)).polls[0].poll;
    expect((await refusal(deletePoll(db(), resident, s, { pollId: draft.id, version: 0 }))).status).toBe(403);
    expect((await refusal(editPoll(db(), null, s, { pollId: draft.id, version: 0, kind: "words", question: "Apa?", options: "" }))).status).toBe(403);
    expect((await refusal(deletePoll(db(), mod, other, { pollId: draft.id, version: 0 }))).status).toBe(404);
    const change = await deletePoll(db(), mod, s, { pollId: draft.id, version: 0 });
    expect(change).toEqual({ sessionId: s.id, polls: [], removed: [draft.id] });
    expect(await db().qaPoll.findUnique({ where: { id: draft.id } })).toBeNull();
    expect(await db().qaPollOption.count({ where: { pollId: draft.id } })).toBe(0);
    expect(await db().qaPoll.findUniqueOrThrow({ where: { id: copy.id }, include: { options: true } })).toMatchObject({
      copiedFromId: null,
      options: [{}, {}],
    });
    expect((await refusal(deletePoll(db(), mod, s, { pollId: draft.id, version: 0 }))).status).toBe(404);
  });
});

describe("answers", () => {
  it("stores one answer per participant per poll, changeable until the poll closes", async () => {
    const s = await newSession();
    const poll = await aPoll(db(), s.id, { status: "open", options: ["Sudah", "Belum"] });
    const p = await participant();
    const l = limits();
    const [yes, no] = poll.options;
    const first = await answerPoll(db(), l, { participantId: p }, s, { pollId: poll.id, optionIds: [yes.id] });
    const again = await answerPoll(db(), l, { participantId: p }, s, { pollId: poll.id, optionIds: [no.id] });
    expect(again.answerId).toBe(first.answerId);
    expect(await db().qaPollAnswer.count({ where: { pollId: poll.id } })).toBe(1);
    expect((await pollResults(db(), { id: poll.id, kind: "single", options: poll.options })).rows.map((r) => r.count)).toEqual([0, 1]);
    await db().qaPoll.update({ where: { id: poll.id }, data: { status: "closed" } });
    expect((await refusal(answerPoll(db(), l, { participantId: p }, s, { pollId: poll.id, optionIds: [yes.id] }))).messageKey).toBe("polls.notOpen");
  });

  it("validates choices against the poll's kind and options", async () => {
    const s = await newSession();
    const single = await aPoll(db(), s.id, { status: "open", options: ["A", "B"] });
    const other = await aPoll(db(), s.id, { status: "draft", options: ["X", "Y"] });
    const p = await participant();
    const l = limits();
    expect((await refusal(answerPoll(db(), l, { participantId: p }, s, { pollId: single.id, optionIds: [] }))).field).toBe("optionIds");
    expect((await refusal(answerPoll(db(), l, { participantId: p }, s, { pollId: single.id, optionIds: [other.options[0].id] }))).field).toBe("optionIds");
    expect((await refusal(answerPoll(db(), l, { participantId: p }, s, { pollId: single.id, optionIds: single.options.map((o) => o.id) }))).messageKey).toBe(
      "polls.validation.chooseOne",
    );
    expect((await refusal(answerPoll(db(), l, { participantId: p }, s, { pollId: other.id, optionIds: [other.options[0].id] }))).messageKey).toBe(
      "polls.notOpen",
    );
    const multiple = await aPoll(db(), s.id, { kind: "multiple", options: ["A", "B", "C"] });
    await db().qaPoll.update({ where: { id: multiple.id }, data: { status: "open" } });
    const r = await answerPoll(db(), l, { participantId: p }, s, { pollId: multiple.id, optionIds: [multiple.options[2].id, multiple.options[0].id] });
    expect(r.optionIds).toEqual([multiple.options[0].id, multiple.options[2].id].sort((a, b) => a - b));
  });

  it("normalises word answers and applies the profanity filter and the session's blocked words", async () => {
    const s = await newSession({ extraBlockedWords: ["calo"] });
    const poll = await aPoll(db(), s.id, { kind: "words", status: "open" });
    const l = limits();
    const a = await participant();
    const b = await participant();
    expect((await answerPoll(db(), l, { participantId: a }, s, { pollId: poll.id, optionIds: [], words: "  Pajak   DAERAH " })).words).toBe("pajak daerah");
    await answerPoll(db(), l, { participantId: b }, s, { pollId: poll.id, optionIds: [], words: "pajak daerah" });
    const c = await participant();
    expect((await refusal(answerPoll(db(), l, { participantId: c }, s, { pollId: poll.id, optionIds: [], words: "dasar b4ngsat" }))).messageKey).toBe(
      "qa.validation.profanity",
    );
    expect((await refusal(answerPoll(db(), l, { participantId: c }, s, { pollId: poll.id, optionIds: [], words: "CALO" }))).field).toBe("words");
    expect((await refusal(answerPoll(db(), l, { participantId: c }, s, { pollId: poll.id, optionIds: [], words: "satu dua tiga empat" }))).messageKey).toBe(
      "polls.validation.words",
    );
    const results = await pollResults(db(), { id: poll.id, kind: "words", options: [] });
    expect(results).toMatchObject({ answers: 2, rows: [{ label: "pajak daerah", count: 2, percent: 100 }] });
  });

  it("refuses banned participants, closed sessions and a poll of another session", async () => {
    const s = await newSession();
    const poll = await aPoll(db(), s.id, { status: "open" });
    const p = await participant();
    await db().qaBan.create({ data: { sessionId: s.id, participantId: p } });
    expect((await refusal(answerPoll(db(), limits(), { participantId: p }, s, { pollId: poll.id, optionIds: [poll.options[0].id] }))).status).toBe(403);
    const other = await newSession();
    const q = await participant();
    expect((await refusal(answerPoll(db(), limits(), { participantId: q }, other, { pollId: poll.id, optionIds: [poll.options[0].id] }))).status).toBe(404);
    await db().qaSession.update({ where: { id: s.id }, data: { status: "closed" } });
    const closed = await requireSession(db(), s.code);
    expect((await refusal(answerPoll(db(), limits(), { participantId: q }, closed, { pollId: poll.id, optionIds: [poll.options[0].id] }))).messageKey).toBe(
      "qa.closed",
    );
  });

  it("limits answers per participant and per IP (the injected limits)", async () => {
    const s = await newSession();
    const poll = await aPoll(db(), s.id, { status: "open" });
    const p = await participant();
    const l = createQaLimits({ asksPerIp: 1, votesPerIp: 1, answersPerIp: 12 });
    for (let i = 0; i < 10; i++) await answerPoll(db(), l, { participantId: p, ip: "10.0.0.1" }, s, { pollId: poll.id, optionIds: [poll.options[i % 2].id] });
    expect((await refusal(answerPoll(db(), l, { participantId: p, ip: "10.0.0.1" }, s, { pollId: poll.id, optionIds: [poll.options[0].id] }))).status).toBe(
      429,
    );
    const q = await participant();
    const r = await participant();
    await answerPoll(db(), l, { participantId: q, ip: "10.0.0.1" }, s, { pollId: poll.id, optionIds: [poll.options[0].id] });
    await answerPoll(db(), l, { participantId: r, ip: "10.0.0.1" }, s, { pollId: poll.id, optionIds: [poll.options[0].id] });
    expect((await refusal(answerPoll(db(), l, { participantId: r, ip: "10.0.0.1" }, s, { pollId: poll.id, optionIds: [poll.options[0].id] }))).status).toBe(
      429,
    );
  });
});

describe("group commit", () => {
  it("asks a tick's answers' limits together, in order: the ones past the limit are refused, a refused check uses none", async () => {
    const s = await newSession();
    const poll = await aPoll(db(), s.id, { status: "open" });
    const p = await participant();
    const l = createQaLimits({ asksPerIp: 1, votesPerIp: 1, answersPerIp: 1000 });
    const answer = (pollId: number) => ({ who: { participantId: p, ip: "10.0.0.2" }, sessionId: s.id, input: { pollId, optionIds: [poll.options[0].id] } });
    // ten answers per participant per 10 s: the poll that is not found takes none of them
    const checked = await prepareAnswers(db(), l, [answer(poll.id + 1000), ...Array.from({ length: 11 }, () => answer(poll.id))]);
    expect(checked.map((x) => (x instanceof DomainError ? x.messageKey : "ok"))).toEqual(["polls.notFound", ...Array<string>(10).fill("ok"), "qa.rateLimited"]);
  });

  it("checks a tick's answers together, each with its own outcome, and stores the checked ones in one transaction", async () => {
    const s = await newSession();
    const open = await aPoll(db(), s.id, { status: "open", options: ["A", "B"] });
    const draft = await aPoll(db(), s.id, { options: ["X", "Y"] });
    const [a, b, c] = [await participant(), await participant(), await participant()];
    await db().qaBan.create({ data: { sessionId: s.id, participantId: c } });
    const checked = await prepareAnswers(db(), limits(), [
      { who: { participantId: a }, sessionId: s.id, input: { pollId: open.id, optionIds: [open.options[0].id] } },
      { who: { participantId: b }, sessionId: s.id, input: { pollId: draft.id, optionIds: [draft.options[0].id] } },
      { who: { participantId: c }, sessionId: s.id, input: { pollId: open.id, optionIds: [open.options[1].id] } },
      { who: { participantId: b }, sessionId: s.id + 1000, input: { pollId: open.id, optionIds: [open.options[1].id] } },
      { who: { participantId: b }, sessionId: s.id, input: { pollId: open.id, optionIds: [open.options[1].id] } },
    ]);
    expect(checked.map((x) => (x instanceof DomainError ? x.messageKey : x.value))).toEqual([
      String(open.options[0].id),
      "polls.notOpen",
      "qa.banned",
      "polls.notFound",
      String(open.options[1].id),
    ]);
    const stored = await storeAnswers(
      db(),
      checked.filter((x): x is PreparedAnswer => !(x instanceof DomainError)),
    );
    expect(stored).toHaveLength(2);
    expect(await db().qaPollAnswer.count({ where: { pollId: open.id } })).toBe(2);
  });

  it("moves a poll's answers version once per stored batch, not its updatedAt, and its results carry the version they were counted at", async () => {
    const s = await newSession();
    const poll = await aPoll(db(), s.id, { status: "open", options: ["A", "B"] });
    const other = await aPoll(db(), s.id, { options: ["X", "Y"] });
    const results = (p: typeof poll) => pollResults(db(), { id: p.id, kind: "single", options: p.options });
    expect((await results(poll)).answersVersion).toBe(0);
    const answer = async (participantId: string, optionId: number): Promise<PreparedAnswer> => {
      const [checked] = await prepareAnswers(db(), limits(), [{ who: { participantId }, sessionId: s.id, input: { pollId: poll.id, optionIds: [optionId] } }]);
      if (checked instanceof DomainError) throw checked;
      return checked;
    };
    const [a, b] = [await participant(), await participant()];
    const edited = await db().qaPoll.update({ where: { id: poll.id }, data: { updatedAt: new Date("2026-01-01T00:00:00Z") } });
    await storeAnswers(db(), [await answer(a, poll.options[0].id), await answer(b, poll.options[0].id)]);
    // the moderators' last edit, not the answers' (they have answersVersion)
    expect((await db().qaPoll.findUniqueOrThrow({ where: { id: poll.id } })).updatedAt).toEqual(edited.updatedAt);
    const first = await results(poll);
    expect(first).toMatchObject({ answersVersion: 1, answers: 2 });
    // a changed answer moves it too: the same number of answers, other counts
    await storeAnswers(db(), [await answer(a, poll.options[1].id)]);
    const second = await results(poll);
    expect(second).toMatchObject({ answersVersion: 2, answers: 2 });
    expect(second.rows.map((r) => r.count)).toEqual([1, 1]);
    expect((await results(other)).answersVersion).toBe(0);
  });
});

describe("what each side sees", () => {
  it("participants see the results after answering; the projector only when shown", async () => {
    const s = await newSession();
    const poll = await aPoll(db(), s.id, { status: "open", options: ["Sudah", "Belum"] });
    for (let i = 0; i < 3; i++) await aPollAnswer(db(), poll, { options: ["Sudah"] });
    await aPollAnswer(db(), poll, { options: ["Belum"] });
    const p = await participant();
    expect((await participantPoll(db(), s, p))?.results).toBeNull();
    await answerPoll(db(), limits(), { participantId: p }, s, { pollId: poll.id, optionIds: [poll.options[1].id] });
    const mine = await participantPoll(db(), s, p);
    expect(mine?.mine?.optionIds).toEqual([poll.options[1].id]);
    expect(mine?.results?.rows.map((r) => [r.label, r.count, r.percent])).toEqual([
      ["Sudah", 3, 60],
      ["Belum", 2, 40],
    ]);
    expect((await screenPoll(db(), s))?.results).toBeNull();
    await db().qaPoll.update({ where: { id: poll.id }, data: { showResults: true } });
    expect((await screenPoll(db(), s))?.results?.answers).toBe(5);
  });

  it("exports polls as CSV and keeps asked polls in the event's summary", async () => {
    const s = await newSession();
    const poll = await aPoll(db(), s.id, { kind: "words", status: "closed", question: "Layanan apa yang paling sulit?" });
    await aPollAnswer(db(), poll, { words: "pajak" });
    await aPollAnswer(db(), poll, { words: "pajak" });
    await aPollAnswer(db(), poll, { words: "=cmd" });
    await aPoll(db(), s.id, { question: "Draf yang tidak ditanyakan" });
    const csv = await pollsCsv(db(), mod, s);
    expect(csv).toContain(`${poll.id},words,Layanan apa yang paling sulit?,closed,3,pajak,2,67`);
    expect(csv).toContain("'=cmd");
    const summary = await eventPollSummary(db(), s.eventId);
    expect(summary.map((x) => x.question)).toEqual(["Layanan apa yang paling sulit?"]);
    expect(summary[0].answers).toBe(3);
  });
});
