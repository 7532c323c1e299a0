// What the Q&A pages, the browser client and the socket contract see of a session
// and its questions. Types (and one constant): components and the browser import them without
// pulling in the server-side use cases (qa.server.ts builds these views), and the
// page size both sides agree on.

export interface SessionView {
  id: number;
  code: string;
  eventId: number;
  eventTitle: string;
  status: "open" | "closed";
  premoderation: boolean;
  revision: number;
  onScreenQuestionId: number | null;
  nextQuestionId: number | null;
  extraBlockedWords: string[];
}

export interface QuestionView {
  id: number;
  text: string;
  displayName: string | null;
  status: string;
  pinned: boolean;
  label: string | null;
  voteCount: number;
  answerText: string | null;
  createdAt: string;
  answeredAt: string | null;
  version: number;
  /** the viewer asked it */
  mine?: boolean;
  /** moderators only */
  author?: string;
  originalText?: string | null;
  mergedIntoId?: number | null;
  /** tracking codes of aspirations created from it (moderators and the asker) */
  aspirationCodes?: string[];
}

export interface Snapshot {
  session: SessionView;
  questions: QuestionView[];
  /** questions this participant voted for */
  myVotes: number[];
  counts?: LiveCounts;
  /** participant page: how many questions are answered, and how many of the newest are in `questions` */
  answered?: { total: number; shown: number };
  /** participant page: how many questions are open (approved), and how many of the first in the page's order are in `questions` */
  open?: { total: number; shown: number };
}

export interface LiveCounts {
  questions: number;
  pending: number;
  votes: number;
  participants?: number;
}

/** Answered questions shown live on the participant page; older ones page with ?answered=N. */
export const ANSWERED_PAGE_SIZE = 20;

/** Open questions shown on the participant page at first; each "more" link (?open=N) adds this many. */
export const OPEN_PAGE_SIZE = 50;
/** At most this many open questions on one page view (?open=N is clamped). */
export const OPEN_MAX = 2_000;
/** ?open=N as the page and the socket agree: a whole number of pages, at least one, at most OPEN_MAX. */
export function openShown(value: unknown): number {
  const n = Math.floor(Number(value)) || OPEN_PAGE_SIZE;
  return Math.min(OPEN_MAX, Math.max(OPEN_PAGE_SIZE, Math.ceil(n / OPEN_PAGE_SIZE) * OPEN_PAGE_SIZE));
}
