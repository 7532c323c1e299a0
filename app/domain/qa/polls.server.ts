// Live polls and word clouds in a Q&A session (issue 17): moderators prepare,
// open (one at a time per session), close, reopen, show results on the projector
// and copy polls from earlier sessions; participants answer once per poll (and may
// change their answer until it closes). Shared by the HTTP actions (JavaScript
// off) and the socket handlers (server/realtime/polls.ts). Every answer is stored
// before it is acknowledged or counted; results are always counted from the
// stored answers, so a retry or a restart never double-counts.
import type { Db } from "~/db/client.server";
import { DomainError } from "~/domain/errors";
import { audit } from "~/domain/audit/audit.server";
import { can, type Actor } from "~/domain/accounts/roles";
import type { QaLimits } from "./limits.server";
import { containsProfanity, parseBlockedWords } from "./profanity";
import type { AnswerInput, CreatePollInput, DeletePollInput, EditPollInput, PollActionInput } from "./polls.schema";
import {
  choiceValue,
  computeResults,
  isEditable,
  isPollKind,
  nextPollStatus,
  normaliseWords,
  parseChoiceValue,
  POLL_OPTION_MAX,
  POLL_OPTIONS_MAX,
  SCALE_LABELS,
  splitOptions,
  type ParticipantPoll,
  type PollResults,
  type PollStatus,
  type PollView,
} from "./polls";
import type { SessionView } from "./views";

export type { ParticipantPoll, PollResults, PollView } from "./polls";

const pollSelect = {
  id: true,
  sessionId: true,
  kind: true,
  question: true,
  status: true,
  showResults: true,
  version: true,
  position: true,
  copiedFromId: true,
  options: { select: { id: true, label: true }, orderBy: { position: "asc" } },
} as const;

type PollRow = {
  id: number;
  sessionId: number;
  kind: string;
  question: string;
  status: string;
  showResults: boolean;
  version: number;
  position: number;
  copiedFromId: number | null;
  options: { id: number; label: string }[];
};

export function pollView(p: PollRow): PollView {
  return {
    id: p.id,
    sessionId: p.sessionId,
    kind: isPollKind(p.kind) ? p.kind : "single",
    question: p.question,
    status: p.status === "open" || p.status === "closed" ? p.status : "draft",
    showResults: p.showResults,
    version: p.version,
    position: p.position,
    copiedFromId: p.copiedFromId,
    options: p.options,
  };
}

function requireModerator(actor: Actor | null): asserts actor is Actor {
  if (!can.moderate(actor)) throw new DomainError("error.403.text", undefined, undefined, 403);
}

async function requirePoll(db: Db, session: SessionView, pollId: number): Promise<PollView> {
  const row = await db.qaPoll.findFirst({ where: { id: pollId, sessionId: session.id }, select: pollSelect });
  if (!row) throw new DomainError("polls.notFound", undefined, undefined, 404);
  return pollView(row);
}

// ------------------------------------------------------------------ results

/**
 * The poll's results, counted from the stored answers, with the answers version they
 * were counted at: one statement, so both come from the same snapshot (the version row
 * is the one with a NULL value; an answer's value never is).
 */
export async function pollResults(db: Db, poll: Pick<PollView, "id" | "kind" | "options">): Promise<PollResults> {
  const rows = await db.$queryRaw<{ value: string | null; n: number | bigint }[]>`
    SELECT "value", COUNT(*) AS n FROM "QaPollAnswer" WHERE "pollId" = ${poll.id} GROUP BY "value"
    UNION ALL SELECT NULL, "answersVersion" FROM "QaPoll" WHERE "id" = ${poll.id}`;
  const groups = rows.flatMap((r) => (r.value === null ? [] : [{ value: r.value, count: Number(r.n) }]));
  return computeResults(poll, groups, Number(rows.find((r) => r.value === null)?.n ?? 0));
}

/** The results of several polls of a session, by id (the tick: one query per poll that changed). */
export async function resultsOf(db: Db, pollIds: number[]): Promise<PollResults[]> {
  if (pollIds.length === 0) return [];
  const polls = await db.qaPoll.findMany({ where: { id: { in: pollIds } }, select: pollSelect });
  return Promise.all(polls.map((p) => pollResults(db, pollView(p))));
}

