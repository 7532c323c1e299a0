import { describe, expect, it } from "vitest";
import {
  PHASES,
  canChangeItemSet,
  canDecide,
  canEditItemText,
  canEditMinutes,
  canEditSettings,
  checkAdvance,
  checkDecision,
  isPublic,
  nextPhase,
  votingOpen,
  type PhaseState,
} from "./phases";

const base: PhaseState = {
  phase: "draft",
  reviewStart: new Date("2026-06-01T00:00:00Z"),
  reviewEnd: new Date("2026-06-14T16:59:59Z"),
  itemCount: 3,
  undecidedCount: 3,
  hasSession: true,
};

describe("phase order", () => {
  it("runs draft -> candidates -> review -> session -> decided -> closed", () => {
    let p: (typeof PHASES)[number] | null = "draft";
    const seen: string[] = [];
    while (p) {
      seen.push(p);
      p = nextPhase(p);
    }
    expect(seen).toEqual(["draft", "candidates", "review", "session", "decided", "closed"]);
  });

  it("moves one step forward only", () => {
    expect(checkAdvance(base, "candidates")).toBeNull();
    expect(checkAdvance(base, "review")).toBe("agenda.phase.notNext");
    expect(checkAdvance({ ...base, phase: "review" }, "candidates")).toBe("agenda.phase.notNext");
    expect(checkAdvance({ ...base, phase: "closed" }, "draft")).toBe("agenda.phase.final");
    expect(checkAdvance({ ...base, phase: "bogus" }, "draft")).toBe("agenda.phase.notNext");
  });

  it("opens the public review only with items on the agenda", () => {
    expect(checkAdvance({ ...base, phase: "candidates", itemCount: 0 }, "review")).toBe("agenda.phase.needsItems");
    expect(checkAdvance({ ...base, phase: "candidates" }, "review")).toBeNull();
  });

  it("needs the session event before the session", () => {
    expect(checkAdvance({ ...base, phase: "review", hasSession: false }, "session")).toBe("agenda.phase.needsSession");
    expect(checkAdvance({ ...base, phase: "review" }, "session")).toBeNull();
  });

  it("publishes decisions only when every item is decided", () => {
    expect(checkAdvance({ ...base, phase: "session", undecidedCount: 1 }, "decided")).toBe("agenda.phase.undecided");
    expect(checkAdvance({ ...base, phase: "session", undecidedCount: 0 }, "decided")).toBeNull();
    expect(checkAdvance({ ...base, phase: "decided" }, "closed")).toBeNull();
  });
});

describe("what each phase allows", () => {
  it("locks settings and weights once the review opens", () => {
    expect(PHASES.filter(canEditSettings)).toEqual(["draft", "candidates"]);
    expect(PHASES.filter(canChangeItemSet)).toEqual(["draft", "candidates"]);
  });

  it("never edits decided items", () => {
    expect(canEditItemText("session", false)).toBe(true);
    expect(canEditItemText("session", true)).toBe(false);
    expect(canEditItemText("decided", false)).toBe(false);
    expect(canDecide("session", false)).toBe(true);
    expect(canDecide("session", true)).toBe(false);
    expect(canDecide("review", false)).toBe(false);
  });

  it("writes minutes during and after the session, and hides drafts", () => {
    expect(PHASES.filter(canEditMinutes)).toEqual(["session", "decided"]);
    expect(PHASES.filter((p) => !isPublic(p))).toEqual(["draft"]);
  });

  it("allows voting only in the review phase inside its window", () => {
    const during = new Date("2026-06-05T03:00:00Z");
    expect(votingOpen({ ...base, phase: "review" }, during)).toBe(true);
    expect(votingOpen({ ...base, phase: "candidates" }, during)).toBe(false);
    expect(votingOpen({ ...base, phase: "session" }, during)).toBe(false);
    expect(votingOpen({ ...base, phase: "review" }, new Date("2026-05-31T23:59:59Z"))).toBe(false);
    expect(votingOpen({ ...base, phase: "review" }, new Date("2026-06-14T17:00:00Z"))).toBe(false);
  });
});

describe("decisions", () => {
  it("requires a reason for deferred and declined, not for accepted", () => {
    expect(checkDecision("accepted", "")).toBeNull();
    expect(checkDecision("deferred", "")).toBe("agenda.decision.reasonRequired");
    expect(checkDecision("declined", "tidak")).toBe("agenda.decision.reasonRequired");
    expect(checkDecision("declined", "Bukan kewenangan kecamatan")).toBeNull();
    expect(checkDecision("maybe", "whatever reason")).toBe("agenda.decision.invalid");
  });
});
