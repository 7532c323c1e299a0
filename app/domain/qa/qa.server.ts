// Live Q&A use cases, shared by the HTTP actions (JavaScript off) and the socket
// handlers (server/realtime/qa.ts). Every change is written to the database
// before it is returned, so callers acknowledge and broadcast only stored facts.
import { createHash, randomInt } from "node:crypto";
import type { Db } from "~/db/client.server";
import { DomainError, isUniqueViolation } from "~/domain/errors";
import { audit } from "~/domain/audit/audit.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { canSeeEvent } from "~/domain/events/events.server";
import type { AskInput, ModerateInput, SessionActionInput, VoteInput } from "./qa.schema";
import { containsProfanity, parseBlockedWords, splitBlockedWords } from "./profanity";
import { initialStatus, isPublic, makeJoinCode, mergedVoters, nextStatus, visibleTo } from "./rules";
import type { QaLimits } from "./limits.server";
import type { LiveCounts, QuestionView, SessionView, Snapshot } from "./views";

// ------------------------------------------------------------------ views

export type { LiveCounts, QuestionView, SessionView, Snapshot } from "./views";

const sessionInclude = { event: { select: { title: true } } } as const;
type SessionRow = {
  id: number;
  code: string;
  eventId: number;
  status: string;
  premoderation: boolean;
  revision: number;
  onScreenQuestionId: number | null;
  nextQuestionId: number | null;
  extraBlockedWords: string;
  event: { title: string };
};

const questionSelect = {
  id: true,
  sessionId: true,
  participantId: true,
  displayName: true,
  text: true,
  originalText: true,
  status: true,
  pinned: true,
  label: true,
  mergedIntoId: true,
  answerText: true,
  answeredAt: true,
  voteCount: true,
  version: true,
  createdAt: true,
  aspirations: { select: { code: true } },
} as const;
export type QuestionRow = {
  id: number;
  sessionId: number;
  participantId: string;
  displayName: string | null;
  text: string;
  originalText: string | null;
  status: string;
  pinned: boolean;
  label: string | null;
  mergedIntoId: number | null;
  answerText: string | null;
  answeredAt: Date | null;
  voteCount: number;
  version: number;
  createdAt: Date;
  aspirations: { code: string }[];
};

export function sessionView(s: SessionRow): SessionView {
  return {
    id: s.id,
    code: s.code,
    eventId: s.eventId,
    eventTitle: s.event.title,
    status: s.status === "closed" ? "closed" : "open",
    premoderation: s.premoderation,
    revision: s.revision,
    onScreenQuestionId: s.onScreenQuestionId,
    nextQuestionId: s.nextQuestionId,
    extraBlockedWords: parseBlockedWords(s.extraBlockedWords),
  };
}

/** A participant's (or the projector's) view: never who asked, only whether it was them. */
export function publicView(q: QuestionRow, viewer: string | null = null): QuestionView {
  const mine = viewer !== null && q.participantId === viewer;
  return {
    id: q.id,
    text: q.text,
    displayName: q.displayName,
    status: q.status,
    pinned: q.pinned,
    label: q.label,
    voteCount: q.voteCount,
    answerText: q.answerText,
    createdAt: q.createdAt.toISOString(),
    answeredAt: q.answeredAt?.toISOString() ?? null,
    version: q.version,
    ...(mine ? { mine: true, aspirationCodes: q.aspirations.map((a) => a.code) } : {}),
  };
}

/** A short, stable name for a participant (moderators tell askers apart without learning the cookie). */
export function pseudonym(participantId: string): string {
  return createHash("sha256").update(participantId).digest("hex").slice(0, 6).toUpperCase();
}

/** Moderators see everything, including a short pseudonym of the asker (for bans). */
export function moderatorView(q: QuestionRow): QuestionView {
  return {
    ...publicView(q),
    author: pseudonym(q.participantId),
    originalText: q.originalText,
    mergedIntoId: q.mergedIntoId,
    aspirationCodes: q.aspirations.map((a) => a.code),
  };
}

// ------------------------------------------------------------------ sessions

export async function findSession(db: Db, code: string): Promise<SessionView | null> {
  const s = await db.qaSession.findUnique({ where: { code: code.toUpperCase() }, include: sessionInclude });
  return s ? sessionView(s) : null;
}

/** The session of a join code; "not found" (the error page over HTTP, `not_found` over a socket) otherwise. */
export async function requireSession(db: Db, code: string): Promise<SessionView> {
  const s = await findSession(db, code);
  if (!s) throw new DomainError("qa.notFound", undefined, undefined, 404);
  return s;
}