// ------------------------------------------------------------------ reading

export interface ModeratorPoll {
  poll: PollView;
  results: PollResults;
}

/** The console: every poll of the session with its live results. */
export async function moderatorPolls(db: Db, actor: Actor | null, session: SessionView): Promise<ModeratorPoll[]> {
  requireModerator(actor);
  const rows = await db.qaPoll.findMany({ where: { sessionId: session.id }, select: pollSelect, orderBy: [{ position: "asc" }, { id: "asc" }] });
  return Promise.all(rows.map(async (r) => ({ poll: pollView(r), results: await pollResults(db, pollView(r)) })));
}

/** Polls of earlier sessions a moderator may copy (newest first). */
export async function copySources(db: Db, actor: Actor | null, session: SessionView, limit = 50) {
  requireModerator(actor);
  const rows = await db.qaPoll.findMany({
    where: { sessionId: { not: session.id } },
    select: { id: true, kind: true, question: true, session: { select: { code: true, event: { select: { title: true } } } } },
    orderBy: { id: "desc" },
    take: limit,
  });
  return rows.map((r) => ({ id: r.id, kind: r.kind, question: r.question, code: r.session.code, eventTitle: r.session.event.title }));
}

/** The session's open poll, or else the one closed last (so the room still sees its results). */
export async function currentPoll(db: Db, session: SessionView): Promise<PollView | null> {
  const open = await db.qaPoll.findFirst({ where: { sessionId: session.id, status: "open" }, select: pollSelect, orderBy: { id: "desc" } });
  if (open) return pollView(open);
  const closed = await db.qaPoll.findFirst({
    where: { sessionId: session.id, status: "closed", closedAt: { gte: new Date(Date.now() - 30 * 60_000) } },
    select: pollSelect,
    orderBy: { closedAt: "desc" },
  });
  return closed ? pollView(closed) : null;
}

/** What a participant sees: the current poll, their answer, and the results once they answered (or it closed). */
export async function participantPoll(db: Db, session: SessionView, participantId: string | null): Promise<ParticipantPoll | null> {
  const poll = await currentPoll(db, session);
  if (!poll) return null;
  const row = participantId
    ? await db.qaPollAnswer.findUnique({ where: { pollId_participantId: { pollId: poll.id, participantId } }, select: { value: true } })
    : null;
  const mine = row ? (poll.kind === "words" ? { optionIds: [], words: row.value } : { optionIds: parseChoiceValue(row.value), words: null }) : null;
  const results = mine || poll.status === "closed" ? await pollResults(db, poll) : null;
  return { poll, mine, results };
}

/** The projector: the current poll, and its results only when a moderator shows them. */
export async function screenPoll(db: Db, session: SessionView): Promise<{ poll: PollView; results: PollResults | null } | null> {
  const poll = await currentPoll(db, session);
  if (!poll) return null;
  return { poll, results: poll.showResults ? await pollResults(db, poll) : null };
}

// ------------------------------------------------------------------ moderators

/** What changed, for the broadcaster: stored, with the poll's new state (and the ids of deleted drafts). */
export interface PollChange {
  sessionId: number;
  polls: { poll: PollView; results: PollResults }[];
  removed?: number[];
}

async function changeOf(db: Db, sessionId: number, polls: PollView[]): Promise<PollChange> {
  return { sessionId, polls: await Promise.all(polls.map(async (poll) => ({ poll, results: await pollResults(db, poll) }))) };
}

function optionsFor(input: CreatePollInput): string[] {
  if (input.kind === "scale") return [...SCALE_LABELS];
  if (input.kind === "words") return [];
  const options = splitOptions(input.options);
  if (options.length < 2) throw new DomainError("polls.validation.optionsFew", "options");
  if (options.length > POLL_OPTIONS_MAX) throw new DomainError("polls.validation.optionsMany", "options", { max: POLL_OPTIONS_MAX });
  if (options.some((o) => o.length > POLL_OPTION_MAX)) throw new DomainError("polls.validation.optionLong", "options", { max: POLL_OPTION_MAX });
  return options;
}

