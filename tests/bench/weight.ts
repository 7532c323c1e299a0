// npm run bench:weight [-- --width 390 --budget 100 --json out.json]
//
// Builds the app, starts the real server in its own process (fresh database with the
// demo data), then loads each public page in Chromium (playwright-core, as the browser
// tests launch it) with an empty cache, JavaScript on, and prints per page the bytes
// that went over the wire (compressed, bodies only) for HTML, JavaScript, CSS, images
// and fonts, and the number of requests; then the largest page. Pages whose address
// depends on the data (an event, a topic, an aspiration, …) are found by following the
// first matching link of a list page. Exits 1 when a page is over the JavaScript budget.
import { writeFileSync } from "node:fs";
import { chromium, type Page, type Request } from "playwright-core";
import buildApp from "../support/build";
import { startServer } from "../support/server";

// as tests/e2e/support.ts launches it (that module imports vitest, so not imported here)
const launchBrowser = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const WIDTH = Number(arg("width", "390"));
const BUDGET_KB = Number(arg("budget", "100"));
const JSON_OUT = arg("json", "");
const VERBOSE = args.includes("--verbose");
const ONLY = arg("only", "");

/** A fixed page, or the first link of `from` whose path matches `pattern`. */
type Target = { name: string; path: string } | { name: string; from: string; pattern: RegExp; suffix?: string };

const TARGETS: Target[] = [
  { name: "home", path: "/" },
  { name: "login", path: "/login" },
  { name: "signup", path: "/signup" },
  { name: "events", path: "/events" },
  { name: "events (calendar)", path: "/events?view=calendar" },
  { name: "event", from: "/events", pattern: /^\/events\/\d+$/ },
  { name: "event Q&A", from: "/events", pattern: /^\/events\/\d+$/, suffix: "/qa" },
  { name: "qa (join)", path: "/qa" },
  { name: "qa session", from: "/__qa__", pattern: /^\/qa\/[A-Z0-9]+$/ },
  { name: "qa projector", from: "/__qa__", pattern: /^\/qa\/[A-Z0-9]+$/, suffix: "/screen" },
  { name: "discussions", path: "/discussions" },
  { name: "discussion", from: "/discussions", pattern: /^\/discussions\/\d+$/ },
  { name: "aspirations", path: "/aspirations" },
  { name: "aspiration", from: "/aspirations", pattern: /^\/aspirations\/[A-Z0-9-]{6,}$/ },
  { name: "aspiration (new)", path: "/aspirations/new" },
  { name: "aspiration (track)", path: "/aspirations/track" },
  { name: "follow-up report", path: "/aspirations/report" },
  { name: "agenda", path: "/agenda" },
  { name: "services", path: "/layanan" },
  { name: "service", from: "/layanan", pattern: /^\/layanan\/(?!kelola|unit|data)[a-z0-9-]+$/ },
];

const KINDS = ["html", "js", "css", "img", "font", "other"] as const;
type Kind = (typeof KINDS)[number];
interface Row {
  name: string;
  path: string;
  bytes: Record<Kind, number>;
  requests: number;
}

function kindOf(request: Request): Kind {
  switch (request.resourceType()) {
    case "document":
      return "html";
    case "script":
      return "js";
    case "stylesheet":
      return "css";
    case "image":
      return "img";
    case "font":
      return "font";
    default:
      return /\.js(\?|$)/.test(request.url()) ? "js" : "other";
  }
}

