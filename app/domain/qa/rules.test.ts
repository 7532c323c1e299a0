import { describe, expect, it } from "vitest";
import { allowedActions, initialStatus, isPublic, makeJoinCode, mergedVoters, nextStatus, sortQuestions, visibleTo, voteRefusal } from "./rules";

describe("question state machine", () => {
  it("approves, answers, archives and restores along the allowed paths", () => {
    expect(nextStatus("pending", "approve")).toBe("approved");
    expect(nextStatus("pending", "reject")).toBe("rejected");
    expect(nextStatus("approved", "answer")).toBe("answered");
    expect(nextStatus("answered", "archive")).toBe("archived");
    expect(nextStatus("archived", "restore")).toBe("approved");
    expect(nextStatus("rejected", "approve")).toBe("approved");
    expect(nextStatus("approved", "merge")).toBe("archived");
  });

  it("refuses what makes no sense", () => {
    expect(nextStatus("pending", "answer")).toBeNull();
    expect(nextStatus("pending", "show")).toBeNull();
    expect(nextStatus("rejected", "pin")).toBeNull();
    expect(nextStatus("archived", "approve")).toBeNull();
    expect(nextStatus("answered", "next")).toBeNull();
    expect(nextStatus("nonsense", "approve")).toBeNull();
    expect(allowedActions("archived")).toEqual(["restore"]);
  });

  it("publishes at once only without pre-moderation", () => {
    expect(initialStatus(true)).toBe("pending");
    expect(initialStatus(false)).toBe("approved");
  });
});

describe("visibility", () => {
  const q = (status: string, participantId = "p1", mergedIntoId: number | null = null) => ({ status, participantId, mergedIntoId });
  it("shows approved and answered questions to everyone, not merged duplicates", () => {
    expect(isPublic(q("approved"))).toBe(true);
    expect(isPublic(q("answered"))).toBe(true);
    expect(isPublic(q("pending"))).toBe(false);
    expect(isPublic(q("approved", "p1", 5))).toBe(false);
  });
  it("shows the asker their own pending and rejected questions, nobody else", () => {
    expect(visibleTo(q("pending"), "p1")).toBe(true);
    expect(visibleTo(q("rejected"), "p1")).toBe(true);
    expect(visibleTo(q("pending"), "p2")).toBe(false);
    expect(visibleTo(q("pending"), null)).toBe(false);
    expect(visibleTo(q("archived"), "p1")).toBe(false);
  });
});

describe("vote rules", () => {
  const open = { status: "open" };
  const approved = { status: "approved", mergedIntoId: null };
  it("allows votes on approved questions of an open session", () => {
    expect(voteRefusal(open, approved, false)).toBeNull();
  });
  it("refuses closed sessions, banned participants and questions that are not published", () => {
    expect(voteRefusal({ status: "closed" }, approved, false)).toBe("closed");
    expect(voteRefusal(open, approved, true)).toBe("banned");
    expect(voteRefusal(open, { status: "pending", mergedIntoId: null }, false)).toBe("notVotable");
    expect(voteRefusal(open, { status: "answered", mergedIntoId: null }, false)).toBe("notVotable");
    expect(voteRefusal(open, { status: "approved", mergedIntoId: 3 }, false)).toBe("notVotable");
  });
  it("adds up votes on merge and counts a participant who voted for both once", () => {
    const union = mergedVoters(["a", "b"], ["b", "c"], ["c", "d"]);
    expect([...union].sort()).toEqual(["a", "b", "c", "d"]);
  });
});

describe("sorting and codes", () => {
  const list = [
    { id: 1, pinned: false, voteCount: 2, createdAt: "2025-01-01T01:00:00Z" },
    { id: 2, pinned: false, voteCount: 9, createdAt: "2025-01-01T02:00:00Z" },
    { id: 3, pinned: true, voteCount: 0, createdAt: "2025-01-01T00:00:00Z" },
    { id: 4, pinned: false, voteCount: 2, createdAt: "2025-01-01T03:00:00Z" },
  ];
  it("sorts by votes (pinned first) or by time", () => {
    expect(sortQuestions(list, "popular").map((q) => q.id)).toEqual([3, 2, 1, 4]);
    expect(sortQuestions(list, "newest").map((q) => q.id)).toEqual([3, 4, 2, 1]);
  });
  it("makes join codes without look-alike characters", () => {
    let i = 0;
    const code = makeJoinCode((n) => i++ % n, 30);
    expect(code).toHaveLength(30);
    expect(code).not.toMatch(/[01OIL]/);
  });
});