async function insertPoll(db: Db, sessionId: number, data: { kind: string; question: string; options: string[]; copiedFromId?: number }): Promise<PollView> {
  const last = await db.qaPoll.aggregate({ where: { sessionId }, _max: { position: true } });
  const row = await db.qaPoll.create({
    data: {
      sessionId,
      kind: data.kind,
      question: data.question,
      position: (last._max.position ?? 0) + 1,
      copiedFromId: data.copiedFromId ?? null,
      options: { create: data.options.map((label, position) => ({ label, position })) },
    },
    select: pollSelect,
  });
  return pollView(row);
}

/** Prepare a poll (a draft), before the event or on the spot. */
export async function createPoll(db: Db, actor: Actor | null, session: SessionView, input: CreatePollInput): Promise<PollChange> {
  requireModerator(actor);
  const poll = await insertPoll(db, session.id, { kind: input.kind, question: input.question, options: optionsFor(input) });
  await audit(db, {
    actorId: actor.id,
    action: "qa.poll.create",
    targetType: "QaPoll",
    targetId: poll.id,
    details: { sessionId: session.id, kind: poll.kind },
  });
  return changeOf(db, session.id, [poll]);
}

/** Copy a poll of an earlier session into this one, as a draft. */
export async function copyPoll(db: Db, actor: Actor | null, session: SessionView, sourceId: number): Promise<PollChange> {
  requireModerator(actor);
  const source = await db.qaPoll.findUnique({ where: { id: sourceId }, select: pollSelect });
  if (!source) throw new DomainError("polls.notFound", "sourceId", undefined, 404);
  const poll = await insertPoll(db, session.id, {
    kind: source.kind,
    question: source.question,
    options: source.options.map((o) => o.label),
    copiedFromId: source.id,
  });
  await audit(db, { actorId: actor.id, action: "qa.poll.copy", targetType: "QaPoll", targetId: poll.id, details: { sessionId: session.id, from: source.id } });
  return changeOf(db, session.id, [poll]);
}

/** Refused edit or delete of a poll that was not changed (count 0): it is gone, no longer a draft, or another moderator changed it first. */
async function refusedDraftChange(db: Db, session: SessionView, pollId: number): Promise<never> {
  const now = await requirePoll(db, session, pollId);
  if (!isEditable(now)) throw new DomainError("polls.notDraft", undefined, undefined, 409);
  throw new DomainError("qa.stale", undefined, undefined, 409);
}

/**
 * Change a draft (kind, question, choices) with the version the moderator saw. Only
 * drafts: once opened, a poll's choices are what people answered. The update names the
 * version and the draft status, so a concurrent open or edit wins and this one is refused.
 */
export async function editPoll(db: Db, actor: Actor | null, session: SessionView, input: EditPollInput): Promise<PollChange> {
  requireModerator(actor);
  const poll = await requirePoll(db, session, input.pollId);
  if (!isEditable(poll)) throw new DomainError("polls.notDraft", undefined, undefined, 409);
  if (poll.version !== input.version) throw new DomainError("qa.stale", undefined, undefined, 409);
  const options = optionsFor(input);
  const changed = await db.$transaction(async (tx) => {
    const res = await tx.qaPoll.updateMany({
      where: { id: poll.id, sessionId: session.id, version: input.version, status: "draft" },
      data: { kind: input.kind, question: input.question, version: { increment: 1 } },
    });
    if (res.count === 0) return false;
    await tx.qaPollOption.deleteMany({ where: { pollId: poll.id } });
    if (options.length) await tx.qaPollOption.createMany({ data: options.map((label, position) => ({ pollId: poll.id, label, position })) });
    return true;
  });
  if (!changed) return refusedDraftChange(db, session, poll.id);
  await audit(db, { actorId: actor.id, action: "qa.poll.edit", targetType: "QaPoll", targetId: poll.id, details: { sessionId: session.id, kind: input.kind } });
  return changeOf(db, session.id, [await requirePoll(db, session, poll.id)]);
}