async function firstLink(base: string, from: string, pattern: RegExp): Promise<string | null> {
  const html = await (await fetch(base + from)).text();
  for (const m of html.matchAll(/href="([^"#?]+)"/g)) {
    const href = m[1].replace(/&amp;/g, "&");
    if (pattern.test(href)) return href;
  }
  return null;
}

async function measure(page: Page, url: string): Promise<Omit<Row, "name" | "path">> {
  const requests: Request[] = [];
  page.on("requestfinished", (r) => requests.push(r));
  page.on("requestfailed", (r) => requests.push(r));
  await page.goto(url, { waitUntil: "load" });
  // let hydration, lazy chunks and sockets settle (Socket.IO keeps a connection open,
  // so "network idle" may never come)
  await page.waitForLoadState("networkidle", { timeout: 4000 }).catch(() => undefined);
  await page.waitForTimeout(500);
  const bytes = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  for (const request of requests) {
    const sizes = await request.sizes().catch(() => null);
    bytes[kindOf(request)] += Math.max(0, sizes?.responseBodySize ?? 0);
    if (VERBOSE)
      console.log(`  ${kindOf(request).padEnd(5)} ${String(sizes?.responseBodySize ?? 0).padStart(7)}  ${request.url().replace(/^https?:\/\/[^/]+/, "")}`);
  }
  return { bytes, requests: requests.length };
}

const kb = (n: number) => (n / 1024).toFixed(1);

async function main() {
  if (!process.env.BALAI_BENCH_SKIP_BUILD) {
    process.stdout.write("building… ");
    buildApp();
    console.log("done");
  }
  const [server, browser] = await Promise.all([startServer({ env: { NODE_ENV: "test" } }), launchBrowser()]);
  const rows: Row[] = [];
  try {
    // the demo's Q&A sessions are linked from their events' Q&A pages
    const qaLinks = async () => {
      const event = await firstLink(server.url, "/events", /^\/events\/\d+$/);
      const html = event ? await (await fetch(`${server.url}${event}/qa`)).text() : "";
      const events = [...(await (await fetch(`${server.url}/events`)).text()).matchAll(/href="(\/events\/\d+)"/g)].map((m) => m[1]);
      let found = html.match(/href="(\/qa\/[A-Z0-9]+)"/)?.[1] ?? null;
      for (const e of events) {
        if (found) break;
        found = (await (await fetch(`${server.url}${e}/qa`)).text()).match(/href="(\/qa\/[A-Z0-9]+)"/)?.[1] ?? null;
      }
      return found;
    };
    for (const target of TARGETS.filter((t) => !ONLY || t.name === ONLY)) {
      let path: string | null;
      if ("path" in target) path = target.path;
      else {
        const link = target.from === "/__qa__" ? await qaLinks() : await firstLink(server.url, target.from, target.pattern);
        path = link ? link + (target.suffix ?? "") : null;
      }
      if (!path) {
        console.log(`(skipped ${target.name}: no link found on ${"from" in target ? target.from : ""})`);
        continue;
      }
      const context = await browser.newContext({ viewport: { width: WIDTH, height: 800 }, locale: "id-ID" });
      const page = await context.newPage();
      try {
        rows.push({ name: target.name, path, ...(await measure(page, server.url + path)) });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  const header = ["page", "path", "HTML", "JS", "CSS", "images", "fonts", "other", "total", "requests"];
  const lines = rows.map((r) => {
    const total = KINDS.reduce((s, k) => s + r.bytes[k], 0);
    return [r.name, r.path, ...KINDS.map((k) => kb(r.bytes[k])), kb(total), String(r.requests)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(`\nCompressed bytes (KB) per page at ${WIDTH} px, empty cache, JavaScript on:\n`);
  console.log(fmt(header));
  for (const l of lines) console.log(fmt(l));
  const largest = rows.reduce((a, b) => (b.bytes.js > a.bytes.js ? b : a), rows[0]);
  const heaviest = rows.reduce((a, b) => (KINDS.reduce((s, k) => s + b.bytes[k], 0) > KINDS.reduce((s, k) => s + a.bytes[k], 0) ? b : a), rows[0]);
  console.log(`\nlargest JavaScript: ${largest.name} (${largest.path}) ${kb(largest.bytes.js)} KB in ${largest.requests} requests`);
  console.log(`largest page: ${heaviest.name} (${heaviest.path}) ${kb(KINDS.reduce((s, k) => s + heaviest.bytes[k], 0))} KB`);
  const maxRequests = Math.max(...rows.map((r) => r.requests));
  console.log(`requests: ${Math.min(...rows.map((r) => r.requests))}–${maxRequests}`);
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(rows, null, 2));
  const over = rows.filter((r) => r.bytes.js > BUDGET_KB * 1024);
  if (over.length) {
    console.log(`\nover the ${BUDGET_KB} KB JavaScript budget: ${over.map((r) => r.name).join(", ")}`);
    process.exitCode = 1;
  } else console.log(`\nevery page within the ${BUDGET_KB} KB JavaScript budget`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
