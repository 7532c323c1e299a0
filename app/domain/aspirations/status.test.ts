import { describe, expect, it } from "vitest";
import { STATUSES, canTransition, checkTransition, nextStatuses, transitionEffects, TRANSITIONS } from "./status";

describe("aspiration status rules", () => {
  it("starts at received, which may only be verified or rejected", () => {
    expect(nextStatuses("received")).toEqual(["verified", "rejected"]);
    expect(canTransition("received", "done")).toBe(false);
    expect(canTransition("received", "on_agenda")).toBe(false);
  });

  it("lets a verified aspiration be forwarded, put on the agenda or done", () => {
    for (const to of ["forwarded", "on_agenda", "done"]) expect(canTransition("verified", to)).toBe(true);
  });

  it("has the deliberation outcomes only from the agenda", () => {
    for (const to of ["accepted", "deferred", "declined"]) {
      expect(canTransition("on_agenda", to)).toBe(true);
      expect(canTransition("verified", to)).toBe(false);
    }
  });

  it("keeps done and declined final", () => {
    expect(nextStatuses("done")).toEqual([]);
    expect(nextStatuses("declined")).toEqual([]);
  });

  it("only names known statuses in the table", () => {
    for (const [from, tos] of Object.entries(TRANSITIONS)) {
      expect(STATUSES).toContain(from);
      for (const to of tos) expect(STATUSES).toContain(to);
      expect(tos).not.toContain(from);
    }
  });

  it("requires a reason for rejection, deferral and declining", () => {
    expect(checkTransition("received", "rejected", "")).toBe("status.reasonRequired");
    expect(checkTransition("received", "rejected", "spam")).toBe("status.reasonRequired");
    expect(checkTransition("received", "rejected", "Bukan wewenang kecamatan, silakan ke Dinas")).toBeNull();
    expect(checkTransition("on_agenda", "deferred", "   ")).toBe("status.reasonRequired");
    expect(checkTransition("on_agenda", "declined", "Anggaran tahun ini sudah habis")).toBeNull();
  });

  it("requires a public note for every change and refuses unknown or disallowed ones", () => {
    expect(checkTransition("received", "verified", " ")).toBe("status.noteRequired");
    expect(checkTransition("received", "verified", "Sudah dicek")).toBeNull();
    expect(checkTransition("received", "done", "Selesai")).toBe("status.notAllowed");
    expect(checkTransition("received", "bogus", "x")).toBe("status.invalid");
  });

  it("sets verifiedAt when leaving received and firstResponseAt on the first answer", () => {
    const now = new Date("2025-06-02T03:00:00Z");
    expect(transitionEffects({ status: "received", verifiedAt: null, firstResponseAt: null }, "verified", now)).toEqual({ verifiedAt: now });
    expect(transitionEffects({ status: "received", verifiedAt: null, firstResponseAt: null }, "rejected", now)).toEqual({
      verifiedAt: now,
      firstResponseAt: now,
    });
    const earlier = new Date("2025-06-01T03:00:00Z");
    expect(transitionEffects({ status: "verified", verifiedAt: earlier, firstResponseAt: null }, "forwarded", now)).toEqual({ firstResponseAt: now });
    expect(transitionEffects({ status: "forwarded", verifiedAt: earlier, firstResponseAt: earlier }, "done", now)).toEqual({});
  });
});
