// The priority score: a weighted sum of named components, shown broken down for
// every item, with a stated tie-break rule. Pure and unit-tested.
export const COMPONENTS = ["supports", "votes", "urgency", "reach"] as const;
export type Component = (typeof COMPONENTS)[number];

export interface Weights {
  supports: number;
  votes: number;
  urgency: number;
  reach: number;
}

export type Components = Record<Component, number>;

export interface Breakdown {
  /** the raw count of each component */
  components: Components;
  /** weight x component, per component */
  parts: Components;
  total: number;
}

/** Rounds to 2 decimals so the shown parts add up to the shown total. */
const round = (n: number) => Math.round(n * 100) / 100;

export function score(components: Components, weights: Weights): Breakdown {
  const parts = {} as Components;
  let total = 0;
  for (const c of COMPONENTS) {
    parts[c] = round(components[c] * weights[c]);
    total += parts[c];
  }
  return { components: { ...components }, parts, total: round(total) };
}

export interface Ranked {
  id: number;
  breakdown: Breakdown;
}

/**
 * Highest score first. Ties: more residents' votes first, then more supports,
 * then the item created first (lower id).
 */
export function compareRanked(a: Ranked, b: Ranked): number {
  return (
    b.breakdown.total - a.breakdown.total ||
    b.breakdown.components.votes - a.breakdown.components.votes ||
    b.breakdown.components.supports - a.breakdown.components.supports ||
    a.id - b.id
  );
}

export function rank<T extends Ranked>(items: T[]): (T & { rank: number })[] {
  return [...items].sort(compareRanked).map((item, i) => ({ ...item, rank: i + 1 }));
}

export function weightsOf(d: { weightSupports: number; weightVotes: number; weightUrgency: number; weightReach: number }): Weights {
  return { supports: d.weightSupports, votes: d.weightVotes, urgency: d.weightUrgency, reach: d.weightReach };
}