/** Delete a draft, with the version the moderator saw (an opened poll stays: it is part of the record). */
export async function deletePoll(db: Db, actor: Actor | null, session: SessionView, input: DeletePollInput): Promise<PollChange> {
  requireModerator(actor);
  const res = await db.qaPoll.deleteMany({ where: { id: input.pollId, sessionId: session.id, version: input.version, status: "draft" } });
  if (res.count === 0) return refusedDraftChange(db, session, input.pollId);
  await audit(db, { actorId: actor.id, action: "qa.poll.delete", targetType: "QaPoll", targetId: input.pollId, details: { sessionId: session.id } });
  return { sessionId: session.id, polls: [], removed: [input.pollId] };
}

/**
 * Open, close, reopen, show or hide results, with the version the moderator saw:
 * when another moderator changed the poll first, refused as stale (never a silent
 * overwrite). Opening a poll closes the session's other open poll (one at a time).
 */
export async function pollAction(db: Db, actor: Actor | null, session: SessionView, input: PollActionInput): Promise<PollChange> {
  requireModerator(actor);
  const poll = await requirePoll(db, session, input.pollId);
  if (poll.version !== input.version) throw new DomainError("qa.stale", undefined, undefined, 409);
  const to = nextPollStatus(poll.status, input.action);
  if (!to) throw new DomainError("polls.notAllowed", undefined, undefined, 409);
  const opening = to === "open" && poll.status !== "open";
  const data: { status: PollStatus; version: { increment: number }; showResults?: boolean; openedAt?: Date; closedAt?: Date | null } = {
    status: to,
    version: { increment: 1 },
  };
  if (input.action === "showResults") data.showResults = true;
  if (input.action === "hideResults") data.showResults = false;
  if (opening) {
    data.openedAt = new Date();
    data.closedAt = null;
  }
  if (to === "closed" && poll.status === "open") data.closedAt = new Date();
  const closedOthers = await db.$transaction(async (tx) => {
    // the session row first: concurrent "open"s in one session wait for each other (PostgreSQL row lock)
    await tx.qaSession.update({ where: { id: session.id }, data: { revision: { increment: 1 } } });
    const res = await tx.qaPoll.updateMany({ where: { id: poll.id, version: input.version }, data });
    if (res.count === 0) throw new DomainError("qa.stale", undefined, undefined, 409);
    if (!opening) return [];
    const others = await tx.qaPoll.findMany({ where: { sessionId: session.id, status: "open", id: { not: poll.id } }, select: { id: true } });
    if (others.length) {
      await tx.qaPoll.updateMany({
        where: { id: { in: others.map((o) => o.id) } },
        data: { status: "closed", closedAt: new Date(), version: { increment: 1 } },
      });
    }
    return others.map((o) => o.id);
  });
  await audit(db, { actorId: actor.id, action: `qa.poll.${input.action}`, targetType: "QaPoll", targetId: poll.id, details: { sessionId: session.id } });
  const rows = await db.qaPoll.findMany({ where: { id: { in: [poll.id, ...closedOthers] } }, select: pollSelect });
  return changeOf(db, session.id, rows.map(pollView));
}

// ------------------------------------------------------------------ participants

export interface Answerer {
  participantId: string;
  ip?: string;
}

export interface StoredAnswer {
  pollId: number;
  /** the answer row's id (ids grow as answers are stored: the hub's watermark) */
  answerId: number;
  optionIds: number[];
  words: string | null;
}

/** The stored value of an answer, validated against the poll (kind, options, words and the filter). */
export function answerValue(poll: PollView, session: Pick<SessionView, "extraBlockedWords">, input: Pick<AnswerInput, "optionIds" | "words">): string {
  if (poll.kind === "words") {
    const words = normaliseWords(input.words ?? "");
    if (!words) throw new DomainError("polls.validation.words", "words");
    if (containsProfanity(words, session.extraBlockedWords)) throw new DomainError("qa.validation.profanity", "words");
    return words;
  }
  const ids = [...new Set(input.optionIds)];
  const known = new Set(poll.options.map((o) => o.id));
  if (ids.length === 0) throw new DomainError("polls.validation.choose", "optionIds");
  if (ids.some((id) => !known.has(id))) throw new DomainError("polls.validation.choose", "optionIds");
  if (poll.kind !== "multiple" && ids.length > 1) throw new DomainError("polls.validation.chooseOne", "optionIds");
  return choiceValue(ids);
}