/** Open sessions for the join page: only those of events the viewer may see (no drafts for guests). */
export async function listOpenSessions(db: Db, viewer: Actor | null, limit = 10): Promise<SessionView[]> {
  const rows = await db.qaSession.findMany({ where: { status: "open" }, include: sessionInclude, orderBy: { createdAt: "desc" }, take: limit });
  const visible = await Promise.all(rows.map((s) => canSeeEvent(db, viewer, s.eventId)));
  return rows.filter((_, i) => visible[i]).map(sessionView);
}

/** An event's Q&A sessions, by the events' own visibility rule: a draft is "not found" except for staff. */
export async function sessionsForEvent(
  db: Db,
  viewer: Actor | null,
  eventId: number,
): Promise<{ event: { id: number; title: string; titleKey: string | null; titleParams: string | null; startsAt: Date }; sessions: SessionView[] }> {
  const event = (await canSeeEvent(db, viewer, eventId))
    ? await db.event.findUnique({ where: { id: eventId }, select: { id: true, title: true, titleKey: true, titleParams: true, startsAt: true } })
    : null;
  if (!event) throw new DomainError("qa.eventNotFound", undefined, undefined, 404);
  const rows = await db.qaSession.findMany({ where: { eventId }, include: sessionInclude, orderBy: { createdAt: "desc" } });
  return { event, sessions: rows.map(sessionView) };
}

export async function openSession(db: Db, actor: Actor, eventId: number, input: { premoderation: boolean }): Promise<SessionView> {
  if (!can.moderate(actor)) throw new DomainError("error.403.text", undefined, undefined, 403);
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true } });
  if (!event) throw new DomainError("qa.eventNotFound", undefined, undefined, 404);
  const existing = await db.qaSession.findFirst({ where: { eventId, status: "open" }, include: sessionInclude });
  if (existing) return sessionView(existing);
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      const s = await db.qaSession.create({
        data: { eventId, code: makeJoinCode(randomInt), premoderation: input.premoderation, createdById: actor.id },
        include: sessionInclude,
      });
      await audit(db, { actorId: actor.id, action: "qa.session.open", targetType: "QaSession", targetId: s.id, details: { eventId, code: s.code } });
      return sessionView(s);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error("could not find a free join code");
}

// ------------------------------------------------------------------ participants

/** The pseudonymous participant exists (idempotent). */
export async function ensureParticipant(db: Db, participantId: string): Promise<void> {
  await db.qaParticipant.upsert({ where: { id: participantId }, create: { id: participantId }, update: {} });
}

export async function isBanned(db: Db, sessionId: number, participantId: string): Promise<boolean> {
  return (await db.qaBan.count({ where: { sessionId, participantId } })) > 0;
}

// ------------------------------------------------------------------ snapshots

/** Answered questions on the participant page: the newest answers in the live list, older ones a page at a time. */
import { ANSWERED_PAGE_SIZE, openShown } from "./views";
export { ANSWERED_PAGE_SIZE };

const answeredWhere = (sessionId: number) => ({ sessionId, status: "answered", mergedIntoId: null });

/**
 * The participant's live list: the first `shown` open questions in the page's order (pinned
 * first, then by votes or newest; more with ?open=N), the participant's own open, pending
 * and rejected ones, and the newest ANSWERED_PAGE_SIZE answered ones (older answers:
 * answeredPage). Archived questions are not shown to participants.
 */
