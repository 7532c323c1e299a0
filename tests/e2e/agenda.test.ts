// The annual deliberation in a real browser: every agenda page with JavaScript on
// (each role; no page or console error may happen: browserSuite fails the test),
// dot voting with JavaScript off (plain forms), the printable A4 agenda with its
// attendance sheet, and axe on the way. Every test builds its own deliberation.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { aDeliberation, anAgendaItem, aCandidateAspiration, anRsvp, aStaffMember, aUser } from "../../prisma/builders";
import { allowConsoleErrors, browserSuite, expectNoHorizontalScroll, expectNoSeriousA11yViolations, logIn, text, waitForHydration } from "./support";

const suite = browserSuite({ env: { BALAI_SEED: "0" } });
const db = () => suite.database.db;
const t = translator("id");

type Built = Awaited<ReturnType<typeof aDeliberation>>;

/** A deliberation with two items (and a spare candidate in the pool), in the given phase. */
async function aDeliberationWithItems(phase: "candidates" | "review" | "session") {
  const d = await aDeliberation(db(), { phase });
  const items = [
    await anAgendaItem(db(), d, { title: "Pengelolaan sampah terpadu", urgency: 4 }),
    await anAgendaItem(db(), d, { title: "Timbangan bayi posyandu", urgency: 1 }),
  ];
  await aCandidateAspiration(db(), d, { title: "Lampu jalan di gang masjid", responseDueAt: new Date(Date.now() + 3 * 86_400_000) });
  return { d, items };
}

function aResidentOf(d: Built) {
  return aUser(db(), { kelurahanId: d.kelurahan!.id, rwId: d.kelurahan!.rws[0].id });
}

/** Opens `path` with JavaScript on, waits until React has hydrated it, and checks it has one heading. */
async function visit(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
  expect(await page.locator("main h1").count(), path).toBe(1);
}

describe("every agenda page with JavaScript on", () => {
  it("the planner's candidate pool hydrates, filters and makes an item without an error (defect: hydration error #418, then 'reading map')", async () => {
    const { d } = await aDeliberationWithItems("candidates");
    const page = await suite.page();
    await logIn(page, await aStaffMember(db(), "planner"));
    await visit(page, `/agenda/manage/${d.id}/pool`);
    const main = page.locator("main");
    expect(await text(main.locator("h1"))).toBe(t("agenda.pool.title"));
    // the status filter lists every candidate status (the list the browser once lacked)
    expect(await main.locator("#filter-status option").count()).toBe(5);
    await main.locator("#filter-status").selectOption("verified");
    await main.getByRole("button", { name: t("agenda.pool.apply") }).click();
    await page.waitForURL(/status=verified/);
    await expect.poll(() => text(main)).toContain("Lampu jalan di gang masjid");

    // a new item from the spare candidate, submitted with JavaScript
    await main.getByLabel(t("agenda.pool.select", { title: "Lampu jalan di gang masjid" }), { exact: true }).check();
    await main.getByLabel(t("agenda.field.title"), { exact: true }).fill("Penerangan gang masjid");
    await main.getByLabel(t("agenda.field.rationale"), { exact: true }).fill("Gang gelap setelah magrib; warga lansia takut lewat.");
    await main.getByRole("button", { name: t("agenda.item.save") }).click();
    await page.waitForURL((url) => url.pathname === `/agenda/manage/${d.id}`);
    await expect.poll(() => text(page.locator("main [role=status]"))).toBe(t("agenda.item.created"));
    expect(await db().agendaItem.count({ where: { deliberationId: d.id } })).toBe(3);
  });

  it("every planner page, and the public page, hydrate without an error", async () => {
    const { d, items } = await aDeliberationWithItems("review");
    const resident = await aResidentOf(d);
    const page = await suite.page();
    await logIn(page, await aStaffMember(db(), "planner"));
    const manage = `/agenda/manage/${d.id}`;
    for (const path of [
      "/agenda",
      "/agenda/new",
      d.path,
      manage,
      `${manage}/pool`,
      `${manage}/items/${items[0].id}`,
      `${manage}/print`,
      `${manage}/minutes`,
      `${manage}/assist?resident=${encodeURIComponent(resident.identifier)}`,
    ]) {
      await visit(page, path);
    }
    // client-side navigation between them: from the planner's page to the pool and back
    await visit(page, manage);
    await page
      .locator("main")
      .getByRole("link", { name: t("agenda.manage.pool") })
      .click();
    await page.waitForURL((url) => url.pathname === `${manage}/pool`);
    await expect.poll(() => text(page.locator("main h1"))).toBe(t("agenda.pool.title"));
  });

  it("the resident's and the guest's pages hydrate, and voting works with JavaScript", async () => {
    const { d, items } = await aDeliberationWithItems("review");
    const guest = await suite.page();
    for (const path of ["/agenda", d.path]) await visit(guest, path);

    const page = await suite.page();
    await logIn(page, await aResidentOf(d));
    await visit(page, d.path);
    const vote = page.locator("#vote");
    await vote.getByLabel(t("agenda.vote.field", { title: items[0].title }), { exact: true }).fill("2");
    await vote.getByRole("button", { name: t("agenda.vote.submit") }).click();
    await expect.poll(() => text(page.locator("#vote .agenda-remaining"))).toBe(t("agenda.vote.remaining", { remaining: 3, budget: 5 }));
  });

  it("an id beyond the integer range shows the deliberation's own not-found message", async () => {
    const page = await suite.page();
    allowConsoleErrors(page, /^Failed to load resource: the server responded with a status of 404/);
    await logIn(page, await aStaffMember(db(), "planner"));
    const res = await page.goto("/agenda/manage/99999999999999999999/pool");
    expect(res?.status()).toBe(404);
    await waitForHydration(page);
    expect(await text(page.locator("main"))).toContain(t("agenda.notFound"));
  });
});