/** An answer checked and ready to store (see prepareAnswer, storeAnswers). */
export interface PreparedAnswer {
  pollId: number;
  kind: PollView["kind"];
  participantId: string;
  value: string;
}

/**
 * Checks an answer without storing it: the poll is open and in this session, the
 * session is open, the participant is not banned, the answer fits the poll (and
 * the filter), and the limits allow it. One read: the poll with its session's
 * state and the participant's ban.
 */
export async function prepareAnswer(db: Db, limits: QaLimits, who: Answerer, session: Pick<SessionView, "id">, input: AnswerInput): Promise<PreparedAnswer> {
  const row = await db.qaPoll.findFirst({
    where: { id: input.pollId, sessionId: session.id },
    select: {
      ...pollSelect,
      session: { select: { status: true, extraBlockedWords: true, bans: { where: { participantId: who.participantId }, select: { participantId: true } } } },
    },
  });
  if (!row) throw new DomainError("polls.notFound", undefined, undefined, 404);
  const poll = pollView(row);
  if (row.session.status !== "open") throw new DomainError("qa.closed", undefined, undefined, 409);
  if (poll.status !== "open") throw new DomainError("polls.notOpen", undefined, undefined, 409);
  if (row.session.bans.length > 0) throw new DomainError("qa.banned", undefined, undefined, 403);
  const value = answerValue(poll, { extraBlockedWords: parseBlockedWords(row.session.extraBlockedWords) }, input);
  if (!(await limits.answer(who.participantId, who.ip))) throw new DomainError("qa.rateLimited", undefined, undefined, 429);
  return { pollId: poll.id, kind: poll.kind, participantId: who.participantId, value };
}

/** One answer as received, for prepareAnswers (a tick's answers checked together). */
export interface ReceivedAnswer {
  who: Answerer;
  sessionId: number;
  input: AnswerInput;
}

/**
 * prepareAnswer for many answers at once, with two reads in all (the polls with
 * their sessions, the bans): each answer gets its own outcome, checked or refused.
 */
export async function prepareAnswers(db: Db, limits: QaLimits, received: ReceivedAnswer[]): Promise<(PreparedAnswer | DomainError)[]> {
  if (received.length === 0) return [];
  const pollIds = [...new Set(received.map((r) => r.input.pollId))];
  const [polls, bans] = await Promise.all([
    db.qaPoll.findMany({
      where: { id: { in: pollIds } },
      select: { ...pollSelect, session: { select: { status: true, extraBlockedWords: true } } },
    }),
    db.qaBan.findMany({
      where: {
        sessionId: { in: [...new Set(received.map((r) => r.sessionId))] },
        participantId: { in: [...new Set(received.map((r) => r.who.participantId))] },
      },
      select: { sessionId: true, participantId: true },
    }),
  ]);
  const byId = new Map(polls.map((p) => [p.id, p]));
  const banned = new Set(bans.map((b) => `${b.sessionId}:${b.participantId}`));
  const out: (PreparedAnswer | DomainError)[] = [];
  for (const r of received) {
    try {
      const row = byId.get(r.input.pollId);
      if (!row || row.sessionId !== r.sessionId) throw new DomainError("polls.notFound", undefined, undefined, 404);
      const poll = pollView(row);
      if (row.session.status !== "open") throw new DomainError("qa.closed", undefined, undefined, 409);
      if (poll.status !== "open") throw new DomainError("polls.notOpen", undefined, undefined, 409);
      if (banned.has(`${r.sessionId}:${r.who.participantId}`)) throw new DomainError("qa.banned", undefined, undefined, 403);
      const value = answerValue(poll, { extraBlockedWords: parseBlockedWords(row.session.extraBlockedWords) }, r.input);
      out.push({ pollId: poll.id, kind: poll.kind, participantId: r.who.participantId, value });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      out.push(error);
    }
  }
  // the limits of every answer that passed, asked together (with Redis: one call for the tick)
  const passed = out.flatMap((o, i) => (o instanceof DomainError ? [] : [i]));
  const allowed = await limits.answers(passed.map((i) => received[i].who));
  passed.forEach((i, k) => {
    if (!allowed[k]) out[i] = new DomainError("qa.rateLimited", undefined, undefined, 429);
  });
  return out;
}

