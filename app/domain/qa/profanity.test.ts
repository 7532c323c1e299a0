import { describe, expect, it } from "vitest";
import { containsProfanity, normalizeWord, parseBlockedWords, splitBlockedWords } from "./profanity";

describe("profanity filter", () => {
  it("catches Indonesian and English swear words, with disguises", () => {
    expect(containsProfanity("Dasar bangsat, jalan rusak terus")).toBe(true);
    expect(containsProfanity("B4NGS4TTT semua")).toBe(true);
    expect(containsProfanity("this is fucking slow")).toBe(true);
    expect(containsProfanity("kenapa goblok banget")).toBe(true);
  });
  it("leaves ordinary questions alone, including words that contain a bad word", () => {
    expect(containsProfanity("Kapan jadwal pengangkutan sampah di RW 05?")).toBe(false);
    expect(containsProfanity("Bagaimana cara mendaftar NIB untuk usaha warung?")).toBe(false);
    expect(containsProfanity("Scunthorpe and Essex assessment")).toBe(false);
  });
  it("uses the moderators' extra words and phrases", () => {
    expect(containsProfanity("pak lurah kurang ajar", ["kurang ajar"])).toBe(true);
    expect(containsProfanity("dasar penipu", ["penipu"])).toBe(true);
    expect(containsProfanity("dasar penipu")).toBe(false);
  });
  it("normalises and parses safely", () => {
    expect(normalizeWord("S1aLaaan")).toBe("sialan");
    expect(parseBlockedWords("not json")).toEqual([]);
    expect(parseBlockedWords('["a", 3, "b"]')).toEqual(["a", "b"]);
    expect(splitBlockedWords("Penipu, penipu\n kurang ajar ,, ")).toEqual(["penipu", "kurang ajar"]);
  });
});
