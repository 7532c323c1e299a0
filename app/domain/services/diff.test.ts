import { describe, expect, it } from "vitest";
import { diffVersions, durationMinutes, rupiah, type Diffable } from "./diff";

const base: Diffable = {
  name: "Surat Keterangan Domisili Usaha",
  requirements: [
    { name: "KTP-el", validity: "asli" },
    { name: "Surat pengantar RT/RW", validity: "asli, bulan ini" },
  ],
  stepsCounter: [
    { actor: "Warga", text: "mengambil nomor" },
    { actor: "Petugas", text: "memeriksa berkas" },
  ],
  stepsOnline: [],
  onlineName: null,
  onlineUrl: null,
  durationValue: 1,
  durationUnit: "working_days",
  costAmount: 0,
  costBasis: null,
  product: "Surat keterangan",
  complaints: "Kotak saran",
};

describe("diffVersions", () => {
  it("finds nothing between equal versions, whatever the spacing and case", () => {
    expect(diffVersions(base, { ...base, product: "  surat  KETERANGAN " })).toEqual([]);
  });

  it("puts the cost first, then the time", () => {
    const changes = diffVersions(base, { ...base, costAmount: 10_000, costBasis: "Perda 1/2026", durationValue: 3 });
    expect(changes.slice(0, 2)).toEqual([
      { kind: "cost", from: 0, to: 10_000 },
      { kind: "duration", from: { value: 1, unit: "working_days" }, to: { value: 3, unit: "working_days" } },
    ]);
  });

  it("names requirements added, removed and changed", () => {
    const changes = diffVersions(base, {
      ...base,
      requirements: [
        { name: "KTP-el", validity: "asli dan fotokopi" },
        { name: "Kartu Keluarga", validity: "asli" },
      ],
    });
    expect(changes).toEqual([
      { kind: "requirementChanged", name: "KTP-el", from: "asli", to: "asli dan fotokopi" },
      { kind: "requirementAdded", name: "Kartu Keluarga" },
      { kind: "requirementRemoved", name: "Surat pengantar RT/RW" },
    ]);
  });

  it("tells added and removed steps apart from a new order", () => {
    const reordered = diffVersions(base, { ...base, stepsCounter: [...base.stepsCounter].reverse() });
    expect(reordered).toEqual([{ kind: "stepsCounter", added: [], removed: [], reordered: true }]);
    const added = diffVersions(base, { ...base, stepsOnline: [{ actor: "Warga", text: "mengisi formulir di JakEvo" }] });
    expect(added).toEqual([{ kind: "stepsOnline", added: ["Warga: mengisi formulir di JakEvo"], removed: [], reordered: false }]);
  });

  it("reports a changed legal basis of a fee only when the cost stayed", () => {
    const paid = { ...base, costAmount: 5000, costBasis: "Perda 1/2020" };
    expect(diffVersions(paid, { ...paid, costBasis: "Perda 2/2026" })).toEqual([{ kind: "costBasis", from: "Perda 1/2020", to: "Perda 2/2026" }]);
  });

  it("notices the online alternative, the product, the complaints channel and the name", () => {
    const changes = diffVersions(base, {
      ...base,
      onlineName: "JakEvo",
      onlineUrl: "https://jakevo.jakarta.go.id",
      product: "Surat elektronik",
      complaints: "LAPOR!",
      name: "SKDU",
    });
    expect(changes.map((c) => c.kind)).toEqual(["online", "product", "complaints", "name"]);
  });
});

describe("rupiah and durations", () => {
  it("writes rupiah with dots", () => {
    expect(rupiah(10_000)).toBe("Rp 10.000");
    expect(rupiah(1_250_000)).toBe("Rp 1.250.000");
    expect(rupiah(500)).toBe("Rp 500");
  });
  it("compares durations in minutes", () => {
    expect(durationMinutes({ value: 2, unit: "hours" })).toBe(120);
    expect(durationMinutes({ value: 1, unit: "working_days" })).toBe(480);
  });
});
