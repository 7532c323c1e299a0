// The status workflow of an aspiration, in one place: which statuses exist, which
// changes are allowed, and which need a reason. Pure: used by the domain, the
// pages (to offer only allowed changes) and by the deliberation area.
export const STATUSES = ["received", "verified", "rejected", "forwarded", "on_agenda", "accepted", "deferred", "declined", "done"] as const;
export type AspirationStatus = (typeof STATUSES)[number];

export function isStatus(value: unknown): value is AspirationStatus {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}

/** Allowed next statuses. `received` must be verified (or rejected) first. */
export const TRANSITIONS: Record<AspirationStatus, readonly AspirationStatus[]> = {
  received: ["verified", "rejected"],
  verified: ["forwarded", "on_agenda", "done", "rejected"],
  rejected: ["received"],
  forwarded: ["on_agenda", "done", "declined"],
  on_agenda: ["accepted", "deferred", "declined"],
  accepted: ["done", "forwarded"],
  deferred: ["on_agenda", "forwarded", "declined"],
  declined: [],
  done: [],
};

/** These changes must explain themselves to the resident (the note is the reason). */
export const REASON_REQUIRED: readonly AspirationStatus[] = ["rejected", "declined", "deferred"];
export const MIN_REASON_LENGTH = 10;

/** Closed: nothing more will happen (re-opening a rejection is the one way back). */
export const FINAL_STATUSES: readonly AspirationStatus[] = ["rejected", "declined", "done"];
/** "resolved" in the follow-up report: the resident got a final answer after review */
export const RESOLVED_STATUSES: readonly AspirationStatus[] = ["done", "declined"];

export function canTransition(from: string, to: string): boolean {
  return isStatus(from) && isStatus(to) && TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: string): readonly AspirationStatus[] {
  return isStatus(from) ? TRANSITIONS[from] : [];
}

export type TransitionProblem = "status.invalid" | "status.notAllowed" | "status.noteRequired" | "status.reasonRequired";

/** Why a change is refused, or null when it is allowed. */
export function checkTransition(from: string, to: string, note: string): TransitionProblem | null {
  if (!isStatus(to)) return "status.invalid";
  if (!canTransition(from, to)) return "status.notAllowed";
  const text = note.trim();
  if (REASON_REQUIRED.includes(to) && text.length < MIN_REASON_LENGTH) return "status.reasonRequired";
  if (text.length === 0) return "status.noteRequired";
  return null;
}

/** Timestamps a change sets (only the first time each happens). */
export function transitionEffects(
  current: { status: string; verifiedAt: Date | null; firstResponseAt: Date | null },
  to: AspirationStatus,
  now: Date,
): { verifiedAt?: Date; firstResponseAt?: Date } {
  const effects: { verifiedAt?: Date; firstResponseAt?: Date } = {};
  // leaving "received" is the verification (a rejection is its outcome too)
  if (current.status === "received" && !current.verifiedAt && to !== "received") effects.verifiedAt = now;
  // the first answer beyond verification: forwarded, on the agenda, done, or rejected
  if (!current.firstResponseAt && to !== "verified" && to !== "received") effects.firstResponseAt = now;
  return effects;
}
