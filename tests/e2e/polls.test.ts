// Live polls in real browsers (issue 17): a moderator opens a prepared poll, a
// phone answers it live, the projector shows it with the join code and then its
// results; a participant without JavaScript answers a word cloud by plain form
// and sees the results page; drafts are changed and deleted on the console. Axe on the
// three pages and on a draft's change form.
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { aPoll, aPollAnswer, aQaSession, aUser } from "../../prisma/builders";
import { browserSuite, eventually, expectNoHorizontalScroll, expectNoSeriousA11yViolations, logIn, text, waitForHydration } from "./support";

const suite = browserSuite();
const t = translator("id");
const suffix = Math.random().toString(36).slice(2, 6);

describe("a poll from the console to the phones and the projector", () => {
  it("is opened by the moderator, answered on a phone, and its results shown on the projector", async () => {
    const db = suite.database.db;
    const session = await aQaSession(db);
    const question = `Siapa yang sudah pernah memakai JAKI? (${suffix})`;
    const poll = await aPoll(db, session.id, { question, options: ["Sudah", "Belum"] });
    const CODE = session.code;
    const [phone, console, screen] = await Promise.all([
      suite.page({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }),
      suite.page({ viewport: { width: 1280, height: 900 } }),
      suite.page({ viewport: { width: 1280, height: 720 } }),
    ]);
    await logIn(console, await aUser(db, { role: "moderator" }));

    await screen.goto(`/qa/${CODE}/screen`);
    await waitForHydration(screen);
    await phone.goto(`/qa/${CODE}`);
    await waitForHydration(phone);
    await eventually(() => text(phone.locator(".qa-live"))).toBe(t("qa.live.connected"));
    expect(await phone.locator("#poll").count()).toBe(0);

    await console.goto(`/qa/${CODE}/moderate`);
    await waitForHydration(console);
    const panel = console.locator("section#polls");
    await panel.getByRole("button", { name: `${t("polls.mod.open")}: ${t("polls.mod.for", { id: poll.id })}` }).click();
    await eventually(() => text(panel.locator(`li[data-poll-id="${poll.id}"]`))).toContain(t("polls.status.open"));

    // the projector shows the open poll with the join code, without results yet
    await eventually(() => text(screen.getByTestId("screen-poll"))).toContain(question);
    expect(await text(screen.getByTestId("screen-poll"))).toContain(CODE);
    expect(await text(screen.getByTestId("screen-poll"))).toContain(t("polls.screen.hidden"));
    await expectNoSeriousA11yViolations(screen, "projector with a poll");

    // the phone gets it live and answers over the socket
    const card = phone.locator("#poll");
    await eventually(() => text(card)).toContain(question);
    await expectNoSeriousA11yViolations(phone, "participant page with a poll");
    await card.getByLabel("Sudah", { exact: true }).check();
    await card.getByRole("button", { name: t("polls.p.submit"), exact: true }).click();
    await eventually(() => text(card)).toContain(t("polls.p.yours", { answer: "Sudah" }));
    await eventually(() => text(card.locator(".poll-results"))).toContain("1 (100%)");
    await expectNoHorizontalScroll(phone, 360);

    // the console counts it live; showing the results puts them on the projector
    await eventually(() => text(panel.locator(`li[data-poll-id="${poll.id}"] .poll-results`))).toContain("1 (100%)");
    await panel.getByRole("button", { name: `${t("polls.mod.showResults")}: ${t("polls.mod.for", { id: poll.id })}` }).click();
    await eventually(() => text(screen.locator("[data-testid=screen-poll] .poll-results"))).toContain(
      t("polls.row", { label: "x", count: 1, percent: 100 }).slice(3),
    );
    await expectNoSeriousA11yViolations(console, "moderator console with polls");

    // a second answer reaches the projector without reloading (coalesced tick)
    await aPollAnswer(db, poll, { options: ["Belum"] });
    const other = await suite.page({ viewport: { width: 360, height: 740 } });
    await other.goto(`/qa/${CODE}`);
    await waitForHydration(other);
    await eventually(() => text(other.locator(".qa-live"))).toBe(t("qa.live.connected"));
    await other.locator("#poll").getByLabel("Belum", { exact: true }).check();
    await other
      .locator("#poll")
      .getByRole("button", { name: t("polls.p.submit"), exact: true })
      .click();
    await eventually(() => text(screen.locator("[data-testid=screen-poll] .poll-answers"))).toBe(t("polls.answers", { count: 3 }));
    expect(await text(screen.locator("[data-testid=screen-poll] .poll-results"))).toContain("2 (67%)");
  });
});

