import { describe, expect, it } from "vitest";
import { compareRanked, rank, score, weightsOf } from "./score";

const w = { supports: 1, votes: 2, urgency: 5, reach: 3 };

describe("score", () => {
  it("is the weighted sum of the named components, with each part shown", () => {
    const b = score({ supports: 12, votes: 7, urgency: 4, reach: 3 }, w);
    expect(b.parts).toEqual({ supports: 12, votes: 14, urgency: 20, reach: 9 });
    expect(b.total).toBe(55);
    expect(b.components).toEqual({ supports: 12, votes: 7, urgency: 4, reach: 3 });
  });

  it("follows the weights: a zero weight removes a component", () => {
    const c = { supports: 10, votes: 10, urgency: 1, reach: 1 };
    expect(score(c, { ...w, votes: 0 }).total).toBe(10 + 5 + 3);
    expect(score(c, { supports: 0.5, votes: 1.25, urgency: 0, reach: 0 }).total).toBe(17.5);
  });

  it("rounds parts to two decimals so they add up to the total", () => {
    const b = score({ supports: 1, votes: 1, urgency: 1, reach: 1 }, { supports: 0.333, votes: 0.333, urgency: 0.333, reach: 0 });
    expect(b.parts.supports).toBe(0.33);
    expect(b.total).toBe(0.99);
  });

  it("reads the weights of a deliberation", () => {
    expect(weightsOf({ weightSupports: 1, weightVotes: 2, weightUrgency: 3, weightReach: 4 })).toEqual({ supports: 1, votes: 2, urgency: 3, reach: 4 });
  });
});

describe("ranking and ties", () => {
  const item = (id: number, supports: number, votes: number, urgency = 0, reach = 0) => ({
    id,
    breakdown: score({ supports, votes, urgency, reach }, { supports: 1, votes: 1, urgency: 1, reach: 1 }),
  });

  it("puts the highest score first", () => {
    expect(rank([item(1, 1, 1), item(2, 5, 5), item(3, 2, 2)]).map((r) => [r.id, r.rank])).toEqual([
      [2, 1],
      [3, 2],
      [1, 3],
    ]);
  });

  it("breaks ties by residents' votes, then supports, then the earlier item", () => {
    // all score 10
    const a = item(1, 6, 4);
    const b = item(2, 4, 6);
    const c = item(3, 5, 4, 1);
    const d = item(4, 5, 4, 0, 1);
    expect(rank([a, c, d, b]).map((r) => r.id)).toEqual([2, 1, 3, 4]);
    expect(compareRanked(c, d)).toBeLessThan(0);
    expect(compareRanked(d, c)).toBeGreaterThan(0);
  });
});
