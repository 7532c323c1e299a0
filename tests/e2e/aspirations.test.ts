// Aspirations in a real browser: a guest submits with JavaScript off (similar
// check, then submit), keeps the tracking code, tracks it, sees a status change;
// staff pages and the report pass axe; the form also works with JavaScript on, and
// a photo over the pixel limit is refused next to the photos field. Every test builds
// its own data; the server starts without the demo.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import {
  aCategory,
  aKelurahan,
  anAspiration,
  anAspirationUpdate,
  anEvent,
  aPng,
  aQaSession,
  aQuestion,
  aStaffMember,
  aUser,
  unique,
} from "../../prisma/builders";
import { allowConsoleErrors, browserSuite, expectNoHorizontalScroll, expectNoSeriousA11yViolations, logIn, text, waitForHydration } from "./support";

const suite = browserSuite({ env: { BALAI_SEED: "0", RATE_LIMIT_LOGIN: "500", RATE_LIMIT_WRITES: "2000" } });
const t = translator("id");
const main = (page: Page) => page.locator("main");

let place: { category: string; categoryId: number; kelurahan: string; kelurahanId: number };

beforeAll(async () => {
  const db = suite.database.db;
  const [category, kelurahan] = await Promise.all([
    aCategory(db, { nameId: `Infrastruktur uji ${unique()}` }),
    aKelurahan(db, { name: `Pondok Uji ${unique()}` }),
  ]);
  place = { category: category.nameId, categoryId: category.id, kelurahan: kelurahan.name, kelurahanId: kelurahan.id };
});

async function fillAspiration(page: Page, title: string) {
  await main(page).getByLabel(t("aspirations.new.titleLabel")).fill(title);
  await main(page).getByLabel(t("aspirations.new.description")).fill("Air meluap ke rumah warga setiap hujan deras. Mohon saluran dikeruk.");
  await main(page).getByLabel(t("aspirations.new.category")).selectOption({ label: place.category });
  await main(page).getByLabel(t("aspirations.new.kelurahan"), { exact: true }).selectOption({ label: place.kelurahan });
}

