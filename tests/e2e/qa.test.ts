// Live Q&A in real browsers: a question travels from a participant's phone
// through the moderator console to the projector screen, live, with axe on
// each page; and the participant page without JavaScript.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { aQaSession, aQuestion, aUser } from "../../prisma/builders";
import {
  allowConsoleErrors,
  browserSuite,
  eventually,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  logIn,
  text,
  waitForHydration,
} from "./support";

const suite = browserSuite();
const t = translator("id");
const en = translator("en");
const suffix = Math.random().toString(36).slice(2, 6);
const questionText = `Kapan posyandu lansia di RW 05 buka lagi? (${suffix})`;

describe("a question from phone to screen", () => {
  /** a fresh session and a signed-in moderator's console, phone and projector pages */
  async function setUp(options: { published?: string } = {}) {
    const db = suite.database.db;
    const session = await aQaSession(db, { premoderation: true });
    if (options.published) await aQuestion(db, session.id, { text: options.published });
    const [phone, console, screen] = await Promise.all([
      suite.page({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }),
      suite.page({ viewport: { width: 1280, height: 900 } }),
      suite.page({ viewport: { width: 1280, height: 720 } }),
    ]);
    await logIn(console, await aUser(db, { role: "moderator" }));
    return { CODE: session.code, phone, console, screen };
  }

  it("is asked on the phone, approved and put on screen by the moderator, and shown on the projector", async () => {
    const { CODE, phone, console, screen } = await setUp();
    await console.goto(`/qa/${CODE}/moderate`);
    await waitForHydration(console);
    await eventually(() => text(console.locator(".qa-counts"))).toContain("peserta terhubung");

    await screen.goto(`/qa/${CODE}/screen`);
    await waitForHydration(screen);
    expect(await screen.locator(".qa-screen-code").innerText()).toBe(CODE);
    expect(await screen.locator(".qa-screen-qr svg").count()).toBe(1);
    await expect(screen.locator(".site-header").isVisible()).resolves.toBe(false);

    await phone.goto(`/qa/${CODE}`);
    await waitForHydration(phone);
    await eventually(() => text(phone.locator(".qa-live"))).toBe(t("qa.live.connected"));
    await expectNoHorizontalScroll(phone, 360);
    await phone.getByLabel(t("qa.ask.text"), { exact: false }).fill(questionText);
    await phone.getByLabel(`${t("qa.ask.name")} ${t("form.optional")}`, { exact: true }).fill("Bu Yati");
    await phone.getByRole("button", { name: t("qa.ask.submit"), exact: true }).click();
    await eventually(() => text(phone.locator("main [role=status].alert"))).toBe(t("qa.ask.sentPending"));
    const mine = phone.locator("section[aria-labelledby=mine-title] li", { hasText: questionText });
    await eventually(() => text(mine)).toContain(t("qa.q.pending"));
    await expectNoSeriousA11yViolations(phone, "participant page (phone)");

    // the moderator sees it arrive in the queue without reloading
    const cardOf = (page: Page, scope = "main") =>
      page.locator(`${scope} li[data-question-id]`).filter({ has: page.locator(".qa-text", { hasText: questionText }) });
    const card = cardOf(console);
    await eventually(() => card.count()).toBe(1);
    await card.getByRole("button", { name: new RegExp(`^${t("qa.mod.approve")}:`) }).click();
    await eventually(() => text(console.locator("section[aria-labelledby=published-title]"))).toContain(questionText);

    // everyone sees it now; the asker's copy is published, and stays in "Pertanyaan saya" with its state
    await eventually(() => text(phone.locator("section[aria-labelledby=list-title]"))).toContain(questionText);
    await eventually(() => text(mine)).toContain(t("qa.q.mineApproved"));

    const published = cardOf(console, "section[aria-labelledby=published-title]");
    await published.getByRole("button", { name: new RegExp(`^${t("qa.mod.show")}:`) }).click();
    await eventually(() => text(screen.getByTestId("screen-now")), 10_000).toBe(questionText);
    await eventually(() => text(console.getByTestId("mod-on-screen"))).toBe(questionText);
    await eventually(() => text(mine)).toContain(t("qa.q.mineOnScreen"));
    await expectNoSeriousA11yViolations(screen, "projector");

    // a vote from the phone reaches the console (coalesced tick)
    const item = phone.locator("section[aria-labelledby=list-title] li", { hasText: questionText });
    await item.getByRole("button", { name: new RegExp(`^${t("qa.vote")}`) }).click();
    await eventually(() => item.getByRole("button", { name: new RegExp(`^${t("qa.unvote")}`) }).count()).toBe(1);
    await eventually(() => cardOf(console).locator(".qa-votes").first().getAttribute("data-votes")).toBe("1");
    await expectNoSeriousA11yViolations(console, "moderator console");

    // answered with a written reply: the phone shows the reply
    const answered = cardOf(console);
    await answered.locator("summary").click();
    await answered.getByLabel(t("qa.mod.reply"), { exact: false }).fill("Mulai Sabtu depan di balai warga RW 05.");
    await answered.getByRole("button", { name: t("qa.mod.answer"), exact: true }).click();
    await eventually(() => text(phone.locator("section[aria-labelledby=list-title] li", { hasText: questionText }))).toContain(
      "Mulai Sabtu depan di balai warga RW 05.",
    );
    // answering takes it off the screen
    await eventually(() => text(screen.getByTestId("screen-now"))).toBe(t("qa.screen.empty"));
    await eventually(() => text(mine)).toContain(t("qa.q.answered"));
    await phone.reload();
    expect(await text(mine)).toContain(t("qa.q.answered"));
  });

  it("the projector recovers by itself after a network drop", async () => {
    const published = `Apakah ada layanan KTP keliling bulan ini? (${suffix})`;
    const { CODE, console, screen } = await setUp({ published });
    await console.goto(`/qa/${CODE}/moderate`);
    await waitForHydration(console);
    await screen.goto(`/qa/${CODE}/screen`);
    await waitForHydration(screen);
    await eventually(() => text(console.locator(".qa-counts"))).toContain("1 peserta terhubung");
    expect(await text(screen.getByTestId("screen-now"))).toBe(t("qa.screen.empty"));
    // offline, the browser logs its failed attempts to reconnect
    allowConsoleErrors(screen, /WebSocket|ERR_INTERNET_DISCONNECTED|Failed to load resource/);
    await screen.context().setOffline(true);
    await eventually(() => text(screen.locator(".qa-screen-status")), 30_000).toBe(t("qa.live.offline"));
    const card = console
      .locator("section[aria-labelledby=published-title] li[data-question-id]")
      .filter({ has: console.locator(".qa-text", { hasText: published }) });
    await card.getByRole("button", { name: new RegExp(`^${t("qa.mod.show")}:`) }).click();
    await eventually(() => text(console.getByTestId("mod-on-screen"))).toBe(published);
    await screen.context().setOffline(false);
    await eventually(() => text(screen.getByTestId("screen-now")), 30_000).toBe(published);
    await eventually(() => text(screen.locator(".qa-screen-status"))).toBe("");
  });
});

