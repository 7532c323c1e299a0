// The phases of an annual deliberation and what each allows. Pure: used by the
// domain (enforced on the server), by the pages (to offer only what is allowed)
// and by the unit tests.
export const PHASES = ["draft", "candidates", "review", "session", "decided", "closed"] as const;
export type Phase = (typeof PHASES)[number];

export const LEVELS = ["rw", "kelurahan", "kecamatan"] as const;
export type Level = (typeof LEVELS)[number];

export const DECISIONS = ["accepted", "deferred", "declined"] as const;
export type Decision = (typeof DECISIONS)[number];
/** deferred and declined must say why (the reason goes to every resident involved) */
export const REASON_REQUIRED: readonly Decision[] = ["deferred", "declined"];
export const MIN_REASON_LENGTH = 10;

export function isPhase(value: unknown): value is Phase {
  return typeof value === "string" && (PHASES as readonly string[]).includes(value);
}

export function nextPhase(phase: Phase): Phase | null {
  const i = PHASES.indexOf(phase);
  return i >= 0 && i < PHASES.length - 1 ? PHASES[i + 1] : null;
}

export interface PhaseState {
  phase: string;
  reviewStart: Date;
  reviewEnd: Date;
  itemCount: number;
  undecidedCount: number;
  hasSession: boolean;
}

export type AdvanceProblem = "agenda.phase.final" | "agenda.phase.notNext" | "agenda.phase.needsItems" | "agenda.phase.needsSession" | "agenda.phase.undecided";

/** Why moving to `to` is refused, or null. Phases only move forward, one step at a time. */
export function checkAdvance(state: PhaseState, to: string): AdvanceProblem | null {
  if (!isPhase(state.phase)) return "agenda.phase.notNext";
  const next = nextPhase(state.phase);
  if (!next) return "agenda.phase.final";
  if (to !== next) return "agenda.phase.notNext";
  if (to === "review" && state.itemCount === 0) return "agenda.phase.needsItems";
  if (to === "session" && !state.hasSession) return "agenda.phase.needsSession";
  if (to === "decided" && state.undecidedCount > 0) return "agenda.phase.undecided";
  return null;
}

const at = (phase: string, ...allowed: Phase[]) => (allowed as string[]).includes(phase);

/** Dates, vote budget and the score weights: set before public review, locked from then on. */
export const canEditSettings = (phase: string) => at(phase, "draft", "candidates");
/** Adding and removing items, and the planners' urgency (a score component): before public review. */
export const canChangeItemSet = (phase: string) => at(phase, "draft", "candidates");
/** Wording, cost and agency of an undecided item may still be corrected up to the session. */
export const canEditItemText = (phase: string, decided: boolean) => !decided && at(phase, "draft", "candidates", "review", "session");
/** Decisions are taken at the session; a decided item does not change any more. */
export const canDecide = (phase: string, decided: boolean) => !decided && at(phase, "session");
/** The berita acara is written during and right after the session. */
export const canEditMinutes = (phase: string) => at(phase, "session", "decided");
/** Residents' results are public from the review on; drafts are visible to planners only. */
export const isPublic = (phase: string) => !at(phase, "draft");

/** Dot voting: only in the review phase and inside its window. */
export function votingOpen(state: { phase: string; reviewStart: Date; reviewEnd: Date }, now = new Date()): boolean {
  return state.phase === "review" && now >= state.reviewStart && now <= state.reviewEnd;
}

export type DecisionProblem = "agenda.decision.invalid" | "agenda.decision.reasonRequired";

export function checkDecision(decision: string, reason: string): DecisionProblem | null {
  if (!(DECISIONS as readonly string[]).includes(decision)) return "agenda.decision.invalid";
  if (REASON_REQUIRED.includes(decision as Decision) && reason.trim().length < MIN_REASON_LENGTH) return "agenda.decision.reasonRequired";
  return null;
}
