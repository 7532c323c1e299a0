// The foundation in a real browser: sign up, log in and out, language, roles, a
// disabled account, the whole walk without JavaScript, accessibility (axe) and a
// narrow screen. Every test builds its own users (prisma/builders) and runs on its own.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { translator, type Locale } from "~/i18n";
import { aKelurahan, aStaffMember, aUser, unique } from "../../prisma/builders";
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
const db = () => suite.database.db;

const tr = { id: translator("id"), en: translator("en") };
const t = tr.id;

const pathIs = (pathname: string) => (url: URL) => url.pathname === pathname;
const main = (page: Page) => page.locator("main");
const header = (page: Page) => page.locator("header.site-header");
const h1 = (page: Page) => text(page.locator("main h1"));
const flash = (page: Page) => text(page.locator("main [role=status]"));
const htmlLang = (page: Page) => page.locator("html").getAttribute("lang");
const aPhone = () => `0857${String(Math.floor(10_000_000 + Math.random() * 89_999_999))}`;

async function fillLogin(page: Page, identifier: string, password: string, locale: Locale = "id") {
  const l = tr[locale];
  await main(page).getByLabel(l("auth.login.identifier"), { exact: true }).fill(identifier);
  await main(page).getByLabel(l("auth.login.password"), { exact: true }).fill(password);
  await main(page)
    .getByRole("button", { name: l("auth.login.submit"), exact: true })
    .click();
}

async function expectSignedIn(page: Page, locale: Locale = "id") {
  const l = tr[locale];
  await eventually(() => text(header(page))).toContain(l("nav.logout"));
  const nav = await text(header(page));
  expect(nav).toContain(l("nav.account"));
  expect(nav).not.toContain(l("nav.signup"));
}

async function expectSignedOut(page: Page, locale: Locale = "id") {
  const l = tr[locale];
  await eventually(() => text(header(page))).toContain(l("nav.signup"));
  const nav = await text(header(page));
  expect(nav).toContain(l("nav.login"));
  expect(nav).not.toContain(l("nav.logout"));
}

/**
 * For a test that provokes a 4xx on purpose (a refused form, an error page): the
 * browser itself logs "Failed to load resource" for that answer.
 */
const allowErrorStatus = (page: Page) => allowConsoleErrors(page, /^Failed to load resource: the server responded with a status of 4\d\d/);

describe("sign up (JavaScript on)", () => {
  it("shows the error next to the field, keeps the typed name, then signs the resident up", async () => {
    const kelurahan = await aKelurahan(db(), { name: `Kelurahan Uji ${unique()}`, rwCount: 3 });
    const resident = { name: `Rina Wulandari ${unique()}`, email: `rina.${unique()}@contoh.id`, password: "teh-manis-hangat" };
    const page = await suite.page();
    allowErrorStatus(page); // the refused form answers 400
    await page.goto("/signup");
    await waitForHydration(page);
    await markDocument(page);
    expect(await h1(page)).toBe(t("auth.signup.title"));

    const form = main(page);
    const name = form.getByLabel(t("auth.signup.name"), { exact: true });
    const identifier = form.getByLabel(t("auth.login.identifier"), { exact: true });
    const password = form.getByLabel(t("auth.signup.password"), { exact: true });

    await name.fill(resident.name);
    await identifier.fill("bukan-email-atau-hp");
    await password.fill(resident.password);
    await form.getByRole("button", { name: t("auth.signup.submit"), exact: true }).click();

    await eventually(() => identifier.getAttribute("aria-invalid")).toBe("true");
    const error = page.locator("#f-identifier-error");
    expect(await text(error)).toBe(t("validation.identifier"));
    expect(await identifier.getAttribute("aria-describedby")).toContain("f-identifier-error");
    expect(await name.inputValue()).toBe(resident.name);
    expect(await name.getAttribute("aria-invalid")).toBeNull();
    expect(await text(page.locator("main [role=alert]"))).toBe(t("form.errorSummary"));
    await expectSameDocument(page);
    await expectNoSeriousA11yViolations(page, "/signup with errors (id)");

    await identifier.fill(resident.email);
    await password.fill(resident.password);
    // the optional fields say so in their label
    await form.getByLabel(`${t("auth.signup.kelurahan")} ${t("form.optional")}`, { exact: true }).selectOption({ label: kelurahan.name });
    await form.getByLabel(`${t("auth.signup.rw")} ${t("form.optional")}`, { exact: true }).selectOption({ label: `RW 02 ${kelurahan.name}` });
    await form.getByRole("button", { name: t("auth.signup.submit"), exact: true }).click();

    await page.waitForURL(pathIs("/"));
    await expectSignedIn(page);
    expect(await flash(page)).toBe(t("auth.signup.welcome", { name: resident.name }));
    await expectSameDocument(page);

    await header(page)
      .getByRole("link", { name: t("nav.account"), exact: true })
      .click();
    await page.waitForURL(pathIs("/account"));
    await eventually(() => h1(page)).toBe(t("account.title"));
    const details = await text(main(page).locator("dl"));
    expect(details).toContain(resident.name);
    expect(details).toContain(resident.email);
    expect(details).toContain(t("role.resident"));
    const stored = await db().user.findUniqueOrThrow({ where: { email: resident.email } });
    expect(stored.kelurahanId).toBe(kelurahan.id);
    expect(stored.rwId).toBe(kelurahan.rws[1].id);
  });
});

