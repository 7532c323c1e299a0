// Events in a real browser: RSVP with JavaScript off (guest and resident), the
// door (check-in by the QR address, by search, walk-ins), axe on every event page,
// and a 360px-wide screen.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { translator } from "~/i18n";
import { startServer, type RunningServer } from "../support/server";
import {
  eventually,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  expectSameDocument,
  launchBrowser,
  markDocument,
  newPage,
  text,
  waitForHydration,
} from "./support";

let server: RunningServer;
let browser: Browser;
let database: Database;
const t = translator("id");
const en = translator("en");

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  database = await openDatabase(server.databaseUrl);
});

afterAll(async () => {
  await database?.close();
  await browser?.close();
  await server?.stop();
});

const main = (page: Page) => page.locator("main");
const eventByTitle = (part: string) => database.db.event.findFirstOrThrow({ where: { title: { contains: part } }, orderBy: { startsAt: "asc" } });

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await main(page).getByLabel(t("auth.login.identifier"), { exact: true }).fill(email);
  await main(page).getByLabel(t("auth.login.password"), { exact: true }).fill("balai-demo");
  await main(page).getByRole("button", { name: t("auth.login.submit"), exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

describe("RSVP without JavaScript", () => {
  it("a guest registers with name and phone, sees the code and QR image, and cancels", async () => {
    const page = await newPage(browser, server.url, { javaScriptEnabled: false });
    try {
      const oss = await eventByTitle("OSS");
      await page.goto(`/events/${oss.id}`);
      await expectNoSeriousA11yViolations(page, "/events/:id (guest, no JS)");
      const form = main(page);
      await form.getByLabel(t("events.rsvp.guestName"), { exact: true }).fill("Bu Sumiati");
      await form.getByLabel(t("events.rsvp.guestContact"), { exact: true }).fill("0812 77");
      await form.getByRole("button", { name: t("events.rsvp.submit"), exact: true }).click();
      // the error is next to the field, the name is kept
      const contact = form.getByLabel(t("events.rsvp.guestContact"), { exact: true });
      expect(await contact.getAttribute("aria-invalid")).toBe("true");
      expect(await text(page.locator("#f-contact-error"))).toBe(t("events.validation.contact"));
      expect(await form.getByLabel(t("events.rsvp.guestName"), { exact: true }).inputValue()).toBe("Bu Sumiati");
      await expectNoSeriousA11yViolations(page, "/events/:id with errors (no JS)");

      await contact.fill("0812-7700-1122");
      await form.getByRole("button", { name: t("events.rsvp.submit"), exact: true }).click();
      await page.waitForURL((url) => url.pathname.startsWith("/rsvp/"));
      const code = new URL(page.url()).pathname.split("/")[2];
      expect(await text(main(page))).toContain(code);
      expect(await text(main(page))).toContain(t("events.rsvp.page.status.confirmed"));
      const qr = main(page).getByRole("img", { name: t("events.rsvp.page.qrAlt", { code }) });
      await eventually(() => qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      await expectNoSeriousA11yViolations(page, "/rsvp/:code (no JS)");

      await main(page).getByRole("button", { name: t("events.rsvp.cancel"), exact: true }).click();
      await eventually(() => text(main(page))).toContain(t("events.rsvp.cancelled"));
      expect((await database.db.rsvp.findUniqueOrThrow({ where: { code } })).status).toBe("cancelled");
    } finally {
      await page.context().close();
    }
  });

  it("a signed-in resident registers in one step and joins the waitlist of a full event", async () => {
    const page = await newPage(browser, server.url, { javaScriptEnabled: false });
    try {
      await logIn(page, "warga@balai.test");
      const full = await eventByTitle("JAKI untuk lansia");
      await page.goto(`/events/${full.id}`);
      expect(await text(main(page))).toContain(t("events.full"));
      await main(page).getByRole("button", { name: t("events.rsvp.submitWaitlist"), exact: true }).click();
      await eventually(() => text(main(page))).toContain("daftar tunggu");
      const mine = await database.db.rsvp.findFirstOrThrow({ where: { eventId: full.id, user: { email: "warga@balai.test" } } });
      expect(mine.status).toBe("waitlisted");
      expect(await text(main(page))).toContain(mine.code);
      // (the redirect lands on #rsvp; the axe helper wants the plain address)
      await page.goto(`/events/${full.id}`);
      await expectNoSeriousA11yViolations(page, "/events/:id registered (no JS)");
    } finally {
      await page.context().close();
    }
  });
});

describe("check-in at the door", () => {
  it("checks a guest in from the QR address, a resident from the search, and adds a walk-in", async () => {
    const oss = await eventByTitle("OSS");
    const guest = await database.db.rsvp.findFirstOrThrow({ where: { eventId: oss.id, status: "confirmed", guestName: { not: null }, checkedInAt: null } });
    const page = await newPage(browser, server.url);
    // a resident watching the event page sees the seats change live (JavaScript on)
    const viewer = await newPage(browser, server.url);
    try {
      await viewer.goto(`/events/${oss.id}`);
      await waitForHydration(viewer);
      await markDocument(viewer);
      const seats = () => text(viewer.locator("dl.facts"));
      const before = Number((await seats()).match(/Sisa (\d+) kursi/)![1]);
      await logIn(page, "moderator@balai.test");
      // what the QR code holds: the check-in page with the code filled in
      await page.goto(`/events/${oss.id}/attendees?code=${guest.code}`);
      await waitForHydration(page);
      const code = main(page).getByLabel(t("events.attendees.code"), { exact: true });
      expect(await code.inputValue()).toBe(guest.code);
      await expectNoSeriousA11yViolations(page, "/events/:id/attendees");
      await main(page).locator("form").filter({ has: page.locator("#f-code") }).getByRole("button", { name: t("events.attendees.checkIn"), exact: true }).click();
      await eventually(() => text(main(page).locator("[role=status]").first())).toContain(t("events.attendees.checkedIn", { name: guest.guestName! }));

      await main(page).getByLabel(t("events.attendees.search"), { exact: true }).fill("Siti");
      await main(page).getByRole("button", { name: t("events.attendees.searchSubmit"), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("q") === "Siti");
      await main(page).getByRole("row", { name: /Siti Aminah/ }).getByRole("button", { name: new RegExp(`^${t("events.attendees.checkIn")}`) }).click();
      await eventually(() => text(main(page))).toContain(t("events.attendees.checkedIn", { name: "Siti Aminah" }));

      await main(page).getByLabel(t("events.attendees.walkInName"), { exact: true }).fill("Mbah Sarinah");
      await main(page).getByRole("button", { name: t("events.attendees.walkIn"), exact: true }).click();
      await eventually(() => text(main(page))).toContain(t("events.attendees.checkedIn", { name: "Mbah Sarinah" }));
      const checkedIn = await database.db.rsvp.count({ where: { eventId: oss.id, checkedInAt: { not: null } } });
      expect(checkedIn).toBe(3);
      await expectNoSeriousA11yViolations(page, "/events/:id/attendees after check-ins");
      // the walk-in took a seat: the open event page shows it without a reload
      await eventually(seats).toContain(`Sisa ${before - 1} kursi`);
      await expectSameDocument(viewer);
    } finally {
      await viewer.context().close();
      await page.context().close();
    }
  });
});

describe("accessibility and small screens", () => {
  it("event pages have no serious axe violations, in both languages, and fit 360px", async () => {
    const oss = await eventByTitle("OSS");
    const done = await eventByTitle("KTP-el dan KIA");
    const cancelled = await database.db.event.findFirstOrThrow({ where: { status: "cancelled" } });
    const month = oss.startsAt.toISOString().slice(0, 7);
    const page = await newPage(browser, server.url, { viewport: { width: 360, height: 740 } });
    try {
      for (const path of ["/events", `/events?view=calendar&month=${month}`, "/events?view=past&kind=dialogue", `/events/${oss.id}`, `/events/${done.id}`, `/events/${cancelled.id}`]) {
        await page.goto(path);
        await waitForHydration(page);
        await expectNoSeriousA11yViolations(page, path);
        await expectNoHorizontalScroll(page, 360);
      }
      await page.goto(`/events/${oss.id}?lang=en`);
      expect(await text(main(page))).toContain(en("events.detail.addToCalendar"));
      await expectNoSeriousA11yViolations(page, "/events/:id (en)");
      await page.goto(`/events?view=calendar&month=${month}&lang=en`);
      await expectNoSeriousA11yViolations(page, "/events calendar (en)");
      await page.goto("/events?lang=id");
    } finally {
      await page.context().close();
    }
  });

  it("staff pages have no serious axe violations", async () => {
    const oss = await eventByTitle("OSS");
    const page = await newPage(browser, server.url);
    try {
      await logIn(page, "moderator@balai.test");
      for (const path of ["/events/new", `/events/${oss.id}/edit`, "/events/manage", "/account/calendar"]) {
        await page.goto(path);
        await waitForHydration(page);
        await expectNoSeriousA11yViolations(page, path);
      }
      // a failed create shows errors next to the fields, still axe-clean
      await page.goto("/events/new");
      await waitForHydration(page);
      await main(page).getByRole("button", { name: t("events.form.create"), exact: true }).click();
      await eventually(() => main(page).getByLabel(t("events.form.title"), { exact: true }).getAttribute("aria-invalid")).toBe("true");
      await expectNoSeriousA11yViolations(page, "/events/new with errors");
    } finally {
      await page.context().close();
    }
  });
});
