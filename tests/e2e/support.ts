// Shared pieces for the browser suites: launching Debian's Chromium through
// playwright-core, the accessibility check (axe), and small page helpers.
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { translator, type Locale } from "~/i18n";
import { startServer, type RunningServer, type StartOptions } from "../support/server";

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

/** Pages opened with `javaScriptEnabled: false` (axe needs special handling there). */
const pagesWithoutJavaScript = new WeakSet<Page>();

/**
 * Every page error and console error of every page opened with `newPage`, until the
 * suite's `afterEach` fails the test with them. A test that provokes one on purpose
 * (a 404 page logs "Failed to load resource") says so with `allowConsoleErrors`.
 */
const pageProblems: string[] = [];
const allowed = new WeakMap<Page, RegExp[]>();

export function allowConsoleErrors(page: Page, ...patterns: RegExp[]): void {
  allowed.set(page, [...(allowed.get(page) ?? []), ...patterns]);
}

function watchForErrors(page: Page) {
  const ok = (text: string) => (allowed.get(page) ?? []).some((p) => p.test(text));
  page.on("pageerror", (error) => {
    if (!ok(error.message)) pageProblems.push(`page error on ${page.url()}: ${error.message}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error" && !ok(message.text())) pageProblems.push(`console error on ${page.url()}: ${message.text()}`);
  });
}

/** Fails the current test when any page had an error (called by `browserSuite` after each test). */
export function expectNoPageErrors(): void {
  const problems = pageProblems.splice(0);
  expect(problems, problems.join("\n")).toEqual([]);
}

/** A fresh context (own cookies) and page; `baseURL` makes `page.goto("/x")` work. */
export async function newPage(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "id-ID", ...options });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  if (options.javaScriptEnabled === false) pagesWithoutJavaScript.add(page);
  watchForErrors(page);
  return page;
}

export interface BrowserSuite {
  server: RunningServer;
  browser: Browser;
  database: Database;
  /** a new page (own cookies) on this suite's server; closed after the test */
  page(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * The one server-and-browser setup for a browser test file: the real server on a
 * free port with a fresh database, Debian's Chromium, a database handle for
 * builders, and after every test: no page error or console error on any page.
 */
export function browserSuite(options: StartOptions = {}): BrowserSuite {
  const suite = { pages: [] as Page[] } as unknown as BrowserSuite & { pages: Page[] };
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([startServer(options), launchBrowser()]);
    suite.database = await openDatabase(suite.server.databaseUrl);
  });
  afterEach(async () => {
    const pages = suite.pages.splice(0);
    await Promise.all(
      pages.map((p) =>
        p
          .context()
          .close()
          .catch(() => undefined),
      ),
    );
    expectNoPageErrors();
  });
  afterAll(async () => {
    await suite.database?.close();
    await suite.browser?.close();
    await suite.server?.stop();
  });
  suite.page = async (pageOptions = {}) => {
    const page = await newPage(suite.browser, suite.server.url, pageOptions);
    suite.pages.push(page);
    return page;
  };
  return suite;
}

/** Signs in through the login form (JavaScript on or off, in either language). */
export async function logIn(page: Page, who: { identifier: string; password: string }, locale: Locale = "id"): Promise<void> {
  const t = translator(locale);
  await page.goto(locale === "id" ? "/login" : "/login?lang=en");
  const main = page.locator("main");
  await main.getByLabel(t("auth.login.identifier"), { exact: true }).fill(who.identifier);
  await main.getByLabel(t("auth.login.password"), { exact: true }).fill(who.password);
  await main.getByRole("button", { name: t("auth.login.submit"), exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

export const A11Y_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe cannot run inside a page whose JavaScript is disabled (its timers never
 * fire). So we take the DOM exactly as that page has it, drop the scripts, and
 * serve it at the same address to a scratch JavaScript-enabled context that
 * blocks every script request: axe then checks the no-JavaScript rendering,
 * with the real stylesheet, and nothing of the app's own code runs.
 */
async function analyzeWithoutPageScripts(page: Page) {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const url = page.url().split("#")[0]; // requests carry no fragment
  const browser = page.context().browser();
  if (!browser) throw new Error("the page has no browser");
  const context = await browser.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route("**/*", (route) => {
      const request = route.request();
      if (request.resourceType() === "document" && request.url() === url) {
        return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
      }
      if (request.resourceType() === "script") return route.abort();
      return route.continue();
    });
    await copy.goto(url);
    const hydrated = await copy.evaluate(() => "__remixRouter" in window || "__remixContext" in window);
    if (hydrated) throw new Error("the scratch copy ran the app's scripts");
    return await new AxeBuilder({ page: copy }).withTags(A11Y_TAGS).analyze();
  } finally {
    await context.close();
  }
}

/**
 * Runs axe on the page as it is now and fails when any violation is "serious"
 * or "critical", listing each rule with the offending nodes.
 */
export async function expectNoSeriousA11yViolations(page: Page, label = page.url()): Promise<void> {
  // check the page once it has settled: after a client-side navigation the browser may still
  // be fetching the next area's messages (app/i18n), and a label is empty for that moment
  if (!pagesWithoutJavaScript.has(page)) await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
  const results = pagesWithoutJavaScript.has(page) ? await analyzeWithoutPageScripts(page) : await new AxeBuilder({ page }).withTags(A11Y_TAGS).analyze();
  // guard against a vacuous run (an empty or blank page passes every rule)
  expect(results.passes.length, `axe checked nothing on ${label}`).toBeGreaterThan(0);
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious
    .map((v) =>
      [
        `- ${v.id} (${v.impact}): ${v.help}`,
        ...v.nodes.map((n) => `    at ${JSON.stringify(n.target)}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`),
      ].join("\n"),
    )
    .join("\n");
  expect(serious.length, `Serious accessibility violations on ${label}:\n${report}`).toBe(0);
}

/** Waits until React has hydrated the document (its props are on the DOM nodes). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    return !!main && Object.keys(main).some((k) => k.startsWith("__reactProps$") || k.startsWith("__reactFiber$"));
  });
}

/**
 * Marks the current document; `expectSameDocument` later proves that what
 * happened in between was a client-side (JavaScript) navigation, not a reload.
 */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __e2eMark?: boolean }).__e2eMark = true;
  });
}

export async function expectSameDocument(page: Page): Promise<void> {
  const marked = await page.evaluate(() => (window as unknown as { __e2eMark?: boolean }).__e2eMark === true);
  expect(marked, "expected a client-side navigation, but the document was reloaded").toBe(true);
}

/** Retrying assertion on a value read from the page. */
export function eventually<T>(read: () => Promise<T>, timeout = 10_000) {
  return expect.poll(read, { timeout, interval: 100 });
}

export const text = (locator: Locator) => locator.innerText();

/** The page has no horizontal scroll at its current viewport width. */
export async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${page.url()} scrolls sideways at ${width}px`).toBeLessThanOrEqual(width);
}