describe("log in and out (JavaScript on)", () => {
  it("logs a resident in and out", async () => {
    const resident = await aUser(db(), { name: `Siti Uji ${unique()}` });
    const page = await suite.page();
    await page.goto("/login");
    await waitForHydration(page);
    await markDocument(page);
    expect(await h1(page)).toBe(t("auth.login.title"));
    await fillLogin(page, resident.identifier, resident.password);
    await page.waitForURL(pathIs("/"));
    await expectSignedIn(page);
    await expectSameDocument(page);

    await header(page)
      .getByRole("link", { name: t("nav.account"), exact: true })
      .click();
    await eventually(() => text(main(page))).toContain(resident.name);
    expect(await text(main(page).locator("dl"))).toContain(t("role.resident"));

    await header(page)
      .getByRole("button", { name: t("nav.logout"), exact: true })
      .click();
    await page.waitForURL(pathIs("/"));
    await expectSignedOut(page);
    expect(await flash(page)).toBe(t("auth.logout.done"));
    await expectSameDocument(page);

    // the session is really gone: a protected page sends us to the login page
    await page.goto("/account");
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("refuses a wrong password with a message next to the field", async () => {
    const resident = await aUser(db());
    const page = await suite.page();
    allowErrorStatus(page); // the refused login answers 401
    await page.goto("/login");
    await waitForHydration(page);
    await fillLogin(page, resident.identifier, "salah-sekali-123");
    const identifier = main(page).getByLabel(t("auth.login.identifier"), { exact: true });
    await eventually(() => identifier.getAttribute("aria-invalid")).toBe("true");
    expect(await text(page.locator("#f-identifier-error"))).toBe(t("auth.login.failed"));
    expect(await identifier.inputValue()).toBe(resident.identifier);
    expect(new URL(page.url()).pathname).toBe("/login");
    await expectSignedOut(page);
  });
});

describe("language", () => {
  it("switches to English, remembers it across a reload, and switches back", async () => {
    const page = await suite.page();
    await page.goto("/");
    await waitForHydration(page);
    expect(await htmlLang(page)).toBe("id");
    expect(await h1(page)).toBe(t("home.title"));

    await header(page)
      .getByRole("link", { name: tr.id("nav.switchToLabel"), exact: true })
      .click();
    await eventually(() => htmlLang(page)).toBe("en");
    expect(await h1(page)).toBe(tr.en("home.title"));
    expect(await text(header(page).locator(".lang-switch"))).toBe(tr.en("nav.switchTo"));
    expect(await text(header(page))).toContain(tr.en("nav.login"));

    // remembered by the cookie, not only by ?lang=
    await page.goto("/login");
    expect(await htmlLang(page)).toBe("en");
    expect(await h1(page)).toBe(tr.en("auth.login.title"));
    await page.reload();
    expect(await htmlLang(page)).toBe("en");
    expect(await h1(page)).toBe(tr.en("auth.login.title"));
    expect(await page.title()).toBe(`${tr.en("auth.login.title")} · Balai`);

    await header(page)
      .getByRole("link", { name: tr.en("nav.switchToLabel"), exact: true })
      .click();
    await eventually(() => htmlLang(page)).toBe("id");
    expect(await h1(page)).toBe(t("auth.login.title"));
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.goto("/");
    expect(await htmlLang(page)).toBe("id");
    expect(await h1(page)).toBe(t("home.title"));
  });
});

describe("roles", () => {
  it("gives a resident a friendly 403 page on /admin/users", async () => {
    const resident = await aUser(db());
    const page = await suite.page();
    allowErrorStatus(page);
    await logIn(page, resident);
    const res = await page.goto("/admin/users");
    expect(res?.status()).toBe(403);
    expect(await h1(page)).toBe(t("error.403.title"));
    expect(await text(main(page))).toContain(t("error.403.text"));
    expect(await text(header(page))).not.toContain(t("nav.admin"));
  });

  it("sends a signed-out visitor to the login page and back to /admin/users", async () => {
    const adminUser = await aStaffMember(db(), "admin");
    const admin = await suite.page();
    await admin.goto("/admin/users");
    expect(new URL(admin.url()).pathname).toBe("/login");
    expect(new URL(admin.url()).searchParams.get("redirectTo")).toBe("/admin/users");
    expect(await flash(admin)).toBe(t("auth.login.required"));

    await waitForHydration(admin);
    await fillLogin(admin, adminUser.identifier, adminUser.password);
    await admin.waitForURL(pathIs("/admin/users"));
    await eventually(() => h1(admin)).toBe(t("admin.users.title"));
    expect(await text(header(admin))).toContain(t("nav.admin"));
  });

  it("lets an admin promote a resident to moderator, which the resident's own session sees", async () => {
    const resident = await aUser(db(), { name: `Rina Wulandari ${unique()}` });
    const residentPage = await suite.page();
    await logIn(residentPage, resident);
    const admin = await suite.page();
    await logIn(admin, await aStaffMember(db(), "admin"));

    await admin.goto("/admin/users");
    await waitForHydration(admin);
    await main(admin).getByLabel(t("admin.users.search"), { exact: true }).fill(resident.identifier);
    await main(admin)
      .getByRole("button", { name: t("admin.users.searchSubmit"), exact: true })
      .click();
    await admin.waitForURL((url) => url.searchParams.get("q") === resident.identifier);
    await eventually(() => text(main(admin))).toContain(t("admin.users.count", { count: 1 }));

    const select = main(admin).getByLabel(t("admin.users.changeRole", { name: resident.name }), { exact: true });
    expect(await select.inputValue()).toBe("resident");
    await select.selectOption("moderator");
    await main(admin)
      .getByRole("button", { name: `${t("admin.users.save")}: ${resident.name}`, exact: true })
      .click();

    await eventually(() => flash(admin)).toBe(t("admin.users.roleChanged", { name: resident.name, role: t("role.moderator") }));
    expect(new URL(admin.url()).searchParams.get("q")).toBe(resident.identifier);
    await admin.reload();
    expect(await select.inputValue()).toBe("moderator");

    await residentPage.goto("/account");
    expect(await text(main(residentPage).locator("dl"))).toContain(t("role.moderator"));
  });

  it("lets an admin disable an account: its open page is signed out, and it can be enabled again", async () => {
    const resident = await aUser(db(), { name: `Warga Nonaktif ${unique()}` });
    const residentPage = await suite.page();
    allowErrorStatus(residentPage); // the refused login answers 403
    await logIn(residentPage, resident);
    const admin = await suite.page();
    await logIn(admin, await aStaffMember(db(), "admin"));

    await admin.goto(`/admin/users?q=${encodeURIComponent(resident.identifier)}`);
    await waitForHydration(admin);
    await markDocument(admin);
    await main(admin)
      .getByRole("button", { name: t("admin.users.disableLabel", { name: resident.name }), exact: true })
      .click();
    await eventually(() => flash(admin)).toBe(t("admin.users.disabledDone", { name: resident.name }));
    expect(await text(main(admin).locator("tbody"))).toContain(t("admin.users.disabled"));
    await expectSameDocument(admin);
    await expectNoSeriousA11yViolations(admin, "/admin/users with a disabled account");

    await residentPage.goto("/account");
    expect(new URL(residentPage.url()).pathname).toBe("/login");
    await fillLogin(residentPage, resident.identifier, resident.password);
    const identifier = main(residentPage).getByLabel(t("auth.login.identifier"), { exact: true });
    await eventually(() => identifier.getAttribute("aria-invalid")).toBe("true");
    expect(await text(residentPage.locator("#f-identifier-error"))).toBe(t("auth.login.disabled"));

    await main(admin)
      .getByRole("button", { name: t("admin.users.enableLabel", { name: resident.name }), exact: true })
      .click();
    await eventually(() => flash(admin)).toBe(t("admin.users.enabledDone", { name: resident.name }));
    await logIn(residentPage, resident);
    await expectSignedIn(residentPage);
  });
});

describe("without JavaScript", () => {
  it("signs up, logs out and in, switches language and changes the password with plain HTML forms", async () => {
    const page = await suite.page({ javaScriptEnabled: false });
    allowErrorStatus(page); // refused forms answer 400 and 401
    const phone = aPhone();
    const name = `Joko Susilo ${unique()}`;
    const firstPassword = "nasi-uduk-pagi";
    const secondPassword = "ketoprak-siang";

    // sign up: first a validation error rendered by the server
    await page.goto("/signup");
    await main(page).getByLabel(t("auth.signup.name"), { exact: true }).fill(name);
    await main(page).getByLabel(t("auth.login.identifier"), { exact: true }).fill("12345");
    await main(page).getByLabel(t("auth.signup.password"), { exact: true }).fill("pendek");
    await main(page)
      .getByRole("button", { name: t("auth.signup.submit"), exact: true })
      .click();
    await page.waitForLoadState();
    const identifier = main(page).getByLabel(t("auth.login.identifier"), { exact: true });
    expect(await identifier.getAttribute("aria-invalid")).toBe("true");
    expect(await text(page.locator("#f-identifier-error"))).toBe(t("validation.identifier"));
    expect(await text(page.locator("#f-password-error"))).toBe(t("validation.passwordLength"));
    expect(await main(page).getByLabel(t("auth.signup.name"), { exact: true }).inputValue()).toBe(name);
    // the server never sends a password back
    expect(await main(page).getByLabel(t("auth.signup.password"), { exact: true }).inputValue()).toBe("");
    await expectNoSeriousA11yViolations(page, "/signup with errors, no JavaScript");

    await identifier.fill(phone);
    await main(page).getByLabel(t("auth.signup.password"), { exact: true }).fill(firstPassword);
    await main(page)
      .getByRole("button", { name: t("auth.signup.submit"), exact: true })
      .click();
    await page.waitForURL(pathIs("/"));
    await expectSignedIn(page);
    expect(await flash(page)).toBe(t("auth.signup.welcome", { name }));
    await expectNoSeriousA11yViolations(page, "/ signed in, no JavaScript");

    // log out, then in with the phone number in another spelling
    await header(page)
      .getByRole("button", { name: t("nav.logout"), exact: true })
      .click();
    await page.waitForURL(pathIs("/"));
    await expectSignedOut(page);
    expect(await flash(page)).toBe(t("auth.logout.done"));

    await header(page)
      .getByRole("link", { name: t("nav.login"), exact: true })
      .click();
    await page.waitForURL(pathIs("/login"));
    await expectNoSeriousA11yViolations(page, "/login, no JavaScript");
    await fillLogin(page, `+62 ${phone.slice(1)}`, firstPassword);
    await page.waitForURL(pathIs("/"));
    await expectSignedIn(page);

    // English, by the plain link
    await header(page)
      .getByRole("link", { name: t("nav.switchToLabel"), exact: true })
      .click();
    await page.waitForLoadState();
    expect(await htmlLang(page)).toBe("en");
    expect(await h1(page)).toBe(tr.en("home.title"));
    await header(page)
      .getByRole("link", { name: tr.en("nav.account"), exact: true })
      .click();
    await page.waitForURL(pathIs("/account"));
    // with JavaScript, the address changes before React renders the page
    await eventually(() => h1(page)).toBe(tr.en("account.title"));
    expect(await text(main(page).locator("dl"))).toContain(`+62${phone.slice(1)}`);
    await expectNoSeriousA11yViolations(page, "/account (en), no JavaScript");

    // change the password: a mismatch first, then for real
    await main(page)
      .getByRole("link", { name: tr.en("auth.password.title"), exact: true })
      .click();
    await page.waitForURL(pathIs("/account/password"));
    const current = main(page).getByLabel(tr.en("auth.password.current"), { exact: true });
    const next = main(page).getByLabel(tr.en("auth.password.new"), { exact: true });
    const confirm = main(page).getByLabel(tr.en("auth.password.confirm"), { exact: true });
    await current.fill(firstPassword);
    await next.fill(secondPassword);
    await confirm.fill("something-else");
    await main(page)
      .getByRole("button", { name: tr.en("auth.password.submit"), exact: true })
      .click();
    await page.waitForLoadState();
    expect(await confirm.getAttribute("aria-invalid")).toBe("true");
    expect(await text(page.locator("#f-confirmPassword-error"))).toBe(tr.en("validation.passwordMismatch"));
    await expectNoSeriousA11yViolations(page, "/account/password with errors (en), no JavaScript");

    await current.fill(firstPassword);
    await next.fill(secondPassword);
    await confirm.fill(secondPassword);
    await main(page)
      .getByRole("button", { name: tr.en("auth.password.submit"), exact: true })
      .click();
    await page.waitForURL(pathIs("/account"));
    await eventually(() => flash(page)).toBe(tr.en("auth.password.changed"));

    // the old password no longer works, the new one does
    await header(page)
      .getByRole("button", { name: tr.en("nav.logout"), exact: true })
      .click();
    await page.waitForURL(pathIs("/"));
    await expectSignedOut(page, "en");
    await page.goto("/login");
    await fillLogin(page, phone, firstPassword, "en");
    await page.waitForLoadState();
    expect(await text(page.locator("#f-identifier-error"))).toBe(tr.en("auth.login.failed"));
    await fillLogin(page, phone, secondPassword, "en");
    await page.waitForURL(pathIs("/"));
    await expectSignedIn(page, "en");

    // back to Indonesian
    await header(page)
      .getByRole("link", { name: tr.en("nav.switchToLabel"), exact: true })
      .click();
    await page.waitForLoadState();
    expect(await htmlLang(page)).toBe("id");
    expect(await h1(page)).toBe(t("home.title"));
  });

  it("lets an admin change a role and disable an account with plain HTML forms", async () => {
    const resident = await aUser(db(), { name: `Joko Susilo ${unique()}` });
    const admin = await suite.page({ javaScriptEnabled: false });
    await logIn(admin, await aStaffMember(db(), "admin"));
    await admin.goto(`/admin/users?q=${encodeURIComponent(resident.name)}`);
    await expectNoSeriousA11yViolations(admin, "/admin/users, no JavaScript");
    await main(admin)
      .getByLabel(t("admin.users.changeRole", { name: resident.name }), { exact: true })
      .selectOption("planner");
    await main(admin)
      .getByRole("button", { name: `${t("admin.users.save")}: ${resident.name}`, exact: true })
      .click();
    await admin.waitForLoadState();
    expect(await flash(admin)).toBe(t("admin.users.roleChanged", { name: resident.name, role: t("role.planner") }));
    expect(
      await main(admin)
        .getByLabel(t("admin.users.changeRole", { name: resident.name }), { exact: true })
        .inputValue(),
    ).toBe("planner");

    await main(admin)
      .getByRole("button", { name: t("admin.users.disableLabel", { name: resident.name }), exact: true })
      .click();
    await admin.waitForLoadState();
    expect(await flash(admin)).toBe(t("admin.users.disabledDone", { name: resident.name }));
    expect((await db().user.findUniqueOrThrow({ where: { id: resident.id } })).disabledAt).not.toBeNull();
  });
});

describe("accessibility (axe) on every page, in both languages", () => {
  for (const locale of ["id", "en"] as const) {
    const l = tr[locale];

    it(`signed-out pages and the 404 page (${locale})`, async () => {
      const page = await suite.page();
      allowErrorStatus(page);
      await page.goto(`/?lang=${locale}`);
      await waitForHydration(page);
      expect(await htmlLang(page)).toBe(locale);
      expect(await h1(page)).toBe(l("home.title"));
      await expectNoSeriousA11yViolations(page, `/ (${locale})`);

      await page.goto("/login");
      expect(await h1(page)).toBe(l("auth.login.title"));
      await expectNoSeriousA11yViolations(page, `/login (${locale})`);

      await page.goto("/signup");
      expect(await h1(page)).toBe(l("auth.signup.title"));
      await expectNoSeriousA11yViolations(page, `/signup (${locale})`);

      const res = await page.goto("/halaman-yang-tidak-ada");
      expect(res?.status()).toBe(404);
      expect(await htmlLang(page)).toBe(locale);
      expect(await h1(page)).toBe(l("error.404.title"));
      expect(await text(main(page))).toContain(l("error.404.text"));
      await expectNoSeriousA11yViolations(page, `404 (${locale})`);
    });

    it(`resident pages and the 403 page (${locale})`, async () => {
      const page = await suite.page();
      allowErrorStatus(page);
      await logIn(page, await aUser(db()), locale);
      await expectSignedIn(page, locale);
      await expectNoSeriousA11yViolations(page, `/ signed in (${locale})`);

      await page.goto("/account");
      expect(await h1(page)).toBe(l("account.title"));
      await expectNoSeriousA11yViolations(page, `/account (${locale})`);

      await page.goto("/account/password");
      expect(await h1(page)).toBe(l("auth.password.title"));
      await expectNoSeriousA11yViolations(page, `/account/password (${locale})`);

      const res = await page.goto("/admin/users");
      expect(res?.status()).toBe(403);
      expect(await h1(page)).toBe(l("error.403.title"));
      await expectNoSeriousA11yViolations(page, `403 (${locale})`);
    });

    it(`the admin's user list (${locale})`, async () => {
      const listed = await aUser(db(), { name: `Warga Terdaftar ${unique()}` });
      const page = await suite.page();
      await logIn(page, await aStaffMember(db(), "admin"), locale);
      await page.goto(`/admin/users?q=${encodeURIComponent(listed.name)}`);
      expect(await h1(page)).toBe(l("admin.users.title"));
      expect(await text(main(page))).toContain(listed.name);
      await expectNoSeriousA11yViolations(page, `/admin/users (${locale})`);
    });
  }
});

describe("a 360px-wide phone", () => {
  it("shows the pages without sideways scrolling", async () => {
    const page = await suite.page({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    for (const path of ["/", "/?lang=en", "/login", "/signup", "/?lang=id"]) {
      await page.goto(path);
      await expectNoHorizontalScroll(page, 360);
    }
    await logIn(page, await aStaffMember(db(), "admin"));
    for (const path of ["/", "/admin/users", "/account/password"]) {
      await page.goto(path);
      await expectNoHorizontalScroll(page, 360);
    }
    await page.goto("/");
    await expectNoSeriousA11yViolations(page, "/ at 360px");
  });
});
