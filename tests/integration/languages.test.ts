// Both languages, completely: every page a guest, a resident and an administrator can reach
// (breadth first from the home page and the staff menus, same-site links, with the demo
// data) is fetched in English and in Indonesian, and its visible text may not contain a
// message that exists only in the other language's catalogue. Catches text written in one
// language in a component, and text Balai writes itself (notes, titles) frozen in one language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { allMessages, type Locale } from "~/i18n";
import { aStaffMember, aUser } from "../../prisma/builders";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

const MAX_PAGES = 90;
const PER_SHAPE = 2;
const START = ["/", "/events", "/qa", "/discussions", "/aspirations", "/aspirations/report", "/agenda", "/layanan"];
const STAFF = ["/events/manage", "/discussions/moderation", "/aspirations/staff", "/admin/users", "/admin/categories", "/layanan/kelola"];

/**
 * The phrases of one language's catalogue that the other language never uses: the fixed parts
 * of each message (placeholders cut out), several words long, found in no message of the
 * other language and no other-language phrase contains them (names like "Ngopi Dursa" are shared).
 */
function onlyIn(locale: Locale): { phrase: string; key: string }[] {
  const other = locale === "id" ? "en" : "id";
  const otherText = Object.values(allMessages[other]).join("\n");
  const found: { phrase: string; key: string }[] = [];
  for (const [key, value] of Object.entries(allMessages[locale])) {
    if (value === allMessages[other][key as keyof (typeof allMessages)["id"]]) continue;
    // hints quote example content ("Saluran air tersumbat di Jl. …"), which demo data may contain
    if (/hint|placeholder|example/i.test(key)) continue;
    for (const part of value.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|[()·:;|]/)) {
      const phrase = part.trim().replace(/[.,!?…]+$/, "");
      // four words at least: shorter phrases ("hari yang sama") and names occur in content too
      if (phrase.length < 16 || phrase.split(/\s+/).length < 4) continue;
      if (otherText.includes(phrase)) continue;
      found.push({ phrase, key });
    }
  }
  return found;
}

function visibleText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
    .replace(/<style\b[\s\S]*?<\/style>/gi, " ")
    .replace(/<(?:[^>"']|"[^"]*"|'[^']*')*>/g, (tag) => {
      // what a reader (or a screen reader) gets from attributes
      const attrs = [...tag.matchAll(/\b(?:alt|title|aria-label|placeholder|value)="([^"]*)"/g)].map((m) => m[1]);
      return ` ${attrs.join(" ")} `;
    })
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/\s+/g, " ");
}

const shape = (path: string) =>
  path
    .split("?")[0]
    .replace(/\d+/g, "#")
    .replace(/\/[A-Z0-9]{4}-[A-Z0-9]{4}/g, "/CODE")
    .replace(/\/[A-Z0-9]{5,8}(?=\/|$)/g, "/CODE");

async function crawl(client: Client, starts: string[]): Promise<string[]> {
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const queue = [...starts];
  const pages: string[] = [];
  while (queue.length && pages.length < MAX_PAGES) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const count = shapes.get(shape(path)) ?? 0;
    if (count >= PER_SHAPE) continue;
    shapes.set(shape(path), count + 1);
    const res = await client.get(path);
    if (!(res.headers.get("content-type") ?? "").includes("text/html") || res.status >= 300) continue;
    const html = await res.text();
    pages.push(path);
    for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const href = m[1].replace(/&amp;/g, "&");
      if (/\.(csv|ics|json|png|svg|jpe?g|webp|css|js)(\?|$)|^\/(build|images|logout|webhooks)|[?&]lang=/.test(href)) continue;
      if (/\/(export|kertas|cetak|print|display|screen)\b/.test(href)) continue; // print and big-screen views: visited from their own tests
      if (!seen.has(href)) queue.push(href);
    }
  }
  return pages;
}

let server: RunningServer;
let database: Database;
const visitors: { name: string; client: Client; starts: string[] }[] = [];

beforeAll(async () => {
  server = await startServer();
  database = await openDatabase(server.databaseUrl);
  const guest = new Client(server.url);
  const resident = await aUser(database.db);
  const admin = await aStaffMember(database.db, "admin");
  const residentClient = new Client(server.url);
  await residentClient.login(resident.identifier, resident.password);
  const adminClient = new Client(server.url);
  await adminClient.login(admin.identifier, admin.password);
  visitors.push(
    { name: "guest", client: guest, starts: START },
    { name: "resident", client: residentClient, starts: [...START, "/account", "/notifications"] },
  );
  visitors.push({ name: "admin", client: adminClient, starts: [...START, ...STAFF] });
}, 120_000);

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

describe.each([
  ["en", "id"],
  ["id", "en"],
] as const)("pages in %s", (locale, other) => {
  it(`show no text that only the ${other} catalogue has`, async () => {
    const foreign = onlyIn(other);
    expect(foreign.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const { name, client, starts } of visitors) {
      client.cookies.set("balai_lang", locale);
      const pages = await crawl(client, starts);
      expect(pages.length, `${name} reached too few pages`).toBeGreaterThan(8);
      for (const path of pages) {
        const res = await client.get(path);
        const text = visibleText(await res.text());
        for (const { phrase, key } of foreign) {
          if (text.includes(phrase)) problems.push(`${name} ${path}: "${phrase}" (${key})`);
        }
      }
    }
    expect([...new Set(problems)], [...new Set(problems)].join("\n")).toEqual([]);
  }, 300_000);
});
