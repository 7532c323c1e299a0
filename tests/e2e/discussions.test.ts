// Discussions in a real browser: replying with JavaScript off (plain forms and
// reloads), a live update with JavaScript on that never moves the reader, and axe.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { translator } from "~/i18n";
import { startServer, type RunningServer } from "../support/server";
import { eventually, expectNoHorizontalScroll, expectNoSeriousA11yViolations, launchBrowser, newPage, text, waitForHydration } from "./support";

let server: RunningServer;
let browser: Browser;
let database: Database;
const t = translator("id");

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  database = await openDatabase(server.databaseUrl);
});

afterAll(async () => {
  await database?.close();
  await browser?.close();
  await server?.stop();
});

async function logIn(page: Page, email: string, js: boolean) {
  await page.goto("/login");
  if (js) await waitForHydration(page);
  const main = page.locator("main");
  await main.getByLabel(t("auth.login.identifier"), { exact: true }).fill(email);
  await main.getByLabel(t("auth.login.password"), { exact: true }).fill("balai-demo");
  await main.getByRole("button", { name: t("auth.login.submit"), exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

const topicId = async (prefix: string) => (await database.db.topic.findFirstOrThrow({ where: { title: { startsWith: prefix } } })).id;

describe("discussions without JavaScript", () => {
  it("a resident opens a thread, replies to a reply, and sees it nested after the reload", async () => {
    const page = await newPage(browser, server.url, { javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await logIn(page, "warga@balai.test", false);
    await page.getByRole("link", { name: t("nav.discussions"), exact: true }).click();
    await expectNoSeriousA11yViolations(page, "topic list (no JS)");
    await page.getByRole("link", { name: "Jadwal bank sampah RW 05 Pondok Kopi" }).click();
    await expectNoSeriousA11yViolations(page, "thread (no JS)");
    await expectNoHorizontalScroll(page, 360);

    // reply to Pak Joko's reply (a link opens the form in place)
    const joko = page.locator("article.post", { hasText: "Semoga bisa ditiru di Klender" }).first();
    await joko.getByRole("link", { name: t("discussions.action.replyTo", { name: "Joko Prasetyo" }) }).click();
    const form = page.locator("section.inline-panel");
    // too short for the server (the browser's own check accepts it): the error is next to the field, the text kept
    await form.getByLabel(t("discussions.field.reply")).fill("a");
    await form.getByRole("button", { name: t("discussions.action.sendReply") }).click();
    await expect.poll(() => text(form.locator(".field-error"))).toBe(t("discussions.validation.body"));
    expect(await form.getByLabel(t("discussions.field.reply")).inputValue()).toBe("a");
    await expectNoSeriousA11yViolations(page, "reply form with an error (no JS)");
    await form.getByLabel(t("discussions.field.reply")).fill("Boleh, Pak. Kontak pengurus: Pak Rahmat, pos RW 05 setiap Minggu pagi.");
    await form.getByRole("button", { name: t("discussions.action.sendReply") }).click();
    await page.waitForURL((url) => url.hash.startsWith("#post-"));
    expect(await text(page.locator("main [role=status]"))).toBe(t("discussions.flash.replied"));
    const nested = joko.locator("ol.replies article.post", { hasText: "Kontak pengurus: Pak Rahmat" });
    await expect.poll(() => nested.count()).toBe(1);
    expect(await text(nested.locator(".post-author"))).toBe("Siti Aminah");
    await page.context().close();
  });
});

describe("discussions with JavaScript", () => {
  it("shows '1 new reply' to a reader without moving the page, and reveals it on request", async () => {
    const id = await topicId("Genangan air");
    const reader = await newPage(browser, server.url, { viewport: { width: 390, height: 700 } });
    await reader.goto(`/discussions/${id}`);
    await waitForHydration(reader);
    await reader.locator(".live-bar[data-live=on]").waitFor({ state: "attached" });
    // the reader is looking at the official reply, in the middle of the page
    const watched = reader.locator("article.post", { hasText: "Suku Dinas Sumber Daya Air" }).first();
    await watched.scrollIntoViewIfNeeded();
    const before = await watched.boundingBox();
    const scrollBefore = await reader.evaluate(() => window.scrollY);

    const writer = await newPage(browser, server.url);
    await logIn(writer, "warga@balai.test", true);
    await writer.goto(`/discussions/${id}`);
    await waitForHydration(writer);
    await writer.locator("#reply-form").getByLabel(t("discussions.field.reply")).fill("Hari ini sudah ada petugas yang mengeruk saluran. Terima kasih!");
    await writer.locator("#reply-form").getByRole("button", { name: t("discussions.action.sendReply") }).click();
    await writer.waitForURL((url) => url.hash.startsWith("#post-"));

    const reveal = reader.getByRole("button", { name: t("discussions.live.newOne") });
    await reveal.waitFor();
    expect(await reader.getByText("Hari ini sudah ada petugas").count()).toBe(0);
    expect(await reader.evaluate(() => window.scrollY)).toBe(scrollBefore);
    expect((await watched.boundingBox())!.y).toBe(before!.y);
    await expectNoSeriousA11yViolations(reader, "thread with the new-replies button");

    await reveal.click();
    await eventually(() => reader.getByText("Hari ini sudah ada petugas").count()).toBe(1);
    expect(await reveal.count()).toBe(0);
    expect((await watched.boundingBox())!.y).toBe(before!.y);
    await writer.context().close();
    await reader.context().close();
  });
});