describe("dot voting without JavaScript", () => {
  it("spreads votes with plain forms, shows what is left, refuses going over the budget", async () => {
    const { d, items } = await aDeliberationWithItems("review");
    const resident = await aResidentOf(d);
    const page = await suite.page({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    // the refused ballot below answers 400 on purpose
    allowConsoleErrors(page, /^Failed to load resource: the server responded with a status of 400/);
    await logIn(page, resident);
    await page.goto(d.path);
    const vote = page.locator("#vote");
    const field = (title: string) => page.locator("#vote").getByLabel(t("agenda.vote.field", { title }), { exact: true });
    await expect.poll(() => text(vote.locator(".agenda-remaining"))).toBe(t("agenda.vote.remaining", { remaining: 5, budget: 5 }));
    await expectNoSeriousA11yViolations(page, "public agenda (voting, no JavaScript)");
    await expectNoHorizontalScroll(page, 360);

    const [first, second] = items;
    await field(first.title).fill("3");
    await field(second.title).fill("2");
    await vote.getByRole("button", { name: t("agenda.vote.submit") }).click();
    await page.waitForLoadState();
    expect(await text(page.locator("main [role=status]"))).toBe(t("agenda.vote.saved", { remaining: 0 }));
    expect(await text(page.locator("#vote .agenda-remaining"))).toBe(t("agenda.vote.remaining", { remaining: 0, budget: 5 }));
    expect(await field(first.title).inputValue()).toBe("3");

    // over the budget: refused, with the typed numbers kept
    await field(first.title).fill("4");
    await page
      .locator("#vote")
      .getByRole("button", { name: t("agenda.vote.submit") })
      .click();
    await page.waitForLoadState();
    expect(await text(page.locator("#vote [role=alert]"))).toBe(t("agenda.vote.overBudget", { budget: 5 }));
    expect(await field(first.title).inputValue()).toBe("4");
    await expectNoSeriousA11yViolations(page, "public agenda (vote refused)");

    // changing the ballot until the window closes
    await page.goto(d.path);
    await field(first.title).fill("1");
    await page
      .locator("#vote")
      .getByRole("button", { name: t("agenda.vote.submit") })
      .click();
    await page.waitForLoadState();
    expect(await text(page.locator("#vote .agenda-remaining"))).toBe(t("agenda.vote.remaining", { remaining: 2, budget: 5 }));
    const votes = await db().agendaVote.findMany({ where: { deliberationId: d.id, userId: resident.id }, orderBy: { agendaItemId: "asc" } });
    expect(votes.map((v) => [v.agendaItemId, v.dots])).toEqual([
      [first.id, 1],
      [second.id, 2],
    ]);
  });
});

describe("the printable agenda", () => {
  it("prints on A4 with the items in priority order and an attendance sheet from the check-ins", async () => {
    const { d } = await aDeliberationWithItems("review");
    const present = await aResidentOf(d);
    await anRsvp(db(), d.event!, { userId: present.id, checkedInAt: new Date() });
    const page = await suite.page();
    await logIn(page, await aStaffMember(db(), "planner"));
    await visit(page, `/agenda/manage/${d.id}/print`);
    expect(await text(page.locator("main h1"))).toBe(t("agenda.print.title", { year: d.year }));
    await expectNoSeriousA11yViolations(page, "printable agenda");
    const attendance = page.locator("table.agenda-attendance");
    expect(await text(attendance.locator("tbody tr").first())).toContain(present.name);

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

    await visit(page, `/agenda/manage/${d.id}/minutes`);
    await expectNoSeriousA11yViolations(page, "berita acara");
    // the planner's other pages, at phone width too
    await page.setViewportSize({ width: 360, height: 800 });
    for (const path of [
      `/agenda/manage/${d.id}`,
      `/agenda/manage/${d.id}/pool`,
      `/agenda/manage/${d.id}/assist?resident=${encodeURIComponent(present.identifier)}`,
      "/agenda/new",
      "/agenda",
    ]) {
      await visit(page, path);
      await expectNoSeriousA11yViolations(page, path);
      await expectNoHorizontalScroll(page, 360);
    }
  });
});