export async function participantSnapshot(
  db: Db,
  session: SessionView,
  participantId: string | null,
  view: { shown?: number; sort?: "popular" | "newest" } = {},
): Promise<Snapshot> {
  const shown = openShown(view.shown);
  const openWhere = { sessionId: session.id, status: "approved", mergedIntoId: null };
  const openOrder =
    view.sort === "newest"
      ? [{ pinned: "desc" as const }, { createdAt: "desc" as const }, { id: "desc" as const }]
      : [{ pinned: "desc" as const }, { voteCount: "desc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];
  const [rows, own, openTotal, answered, answeredTotal, votes] = await Promise.all([
    db.qaQuestion.findMany({ where: openWhere, select: questionSelect, orderBy: openOrder, take: shown }),
    participantId
      ? db.qaQuestion.findMany({
          where: {
            sessionId: session.id,
            participantId,
            OR: [{ status: "approved", mergedIntoId: null }, { status: { in: ["pending", "rejected"] } }],
          },
          select: questionSelect,
          orderBy: { id: "asc" },
        })
      : Promise.resolve([]),
    db.qaQuestion.count({ where: openWhere }),
    db.qaQuestion.findMany({
      where: answeredWhere(session.id),
      select: questionSelect,
      orderBy: [{ answeredAt: "desc" }, { id: "desc" }],
      take: ANSWERED_PAGE_SIZE,
    }),
    db.qaQuestion.count({ where: answeredWhere(session.id) }),
    participantId ? db.qaVote.findMany({ where: { participantId, question: { sessionId: session.id } }, select: { questionId: true } }) : Promise.resolve([]),
  ]);
  const seen = new Set(rows.map((q) => q.id));
  const listed = [...rows, ...own.filter((q) => !seen.has(q.id)), ...answered.reverse()];
  const questions = listed.filter((q) => visibleTo(q, participantId)).map((q) => publicView(q, participantId));
  return {
    session,
    questions,
    myVotes: votes.map((v) => v.questionId),
    answered: { total: answeredTotal, shown: answered.length },
    open: { total: openTotal, shown: rows.length },
  };
}

/** Older answered questions, newest answer first: page 2 follows the live list's ANSWERED_PAGE_SIZE. */
export async function answeredPage(
  db: Db,
  session: SessionView,
  participantId: string | null,
  page: number,
): Promise<{ questions: QuestionView[]; page: number; pages: number; total: number }> {
  const total = await db.qaQuestion.count({ where: answeredWhere(session.id) });
  const pages = Math.max(1, Math.ceil(total / ANSWERED_PAGE_SIZE));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await db.qaQuestion.findMany({
    where: answeredWhere(session.id),
    select: questionSelect,
    orderBy: [{ answeredAt: "desc" }, { id: "desc" }],
    skip: (p - 1) * ANSWERED_PAGE_SIZE,
    take: ANSWERED_PAGE_SIZE,
  });
  return { questions: rows.map((q) => publicView(q, participantId)), page: p, pages, total };
}

/** The projector: only what is on screen now and next. */
export async function screenSnapshot(db: Db, session: SessionView): Promise<Snapshot> {
  const ids = [session.onScreenQuestionId, session.nextQuestionId].filter((x): x is number => x !== null);
  const rows = ids.length ? await db.qaQuestion.findMany({ where: { id: { in: ids } }, select: questionSelect }) : [];
  return { session, questions: rows.filter(isPublic).map((q) => publicView(q)), myVotes: [] };
}

export async function liveCounts(db: Db, sessionId: number): Promise<LiveCounts> {
  const [questions, pending, votes] = await Promise.all([
    db.qaQuestion.count({ where: { sessionId, mergedIntoId: null } }),
    db.qaQuestion.count({ where: { sessionId, status: "pending" } }),
    db.qaVote.count({ where: { question: { sessionId } } }),
  ]);
  return { questions, pending, votes };
}

export async function moderatorSnapshot(db: Db, actor: Actor | null, session: SessionView): Promise<Snapshot> {
  requireModerator(actor);
  const rows = await db.qaQuestion.findMany({ where: { sessionId: session.id }, select: questionSelect, orderBy: { id: "asc" } });
  return { session, questions: rows.map(moderatorView), myVotes: [], counts: await liveCounts(db, session.id) };
}

function requireModerator(actor: Actor | null): asserts actor is Actor {
  if (!can.moderate(actor)) throw new DomainError("error.403.text", undefined, undefined, 403);
}

// ------------------------------------------------------------------ changes

/** What changed, for the broadcaster: already stored, with the new revision. */
export interface QaChange {
  session: SessionView;
  questions: QuestionRow[];
  /** participants whose private view changed (askers of changed questions) */
  askers: string[];
}

async function bumpRevision(db: Db, sessionId: number, data: Record<string, unknown> = {}): Promise<SessionView> {
  const s = await db.qaSession.update({ where: { id: sessionId }, data: { ...data, revision: { increment: 1 } }, include: sessionInclude });
  return sessionView(s);
}

async function change(db: Db, session: SessionView, questionIds: number[]): Promise<QaChange> {
  const questions = questionIds.length ? await db.qaQuestion.findMany({ where: { id: { in: questionIds } }, select: questionSelect }) : [];
  return { session, questions, askers: [...new Set(questions.map((q) => q.participantId))] };
}

export interface Asker {
  participantId: string;
  userId: number | null;
  ip?: string;
}

/**
 * Ask a question. Idempotent: the same text from the same participant within ten
 * minutes returns the stored question (a client retry never makes a duplicate).
 */
export async function askQuestion(
  db: Db,
  limits: QaLimits,
  who: Asker,
  session: SessionView,
  input: AskInput,
): Promise<{ question: QuestionView; change: QaChange | null }> {
  if (session.status !== "open") throw new DomainError("qa.closed", "text", undefined, 409);
  if (await isBanned(db, session.id, who.participantId)) throw new DomainError("qa.banned", "text", undefined, 403);
  const recent = await db.qaQuestion.findFirst({
    where: { sessionId: session.id, participantId: who.participantId, text: input.text, createdAt: { gte: new Date(Date.now() - 10 * 60_000) } },
    select: questionSelect,
  });
  if (recent) return { question: publicView(recent, who.participantId), change: null };
  if (containsProfanity(input.text, session.extraBlockedWords) || (input.displayName && containsProfanity(input.displayName, session.extraBlockedWords))) {
    throw new DomainError("qa.validation.profanity", "text");
  }
  if (!(await limits.ask(who.participantId, who.ip))) throw new DomainError("qa.rateLimited", "text", undefined, 429);
  await ensureParticipant(db, who.participantId);
  const status = initialStatus(session.premoderation);
  const [created, updated] = await db.$transaction([
    db.qaQuestion.create({
      data: {
        sessionId: session.id,
        participantId: who.participantId,
        userId: who.userId,
        displayName: input.anonymous ? null : (input.displayName ?? null),
        text: input.text,
        status,
      },
      select: questionSelect,
    }),
    db.qaSession.update({ where: { id: session.id }, data: { revision: { increment: 1 } }, include: sessionInclude }),
  ]);
  return { question: publicView(created, who.participantId), change: { session: sessionView(updated), questions: [created], askers: [who.participantId] } };
}

/** One moderator action on one question, refused when the moderator's view is out of date. */
export async function moderateQuestion(db: Db, actor: Actor | null, session: SessionView, input: ModerateInput): Promise<QaChange> {
  requireModerator(actor);
  const q = await db.qaQuestion.findFirst({ where: { id: input.questionId, sessionId: session.id }, select: questionSelect });
  if (!q) throw new DomainError("qa.questionNotFound", undefined, undefined, 404);
  if (q.version !== input.version) throw new DomainError("qa.stale", undefined, undefined, 409);
  const to = nextStatus(q.status, input.action);
  if (!to) throw new DomainError("qa.notAllowed", undefined, { action: input.action }, 409);

  const data: Record<string, unknown> = { status: to, version: { increment: 1 } };
  const sessionData: Record<string, unknown> = {};
  const touched = [q.id];
  switch (input.action) {
    case "approve":
    case "edit":
      if (input.text !== undefined && input.text !== "" && input.text !== q.text) {
        if (input.text.length < 5) throw new DomainError("qa.validation.textShort", "text");
        data.text = input.text;
        data.originalText = q.originalText ?? q.text;
      }
      break;
    case "label":
      data.label = input.label || null;
      break;
    case "pin":
    case "unpin":
      data.pinned = input.action === "pin";
      break;
    case "answer":
      data.answerText = input.reply || null;
      data.answeredAt = new Date();
      data.pinned = false;
      if (session.onScreenQuestionId === q.id) sessionData.onScreenQuestionId = null;
      break;
    case "show":
      sessionData.onScreenQuestionId = q.id;
      if (session.nextQuestionId === q.id) sessionData.nextQuestionId = null;
      break;
    case "next":
      sessionData.nextQuestionId = q.id;
      if (session.onScreenQuestionId === q.id) sessionData.onScreenQuestionId = null;
      break;
    case "restore":
      data.mergedIntoId = null;
      break;
    case "reject":
    case "archive":
    case "merge":
      if (session.onScreenQuestionId === q.id) sessionData.onScreenQuestionId = null;
      if (session.nextQuestionId === q.id) sessionData.nextQuestionId = null;
      data.pinned = false;
      break;
  }

  if (input.action === "merge") {
    if (!input.intoId || input.intoId === q.id) throw new DomainError("qa.validation.mergeTarget", "intoId");
    const primary = await db.qaQuestion.findFirst({
      where: { id: input.intoId, sessionId: session.id, mergedIntoId: null },
      select: { id: true, status: true },
    });
    if (!primary || primary.status === "archived" || primary.status === "rejected") throw new DomainError("qa.validation.mergeTarget", "intoId");
    data.mergedIntoId = primary.id;
    touched.push(primary.id);
  }

  const updated = await db.$transaction(async (tx) => {
    const res = await tx.qaQuestion.updateMany({ where: { id: q.id, version: input.version }, data });
    if (res.count === 0) throw new DomainError("qa.stale", undefined, undefined, 409);
    if (input.action === "merge" && input.intoId) {
      // votes add up; a participant who voted for both is counted once
      const [mine, theirs] = await Promise.all([
        tx.qaVote.findMany({ where: { questionId: q.id }, select: { participantId: true } }),
        tx.qaVote.findMany({ where: { questionId: input.intoId }, select: { participantId: true } }),
      ]);
      const have = new Set(theirs.map((v) => v.participantId));
      const union = mergedVoters(
        have,
        mine.map((v) => v.participantId),
      );
      const add = [...union].filter((p) => !have.has(p));
      for (const participantId of add) await tx.qaVote.create({ data: { questionId: input.intoId, participantId } });
      await tx.qaQuestion.update({ where: { id: input.intoId }, data: { voteCount: union.size, voteVersion: { increment: 1 }, version: { increment: 1 } } });
    }
    const s = await tx.qaSession.update({ where: { id: session.id }, data: { ...sessionData, revision: { increment: 1 } }, include: sessionInclude });
    return sessionView(s);
  });
  await audit(db, {
    actorId: actor.id,
    action: `qa.question.${input.action}`,
    targetType: "QaQuestion",
    targetId: q.id,
    details: { sessionId: session.id, intoId: input.intoId },
  });
  return change(db, updated, touched);
}

/** Session-wide switches: pre-moderation, close/reopen, clear the screen, the extra blocked words. */
export async function sessionAction(db: Db, actor: Actor | null, session: SessionView, input: SessionActionInput): Promise<QaChange> {
  requireModerator(actor);
  const data: Record<string, unknown> = {};
  switch (input.action) {
    case "premoderationOn":
    case "premoderationOff":
      data.premoderation = input.action === "premoderationOn";
      break;
    case "close":
      data.status = "closed";
      data.closedAt = new Date();
      break;
    case "reopen":
      data.status = "open";
      data.closedAt = null;
      break;
    case "clearScreen":
      data.onScreenQuestionId = null;
      break;
    case "clearNext":
      data.nextQuestionId = null;
      break;
    case "blockedWords":
      data.extraBlockedWords = JSON.stringify(splitBlockedWords(input.words ?? ""));
      break;
  }
  const updated = await bumpRevision(db, session.id, data);
  await audit(db, { actorId: actor.id, action: `qa.session.${input.action}`, targetType: "QaSession", targetId: session.id });
  return change(db, updated, []);
}

/** Ban the asker of a question from this session: they can no longer ask or vote here. */
export async function banAsker(db: Db, actor: Actor | null, session: SessionView, questionId: number): Promise<QaChange> {
  requireModerator(actor);
  const q = await db.qaQuestion.findFirst({ where: { id: questionId, sessionId: session.id }, select: { participantId: true } });
  if (!q) throw new DomainError("qa.questionNotFound", undefined, undefined, 404);
  await db.qaBan.upsert({
    where: { sessionId_participantId: { sessionId: session.id, participantId: q.participantId } },
    create: { sessionId: session.id, participantId: q.participantId },
    update: {},
  });
  const updated = await bumpRevision(db, session.id);
  await audit(db, {
    actorId: actor.id,
    action: "qa.participant.ban",
    targetType: "QaSession",
    targetId: session.id,
    details: { participant: pseudonym(q.participantId) },
  });
  return change(db, updated, []);
}

// ------------------------------------------------------------------ votes

export type { VoteResult } from "./votes.server";
export { createVoteQueue, type VoteQueue } from "./votes.server";
export type { VoteInput };

// ------------------------------------------------------------------ export

function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  // no formulas when opened in a spreadsheet
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function exportCsv(db: Db, actor: Actor | null, session: SessionView, labels: { anonymous: string }): Promise<string> {
  requireModerator(actor);
  const rows = await db.qaQuestion.findMany({ where: { sessionId: session.id }, select: questionSelect, orderBy: { id: "asc" } });
  const head = [
    "id",
    "text",
    "original_text",
    "author",
    "status",
    "votes",
    "label",
    "pinned",
    "merged_into",
    "asked_at",
    "answered_at",
    "reply",
    "aspirations",
  ];
  const lines = [head.join(",")];
  for (const q of rows) {
    lines.push(
      [
        q.id,
        q.text,
        q.originalText,
        q.displayName ?? labels.anonymous,
        q.status,
        q.voteCount,
        q.label,
        q.pinned ? "yes" : "no",
        q.mergedIntoId,
        q.createdAt.toISOString(),
        q.answeredAt?.toISOString(),
        q.answerText,
        q.aspirations.map((a) => a.code).join(" "),
      ]
        .map(csvCell)
        .join(","),
    );
  }
  await audit(db, { actorId: actor.id, action: "qa.session.export", targetType: "QaSession", targetId: session.id });
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

export { isPublic };
