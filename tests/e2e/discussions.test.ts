// Discussions in a real browser: replying with JavaScript off (plain forms and
// reloads), a live update with JavaScript on that never moves the reader, and axe.
// Every test builds its own people and topics (prisma/builders).
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { aReply, aStaffMember, aTopic, aUser, unique } from "../../prisma/builders";
import {
  allowConsoleErrors,
  browserSuite,
  eventually,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  expectSameDocument,
  logIn,
  markDocument,
  text,
  waitForHydration,
} from "./support";

const suite = browserSuite();
const t = translator("id");
const db = () => suite.database.db;
const longAgo = new Date(Date.now() - 400 * 86_400_000);

describe("discussions without JavaScript", () => {
  it("a resident opens a thread, replies to a reply, and sees it nested after the reload", async () => {
    const siti = await aUser(db(), { name: `Siti ${unique()}`, createdAt: longAgo });
    const joko = await aUser(db(), { name: `Joko ${unique()}`, createdAt: longAgo });
    const topic = await aTopic(db(), { author: siti, title: `Jadwal bank sampah ${unique()}`, body: "Bank sampah buka lagi setiap **Minggu pagi**." });
    await aReply(db(), topic.root, { author: joko, body: "Semoga bisa ditiru di RW kami. Boleh minta kontak pengurusnya?" });

    const page = await suite.page({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    // the refused reply below answers 400 on purpose
    allowConsoleErrors(page, /status of 400 \(Bad Request\)/);
    await logIn(page, siti);
    await page.getByRole("link", { name: t("nav.discussions"), exact: true }).click();
    await expectNoSeriousA11yViolations(page, "topic list (no JS)");
    await page.getByRole("link", { name: topic.title }).click();
    await expectNoSeriousA11yViolations(page, "thread (no JS)");
    await expectNoHorizontalScroll(page, 360);

    // reply to Joko's reply (a link opens the form in place)
    const reply = page.locator("article.post", { hasText: "Semoga bisa ditiru di RW kami" }).first();
    await reply.getByRole("link", { name: t("discussions.action.replyTo", { name: joko.name }) }).click();
    const form = page.locator("section.inline-panel");
    // too short for the server (the browser's own check accepts it): the error is next to the field, the text kept
    await form.getByLabel(t("discussions.field.reply")).fill("a");
    await form.getByRole("button", { name: t("discussions.action.sendReply") }).click();
    await expect.poll(() => text(form.locator(".field-error"))).toBe(t("discussions.validation.body"));
    expect(await form.getByLabel(t("discussions.field.reply")).inputValue()).toBe("a");
    await expectNoSeriousA11yViolations(page, "reply form with an error (no JS)");
    await form.getByLabel(t("discussions.field.reply")).fill("Boleh. Kontak pengurus: pos RW setiap Minggu pagi.");
    await form.getByRole("button", { name: t("discussions.action.sendReply") }).click();
    await page.waitForURL((url) => url.hash.startsWith("#post-"));
    expect(await text(page.locator("main [role=status]"))).toBe(t("discussions.flash.replied"));
    const nested = reply.locator("ol.replies article.post", { hasText: "Kontak pengurus: pos RW" });
    await expect.poll(() => nested.count()).toBe(1);
    expect(await text(nested.locator(".post-author"))).toBe(siti.name);
  });
});

describe("discussions with JavaScript", () => {
  it("every discussion page hydrates for its staff, and a refused form shows its error without a reload", async () => {
    const admin = await aStaffMember(db(), "admin", { createdAt: longAgo });
    const topic = await aTopic(db(), { createdAt: longAgo });
    let post = await aReply(db(), topic.root);
    for (let depth = 2; depth <= 6; depth++) post = await aReply(db(), post);
    const page = await suite.page();
    await logIn(page, admin);
    for (const path of [
      "/discussions",
      "/discussions/new",
      "/discussions/moderation",
      "/admin/categories",
      `/discussions/${topic.id}`,
      `/discussions/${topic.id}/posts/${post.id}`,
    ]) {
      await page.goto(path);
      await waitForHydration(page);
    }
    // the topic form, sent with JavaScript: the server's refusal comes back as typed action data
    await page.goto("/discussions/new");
    await waitForHydration(page);
    await markDocument(page);
    allowConsoleErrors(page, /status of 400 \(Bad Request\)/);
    const main = page.locator("main");
    await main.getByLabel(t("discussions.field.title"), { exact: true }).fill("abc");
    await main.getByLabel(t("discussions.field.body"), { exact: true }).fill("Isi yang cukup panjang.");
    await main.getByRole("button", { name: t("discussions.submitTopic") }).click();
    await eventually(() => main.locator(".field-error").allInnerTexts()).toEqual([t("discussions.validation.title"), t("discussions.validation.category")]);
    await expectSameDocument(page);
  });

  it("shows '1 new reply' to a reader without moving the page, and reveals it on request", async () => {
    const nur = await aUser(db(), { createdAt: longAgo });
    const officer = await aStaffMember(db(), "planner", { createdAt: longAgo });
    const topic = await aTopic(db(), { author: nur, body: "Setiap hujan deras jalan kami tergenang sampai 30 cm. Saluran di sisi timur tampaknya tersumbat." });
    const neighbours = [await aUser(db(), { createdAt: longAgo }), await aUser(db(), { createdAt: longAgo })];
    const minute = 60_000;
    const start = Date.now() - 60 * minute;
    for (let i = 0; i < 3; i++) {
      await aReply(db(), topic.root, {
        author: neighbours[i % 2],
        createdAt: new Date(start + i * minute),
        body: `Di gang ${i + 1} juga begitu. Airnya baru surut setelah dua jam, dan motor warga harus dipindahkan ke tempat yang lebih tinggi.`,
      });
    }
    await aReply(db(), topic.root, {
      author: officer,
      isOfficial: true,
      createdAt: new Date(start + 10 * minute),
      body: "Terima kasih laporannya. Kami sudah meneruskan ke Suku Dinas Sumber Daya Air untuk pengerukan saluran.",
    });
    for (let i = 0; i < 2; i++) {
      await aReply(db(), topic.root, {
        author: neighbours[i % 2],
        createdAt: new Date(start + (20 + i) * minute),
        body: `Terima kasih, kami tunggu kabarnya. Catatan ${i + 1}: saluran di depan musala juga perlu diperiksa.`,
      });
    }

    const reader = await suite.page({ viewport: { width: 390, height: 700 } });
    await reader.goto(`/discussions/${topic.id}`);
    await waitForHydration(reader);
    await reader.locator(".live-bar[data-live=on]").waitFor({ state: "attached" });
    // the reader is looking at the official reply, in the middle of the page
    const watched = reader.locator("article.post", { hasText: "Suku Dinas Sumber Daya Air" }).first();
    await watched.scrollIntoViewIfNeeded();
    const before = await watched.boundingBox();
    const scrollBefore = await reader.evaluate(() => window.scrollY);

    const writer = await suite.page();
    await logIn(writer, nur);
    await writer.goto(`/discussions/${topic.id}`);
    await waitForHydration(writer);
    await writer.locator("#reply-form").getByLabel(t("discussions.field.reply")).fill("Hari ini sudah ada petugas yang mengeruk saluran. Terima kasih!");
    await writer
      .locator("#reply-form")
      .getByRole("button", { name: t("discussions.action.sendReply") })
      .click();
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
  });
});
