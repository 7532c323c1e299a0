// Dot voting: each resident of the area spreads a fixed number of votes over the
// items and may change them until the window closes. Pure and unit-tested.
export type Allocation = Record<number, number>;

export type BallotProblem = "agenda.vote.notInteger" | "agenda.vote.unknownItem" | "agenda.vote.overBudget";

export function spent(allocation: Allocation): number {
  return Object.values(allocation).reduce((sum, n) => sum + n, 0);
}

export function remaining(allocation: Allocation, budget: number): number {
  return Math.max(0, budget - spent(allocation));
}

/**
 * Checks a whole new ballot (it replaces the previous one): whole non-negative
 * numbers, only items of this deliberation, at most `budget` dots in total.
 */
export function checkBallot(ballot: Allocation, itemIds: number[], budget: number): BallotProblem | null {
  const known = new Set(itemIds);
  for (const [id, dots] of Object.entries(ballot)) {
    if (!Number.isInteger(dots) || dots < 0) return "agenda.vote.notInteger";
    if (!known.has(Number(id))) return "agenda.vote.unknownItem";
  }
  if (spent(ballot) > budget) return "agenda.vote.overBudget";
  return null;
}

/** Drops zero entries: only items with dots are stored. */
export function normalise(ballot: Allocation): Allocation {
  return Object.fromEntries(Object.entries(ballot).filter(([, n]) => n > 0)) as Allocation;
}
