import { describe, expect, it } from "vitest";
import { checkBallot, normalise, remaining, spent } from "./ballot";

describe("vote budget", () => {
  const items = [10, 11, 12];

  it("accepts a ballot within the budget and counts what is left", () => {
    expect(checkBallot({ 10: 2, 11: 3 }, items, 5)).toBeNull();
    expect(spent({ 10: 2, 11: 1 })).toBe(3);
    expect(remaining({ 10: 2, 11: 1 }, 5)).toBe(2);
    expect(remaining({}, 5)).toBe(5);
  });

  it("refuses more dots than the budget, even spread over items", () => {
    expect(checkBallot({ 10: 3, 11: 3 }, items, 5)).toBe("agenda.vote.overBudget");
    expect(checkBallot({ 10: 6 }, items, 5)).toBe("agenda.vote.overBudget");
  });

  it("allows all dots on one item and an empty ballot (withdrawing)", () => {
    expect(checkBallot({ 12: 5 }, items, 5)).toBeNull();
    expect(checkBallot({}, items, 5)).toBeNull();
  });

  it("refuses negative or fractional dots and items of another deliberation", () => {
    expect(checkBallot({ 10: -1 }, items, 5)).toBe("agenda.vote.notInteger");
    expect(checkBallot({ 10: 1.5 }, items, 5)).toBe("agenda.vote.notInteger");
    expect(checkBallot({ 99: 1 }, items, 5)).toBe("agenda.vote.unknownItem");
  });

  it("stores only items with dots", () => {
    expect(normalise({ 10: 0, 11: 2 })).toEqual({ 11: 2 });
  });
});