describe("aspirations without JavaScript", () => {
  it("a guest checks similar aspirations, submits, keeps the code and tracks it to a status change", async () => {
    const db = suite.database.db;
    const similar = await anAspiration(db, {
      categoryId: place.categoryId,
      kelurahanId: place.kelurahanId,
      title: `Saluran air tersumbat di Jl. Swadaya RW 03 ${unique()}`,
    });
    const moderator = await aStaffMember(db, "moderator");
    const page = await suite.page({ javaScriptEnabled: false });
    // the form with mistakes comes back as a 400 page, on purpose
    allowConsoleErrors(page, /Failed to load resource: the server responded with a status of 400/);
    await page.goto("/aspirations");
    await expectNoSeriousA11yViolations(page, "/aspirations, no JavaScript");
    await main(page)
      .getByRole("link", { name: t("aspirations.index.new") })
      .click();
    await page.waitForURL("**/aspirations/new");
    await expectNoSeriousA11yViolations(page, "/aspirations/new, no JavaScript");

    // step 1 with a mistake: errors next to the fields, nothing lost
    await main(page).getByLabel(t("aspirations.new.description")).fill("Pendek");
    await main(page)
      .getByRole("button", { name: t("aspirations.new.check") })
      .click();
    await expect.poll(() => main(page).locator("#f-title-error").count()).toBe(1);
    expect(await main(page).getByLabel(t("aspirations.new.description")).inputValue()).toBe("Pendek");
    await expectNoSeriousA11yViolations(page, "/aspirations/new with errors, no JavaScript");

    // step 1: similar aspirations are shown before submitting
    const title = `Saluran air tersumbat di Jl. Swadaya ${unique()}`;
    const guest = `Pak Harjo ${unique()}`;
    await fillAspiration(page, title);
    await main(page).getByLabel(/^Nama/).fill(guest);
    await main(page)
      .getByRole("button", { name: t("aspirations.new.check") })
      .click();
    await main(page).locator("#similar-title").waitFor();
    await expect.poll(() => main(page).locator(`.similar a[href="/aspirations/${similar.code}"]`).count()).toBe(1);
    expect(await main(page).getByLabel(t("aspirations.new.titleLabel")).inputValue()).toBe(title);
    await expectNoSeriousA11yViolations(page, "/aspirations/new similar step, no JavaScript");

    // step 2: submit; the receipt shows the code
    await main(page)
      .getByRole("button", { name: t("aspirations.new.submit") })
      .click();
    await page.waitForURL(/\/aspirations\/[A-Z2-9]{4}-[A-Z2-9]{4}\/receipt$/);
    const code = (await text(page.locator("#tracking-code"))).trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await text(main(page))).toContain(t("aspirations.flash.submitted", { code }));
    await expectNoSeriousA11yViolations(page, "receipt, no JavaScript");

    // later, on another device: track by the code typed in lower case
    const other = await suite.page({ javaScriptEnabled: false });
    await other.goto("/aspirations");
    await main(other).getByLabel(t("aspirations.track.code")).fill(code.toLowerCase());
    await main(other)
      .getByRole("button", { name: t("aspirations.track.submit") })
      .click();
    await other.waitForURL(`**/aspirations/${code}`);
    expect(await text(main(other).locator("h1"))).toBe(title);
    expect(await text(main(other))).toContain(t("aspirations.status.received"));
    await expectNoSeriousA11yViolations(other, "aspiration page, no JavaScript");

    // staff verify it (no JavaScript either)
    const staff = await suite.page({ javaScriptEnabled: false });
    await logIn(staff, moderator);
    await staff.goto(`/aspirations/${code}/manage`);
    expect(await text(main(staff))).toContain(guest);
    await expectNoSeriousA11yViolations(staff, "manage page, no JavaScript");
    await main(staff).getByLabel(t("aspirations.manage.to")).selectOption("verified");
    await main(staff).getByLabel(t("aspirations.manage.note")).fill("Sudah ditinjau petugas kelurahan.");
    await main(staff)
      .getByRole("button", { name: t("aspirations.manage.save") })
      .click();
    await staff.waitForURL(`**/aspirations/${code}/manage`);
    expect(await text(main(staff))).toContain(t("aspirations.flash.statusChanged"));

    await other.reload();
    expect(await text(main(other))).toContain("Sudah ditinjau petugas kelurahan.");
    expect(await text(main(other))).toContain(t("aspirations.status.verified"));
  });
});

