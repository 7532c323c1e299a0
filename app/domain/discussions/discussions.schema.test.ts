// The discussion forms' schemas and URL readers: ids beyond the databases' integer
// range are refused (a 400 next to the field), never passed on (issue 10, defect 5).
import { describe, expect, it } from "vitest";
import { MAX_ID } from "~/domain/ids";
import { categorySchema, newTopicSchema, optionalQueryId, parseOpenForm, threadActionSchema } from "./discussions.schema";

const huge = "99999999999999999999";
const issues = (result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);

describe("ids in forms", () => {
  it("refuses parentId, postId, topicId and userId beyond the integer range", () => {
    expect(issues(threadActionSchema.safeParse({ intent: "reply", parentId: huge, body: "Balasan." }))).toEqual(["parentId: error.invalid"]);
    expect(issues(threadActionSchema.safeParse({ intent: "support", postId: huge }))).toEqual(["postId: error.invalid"]);
    expect(issues(threadActionSchema.safeParse({ intent: "support", postId: String(MAX_ID + 1) }))).toEqual(["postId: error.invalid"]);
    expect(issues(threadActionSchema.safeParse({ intent: "unanswer", topicId: huge }))).toEqual(["topicId: error.invalid"]);
    expect(issues(threadActionSchema.safeParse({ intent: "unblock", userId: huge }))).toEqual(["userId: error.invalid"]);
    expect(threadActionSchema.parse({ intent: "support", postId: String(MAX_ID) })).toEqual({ intent: "support", postId: MAX_ID });
  });

  it("refuses a topic's categoryId and kelurahanId beyond the range; an empty category asks to choose one", () => {
    const topic = { title: "Judul topik uji", body: "Isi topik." };
    expect(issues(newTopicSchema.safeParse({ ...topic, categoryId: huge }))).toEqual(["categoryId: error.invalid"]);
    expect(issues(newTopicSchema.safeParse({ ...topic, categoryId: "" }))).toEqual(["categoryId: discussions.validation.category"]);
    expect(issues(newTopicSchema.safeParse({ ...topic }))).toEqual(["categoryId: discussions.validation.category"]);
    expect(issues(newTopicSchema.safeParse({ ...topic, categoryId: "3", kelurahanId: huge }))).toEqual(["kelurahanId: error.invalid"]);
    expect(newTopicSchema.parse({ ...topic, categoryId: "3", kelurahanId: "" })).toMatchObject({ categoryId: 3, kelurahanId: undefined });
  });

  it("refuses a category's id beyond the range; none means a new category", () => {
    const category = { slug: "uji", nameId: "Uji", nameEn: "Test", position: "1" };
    expect(issues(categorySchema.safeParse({ ...category, categoryId: huge }))).toEqual(["categoryId: error.invalid"]);
    expect(categorySchema.parse({ ...category, categoryId: "" }).categoryId).toBeUndefined();
    expect(categorySchema.parse({ ...category, categoryId: "7" }).categoryId).toBe(7);
  });
});

describe("ids in URLs", () => {
  it("opens an inline form only for a known kind and a valid post id", () => {
    expect(parseOpenForm("reply", "12")).toEqual({ kind: "reply", postId: 12 });
    expect(parseOpenForm("edit", huge)).toBeNull();
    expect(parseOpenForm("edit", "abc")).toBeNull();
    expect(parseOpenForm("rm -rf", "12")).toBeNull();
    expect(parseOpenForm(null, null)).toBeNull();
  });

  it("reads a query id as none unless it is one", () => {
    expect(optionalQueryId("5")).toBe(5);
    for (const v of [huge, "0", "-1", "1.5", "abc", "", null]) expect(optionalQueryId(v), String(v)).toBeUndefined();
  });
});
