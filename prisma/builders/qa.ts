// Builders for live Q&A: a session (on a new published event unless one is given),
// a pseudonymous participant, and a question (with its voters). See core.ts for the
// conventions; the demo seed (prisma/seed/qa.ts) uses the same builders.
import { randomBytes } from "node:crypto";
import type { Db } from "~/db/client.server";
import type { QuestionStatus } from "~/domain/qa/rules";
import { anEvent, type EventOverrides } from "./events";
import { unique } from "./core";

export interface QaSessionOverrides {
  /** the session's event; without it a new event is built (with `event` as its overrides) */
  eventId?: number;
  event?: EventOverrides;
  /** the join code (upper-case letters and digits); a unique one by default */
  code?: string;
  status?: "open" | "closed";
  premoderation?: boolean;
  createdById?: number | null;
  extraBlockedWords?: string[];
  revision?: number;
}

/** A Q&A session, open and without pre-moderation unless told otherwise, with its event. */
export async function aQaSession(db: Db, overrides: QaSessionOverrides = {}) {
  const event = overrides.eventId ? await db.event.findUniqueOrThrow({ where: { id: overrides.eventId } }) : await anEvent(db, overrides.event);
  const status = overrides.status ?? "open";
  const session = await db.qaSession.create({
    data: {
      eventId: event.id,
      code: overrides.code ?? `Q${unique().toUpperCase()}`,
      status,
      premoderation: overrides.premoderation ?? false,
      createdById: overrides.createdById ?? null,
      extraBlockedWords: JSON.stringify(overrides.extraBlockedWords ?? []),
      revision: overrides.revision ?? 0,
      closedAt: status === "closed" ? new Date() : null,
    },
  });
  return { ...session, event };
}

/** A participant id of the form the signed `balai_qa` cookie holds. */
export function participantKey(): string {
  return randomBytes(16).toString("base64url");
}

/** A pseudonymous participant. */
export async function aParticipant(db: Db, overrides: { id?: string } = {}) {
  return db.qaParticipant.create({ data: { id: overrides.id ?? participantKey() } });
}

export interface QuestionOverrides {
  /** the asker; a new participant by default */
  participantId?: string;
  userId?: number | null;
  text?: string;
  displayName?: string | null;
  status?: QuestionStatus;
  label?: string | null;
  pinned?: boolean;
  answerText?: string | null;
  answeredAt?: Date | null;
  createdAt?: Date;
  /** participants who voted for it (each is created when missing); sets the stored count */
  voters?: string[];
}

/** A question in a session, published ("approved") unless told otherwise. */
export async function aQuestion(db: Db, sessionId: number, overrides: QuestionOverrides = {}) {
  const participantId = overrides.participantId ?? participantKey();
  const voters = overrides.voters ?? [];
  for (const id of new Set([participantId, ...voters])) await db.qaParticipant.upsert({ where: { id }, create: { id }, update: {} });
  const answerText = overrides.answerText ?? null;
  return db.qaQuestion.create({
    data: {
      sessionId,
      participantId,
      userId: overrides.userId ?? null,
      displayName: overrides.displayName === undefined ? `Penanya ${unique()}` : overrides.displayName,
      text: overrides.text ?? `Pertanyaan uji ${unique()}: kapan layanan ini dibuka?`,
      status: overrides.status ?? (answerText ? "answered" : "approved"),
      label: overrides.label ?? null,
      pinned: overrides.pinned ?? false,
      answerText,
      answeredAt: overrides.answeredAt ?? (answerText ? new Date() : null),
      voteCount: voters.length,
      ...(overrides.createdAt && { createdAt: overrides.createdAt }),
      votes: { create: voters.map((id) => ({ participantId: id })) },
    },
  });
}

export interface PollOverrides {
  kind?: "single" | "multiple" | "scale" | "words";
  question?: string;
  /** choices (single/multiple); a scale gets "1"–"5", a word cloud none */
  options?: string[];
  status?: "draft" | "open" | "closed";
  showResults?: boolean;
  position?: number;
  copiedFromId?: number | null;
}

/** A poll in a session: a single-choice draft with two choices unless told otherwise. */
export async function aPoll(db: Db, sessionId: number, overrides: PollOverrides = {}) {
  const kind = overrides.kind ?? "single";
  const options = kind === "scale" ? ["1", "2", "3", "4", "5"] : kind === "words" ? [] : (overrides.options ?? ["Ya", "Belum"]);
  const status = overrides.status ?? "draft";
  const last = await db.qaPoll.aggregate({ where: { sessionId }, _max: { position: true } });
  return db.qaPoll.create({
    data: {
      sessionId,
      kind,
      question: overrides.question ?? `Jajak pendapat uji ${unique()}?`,
      status,
      showResults: overrides.showResults ?? false,
      position: overrides.position ?? (last._max.position ?? 0) + 1,
      copiedFromId: overrides.copiedFromId ?? null,
      openedAt: status === "draft" ? null : new Date(),
      closedAt: status === "closed" ? new Date() : null,
      options: { create: options.map((label, position) => ({ label, position })) },
    },
    include: { options: { orderBy: { position: "asc" } } },
  });
}

/**
 * A participant's answer to a poll (the participant is created when missing):
 * `options` are choice labels, `words` a word-cloud answer (stored as given: pass it normalised).
 */
export async function aPollAnswer(
  db: Db,
  poll: { id: number; options: { id: number; label: string }[] },
  answer: { participantId?: string; options?: string[]; words?: string } = {},
) {
  const participantId = answer.participantId ?? participantKey();
  await db.qaParticipant.upsert({ where: { id: participantId }, create: { id: participantId }, update: {} });
  const ids = (answer.options ?? (answer.words === undefined ? [poll.options[0]?.label ?? ""] : [])).map((label) => {
    const option = poll.options.find((o) => o.label === label);
    if (!option) throw new Error(`aPollAnswer: no choice "${label}"`);
    return option.id;
  });
  const value = answer.words ?? [...new Set(ids)].sort((a, b) => a - b).join(",");
  return db.qaPollAnswer.create({ data: { pollId: poll.id, participantId, value } });
}