/**
 * Stores checked answers in one transaction (group commit: the socket hub stores
 * a tick's answers together, one commit instead of one per answer). One row per
 * participant per poll: a later answer replaces the earlier one. A poll closed in
 * the meantime keeps what was already checked before the close.
 */
export async function storeAnswers(db: Db, answers: PreparedAnswer[]): Promise<StoredAnswer[]> {
  if (answers.length === 0) return [];
  // each poll's answers version first, in id order: its row lock orders the instances'
  // commits (and their versions) and is held until this one's answers are in. Plain SQL:
  // Prisma's update would move the poll's updatedAt, which records the moderators' edits.
  const pollIds = [...new Set(answers.map((a) => a.pollId))].sort((x, y) => x - y);
  const rows = await db.$transaction([
    ...pollIds.map((id) => db.$executeRaw`UPDATE "QaPoll" SET "answersVersion" = "answersVersion" + 1 WHERE "id" = ${id}`),
    ...answers.map((a) =>
      db.qaPollAnswer.upsert({
        where: { pollId_participantId: { pollId: a.pollId, participantId: a.participantId } },
        create: { pollId: a.pollId, participantId: a.participantId, value: a.value },
        update: { value: a.value },
        select: { id: true },
      }),
    ),
  ]);
  return answers.map((a, i) => ({
    pollId: a.pollId,
    answerId: (rows[pollIds.length + i] as { id: number }).id,
    optionIds: a.kind === "words" ? [] : parseChoiceValue(a.value),
    words: a.kind === "words" ? a.value : null,
  }));
}

/**
 * A participant's answer (the participant exists: see ensureParticipant). One per
 * participant per poll: answering again replaces it until the poll closes.
 * Idempotent: the same answer twice stores one row.
 */
export async function answerPoll(db: Db, limits: QaLimits, who: Answerer, session: Pick<SessionView, "id">, input: AnswerInput): Promise<StoredAnswer> {
  const [stored] = await storeAnswers(db, [await prepareAnswer(db, limits, who, session, input)]);
  return stored;
}

// ------------------------------------------------------------------ record

/** The polls of an event's sessions that were asked (not drafts), with their results: the event's public summary. */
export async function eventPollSummary(db: Db, eventId: number): Promise<PollResultsWithQuestion[]> {
  const rows = await db.qaPoll.findMany({
    where: { session: { eventId }, status: { not: "draft" } },
    select: pollSelect,
    orderBy: [{ sessionId: "asc" }, { position: "asc" }, { id: "asc" }],
    take: 30,
  });
  return Promise.all(rows.map(async (r) => ({ question: r.question, ...(await pollResults(db, pollView(r))) })));
}

export type PollResultsWithQuestion = PollResults & { question: string };

function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The session's polls as CSV lines (one line per choice or word), appended to the session's export. */
export async function pollsCsv(db: Db, actor: Actor | null, session: SessionView): Promise<string> {
  const polls = await moderatorPolls(db, actor, session);
  const lines = [["poll_id", "poll_kind", "poll_question", "poll_status", "poll_answers", "choice_or_word", "count", "percent"].join(",")];
  for (const { poll, results } of polls) {
    const rows = results.rows.length ? results.rows : [{ label: "", count: 0, percent: 0 }];
    for (const r of rows) lines.push([poll.id, poll.kind, poll.question, poll.status, results.answers, r.label, r.count, r.percent].map(csvCell).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
