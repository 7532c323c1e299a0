import { describe, expect, it } from "vitest";
import { codeSchema, eventFormSchema, guestRsvpSchema, parseFilters } from "./events.schema";
import { addMonths, monthGrid, wibMonthRange, wibParts, wibToDate } from "./wib";

describe("WIB times", () => {
  it("converts form values to instants and back (UTC+7, no DST)", () => {
    const d = wibToDate("2026-12-05", "09:00")!;
    expect(d.toISOString()).toBe("2026-12-05T02:00:00.000Z");
    expect(wibParts(d)).toEqual({ date: "2026-12-05", time: "09:00", weekday: 6 });
    expect(wibToDate("2026-12-05", "03:30")!.toISOString()).toBe("2026-12-04T20:30:00.000Z");
    expect(wibParts(new Date("2026-12-04T20:30:00Z")).date).toBe("2026-12-05");
  });

  it("refuses impossible dates and times", () => {
    expect(wibToDate("2026-02-30", "09:00")).toBeNull();
    expect(wibToDate("2026-12-05", "24:00")).toBeNull();
    expect(wibToDate("05-12-2026", "09:00")).toBeNull();
  });

  it("month ranges and the Monday-first grid", () => {
    const r = wibMonthRange("2026-12")!;
    expect(r.from.toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(r.to.toISOString()).toBe("2026-12-31T17:00:00.000Z");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    const grid = monthGrid("2026-12");
    expect(grid[0][0].date).toBe("2026-11-30");
    expect(grid[0][1]).toEqual({ date: "2026-12-01", day: 1, inMonth: true });
    expect(grid.flat().filter((d) => d.inMonth)).toHaveLength(31);
  });
});

describe("event form", () => {
  const base = {
    kind: "dialogue",
    title: "Ngopi Dursa: uji",
    date: "2026-12-05",
    startTime: "09:00",
    endTime: "11:00",
    venueName: "Pendopo",
    venueAddress: "Jl. Raya Bekasi Timur No. 1",
  };

  it("accepts a valid event and computes its WIB instants", () => {
    const r = eventFormSchema.safeParse({ ...base, accessibility: ["wheelchair", "childcare"], agenda: "Satu\n\nDua\n", registrationOpen: "on" });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.startsAt.toISOString()).toBe("2026-12-05T02:00:00.000Z");
    expect(r.data.agenda).toEqual(["Satu", "Dua"]);
    expect(r.data.accessibility).toEqual(["wheelchair", "childcare"]);
    expect(r.data.registrationOpen).toBe(true);
  });

  it("puts each error next to its field", () => {
    const issues = (v: object) => {
      const r = eventFormSchema.safeParse(v);
      // like readForm: the first message for each field
      return r.success ? {} : Object.fromEntries(r.error.issues.reverse().map((i) => [i.path.join("."), i.message]));
    };
    expect(issues({ ...base, endTime: "08:00" })).toEqual({ endTime: "events.validation.endBeforeStart" });
    expect(issues({ ...base, latitude: "-6.2" })).toEqual({ longitude: "events.validation.coordinates" });
    expect(issues({ ...base, capacity: "0" })).toEqual({ capacity: "events.validation.capacity" });
    expect(issues({ ...base, repeat: "monthly" })).toEqual({ occurrences: "events.validation.occurrences" });
    expect(issues({ ...base, accessibility: "lift" })).toEqual({ accessibility: "events.validation.accessibility" });
    expect(issues({ ...base, title: "" })).toEqual({ title: "form.required" });
  });

  it("normalises guest contacts and codes", () => {
    expect(guestRsvpSchema.parse({ name: "Bu Sumarni", contact: "0812-3456-7890" }).contact).toBe("+6281234567890");
    expect(guestRsvpSchema.parse({ name: "Bu Sumarni", contact: "Sumarni@Contoh.ID" }).contact).toBe("sumarni@contoh.id");
    expect(guestRsvpSchema.safeParse({ name: "Bu Sumarni", contact: "12345" }).success).toBe(false);
    expect(codeSchema.parse(" k7qm3xpa ")).toBe("K7QM-3XPA");
    expect(codeSchema.safeParse("K7QM-3XP0").success).toBe(false);
  });

  it("reads filters from the query, ignoring unknown values", () => {
    const f = parseFilters(new URLSearchParams("kind=fair&kelurahan=4&access=wheelchair&access=lift"));
    expect(f).toEqual({ kind: "fair", kelurahanId: 4, access: ["wheelchair"] });
    expect(parseFilters(new URLSearchParams("kind=party&kelurahan=x"))).toEqual({ kind: undefined, kelurahanId: undefined, access: [] });
    // beyond the databases' integer range: ignored like any other bad value (never sent to the database)
    expect(parseFilters(new URLSearchParams("kelurahan=99999999999999999999")).kelurahanId).toBeUndefined();
    expect(parseFilters(new URLSearchParams("kelurahan=2147483648")).kelurahanId).toBeUndefined();
  });
});
