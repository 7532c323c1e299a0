import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv";

describe("CSV", () => {
  it("reads quoted fields with commas, quotes and newlines", () => {
    const rows = parseCsv('\uFEFFjudul,uraian\r\n"Jalan, berlubang","Kata warga: ""cepat""\nya"\r\n\r\nLampu,mati\n');
    expect(rows).toEqual([
      ["judul", "uraian"],
      ["Jalan, berlubang", 'Kata warga: "cepat"\nya'],
      ["Lampu", "mati"],
    ]);
  });

  it("accepts semicolons (spreadsheets in Indonesian locale)", () => {
    expect(parseCsv("a;b\n1;2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("writes what it reads and defuses formulas", () => {
    const out = toCsv(
      ["a", "b"],
      [
        ["x, y", '=HYPERLINK("x")'],
        [1, null],
      ],
    );
    expect(out).toBe('a,b\r\n"x, y","\'=HYPERLINK(""x"")"\r\n1,\r\n');
    expect(parseCsv(out)[1][0]).toBe("x, y");
  });
});
