import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { diffVersions } from "./diff";
import { cardPng, cardSvg, wrap } from "./card.server";
import { costText, durationText } from "./format";

const card = {
  name: "Surat Keterangan <Domisili> & Usaha",
  unit: "PTSP Kecamatan Cakung",
  costLabel: "Biaya",
  cost: "Rp 10.000",
  timeLabel: "Waktu penyelesaian",
  time: "1 hari kerja",
  version: "versi 3",
  site: "balai.example.go.id",
};

describe("the social card", () => {
  it("carries the current figures as text, with markup escaped", () => {
    const svg = cardSvg(card);
    expect(svg).toContain("Rp 10.000");
    expect(svg).toContain("1 hari kerja");
    expect(svg).toContain("&lt;Domisili&gt;");
    expect(svg).toContain("&amp;");
    expect(svg).not.toContain("<Domisili>");
  });

  it("wraps a long name into at most two lines, shortening the rest", () => {
    expect(wrap("Nomor Induk Berusaha (NIB) usaha mikro lewat OSS dengan pendampingan petugas", 30, 2)).toEqual([
      "Nomor Induk Berusaha (NIB)",
      "usaha mikro lewat OSS dengan…",
    ]);
    expect(wrap("KTP-el", 30, 2)).toEqual(["KTP-el"]);
  });

  it("renders a 1200×630 PNG", async () => {
    const meta = await sharp(await cardPng(cardSvg(card))).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 1200, 630]);
  });
});

describe("cost and time in words", () => {
  it("says Gratis plainly, and rupiah with dots, in both languages", () => {
    expect(costText(translator("id"), 0)).toBe("Gratis");
    expect(costText(translator("en"), 0)).toBe("Free");
    expect(costText(translator("en"), 1_500_000)).toBe("Rp 1.500.000");
    expect(durationText(translator("id"), { value: 3, unit: "working_days" })).toBe("3 hari kerja");
    expect(durationText(translator("en"), { value: 30, unit: "minutes" })).toBe("30 minutes");
  });

  it("the cost change reads as the poster's reader needs it", () => {
    const t = translator("id");
    const base = {
      name: "A",
      requirements: [],
      stepsCounter: [],
      stepsOnline: [],
      onlineName: null,
      onlineUrl: null,
      durationValue: 1,
      durationUnit: "working_days" as const,
      costAmount: 0,
      costBasis: null,
      product: "x",
      complaints: "y",
    };
    const [change] = diffVersions(base, { ...base, costAmount: 10_000 });
    expect(change.kind === "cost" && t("services.change.cost", { from: costText(t, change.from), to: costText(t, change.to) })).toBe(
      "Biaya berubah: dulu Gratis, sekarang Rp 10.000.",
    );
  });
});
