// The deliberation's forms and filters take ids only within the databases' range:
// anything beyond it is refused next to its field (a form) or ignored (a filter),
// never passed on to the database.
import { describe, expect, it } from "vitest";
import { assistedBallotSchema, assistQuerySchema, createItemSchema, decideSchema, itemIdSchema, poolFiltersSchema } from "./agenda.schema";

const HUGE = "99999999999999999999";
const item = { title: "Penerangan gang masjid", rationale: "Gang gelap setelah magrib.", urgency: "2" };

function fieldErrors(result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("ids in the deliberation's forms", () => {
  it("refuses an item id beyond the integer range next to the field", () => {
    expect(fieldErrors(itemIdSchema.safeParse({ itemId: HUGE }))).toEqual({ itemId: "error.invalid" });
    expect(fieldErrors(decideSchema.safeParse({ itemId: HUGE, decision: "accepted" }))).toEqual({ itemId: "error.invalid" });
    expect(itemIdSchema.parse({ itemId: "2147483647" })).toEqual({ itemId: 2_147_483_647 });
  });

  it("refuses the whole list of aspirations when one is not an id, and a carried item beyond the range", () => {
    expect(fieldErrors(createItemSchema.safeParse({ ...item, aspirationIds: `3,${HUGE}` }))).toEqual({ aspirationIds: "agenda.validation.aspirationIds" });
    expect(fieldErrors(createItemSchema.safeParse({ ...item, aspirationIds: ["3", "x"] }))).toEqual({ aspirationIds: "agenda.validation.aspirationIds" });
    expect(fieldErrors(createItemSchema.safeParse({ ...item, aspirationIds: "" }))).toEqual({ aspirationIds: "agenda.validation.aspirations" });
    expect(fieldErrors(createItemSchema.safeParse({ ...item, aspirationIds: "3", carriedFromId: HUGE }))).toEqual({ carriedFromId: "error.invalid" });
    expect(createItemSchema.parse({ ...item, aspirationIds: "3, 5", carriedFromId: "" })).toMatchObject({ aspirationIds: [3, 5], carriedFromId: undefined });
  });

  it("refuses a ballot for an item or a resident beyond the range", () => {
    expect(fieldErrors(assistedBallotSchema.safeParse({ residentId: "7", [`dots-${HUGE}`]: "1" }))).toEqual({ [`dots-${HUGE}`]: "agenda.vote.unknownItem" });
    expect(fieldErrors(assistedBallotSchema.safeParse({ residentId: HUGE, "dots-4": "1" }))).toEqual({ residentId: "error.invalid" });
    expect(assistedBallotSchema.parse({ residentId: "7", "dots-4": "2", "dots-5": "" })).toEqual({ residentId: 7, ballot: { 4: 2 } });
  });
});

describe("ids in the addresses of the planners' pages", () => {
  it("drops pool filters beyond the range, and finds no resident for such an id", () => {
    expect(poolFiltersSchema.parse({ categoryId: HUGE, kelurahanId: "12", rwId: "-3", page: "2" })).toEqual({
      categoryId: undefined,
      kelurahanId: 12,
      rwId: undefined,
      status: undefined,
      page: 2,
    });
    expect(assistQuerySchema.parse({ residentId: HUGE })).toEqual({ resident: "", residentId: null });
    expect(assistQuerySchema.parse({ residentId: "", resident: "  warga@contoh.id " })).toEqual({ resident: "warga@contoh.id", residentId: undefined });
  });
});
