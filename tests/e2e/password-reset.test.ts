// "Lupa kata sandi" in a real browser with JavaScript off, in both languages: from the
// login page to the forgot-password form, a mistake next to its field, the answer
// with the code form; the counter's reset pages; every step passes axe.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { translator, type Locale } from "~/i18n";
import { aPhoneNumber, aStaffMember, aUser, unique } from "../../prisma/builders";
import { allowConsoleErrors, browserSuite, expectNoSeriousA11yViolations, logIn, text, waitForHydration } from "./support";

const suite = browserSuite({ env: { BALAI_SEED: "0", RATE_LIMIT_LOGIN: "500", RATE_LIMIT_WRITES: "2000" } });
const main = (page: Page) => page.locator("main");

describe.each<Locale>(["id", "en"])("forgot password without JavaScript (%s)", (locale) => {
  const t = translator(locale);
  it("asks with a phone number and shows where to type the code", async () => {
    const phone = aPhoneNumber();
    await aUser(suite.database.db, { phone });
    const page = await suite.page({ javaScriptEnabled: false });
    // the form with a mistake comes back as a 400 page, on purpose
    allowConsoleErrors(page, /Failed to load resource: the server responded with a status of 400/);
    await page.goto(locale === "id" ? "/login" : "/login?lang=en");
    await main(page)
      .getByRole("link", { name: t("auth.login.forgot") })
      .click();
    await page.waitForURL("**/forgot-password");
    expect(await text(page.locator("h1"))).toBe(t("accounts.forgot.title"));
    await expectNoSeriousA11yViolations(page, `/forgot-password (${locale}), no JavaScript`);

    const identifier = main(page).getByLabel(t("auth.login.identifier"), { exact: true });
    await identifier.fill("bukan nomor");
    await main(page)
      .getByRole("button", { name: t("accounts.forgot.submit") })
      .click();
    await main(page).locator("#f-identifier-error").waitFor();
    expect(await text(main(page).locator("#f-identifier-error"))).toBe(t("validation.identifier"));
    expect(await identifier.inputValue()).toBe("bukan nomor");
    expect(await identifier.getAttribute("aria-invalid")).toBe("true");
    await expectNoSeriousA11yViolations(page, `/forgot-password with a mistake (${locale})`);

    await identifier.fill(phone.replace("+62", "0"));
    await main(page)
      .getByRole("button", { name: t("accounts.forgot.submit") })
      .click();
    await main(page).getByRole("status").waitFor();
    expect(await text(main(page).getByRole("status"))).toBe(t("accounts.forgot.sentPhone", { minutes: 10 }));
    expect(await main(page).getByLabel(t("accounts.reset.code"), { exact: true }).isVisible()).toBe(true);
    expect(await main(page).getByLabel(t("auth.login.identifier"), { exact: true }).inputValue()).toBe(phone.replace("+62", "0"));
    await expectNoSeriousA11yViolations(page, `/forgot-password, code on its way (${locale})`);
  });
});

describe("forgot password with JavaScript", () => {
  it("hydrates, asks with an e-mail and tells where the link went", async () => {
    const user = await aUser(suite.database.db);
    const t = translator("id");
    const page = await suite.page();
    await page.goto("/forgot-password");
    await waitForHydration(page);
    await main(page).getByLabel(t("auth.login.identifier"), { exact: true }).fill(user.email!);
    await main(page)
      .getByRole("button", { name: t("accounts.forgot.submit") })
      .click();
    await main(page).getByRole("status").waitFor();
    expect(await text(main(page).getByRole("status"))).toBe(t("accounts.forgot.sentEmail", { minutes: 30 }));
    await expectNoSeriousA11yViolations(page, "/forgot-password, link on its way (JavaScript)");
  });
});

describe("the counter's reset without JavaScript", () => {
  it("finds the resident, checks identity and shows the temporary password once", async () => {
    const db = suite.database.db;
    const resident = await aUser(db, { name: `Ibu Rukmini ${unique()}` });
    const counter = await aStaffMember(db, "counter");
    const t = translator("id");
    const page = await suite.page({ javaScriptEnabled: false });
    allowConsoleErrors(page, /Failed to load resource: the server responded with a status of 400/);
    await logIn(page, counter);
    await page.goto(`/admin/users/reset?q=${encodeURIComponent(resident.name)}`);
    await expectNoSeriousA11yViolations(page, "/admin/users/reset with results");
    await main(page)
      .getByRole("link", { name: t("accounts.counter.choose", { name: resident.name }) })
      .click();
    await page.waitForURL(`**/admin/users/reset/${resident.id}`);
    await expectNoSeriousA11yViolations(page, "/admin/users/reset/:id");

    await main(page).getByLabel(t("accounts.counter.document")).selectOption("ktp");
    await main(page).getByLabel(t("accounts.counter.method.temporary")).check();
    await main(page)
      .getByRole("button", { name: t("accounts.counter.submit") })
      .click();
    await main(page).locator("#f-identityChecked-error").waitFor();
    expect(await text(main(page).locator("#f-identityChecked-error"))).toBe(t("accounts.counter.identityRequired"));
    await expectNoSeriousA11yViolations(page, "/admin/users/reset/:id with a mistake");

    await main(page).getByLabel(t("accounts.counter.identityChecked")).check();
    await main(page)
      .getByRole("button", { name: t("accounts.counter.submit") })
      .click();
    await main(page).locator(".reset-secret").waitFor();
    expect(await text(main(page).locator(".reset-secret"))).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await expectNoSeriousA11yViolations(page, "/admin/users/reset/:id, the temporary password");
  });
});
