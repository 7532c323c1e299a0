// Pure rules of live polls and word clouds (issue 17): kinds, the poll state
// machine, normalising word answers and computing results. No database here:
// the use cases in polls.server.ts apply them; components import the view types.
export const pollKinds = ["single", "multiple", "scale", "words"] as const;
export type PollKind = (typeof pollKinds)[number];
export const pollStatuses = ["draft", "open", "closed"] as const;
export type PollStatus = (typeof pollStatuses)[number];
export const pollActions = ["open", "close", "reopen", "showResults", "hideResults"] as const;
export type PollAction = (typeof pollActions)[number];

/** A 1–5 scale is stored as five options "1" … "5". */
export const SCALE_LABELS = ["1", "2", "3", "4", "5"] as const;
export const POLL_QUESTION_MIN = 3;
export const POLL_QUESTION_MAX = 200;
export const POLL_OPTION_MAX = 80;
export const POLL_OPTIONS_MAX = 10;
export const WORDS_MAX = 3;
export const WORD_ANSWER_MAX = 60;
/** the word cloud shows at most this many entries */
export const CLOUD_MAX = 50;

export interface PollOptionView {
  id: number;
  label: string;
}

export interface PollView {
  id: number;
  sessionId: number;
  kind: PollKind;
  question: string;
  status: PollStatus;
  showResults: boolean;
  version: number;
  position: number;
  copiedFromId: number | null;
  options: PollOptionView[];
}

export interface ResultRow {
  /** option id, or 0 for a word-cloud entry */
  id: number;
  label: string;
  count: number;
  /** whole percent of the answers (multiple choice: may add up to more than 100) */
  percent: number;
}

export interface PollResults {
  pollId: number;
  kind: PollKind;
  /** number of participants who answered */
  answers: number;
  /** choices in the poll's order; a word cloud ranked by count, then alphabetically */
  rows: ResultRow[];
  /** the poll's answers version (`QaPoll.answersVersion`) these results were counted at (see `newestResults`); not `PollView.version` */
  answersVersion: number;
}

/** What a participant sees: the open (or just closed) poll, their answer and, once they answered, the results. */
export interface ParticipantPoll {
  poll: PollView;
  /** the participant's stored answer: option ids, or the normalised words */
  mine: { optionIds: number[]; words: string | null } | null;
  results: PollResults | null;
}

export function isPollKind(v: unknown): v is PollKind {
  return typeof v === "string" && (pollKinds as readonly string[]).includes(v);
}

/** Where each status goes on each action; null = refused. showResults/hideResults keep the status. */
export function nextPollStatus(status: PollStatus, action: PollAction): PollStatus | null {
  switch (action) {
    case "open":
      return status === "draft" ? "open" : null;
    case "close":
      return status === "open" ? "closed" : null;
    case "reopen":
      return status === "closed" ? "open" : null;
    case "showResults":
    case "hideResults":
      return status;
  }
}

/** Only a draft may be changed or deleted: nobody has seen or answered it yet. */
export function isEditable(poll: Pick<PollView, "status">): boolean {
  return poll.status === "draft";
}

/**
 * A word answer: one to three words, lower case, single spaces, no punctuation at
 * the ends ("  Pajak   DAERAH! " → "pajak daerah"). Null when empty or too many words.
 */
export function normaliseWords(input: string): string | null {
  const words = input
    .normalize("NFKC")
    .toLowerCase()
    .split(/[\s,;]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean);
  if (words.length === 0 || words.length > WORDS_MAX) return null;
  const out = words.join(" ");
  return out.length > WORD_ANSWER_MAX ? null : out;
}

export function percentOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 100);
}

/** The stored value of a choice answer: ascending option ids, comma-separated. */
export function choiceValue(optionIds: number[]): string {
  return [...new Set(optionIds)].sort((a, b) => a - b).join(",");
}

export function parseChoiceValue(value: string): number[] {
  return value
    .split(",")
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
}

/** Results from the stored answers grouped by value (one row per distinct value with its count). */
export function computeResults(
  poll: Pick<PollView, "id" | "kind" | "options">,
  groups: { value: string; count: number }[],
  answersVersion: number,
): PollResults {
  const answers = groups.reduce((n, g) => n + g.count, 0);
  if (poll.kind === "words") {
    const rows = groups
      .filter((g) => g.value)
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, CLOUD_MAX)
      .map((g) => ({ id: 0, label: g.value, count: g.count, percent: percentOf(g.count, answers) }));
    return { pollId: poll.id, kind: poll.kind, answers, rows, answersVersion };
  }
  const counts = new Map<number, number>(poll.options.map((o) => [o.id, 0]));
  for (const g of groups) for (const id of parseChoiceValue(g.value)) if (counts.has(id)) counts.set(id, counts.get(id)! + g.count);
  const rows = poll.options.map((o) => ({ id: o.id, label: o.label, count: counts.get(o.id)!, percent: percentOf(counts.get(o.id)!, answers) }));
  return { pollId: poll.id, kind: poll.kind, answers, rows, answersVersion };
}

/**
 * Which of a poll's results to show: the incoming ones unless those held were counted
 * at a newer answers version. With several instances, each counts and broadcasts its
 * own tick's results; one counted earlier can arrive after one counted later, and must
 * not replace it (no answer may follow to put it right).
 */
export function newestResults<R extends Pick<PollResults, "answersVersion">>(held: R | null | undefined, incoming: R): R {
  return held && held.answersVersion > incoming.answersVersion ? held : incoming;
}

/** Options as a moderator types them: one per line (or "|"-separated), trimmed, unique, at most ten. */
export function splitOptions(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input.split(/\r?\n|\|/)) {
    const label = raw.trim().replace(/\s+/g, " ");
    const key = label.toLowerCase();
    if (label && !seen.has(key)) {
      seen.add(key);
      out.push(label);
    }
  }
  return out;
}
