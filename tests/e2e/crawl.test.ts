// Every page a visitor can reach, with JavaScript on: as a guest and as each role,
// start at the home page and the staff menus, follow every same-site link breadth
// first (limited depth and count), and visit each page until React has hydrated it.
// A page error, a console error (browserSuite fails the test on either) or a 5xx
// anywhere fails the test, with the list of pages where it happened. Downloads
// (.csv, .ics, .json, images) are fetched with the same cookies instead of opened.
// The test server holds the demo data, so there are events, sessions, topics,
// aspirations and deliberations to reach; the people are built here.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { can, roles, type Actor, type Role } from "~/domain/accounts/roles";
import { aStaffMember, aUser } from "../../prisma/builders";
import { browserSuite, logIn, waitForHydration } from "./support";

const suite = browserSuite();

/** Pages per visitor (downloads not counted) and link depth from the start pages: enough to reach every kind of page. */
const MAX_PAGES = 120;
const MAX_DEPTH = 4;
/** Pages of one shape (digits replaced, query left out) visited at most this often: /events/1, /events/2, … */
const PER_SHAPE = 2;

/** Staff menus: the start pages of each role's work, beside the home page. */
const STAFF_MENUS: { path: string; allowed: (a: Actor) => boolean }[] = [
  { path: "/events/manage", allowed: can.manageEvents },
  { path: "/discussions/moderation", allowed: can.moderate },
  { path: "/aspirations/staff", allowed: can.manageAspirations },
  { path: "/agenda/new", allowed: can.plan },
  { path: "/admin/users", allowed: can.manageUsers },
  { path: "/admin/categories", allowed: can.manageCategories },
  { path: "/layanan/kelola", allowed: can.serviceDesk },
  { path: "/survei/kelola", allowed: can.serviceDesk },
];

/** Public sections the header does not link yet: started from as well, so their pages are reached. */
const UNLINKED_SECTIONS = ["/layanan", "/survei"];

/** Files, not pages: fetched (status checked), never opened in the tab. */
const DOWNLOAD = /(\.(csv|ics|json|svg|png|jpe?g|webp|pdf|txt)$)|^\/images\//i;
/** Links that change something or leave the page's language: not followed. */
const SIDE_EFFECT = /^\/logout\b/;

/**
 * The page's kind: its path with ids, years, codes and slugs left out, so that
 * /events/3 and /events/5, or /layanan/ktp-el and /layanan/akta-kelahiran, are one kind.
 */
function shapeOf(url: URL): string {
  const variable = (segment: string) => /\d/.test(segment) || /^[A-Z0-9-]{4,}$/.test(segment) || /[-.]/.test(segment);
  return url.pathname
    .split("/")
    .map((segment) => (variable(segment) ? ":x" : segment))
    .join("/");
}

/** A same-site link worth following, as a path with its query (no fragment), or null. */
function followable(href: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  if (url.searchParams.has("lang")) return null; // the language switch: the crawl stays in one language
  if (SIDE_EFFECT.test(url.pathname)) return null;
  return url.pathname + url.search;
}

interface CrawlReport {
  visited: string[];
  failures: string[];
}

/**
 * Waits until React has hydrated the page; gives up early when the page threw (that
 * error is reported by browserSuite). False when it never hydrated without saying why.
 */
async function settle(page: Page, pageErrors: () => number): Promise<boolean> {
  const before = pageErrors();
  let timer: NodeJS.Timeout | undefined;
  const threw = new Promise<"threw">((resolve) => {
    timer = setInterval(() => pageErrors() > before && resolve("threw"), 100);
  });
  const hydrated = waitForHydration(page).then(
    () => "hydrated" as const,
    () => "timeout" as const,
  );
  const outcome = await Promise.race([hydrated, threw]);
  clearInterval(timer);
  // let effects run (sockets, lazy route discovery) so that their errors show up on this page
  if (outcome === "hydrated") await page.waitForTimeout(250);
  return outcome !== "timeout";
}

