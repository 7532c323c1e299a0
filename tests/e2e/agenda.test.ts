// The annual deliberation in a real browser: dot voting with JavaScript off (plain
// forms), the printable A4 agenda with its attendance sheet, and axe on both.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { translator } from "~/i18n";
import { startServer, type RunningServer } from "../support/server";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, launchBrowser, newPage, text } from "./support";

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

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await page.locator("main").getByLabel(t("auth.login.identifier"), { exact: true }).fill(email);
  await page.locator("main").getByLabel(t("auth.login.password"), { exact: true }).fill("balai-demo");
  await page.locator("main").getByRole("button", { name: t("auth.login.submit"), exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

async function reviewDeliberation() {
  return database.db.deliberation.findFirstOrThrow({
    where: { phase: "review", level: "kecamatan" },
    include: { items: { orderBy: { id: "asc" } }, area: true },
  });
}

describe("dot voting without JavaScript", () => {
  it("spreads votes with plain forms, shows what is left, refuses going over the budget", async () => {
    const d = await reviewDeliberation();
    expect(d.items.length).toBeGreaterThanOrEqual(2);
    const page = await newPage(browser, server.url, { javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    try {
      await logIn(page, "warga@balai.test");
      await page.goto(`/agenda/${d.year}`);
      const vote = page.locator("#vote");
      await expect.poll(() => text(vote.locator(".agenda-remaining"))).toBe(t("agenda.vote.remaining", { remaining: 5, budget: 5 }));
      await expectNoSeriousA11yViolations(page, "public agenda (voting, no JavaScript)");
      await expectNoHorizontalScroll(page, 360);

      const [first, second] = d.items;
      await vote.getByLabel(t("agenda.vote.field", { title: first.title }), { exact: true }).fill("3");
      await vote.getByLabel(t("agenda.vote.field", { title: second.title }), { exact: true }).fill("2");
      await vote.getByRole("button", { name: t("agenda.vote.submit") }).click();
      await page.waitForLoadState();
      expect(await text(page.locator("main [role=status]"))).toBe(t("agenda.vote.saved", { remaining: 0 }));
      expect(await text(page.locator("#vote .agenda-remaining"))).toBe(t("agenda.vote.remaining", { remaining: 0, budget: 5 }));
      expect(await page.locator("#vote").getByLabel(t("agenda.vote.field", { title: first.title }), { exact: true }).inputValue()).toBe("3");

      // over the budget: refused, with the typed numbers kept
      await page.locator("#vote").getByLabel(t("agenda.vote.field", { title: first.title }), { exact: true }).fill("4");
      await page.locator("#vote").getByRole("button", { name: t("agenda.vote.submit") }).click();
      await page.waitForLoadState();
      expect(await text(page.locator("#vote [role=alert]"))).toBe(t("agenda.vote.overBudget", { budget: 5 }));
      expect(await page.locator("#vote").getByLabel(t("agenda.vote.field", { title: first.title }), { exact: true }).inputValue()).toBe("4");
      await expectNoSeriousA11yViolations(page, "public agenda (vote refused)");

      // changing the ballot until the window closes
      await page.goto(`/agenda/${d.year}`);
      await page.locator("#vote").getByLabel(t("agenda.vote.field", { title: first.title }), { exact: true }).fill("1");
      await page.locator("#vote").getByRole("button", { name: t("agenda.vote.submit") }).click();
      await page.waitForLoadState();
      expect(await text(page.locator("#vote .agenda-remaining"))).toBe(t("agenda.vote.remaining", { remaining: 2, budget: 5 }));
      const user = await database.db.user.findUniqueOrThrow({ where: { email: "warga@balai.test" } });
      const votes = await database.db.agendaVote.findMany({ where: { deliberationId: d.id, userId: user.id }, orderBy: { agendaItemId: "asc" } });
      expect(votes.map((v) => [v.agendaItemId, v.dots])).toEqual([[first.id, 1], [second.id, 2]]);
    } finally {
      await page.context().close();
    }
  });
});

describe("the printable agenda", () => {
  it("prints on A4 with the items in priority order and an attendance sheet from the check-ins", async () => {
    const d = await reviewDeliberation();
    const present = await database.db.user.findUniqueOrThrow({ where: { email: "warga@balai.test" } });
    await database.db.rsvp.create({ data: { eventId: d.eventId!, userId: present.id, code: `E2E${Date.now()}`, status: "confirmed", checkedInAt: new Date() } });
    const page = await newPage(browser, server.url);
    try {
      await logIn(page, "perencana@balai.test");
      await page.goto(`/agenda/manage/${d.id}/print`);
      expect(await text(page.locator("main h1"))).toBe(t("agenda.print.title", { year: d.year }));
      await expectNoSeriousA11yViolations(page, "printable agenda");
      const attendance = page.locator("table.agenda-attendance");
      expect(await text(attendance.locator("tbody tr").first())).toContain("Siti Aminah");

      await page.emulateMedia({ media: "print" });
      expect(await page.locator("header.site-header").isVisible()).toBe(false);
      expect(await page.locator(".agenda-no-print").first().isVisible()).toBe(false);
      expect(await attendance.isVisible()).toBe(true);
      const breakBefore = await page.locator("section.agenda-page-break").evaluate((el) => getComputedStyle(el).breakBefore);
      expect(breakBefore).toBe("page");
      const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      // the attendance sheet starts on its own page: at least two pages
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(2);
      await page.emulateMedia({ media: "screen" });

      await page.goto(`/agenda/manage/${d.id}/minutes`);
      await expectNoSeriousA11yViolations(page, "berita acara");
      // the planner's other pages, at phone width too
      await page.setViewportSize({ width: 360, height: 800 });
      for (const path of [`/agenda/manage/${d.id}`, `/agenda/manage/${d.id}/pool`, `/agenda/manage/${d.id}/assist?resident=warga%40balai.test`, "/agenda/new", "/agenda"]) {
        await page.goto(path);
        expect(await page.locator("main h1").count(), path).toBe(1);
        await expectNoSeriousA11yViolations(page, path);
        await expectNoHorizontalScroll(page, 360);
      }
    } finally {
      await page.context().close();
    }
  });
});