describe("aspirations with JavaScript, staff pages and the report", () => {
  it("passes axe on the staff desk, intake, import, report, settings, a conversion form and a narrow screen", async () => {
    const db = suite.database.db;
    const [planner, admin] = [await aStaffMember(db, "planner"), await aStaffMember(db, "admin")];
    await anAspiration(db, {
      categoryId: place.categoryId,
      kelurahanId: place.kelurahanId,
      createdAt: new Date(Date.now() - 10 * 86_400_000),
      verifyDueAt: new Date(Date.now() - 86_400_000),
    });
    await anAspiration(db, { categoryId: place.categoryId, kelurahanId: place.kelurahanId, status: "done", supportCount: 3 });
    const session = await aQaSession(db);
    const question = await aQuestion(db, session.id, { text: `Kapan pelatihan foto produk untuk UMKM diadakan lagi ${unique()}?` });
    const event = await anEvent(db, { agenda: ["Titik genangan di Jl. Swadaya"] });
    const point = await db.eventAgendaPoint.findFirstOrThrow({ where: { eventId: event.id } });
    // a group: the primary with a follow-up, and a duplicate that shows it
    const primary = await anAspiration(db, { categoryId: place.categoryId, kelurahanId: place.kelurahanId });
    await anAspirationUpdate(db, primary, { to: "verified", note: "Sudah ditinjau petugas kelurahan." });
    const member = await anAspiration(db, { categoryId: place.categoryId, kelurahanId: place.kelurahanId, groupPrimaryId: primary.id });

    const page = await suite.page({ viewport: { width: 360, height: 740 } });
    await logIn(page, planner);
    const quarter = `${new Date().getUTCFullYear()}-Q${Math.ceil((new Date().getUTCMonth() + 1) / 3)}`;
    const paths = [
      "/aspirations/staff",
      "/aspirations/staff/intake",
      "/aspirations/staff/import",
      "/aspirations/report",
      `/aspirations/report?period=${quarter}`,
      "/aspirations?sort=support",
      `/aspirations/from-question/${question.id}`,
      `/aspirations/from-event-point/${point.id}`,
      `/aspirations/${primary.code}`,
      `/aspirations/${member.code}`,
      `/aspirations/${member.code}/manage`,
      `/aspirations/${primary.code}/manage`,
      `/aspirations/${member.code}/receipt`,
      "/notifications",
    ];
    for (const path of paths) {
      await page.goto(path);
      // the page hydrated (a server-only import used by a component would throw: the suite fails on page errors)
      await waitForHydration(page);
      await expectNoSeriousA11yViolations(page, path);
      await expectNoHorizontalScroll(page, 360);
    }

    const adminPage = await suite.page();
    await logIn(adminPage, admin);
    await adminPage.goto("/aspirations/staff/settings");
    await waitForHydration(adminPage);
    await expectNoSeriousA11yViolations(adminPage, "/aspirations/staff/settings");
  });

  it("submits with JavaScript on as a signed-in resident", async () => {
    const resident = await aUser(suite.database.db);
    const page = await suite.page();
    await logIn(page, resident);
    await page.goto("/aspirations/new");
    await waitForHydration(page);
    await fillAspiration(page, `Lampu taman padam di RW 03 ${unique()}`);
    await main(page)
      .getByRole("button", { name: t("aspirations.new.check") })
      .click();
    await main(page).locator("#similar-title").waitFor();
    await main(page)
      .getByRole("button", { name: t("aspirations.new.submit") })
      .click();
    await page.waitForURL(/\/receipt$/);
    expect(await text(page.locator("#tracking-code"))).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expectNoSeriousA11yViolations(page, "receipt with JavaScript");
  });

  it("refuses a photo over the pixel limit next to the photos field, keeping what was typed", async () => {
    const page = await suite.page();
    // the refusal is a 413 answer to the form, on purpose
    allowConsoleErrors(page, /Failed to load resource: the server responded with a status of 413/);
    await page.goto("/aspirations/new");
    await waitForHydration(page);
    const title = `Foto jalan berlubang ${unique()}`;
    await fillAspiration(page, title);
    await main(page)
      .getByRole("button", { name: t("aspirations.new.check") })
      .click();
    await main(page).locator("#similar-title").waitFor();
    await main(page)
      .getByLabel(t("aspirations.new.photos"))
      .setInputFiles([{ name: "besar.png", mimeType: "image/png", buffer: aPng(15000, 15000) }]);
    await main(page)
      .getByRole("button", { name: t("aspirations.new.submit") })
      .click();
    const error = main(page).locator("#f-photos-error");
    await error.waitFor();
    expect(await text(error)).toBe(t("events.photo.tooManyPixels", { megapixels: 40 }));
    expect(await main(page).getByLabel(t("aspirations.new.photos")).getAttribute("aria-describedby")).toContain("f-photos-error");
    expect(await main(page).getByLabel(t("aspirations.new.titleLabel")).inputValue()).toBe(title);
    expect(new URL(page.url()).pathname).toBe("/aspirations/new");
    expect(await suite.database.db.aspiration.count({ where: { title } })).toBe(0);
    await expectNoSeriousA11yViolations(page, "/aspirations/new with a refused photo");
  });
});