describe("without JavaScript, in English", () => {
  it("asks with a plain form and shows the question on reload", async () => {
    const session = await aQaSession(suite.database.db, { premoderation: true });
    await aQuestion(suite.database.db, session.id, { text: `Where do I renew a family card? (${suffix})` });
    const CODE = session.code;
    const page = await suite.page({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    // the too-short question below is answered with a 400 (the form with its error)
    allowConsoleErrors(page, /status of 400/);
    await page.goto(`/qa?lang=en`);
    await page.getByLabel(en("qa.join.code"), { exact: true }).fill(CODE.toLowerCase());
    await page.getByRole("button", { name: en("qa.join.submit"), exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/qa/${CODE}`);
    await expectNoSeriousA11yViolations(page, "participant page without JavaScript");
    await page.getByLabel(en("qa.ask.text"), { exact: false }).fill("ab");
    await page.getByRole("button", { name: en("qa.ask.submit"), exact: true }).click();
    expect(await text(page.locator("#f-text-error"))).toBe(en("qa.validation.textShort"));
    await page.getByLabel(en("qa.ask.text"), { exact: false }).fill(`Is there a Saturday service for ID cards? (${suffix})`);
    await page.getByLabel(en("qa.ask.anonymous"), { exact: true }).check();
    await page.getByRole("button", { name: en("qa.ask.submit"), exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/qa/${CODE}`);
    expect(await text(page.locator("main"))).toContain(en("qa.ask.sentPending"));
    await page.goto(`/qa/${CODE}`);
    expect(await text(page.locator("section[aria-labelledby=mine-title]"))).toContain("Is there a Saturday service for ID cards?");
    const first = page.locator("section[aria-labelledby=list-title] li").first();
    const before = Number(await first.locator(".qa-votes").getAttribute("data-votes"));
    await first.getByRole("button", { name: new RegExp(`^${en("qa.vote")}`) }).click();
    // back to the page without the #q-… fragment the redirect added (axe copies the page by its address)
    await page.goto(`/qa/${CODE}`);
    const again = page.locator("section[aria-labelledby=list-title] li").first();
    expect(Number(await again.locator(".qa-votes").getAttribute("data-votes"))).toBe(before + 1);
    await expectNoSeriousA11yViolations(page, "participant page after voting without JavaScript");
  });
});
