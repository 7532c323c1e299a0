// Aspirations in a real browser: a guest submits with JavaScript off (similar
// check, then submit), keeps the tracking code, tracks it, sees a status change;
// staff pages and the report pass axe; the form also works with JavaScript on.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { translator } from "~/i18n";
import { startServer, type RunningServer } from "../support/server";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, launchBrowser, newPage, text, waitForHydration } from "./support";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const t = translator("id");
const main = (page: Page) => page.locator("main");
const suffix = Math.random().toString(36).slice(2, 7);

async function fillAspiration(page: Page, title: string) {
  await main(page).getByLabel(t("aspirations.new.titleLabel")).fill(title);
  await main(page).getByLabel(t("aspirations.new.description")).fill("Air meluap ke rumah warga setiap hujan deras. Mohon saluran dikeruk.");
  await main(page).getByLabel(t("aspirations.new.category")).selectOption({ label: "Infrastruktur dan jalan" });
  await main(page).getByLabel(t("aspirations.new.kelurahan"), { exact: true }).selectOption({ label: "Pondok Kelapa" });
}

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await main(page).getByLabel(t("auth.login.identifier"), { exact: true }).fill(email);
  await main(page).getByLabel(t("auth.login.password"), { exact: true }).fill("balai-demo");
  await main(page).getByRole("button", { name: t("auth.login.submit"), exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

describe("aspirations without JavaScript", () => {
  it("a guest checks similar aspirations, submits, keeps the code and tracks it to a status change", async () => {
    const page = await newPage(browser, server.url, { javaScriptEnabled: false });
    try {
      await page.goto("/aspirations");
      await expectNoSeriousA11yViolations(page, "/aspirations, no JavaScript");
      await main(page).getByRole("link", { name: t("aspirations.index.new") }).click();
      await page.waitForURL("**/aspirations/new");
      await expectNoSeriousA11yViolations(page, "/aspirations/new, no JavaScript");

      // step 1 with a mistake: errors next to the fields, nothing lost
      await main(page).getByLabel(t("aspirations.new.description")).fill("Pendek");
      await main(page).getByRole("button", { name: t("aspirations.new.check") }).click();
      await expect.poll(() => main(page).locator("#f-title-error").count()).toBe(1);
      expect(await main(page).getByLabel(t("aspirations.new.description")).inputValue()).toBe("Pendek");
      await expectNoSeriousA11yViolations(page, "/aspirations/new with errors, no JavaScript");

      // step 1: similar aspirations are shown before submitting
      const title = `Saluran air tersumbat di Jl. Swadaya ${suffix}`;
      await fillAspiration(page, title);
      await main(page).getByLabel(/^Nama/).fill("Pak Harjo");
      await main(page).getByRole("button", { name: t("aspirations.new.check") }).click();
      await main(page).locator("#similar-title").waitFor();
      expect(await main(page).locator(".similar a").count()).toBeGreaterThan(0);
      expect(await main(page).getByLabel(t("aspirations.new.titleLabel")).inputValue()).toBe(title);
      await expectNoSeriousA11yViolations(page, "/aspirations/new similar step, no JavaScript");

      // step 2: submit; the receipt shows the code
      await main(page).getByRole("button", { name: t("aspirations.new.submit") }).click();
      await page.waitForURL(/\/aspirations\/[A-Z2-9]{4}-[A-Z2-9]{4}\/receipt$/);
      const code = (await text(page.locator("#tracking-code"))).trim();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(await text(main(page))).toContain(t("aspirations.flash.submitted", { code }));
      await expectNoSeriousA11yViolations(page, "receipt, no JavaScript");

      // later, on another device: track by the code typed in lower case
      const other = await newPage(browser, server.url, { javaScriptEnabled: false });
      try {
        await other.goto("/aspirations");
        await main(other).getByLabel(t("aspirations.track.code")).fill(code.toLowerCase());
        await main(other).getByRole("button", { name: t("aspirations.track.submit") }).click();
        await other.waitForURL(`**/aspirations/${code}`);
        expect(await text(main(other).locator("h1"))).toBe(title);
        expect(await text(main(other))).toContain(t("aspirations.status.received"));
        await expectNoSeriousA11yViolations(other, "aspiration page, no JavaScript");

        // staff verify it (no JavaScript either)
        const staff = await newPage(browser, server.url, { javaScriptEnabled: false });
        try {
          await logIn(staff, "moderator@balai.test");
          await staff.goto(`/aspirations/${code}/manage`);
          expect(await text(main(staff))).toContain("Pak Harjo");
          await expectNoSeriousA11yViolations(staff, "manage page, no JavaScript");
          await main(staff).getByLabel(t("aspirations.manage.to")).selectOption("verified");
          await main(staff).getByLabel(t("aspirations.manage.note")).fill("Sudah ditinjau petugas kelurahan.");
          await main(staff).getByRole("button", { name: t("aspirations.manage.save") }).click();
          await staff.waitForURL(`**/aspirations/${code}/manage`);
          expect(await text(main(staff))).toContain(t("aspirations.flash.statusChanged"));
        } finally {
          await staff.context().close();
        }
        await other.reload();
        expect(await text(main(other))).toContain("Sudah ditinjau petugas kelurahan.");
        expect(await text(main(other))).toContain(t("aspirations.status.verified"));
      } finally {
        await other.context().close();
      }
    } finally {
      await page.context().close();
    }
  });
});

describe("aspirations with JavaScript, staff pages and the report", () => {
  it("passes axe on the staff desk, intake, import, report and a narrow screen", async () => {
    const page = await newPage(browser, server.url, { viewport: { width: 360, height: 740 } });
    try {
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(e.message));
      await logIn(page, "perencana@balai.test");
      const quarter = `${new Date().getUTCFullYear()}-Q${Math.ceil((new Date().getUTCMonth() + 1) / 3)}`;
      for (const path of ["/aspirations/staff", "/aspirations/staff/intake", "/aspirations/staff/import", "/aspirations/report", `/aspirations/report?period=${quarter}`, "/aspirations?sort=support"]) {
        await page.goto(path);
        await waitForHydration(page).catch((e) => {
          throw new Error(`${path} did not hydrate: ${errors.join("\n")} ${e}`);
        });
        await expectNoSeriousA11yViolations(page, path);
        await expectNoHorizontalScroll(page, 360);
        // the page hydrated without errors (a server-only import used by a component would throw here)
        expect(errors, path).toEqual([]);
      }
      const db = await openDatabase(server.databaseUrl);
      try {
        const q = await db.db.qaQuestion.findFirstOrThrow({ where: { aspirations: { none: {} } } });
        await page.goto(`/aspirations/from-question/${q.id}`);
        await waitForHydration(page);
        await expectNoSeriousA11yViolations(page, "conversion form");
      } finally {
        await db.close();
      }
    } finally {
      await page.context().close();
    }
  });

  it("submits with JavaScript on as a signed-in resident", async () => {
    const page = await newPage(browser, server.url);
    try {
      await logIn(page, "warga@balai.test");
      await page.goto("/aspirations/new");
      await waitForHydration(page);
      await fillAspiration(page, `Lampu taman padam di RW 03 ${suffix}`);
      await main(page).getByRole("button", { name: t("aspirations.new.check") }).click();
      await main(page).locator("#similar-title").waitFor();
      await main(page).getByRole("button", { name: t("aspirations.new.submit") }).click();
      await page.waitForURL(/\/receipt$/);
      expect(await text(page.locator("#tracking-code"))).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      await expectNoSeriousA11yViolations(page, "receipt with JavaScript");
    } finally {
      await page.context().close();
    }
  });
});
