// Issue 15 in the browser: the display settings (larger text, high contrast) work with
// JavaScript off and last without an account; pages hydrate from the messages they carry.
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { aCategory, aGuestRsvp, anAspiration, anEvent, aQaSession, aQuestion, aStaffMember, aUser } from "../../prisma/builders";
import { browserSuite, expectNoHorizontalScroll, expectNoSeriousA11yViolations, logIn, waitForHydration } from "./support";

const suite = browserSuite();
const t = translator("id");
const rootFontSize = (page: import("playwright-core").Page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

describe("display settings", () => {
  it("larger text and high contrast with JavaScript off, kept across pages and visits", async () => {
    const page = await suite.page({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await page.goto("/events");
    expect(await rootFontSize(page)).toBe("16px");
    const settings = page.getByRole("navigation", { name: t("display.label") });
    await settings.getByRole("link", { name: t("display.largeText") }).click();
    await page.waitForURL((url) => url.pathname === "/events");
    expect(await rootFontSize(page)).toBe("20px");
    await settings.getByRole("link", { name: t("display.highContrast") }).click();
    await page.waitForURL((url) => url.pathname === "/events");
    expect(await page.getAttribute("html", "class")).toBe("text-large contrast-high");
    // another page, and a new visit with the same cookies
    await page.goto("/aspirations");
    expect(await rootFontSize(page)).toBe("20px");
    await expectNoSeriousA11yViolations(page);
    await settings.getByRole("link", { name: t("display.normalText") }).click();
    await page.waitForURL((url) => url.pathname === "/aspirations");
    expect(await page.getAttribute("html", "class")).toBe("contrast-high");
    expect(await rootFontSize(page)).toBe("16px");
  });

  it("refuses to send the reader to another site", async () => {
    const page = await suite.page({ javaScriptEnabled: false });
    await page.goto("/settings/display?text=large&back=//example.com/x");
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await rootFontSize(page)).toBe("20px");
  });
});

describe("pages carry their own messages", () => {
  it("hydrate in both languages without loading a catalogue, and a later page loads what it needs", async () => {
    const page = await suite.page();
    const catalogues: string[] = [];
    page.on("request", (r) => {
      if (/\/build\/_shared\/(events|qa|aspirations|discussions|agenda|services|satisfaction|id|en|areas)-[A-Z0-9]+\.js$/.test(r.url()))
        catalogues.push(r.url());
    });
    await page.goto("/aspirations?lang=en");
    await waitForHydration(page);
    await expect.poll(() => page.evaluate(() => document.title)).toContain("aspirations");
    expect(catalogues).toEqual([]);
    // a client-side navigation to another area: its text is there once its catalogue arrived
    await page
      .locator("header")
      .getByRole("link", { name: translator("en")("nav.events") })
      .click();
    await page.waitForURL((url) => url.pathname === "/events");
    await expect.poll(() => page.locator("h1").innerText()).toBe(translator("en")("events.title"));
  });
});

describe("a client-side navigation", () => {
  it("renders the next page with its labels even when its messages arrive slowly", async () => {
    const page = await suite.page();
    const en = translator("en");
    await page.goto("/aspirations?lang=en");
    await waitForHydration(page);
    // the catalogue chunks come a second and a half after the data
    await page.route(/\/build\/_shared\/(events|qa|polls|aspirations|agenda|discussions|id|en|areas)-[A-Z0-9]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const before = await page.locator("h1").innerText();
    await page
      .locator("header")
      .getByRole("link", { name: en("nav.events") })
      .click();
    await page.waitForURL((url) => url.pathname === "/events", { timeout: 10_000 });
    // the first heading the new page shows is its title, not a blank one that fills in later
    await page.waitForFunction((old) => document.querySelector("h1")?.textContent !== old, before);
    expect(await page.locator("h1").innerText()).toBe(en("events.title"));
    const blank = await page.evaluate(() =>
      [...document.querySelectorAll("main h1, main h2, main h3, main a, main button, main label")]
        .filter((el) => !el.textContent?.trim() && !el.getAttribute("aria-label") && !el.querySelector("img, svg"))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(blank).toEqual([]);
  });
});

describe("cancelling a registration", () => {
  it("asks first on the event page, with JavaScript on too", async () => {
    const resident = await aUser(suite.database.db);
    const event = await anEvent(suite.database.db);
    const page = await suite.page({ viewport: { width: 360, height: 740 } });
    await logIn(page, resident);
    await page.goto(`/events/${event.id}`);
    await waitForHydration(page);
    await page.getByRole("button", { name: t("events.rsvp.submit"), exact: true }).click();
    const cancel = page.getByRole("link", { name: t("events.rsvp.cancel"), exact: true });
    await cancel.click();
    const ask = page.getByRole("group", { name: t("events.rsvp.cancelAsk.title") });
    await expect.poll(() => ask.isVisible()).toBe(true);
    const rsvp = () => suite.database.db.rsvp.findFirstOrThrow({ where: { eventId: event.id, userId: resident.id } });
    expect((await rsvp()).status).toBe("confirmed");
    await expectNoSeriousA11yViolations(page);
    await ask.getByRole("button", { name: t("events.rsvp.cancelAsk.yes"), exact: true }).click();
    await expect.poll(async () => (await rsvp()).status).toBe("cancelled");
    await expect.poll(() => page.locator("main").innerText()).toContain(t("events.rsvp.cancelled"));
    expect(new URL(page.url()).searchParams.has("batal")).toBe(false);
  });
});

describe("the follow-up report on a phone", () => {
  it("has chart labels of 12 px or more, no empty header and no column cut off at 360 px, with JavaScript on and off", async () => {
    const db = suite.database.db;
    const long = await aCategory(db, { nameId: "Infrastruktur, jalan, jembatan dan saluran air", nameEn: "Infrastructure, roads, bridges and drains" });
    const short = await aCategory(db, { nameId: "Kesehatan", nameEn: "Health" });
    for (const categoryId of [long.id, long.id, short.id]) await anAspiration(db, { categoryId, status: "verified" });
    for (const javaScriptEnabled of [true, false]) {
      const page = await suite.page({ javaScriptEnabled, viewport: { width: 360, height: 740 } });
      await page.goto("/aspirations/report");
      const chart = page.locator(".bar-chart").first();
      expect(await chart.getAttribute("aria-label")).toBeTruthy();
      const texts = await page.evaluate(() =>
        [...document.querySelectorAll(".bar-chart .bar-label, .bar-chart .bar-value")].map((el) => {
          const box = el.getBoundingClientRect();
          return { text: el.textContent, size: parseFloat(getComputedStyle(el).fontSize), right: box.right };
        }),
      );
      expect(texts.map((x) => x.text)).toContain("Infrastruktur, jalan, jembatan dan saluran air");
      for (const x of texts) {
        expect(x.size, `${x.text}`).toBeGreaterThanOrEqual(12);
        expect(x.right, `${x.text}`).toBeLessThanOrEqual(360);
      }
      // the bars have a length without inline styles (the CSP allows none)
      const bar = await page.locator(".bar-chart rect").first().boundingBox();
      expect(bar?.width ?? 0).toBeGreaterThan(20);
      // the table: one card per row, every figure on the screen beside its column's name, no tall empty header
      const table = page.locator("table.card-table").first();
      expect((await table.locator("thead").boundingBox())?.height ?? 0).toBeLessThanOrEqual(1);
      const cells = await table.evaluate((el) =>
        [...el.querySelectorAll("tbody td")].map((td) => ({ right: td.getBoundingClientRect().right, text: (td as HTMLElement).innerText })),
      );
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect(cell.right, cell.text).toBeLessThanOrEqual(360);
      expect(cells[0].text).toContain(t("aspirations.report.received"));
      await expectNoHorizontalScroll(page, 360);
      await expectNoSeriousA11yViolations(page, `/aspirations/report at 360 px (JavaScript ${javaScriptEnabled ? "on" : "off"})`);
    }
  });
});

describe("staff pages on a laptop", () => {
  /** The pieces' boxes: side by side when their tops are level and none starts where another is. */
  async function columns(page: import("playwright-core").Page, selectors: string[]) {
    const boxes = await Promise.all(selectors.map(async (selector) => (await page.locator(selector).first().boundingBox())!));
    const lefts = boxes.map((b) => Math.round(b.x));
    expect(new Set(lefts).size, selectors.join(" | ")).toBe(selectors.length);
    for (const b of boxes) expect(Math.abs(b.y - boxes[0].y), selectors.join(" | ")).toBeLessThan(120);
  }
  const mainWidth = (page: import("playwright-core").Page) => page.locator("main").evaluate((el) => el.getBoundingClientRect().width);

  it("use the width at 1366 px: the console's waiting, on-screen and answered columns, the desk, the attendee list; one column at 360 px", async () => {
    const db = suite.database.db;
    const admin = await aStaffMember(db, "admin");
    const session = await aQaSession(db);
    for (let i = 0; i < 4; i++) {
      await aQuestion(db, session.id, { status: "pending", text: `Pertanyaan menunggu ${i}: kapan jalan di RW 03 diperbaiki?` });
      await aQuestion(db, session.id, { text: `Pertanyaan tampil ${i}: bagaimana jadwal posyandu bulan ini?` });
      await aQuestion(db, session.id, { status: "answered", answerText: "Sudah dijadwalkan.", answeredAt: new Date(), text: `Pertanyaan dijawab ${i}?` });
    }
    const past = new Date(Date.now() - 3 * 86_400_000);
    await anAspiration(db, { createdAt: past, verifyDueAt: new Date(Date.now() - 86_400_000) });
    await anAspiration(db, { verifyDueAt: new Date(Date.now() + 3 * 86_400_000) });
    const event = await anEvent(db);
    await aGuestRsvp(db, event);

    const page = await suite.page({ viewport: { width: 1366, height: 768 } });
    await logIn(page, admin);
    await page.goto(`/qa/${session.code}/moderate`);
    await waitForHydration(page);
    expect(await mainWidth(page)).toBeGreaterThan(1200);
    await columns(page, ["section[aria-labelledby=queue-title]", "section[aria-labelledby=now-title]", "section[aria-labelledby=answered-title]"]);
    await expectNoSeriousA11yViolations(page, "moderator console at 1366 px");
    await page.goto("/aspirations/staff");
    expect(await mainWidth(page)).toBeGreaterThan(1200);
    await columns(page, ["section[aria-labelledby=overdue-title]", "section[aria-labelledby=verify-title]"]);
    await page.goto(`/events/${event.id}/attendees`);
    expect(await mainWidth(page)).toBeGreaterThan(1200);
    await columns(page, [".attendees-columns .door", ".attendees-columns .attendees-list"]);

    // a public page keeps its reading width
    await page.goto("/aspirations");
    expect(await mainWidth(page)).toBeLessThanOrEqual(960);

    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [`/qa/${session.code}/moderate`, "/aspirations/staff", `/events/${event.id}/attendees`]) {
      await page.goto(path);
      await expectNoHorizontalScroll(page, 360);
    }
  });
});

describe("the desktop menu", () => {
  it("stays on one line at 1366 px, for an administrator in both languages", async () => {
    const admin = await aStaffMember(suite.database.db, "admin");
    const page = await suite.page({ viewport: { width: 1366, height: 768 } });
    await logIn(page, admin);
    for (const lang of ["id", "en"]) {
      await page.goto(`/?lang=${lang}`);
      const rows = await page.evaluate(
        () => new Set([...document.querySelectorAll(".main-nav li")].map((li) => Math.round(li.getBoundingClientRect().top))).size,
      );
      expect(rows, lang).toBe(1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, lang).toBeLessThanOrEqual(0);
    }
  });
});

describe("file inputs", () => {
  it('say "Pilih file" in Indonesian and show the chosen name; the real input keeps its label', async () => {
    const admin = await aStaffMember(suite.database.db, "admin");
    const page = await suite.page({ viewport: { width: 360, height: 740 } });
    await logIn(page, admin);
    await page.goto("/aspirations/staff/import");
    await waitForHydration(page);
    const field = page.locator(".file-input");
    await expect.poll(() => field.locator(".file-input-button").innerText()).toBe(t("form.file.choose"));
    expect(await field.locator(".file-input-names").innerText()).toBe(t("form.file.none"));
    const input = page.getByLabel(t("aspirations.import.file"), { exact: true });
    await input.setInputFiles({ name: "aspirasi.csv", mimeType: "text/csv", buffer: Buffer.from("a,b\n") });
    await expect.poll(() => field.locator(".file-input-names").innerText()).toBe("aspirasi.csv");
    await expectNoSeriousA11yViolations(page);
  });
});
