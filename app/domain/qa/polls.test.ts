// Pure poll rules: word normalisation, results and percentages, the state machine.
import { describe, expect, it } from "vitest";
import { choiceValue, computeResults, newestResults, nextPollStatus, normaliseWords, percentOf, splitOptions } from "./polls";

describe("poll rules", () => {
  it("normalises word answers for case and spacing, one to three words", () => {
    expect(normaliseWords("  Pajak   DAERAH! ")).toBe("pajak daerah");
    expect(normaliseWords("KTP-el")).toBe("ktp-el");
    expect(normaliseWords("izin, usaha")).toBe("izin usaha");
    expect(normaliseWords("satu dua tiga")).toBe("satu dua tiga");
    expect(normaliseWords("satu dua tiga empat")).toBeNull();
    expect(normaliseWords("   ")).toBeNull();
    expect(normaliseWords("!!!")).toBeNull();
  });

  it("counts choices with percentages of the answers (multiple choice may exceed 100 in total)", () => {
    const poll = {
      id: 1,
      kind: "multiple" as const,
      options: [
        { id: 10, label: "A" },
        { id: 11, label: "B" },
        { id: 12, label: "C" },
      ],
    };
    const r = computeResults(
      poll,
      [
        { value: "10", count: 2 },
        { value: "10,11", count: 1 },
        { value: "99", count: 1 },
      ],
      7,
    );
    expect(r.answers).toBe(4);
    expect(r.answersVersion).toBe(7);
    expect(r.rows).toEqual([
      { id: 10, label: "A", count: 3, percent: 75 },
      { id: 11, label: "B", count: 1, percent: 25 },
      { id: 12, label: "C", count: 0, percent: 0 },
    ]);
  });

  it("ranks a word cloud by count, then alphabetically", () => {
    const r = computeResults(
      { id: 2, kind: "words", options: [] },
      [
        { value: "kk", count: 1 },
        { value: "pajak", count: 3 },
        { value: "bpjs", count: 1 },
      ],
      0,
    );
    expect(r.rows.map((x) => [x.label, x.count, x.percent])).toEqual([
      ["pajak", 3, 60],
      ["bpjs", 1, 20],
      ["kk", 1, 20],
    ]);
  });

  it("keeps the results counted at the newest answers version: an older count arriving late does not replace a newer one", () => {
    const at = (answersVersion: number, answers: number) => ({ answersVersion, answers });
    expect(newestResults(null, at(3, 30))).toEqual(at(3, 30));
    expect(newestResults(undefined, at(0, 0))).toEqual(at(0, 0));
    expect(newestResults(at(3, 30), at(5, 50))).toEqual(at(5, 50));
    expect(newestResults(at(5, 50), at(3, 30))).toEqual(at(5, 50));
    // the same version counts the same answers: the one arriving replaces (a fresh snapshot after a re-join)
    const again = at(5, 50);
    expect(newestResults(at(5, 50), again)).toBe(again);
  });

  it("moves a poll draft → open → closed → open; show/hide keep the status", () => {
    expect(nextPollStatus("draft", "open")).toBe("open");
    expect(nextPollStatus("open", "open")).toBeNull();
    expect(nextPollStatus("open", "close")).toBe("closed");
    expect(nextPollStatus("draft", "close")).toBeNull();
    expect(nextPollStatus("closed", "reopen")).toBe("open");
    expect(nextPollStatus("closed", "showResults")).toBe("closed");
  });

  it("helpers", () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(0, 0)).toBe(0);
    expect(choiceValue([5, 3, 5])).toBe("3,5");
    expect(splitOptions("Ya\n ya \nBelum\n\n")).toEqual(["Ya", "Belum"]);
  });
});
