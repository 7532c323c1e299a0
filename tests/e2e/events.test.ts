// Events in a real browser: RSVP with JavaScript off (guest and resident), the
// door (check-in by the QR address, by search, walk-ins), axe on every event page,
// and a 360px-wide screen. The server starts without demo data: each test builds
// its own events and people (prisma/builders).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { aGuestRsvp, anEvent, anRsvp, aPng, aStaffMember, aUser, unique, wibMorning } from "../../prisma/builders";
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

const suite = browserSuite({ env: { BALAI_SEED: "0" } });
const db = () => suite.database.db;
const t = translator("id");
const en = translator("en");

const main = (page: Page) => page.locator("main");

describe("RSVP without JavaScript", () => {
  it("a guest registers with name and phone, sees the code and QR image, and cancels", async () => {
    const page = await suite.page({ javaScriptEnabled: false });
    // the refused form comes back as a 400 page on purpose (Chromium logs "Failed to load resource")
    allowConsoleErrors(page, /status of 400/);
    const event = await anEvent(db(), { accessibility: ["wheelchair"] });
    await page.goto(`/events/${event.id}`);
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

    // cancelling asks first (no JavaScript: a page of its own), and the button keeps clear of "Lihat kegiatan"
    const cancel = main(page).getByRole("link", { name: t("events.rsvp.cancel"), exact: true });
    const toEvent = main(page).getByRole("link", { name: t("events.rsvp.page.toEvent"), exact: true });
    const [a, b] = [(await cancel.boundingBox())!, (await toEvent.boundingBox())!];
    const apart = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width), b.y - (a.y + a.height), a.y - (b.y + b.height));
    expect(apart).toBeGreaterThanOrEqual(16);
    await cancel.click();
    await page.waitForURL((url) => url.searchParams.get("batal") === "1");
    expect(await text(main(page))).toContain(t("events.rsvp.cancelAsk.title"));
    expect((await db().rsvp.findUniqueOrThrow({ where: { code } })).status).toBe("confirmed");
    await expectNoSeriousA11yViolations(page, "/rsvp/:code?batal=1 (no JS)");
    await main(page)
      .getByRole("link", { name: t("events.rsvp.cancelAsk.no"), exact: true })
      .click();
    await page.waitForURL((url) => !url.searchParams.has("batal"));
    expect((await db().rsvp.findUniqueOrThrow({ where: { code } })).status).toBe("confirmed");
    await main(page)
      .getByRole("link", { name: t("events.rsvp.cancel"), exact: true })
      .click();
    await main(page)
      .getByRole("button", { name: t("events.rsvp.cancelAsk.yes"), exact: true })
      .click();
    await eventually(() => text(main(page))).toContain(t("events.rsvp.cancelled"));
    expect((await db().rsvp.findUniqueOrThrow({ where: { code } })).status).toBe("cancelled");
  });

  it("a signed-in resident registers in one step and joins the waitlist of a full event", async () => {
    const page = await suite.page({ javaScriptEnabled: false });
    const resident = await aUser(db());
    const full = await anEvent(db(), { capacity: 1 });
    await aGuestRsvp(db(), full);
    await logIn(page, resident);
    await page.goto(`/events/${full.id}`);
    expect(await text(main(page))).toContain(t("events.full"));
    await main(page)
      .getByRole("button", { name: t("events.rsvp.submitWaitlist"), exact: true })
      .click();
    await eventually(() => text(main(page))).toContain("daftar tunggu");
    const mine = await db().rsvp.findFirstOrThrow({ where: { eventId: full.id, userId: resident.id } });
    expect(mine.status).toBe("waitlisted");
    expect(await text(main(page))).toContain(mine.code);
    // (the redirect lands on #rsvp; the axe helper wants the plain address)
    await page.goto(`/events/${full.id}`);
    await expectNoSeriousA11yViolations(page, "/events/:id registered (no JS)");
  });
});

describe("check-in at the door", () => {
  it("checks a guest in from the QR address, a resident from the search, and adds a walk-in", async () => {
    const event = await anEvent(db(), { capacity: 40 });
    const guest = await aGuestRsvp(db(), event);
    const resident = await aUser(db(), { name: `Siti Uji ${unique()}` });
    await anRsvp(db(), event, { userId: resident.id });
    const moderator = await aStaffMember(db(), "moderator");
    const page = await suite.page();
    // a resident watching the event page sees the seats change live (JavaScript on)
    const viewer = await suite.page();
    await viewer.goto(`/events/${event.id}`);
    await waitForHydration(viewer);
    await markDocument(viewer);
    const seats = () => text(viewer.locator("dl.facts"));
    expect(await seats()).toContain("Sisa 38 kursi");
    await logIn(page, moderator);
    // what the QR code holds: the check-in page with the code filled in
    await page.goto(`/events/${event.id}/attendees?code=${guest.code}`);
    await waitForHydration(page);
    const code = main(page).getByLabel(t("events.attendees.code"), { exact: true });
    expect(await code.inputValue()).toBe(guest.code);
    await expectNoSeriousA11yViolations(page, "/events/:id/attendees");
    await main(page)
      .locator("form")
      .filter({ has: page.locator("#f-code") })
      .getByRole("button", { name: t("events.attendees.checkIn"), exact: true })
      .click();
    await eventually(() => text(main(page).locator("[role=status]").first())).toContain(t("events.attendees.checkedIn", { name: guest.guestName! }));

    await main(page).getByLabel(t("events.attendees.search"), { exact: true }).fill(resident.name);
    await main(page)
      .getByRole("button", { name: t("events.attendees.searchSubmit"), exact: true })
      .click();
    await page.waitForURL((url) => url.searchParams.get("q") === resident.name);
    await main(page)
      .getByRole("row", { name: new RegExp(resident.name) })
      .getByRole("button", { name: new RegExp(`^${t("events.attendees.checkIn")}`) })
      .click();
    await eventually(() => text(main(page))).toContain(t("events.attendees.checkedIn", { name: resident.name }));

    await main(page).getByLabel(t("events.attendees.walkInName"), { exact: true }).fill("Mbah Sarinah");
    await main(page)
      .getByRole("button", { name: t("events.attendees.walkIn"), exact: true })
      .click();
    await eventually(() => text(main(page))).toContain(t("events.attendees.checkedIn", { name: "Mbah Sarinah" }));
    expect(await db().rsvp.count({ where: { eventId: event.id, checkedInAt: { not: null } } })).toBe(3);
    await expectNoSeriousA11yViolations(page, "/events/:id/attendees after check-ins");
    // the walk-in took a seat: the open event page shows it without a reload
    await eventually(seats).toContain("Sisa 37 kursi");
    await expectSameDocument(viewer);
  });
});