async function crawl(page: Page, starts: string[]): Promise<CrawlReport> {
  const origin = new URL(suite.server.url).origin;
  let pageErrors = 0;
  page.on("pageerror", () => pageErrors++);
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const queue: { path: string; depth: number; from: string }[] = starts.map((path) => ({ path, depth: 0, from: "(start)" }));
  for (const s of starts) seen.add(s);
  const report: CrawlReport = { visited: [], failures: [] };
  let pages = 0;

  while (queue.length && pages < MAX_PAGES) {
    const { path, depth, from } = queue.shift()!;
    const url = new URL(path, origin);
    const shape = shapeOf(url);
    const count = shapes.get(shape) ?? 0;
    if (count >= PER_SHAPE && depth > 0) continue;
    shapes.set(shape, count + 1);

    if (DOWNLOAD.test(url.pathname)) {
      const res = await page.request.get(url.href, { maxRedirects: 0 });
      report.visited.push(`${path} (download ${res.status()})`);
      if (res.status() >= 500) report.failures.push(`${res.status()} ${path} (linked from ${from})`);
      continue;
    }

    pages++;
    let status = 0;
    try {
      const res = await page.goto(url.href, { waitUntil: "load" });
      status = res?.status() ?? 0;
    } catch (error) {
      report.failures.push(`could not open ${path} (linked from ${from}): ${(error as Error).message.split("\n")[0]}`);
      continue;
    }
    report.visited.push(`${path} (${status})`);
    if (status >= 500) report.failures.push(`${status} ${path} (linked from ${from})`);
    // the page error (if any) is reported by browserSuite; the links on the page are followed anyway
    if (!(await settle(page, () => pageErrors))) report.failures.push(`never hydrated: ${path} (linked from ${from})`);

    if (depth >= MAX_DEPTH) continue;
    const hrefs = await page.$$eval("a[href]", (links) => links.map((a) => (a as HTMLAnchorElement).href));
    const here = new URL(page.url());
    for (const href of hrefs) {
      const next = followable(href, origin);
      if (!next || seen.has(next)) continue;
      // the page's own address with another fragment or the same query is not a new page
      if (next === here.pathname + here.search) continue;
      seen.add(next);
      queue.push({ path: next, depth: depth + 1, from: path });
    }
  }
  return report;
}

/** A visitor of each kind: nobody signed in, or a built user of that role. */
async function visitor(role: Role | "guest"): Promise<{ page: Page; starts: string[] }> {
  const page = await suite.page();
  if (role === "guest") return { page, starts: ["/", ...UNLINKED_SECTIONS] };
  const db = suite.database.db;
  // a resident who lives somewhere, so the pages for their kelurahan and RW have something to show
  const rw = await db.area.findFirst({ where: { level: "rw", parent: { level: "kelurahan" } }, orderBy: { id: "asc" } });
  const user = role === "resident" ? await aUser(db, { kelurahanId: rw?.parentId ?? null, rwId: rw?.id ?? null }) : await aStaffMember(db, role);
  await logIn(page, user);
  const starts = ["/", "/account", ...UNLINKED_SECTIONS, ...STAFF_MENUS.filter((m) => m.allowed({ id: user.id, role })).map((m) => m.path)];
  return { page, starts };
}

describe("every reachable page, with JavaScript on", () => {
  for (const role of ["guest", ...roles] as const) {
    it(`as ${role === "guest" ? "a guest" : /^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`}`, { timeout: 300_000 }, async () => {
      const { page, starts } = await visitor(role);
      const report = await crawl(page, starts);
      // the crawl reached more than its start pages (there is demo data to reach)
      expect(report.visited.length, report.visited.join("\n")).toBeGreaterThan(starts.length + 5);
      expect(report.failures, `${report.failures.join("\n")}\n\nvisited:\n${report.visited.join("\n")}`).toEqual([]);
    });
  }
});