describe("without JavaScript", () => {
  it("answers a word cloud with a plain form and shows the results page with the ranked list", async () => {
    const db = suite.database.db;
    const session = await aQaSession(db);
    const question = `Layanan apa yang paling sulit? (${suffix})`;
    const poll = await aPoll(db, session.id, { kind: "words", status: "open", question });
    await aPollAnswer(db, poll, { words: "izin usaha" });
    await aPollAnswer(db, poll, { words: "bpjs" });
    const page = await suite.page({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await page.goto(`/qa/${session.code}`);
    const card = page.locator("#poll");
    expect(await text(card)).toContain(question);
    expect(await card.locator(".poll-results").count()).toBe(0);
    await card.getByLabel(t("polls.p.words"), { exact: true }).fill("  Izin   USAHA ");
    await card.getByRole("button", { name: t("polls.p.submit"), exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/qa/${session.code}/poll`);
    expect(await text(page.locator("main"))).toContain(t("polls.p.sent"));
    expect(await text(page.locator("#poll"))).toContain(t("polls.p.yours", { answer: "izin usaha" }));
    const ranked = page.locator(".poll-ranked li");
    expect(await ranked.count()).toBe(2);
    expect(await text(ranked.first())).toContain("izin usaha");
    expect(await text(ranked.first())).toContain("2 (67%)");
    await page.goto(`/qa/${session.code}/poll`);
    await expectNoSeriousA11yViolations(page, "poll results page without JavaScript");
  });
});

describe("drafts on the console", () => {
  it("are changed and deleted before they are opened; the draft's form passes axe", async () => {
    const db = suite.database.db;
    const session = await aQaSession(db);
    const keep = await aPoll(db, session.id, { question: `Stan apa? (${suffix})`, options: ["Pasar", "Kuliner"] });
    const drop = await aPoll(db, session.id, { question: `Dihapus saja (${suffix})` });
    const page = await suite.page({ viewport: { width: 1280, height: 900 } });
    await logIn(page, await aUser(db, { role: "moderator" }));
    await page.goto(`/qa/${session.code}/moderate`);
    await waitForHydration(page);

    const item = page.locator(`li[data-poll-id="${keep.id}"]`);
    await item.locator("summary").click();
    expect(await item.getByLabel(t("polls.mod.options")).inputValue()).toBe("Pasar\nKuliner");
    await item.getByLabel(t("polls.mod.question")).fill(`Stan apa tahun depan? (${suffix})`);
    await item.getByLabel(t("polls.mod.options")).fill("Pasar\nKesehatan\nUMKM");
    await expectNoSeriousA11yViolations(page, "console with a draft's change form");
    await item.getByRole("button", { name: t("polls.mod.editSubmit"), exact: true }).click();
    await eventually(() => text(page.locator(`li[data-poll-id="${keep.id}"] .qa-text`))).toContain(`Stan apa tahun depan? (${suffix})`);

    const gone = page.locator(`li[data-poll-id="${drop.id}"]`);
    await gone.locator("summary").click();
    await gone.getByRole("button", { name: `${t("polls.mod.delete")}: ${t("polls.mod.for", { id: drop.id })}` }).click();
    await eventually(() => gone.count()).toBe(0);
    expect(await db.qaPoll.findUnique({ where: { id: drop.id } })).toBeNull();
    expect((await db.qaPollOption.findMany({ where: { pollId: keep.id }, orderBy: { position: "asc" } })).map((o) => o.label)).toEqual([
      "Pasar",
      "Kesehatan",
      "UMKM",
    ]);
  });
});