describe("photos", () => {
  it("a picture of more than 40 megapixels is refused next to the file field (JavaScript on and off)", async () => {
    const event = await anEvent(db());
    const moderator = await aStaffMember(db(), "moderator");
    for (const javaScriptEnabled of [true, false]) {
      const page = await suite.page({ javaScriptEnabled });
      allowConsoleErrors(page, /status of 413/); // the refusal is a 413 answer on purpose
      await logIn(page, moderator);
      await page.goto(`/events/${event.id}/edit`);
      if (javaScriptEnabled) await waitForHydration(page);
      const file = main(page).getByLabel(t("events.photo.file"), { exact: true });
      await file.setInputFiles({ name: "besar.png", mimeType: "image/png", buffer: aPng(15000, 15000) });
      await main(page).getByLabel(t("events.photo.alt"), { exact: true }).fill("Foto panggung dari jauh");
      await main(page)
        .getByRole("button", { name: t("events.photo.upload"), exact: true })
        .click();
      await eventually(() => text(page.locator("#f-photo-error"))).toBe(t("events.photo.tooManyPixels", { megapixels: 40 }));
      expect(await main(page).getByLabel(t("events.photo.file"), { exact: true }).getAttribute("aria-invalid")).toBe("true");
      expect(await main(page).getByLabel(t("events.photo.alt"), { exact: true }).inputValue()).toBe("Foto panggung dari jauh");
      await expectNoSeriousA11yViolations(page, `photo refused (JavaScript ${javaScriptEnabled ? "on" : "off"})`);
    }
    expect(await db().image.count({ where: { eventId: event.id } })).toBe(0);
  });
});

describe("accessibility and small screens", () => {
  it("event pages have no serious axe violations, in both languages, and fit 360px", async () => {
    const upcoming = await anEvent(db(), {
      latitude: -6.2275,
      longitude: 106.9136,
      accessibility: ["wheelchair", "elderly_seating"],
      agenda: ["Kabar dari kelurahan", "Pertanyaan warga"],
      officials: [{ name: "Lurah Uji", position: "Lurah" }],
    });
    await anEvent(db(), { kind: "fair", stalls: [{ name: "Dokumen kependudukan", description: "KTP-el dan KK." }] });
    const done = await anEvent(db(), {
      status: "completed",
      startsAt: wibMorning(-7),
      summary: "Hadir 30 warga. Dibahas **jadwal posyandu**.",
      attendanceCount: 30,
    });
    const cancelled = await anEvent(db(), { status: "cancelled", cancelReason: "Aula dipakai posko banjir." });
    const month = upcoming.startsAt.toISOString().slice(0, 7);
    const page = await suite.page({ viewport: { width: 360, height: 740 } });
    for (const path of [
      "/events",
      `/events?view=calendar&month=${month}`,
      "/events?view=past&kind=dialogue",
      `/events/${upcoming.id}`,
      `/events/${done.id}`,
      `/events/${cancelled.id}`,
    ]) {
      await page.goto(path);
      await waitForHydration(page);
      await expectNoSeriousA11yViolations(page, path);
      await expectNoHorizontalScroll(page, 360);
    }
    await page.goto(`/events/${upcoming.id}?lang=en`);
    expect(await text(main(page))).toContain(en("events.detail.addToCalendar"));
    await expectNoSeriousA11yViolations(page, "/events/:id (en)");
    await page.goto(`/events?view=calendar&month=${month}&lang=en`);
    await expectNoSeriousA11yViolations(page, "/events calendar (en)");
    await page.goto("/events?lang=id");
  });

  it("staff pages have no serious axe violations", async () => {
    const event = await anEvent(db());
    const moderator = await aStaffMember(db(), "moderator");
    const page = await suite.page();
    await logIn(page, moderator);
    for (const path of ["/events/new", `/events/${event.id}/edit`, "/events/manage", "/account/calendar"]) {
      await page.goto(path);
      await waitForHydration(page);
      await expectNoSeriousA11yViolations(page, path);
    }
    // a failed create shows errors next to the fields, still axe-clean (its 400 answer is on purpose)
    allowConsoleErrors(page, /status of 400/);
    await page.goto("/events/new");
    await waitForHydration(page);
    await main(page)
      .getByRole("button", { name: t("events.form.create"), exact: true })
      .click();
    await eventually(() => main(page).getByLabel(t("events.form.title"), { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await expectNoSeriousA11yViolations(page, "/events/new with errors");
  });
});
