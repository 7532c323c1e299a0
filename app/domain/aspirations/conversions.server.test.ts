// "Jadikan aspirasi": the prefilled title is the source's first sentence, cut between words when
// long; the category is suggested from the category names and from recent aspirations like it.
import { describe, expect, it } from "vitest";
import { aCategory, anAspiration, aQaSession, aQuestion, aStaffMember } from "../../../prisma/builders";
import { loadConversionSource, suggestCategory, titleFrom } from "./conversions.server";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const database = withTempDatabase("balai-convert-");
const db = () => database().db;

describe("the prefilled title", () => {
  it("is the first sentence, cut between words with an ellipsis when long", () => {
    expect(titleFrom("Kapan posyandu lansia dibuka lagi? Terima kasih, Pak Camat.")).toBe("Kapan posyandu lansia dibuka lagi?");
    const long =
      "Mohon informasinya kapan perbaikan jalan di depan pasar Perumnas Klender akan dimulai karena genangan air setiap hujan membuat pedagang kesulitan";
    const title = titleFrom(long, 60);
    expect(title.length).toBeLessThanOrEqual(60);
    expect(title.endsWith("…")).toBe(true);
    const words = title.slice(0, -1);
    expect(long.startsWith(`${words} `)).toBe(true); // ends where a word ends
    expect(titleFrom("Pak. Lampu jalan di RT 04 mati sejak seminggu")).toBe("Pak. Lampu jalan di RT 04 mati sejak seminggu");
  });
});

describe("the suggested category", () => {
  it("follows the category names and recent aspirations like the text, else none", async () => {
    const roads = await aCategory(db(), { nameId: "Jalan dan jembatan", nameEn: "Roads and bridges" });
    const environment = await aCategory(db(), { nameId: "Lingkungan hidup", nameEn: "Environment" });
    await anAspiration(db(), { categoryId: environment.id, title: "Saluran air tersumbat sampah di Jl. Swadaya", description: "Got meluap." });
    await anAspiration(db(), { categoryId: environment.id, title: "Sampah menumpuk di saluran air RW 05", description: "Bau." });
    expect(await suggestCategory(db(), "Jembatan penyeberangan di Kali Malang retak")).toBe(roads.id);
    expect(await suggestCategory(db(), "Kapan saluran air di gang kami dibersihkan dari sampah?")).toBe(environment.id);
    expect(await suggestCategory(db(), "Terima kasih banyak")).toBeUndefined();
  });

  it("prefills the form of a Q&A question", async () => {
    const environment = await aCategory(db(), { nameId: "Kebersihan kali", nameEn: "River cleanliness" });
    const session = await aQaSession(db());
    const question = await aQuestion(db(), session.id, {
      text: "Bagaimana rencana kecamatan untuk kebersihan kali Sunter yang penuh sampah plastik setiap musim hujan datang ke wilayah kami?",
    });
    const staff = { id: (await aStaffMember(db(), "moderator")).id, role: "moderator" as const };
    const source = await loadConversionSource(db(), staff, "question", question.id);
    expect(source.prefill.categoryId).toBe(environment.id);
    expect(source.prefill.title.endsWith("…")).toBe(true);
    expect(question.text.startsWith(`${source.prefill.title.slice(0, -1)} `)).toBe(true);
    expect((await loadConversionSource(db(), staff, "question", question.id, { suggest: false })).prefill.categoryId).toBeUndefined();
  });
});
