// Pure rules of live Q&A: the question state machine, who sees what, vote rules
// and merging duplicates. No database here: the use cases in qa.server.ts apply them.

export const questionStatuses = ["pending", "approved", "rejected", "answered", "archived"] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

export const moderatorActions = ["approve", "reject", "edit", "label", "pin", "unpin", "answer", "archive", "restore", "show", "next", "merge"] as const;
export type ModeratorAction = (typeof moderatorActions)[number];

/** Where each status may go. Anything else is refused. */
const transitions: Record<QuestionStatus, Partial<Record<ModeratorAction, QuestionStatus>>> = {
  pending: { approve: "approved", reject: "rejected", edit: "pending", label: "pending", archive: "archived", merge: "archived" },
  approved: {
    reject: "rejected",
    edit: "approved",
    label: "approved",
    pin: "approved",
    unpin: "approved",
    answer: "answered",
    archive: "archived",
    show: "approved",
    next: "approved",
    merge: "archived",
  },
  answered: { answer: "answered", label: "answered", pin: "answered", unpin: "answered", archive: "archived", show: "answered", merge: "archived" },
  rejected: { approve: "approved", edit: "rejected", archive: "archived" },
  archived: { restore: "approved" },
};

export function isQuestionStatus(value: unknown): value is QuestionStatus {
  return typeof value === "string" && (questionStatuses as readonly string[]).includes(value);
}

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextStatus(status: string, action: ModeratorAction): QuestionStatus | null {
  if (!isQuestionStatus(status)) return null;
  return transitions[status][action] ?? null;
}

export function allowedActions(status: string): ModeratorAction[] {
  if (!isQuestionStatus(status)) return [];
  return Object.keys(transitions[status]) as ModeratorAction[];
}

/** Everyone sees approved and answered questions; merged duplicates are folded into their primary. */
export function isPublic(q: { status: string; mergedIntoId: number | null }): boolean {
  return (q.status === "approved" || q.status === "answered") && q.mergedIntoId === null;
}

/** The asker also sees their own pending and rejected questions. */
export function visibleTo(q: { status: string; mergedIntoId: number | null; participantId: string }, participantId: string | null): boolean {
  if (isPublic(q)) return true;
  return participantId !== null && q.participantId === participantId && (q.status === "pending" || q.status === "rejected");
}

/** A new question is published at once unless the session pre-moderates. */
export function initialStatus(premoderation: boolean): QuestionStatus {
  return premoderation ? "pending" : "approved";
}

export type VoteRefusal = "closed" | "banned" | "notVotable";

/** Votes go to approved questions of an open session, from participants who are not banned. */
export function voteRefusal(session: { status: string }, question: { status: string; mergedIntoId: number | null }, banned: boolean): VoteRefusal | null {
  if (session.status !== "open") return "closed";
  if (banned) return "banned";
  if (question.status !== "approved" || question.mergedIntoId !== null) return "notVotable";
  return null;
}

/**
 * Merging duplicates: the primary keeps the votes of everyone who voted for any of
 * them, each participant counted once.
 */
export function mergedVoters(primary: Iterable<string>, ...duplicates: Iterable<string>[]): Set<string> {
  const all = new Set(primary);
  for (const d of duplicates) for (const p of d) all.add(p);
  return all;
}

/** Popular: most votes first (pinned always on top), then older first; newest: pinned, then newest first. */
export function sortQuestions<T extends { id: number; pinned: boolean; voteCount: number; createdAt: string | Date }>(
  list: T[],
  order: "popular" | "newest",
): T[] {
  const time = (q: T) => new Date(q.createdAt).getTime();
  return [...list].sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    if (order === "popular" && a.voteCount !== b.voteCount) return b.voteCount - a.voteCount;
    const dt = order === "popular" ? time(a) - time(b) : time(b) - time(a);
    return dt !== 0 ? dt : order === "popular" ? a.id - b.id : b.id - a.id;
  });
}

const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/** A short join code without look-alike characters (no 0/O, 1/I/L). */
export function makeJoinCode(random: (n: number) => number, length = 6): string {
  let code = "";
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

/** What people type: lower/upper case, spaces, dashes. */
export function normalizeJoinCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .slice(0, 12);
}
