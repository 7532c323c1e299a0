// Both languages, completely: every page a guest, a resident and an administrator can reach
// (breadth first from the home page and the staff menus, same-site links, with the demo
// data) is fetched in English and in Indonesian, and its visible text may not contain a
// message that exists only in the other language's catalogue. Catches text written in one
// language in a component, and text Balai writes itself (notes, titles) frozen in one language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { allMessages, messageFileNames, messageFilesFor, type Locale, type MessageFile } from "~/i18n";
import { id as coreId } from "~/i18n/id";
import { aStaffMember, aUser } from "../../prisma/builders";
import { Client } from "../support/http";
import { projectRoot, startServer, type RunningServer } from "../support/server";

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

/** Which file holds each message: "core" (id.ts / en.ts) or an area's file (app/i18n/<file>.ts). */
async function messageFiles(): Promise<Map<string, MessageFile | "core">> {
  // every app/i18n/<file>.ts with messages, and each is one the browser can load
  const dir = path.join(projectRoot, "app/i18n");
  const files = readdirSync(dir)
    .filter((name) => /^[a-z]+\.ts$/.test(name) && /^export const messages = defineMessages\(/m.test(readFileSync(path.join(dir, name), "utf8")))
    .map((name) => name.slice(0, -3) as MessageFile);
  expect([...files].sort()).toEqual([...messageFileNames].sort());
  const fileOf = new Map<string, MessageFile | "core">(Object.keys(coreId).map((key) => [key, "core"]));
  for (const file of files) {
    const { messages } = (await import(`~/i18n/${file}.ts`)) as { messages: { id: Record<string, string> } };
    for (const key of Object.keys(messages.id)) fileOf.set(key, file);
  }
  return fileOf;
}

/** The messages a page was rendered with (the script its server render writes for the browser). */
function pageMessages(html: string): string[] {
  const json = /window\.__balaiMessages=(\{.*?\})<\/script>/.exec(html)?.[1];
  if (!json) return [];
  const payload = JSON.parse(json) as Record<string, Record<string, string>>;
  return Object.values(payload).flatMap((messages) => Object.keys(messages));
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

// A client-side navigation renders the next page as soon as its data is there; the browser has
// only the messages of the pages it saw, so the files the page needs are loaded with the data
// (messageFilesFor). A page that uses a file not listed there would show blank labels until it came.
describe("a client-side navigation", () => {
  it("loads with a page's data every message file the page uses", async () => {
    const fileOf = await messageFiles();
    expect(fileOf.get("aspirations.nav")).toBe("aspirations");
    expect(messageFilesFor("/aspirations/staff/inbox?page=2")).toContain("channels");
    const rendered: { name: string; path: string; keys: string[] }[] = [];
    for (const { name, client, starts } of visitors) {
      client.cookies.set("balai_lang", "id");
      for (const path of await crawl(client, starts)) {
        const keys = pageMessages(await (await client.get(path)).text());
        expect(keys.length, `${name} ${path} carries its messages`).toBeGreaterThan(0);
        rendered.push({ name, path, keys });
      }
    }
    // what every guest's page shows (the header, the footer) the browser has from the first page;
    // what a signed-in visitor's header adds must be in the core, which every navigation loads
    const guestPages = rendered.filter((page) => page.name === "guest");
    const layout = new Set(guestPages[0].keys.filter((key) => guestPages.every((page) => page.keys.includes(key))));
    expect(layout.has("aspirations.nav")).toBe(true);
    const problems: string[] = [];
    for (const { name, path, keys } of rendered) {
      const listed = new Set<string>(["core", ...messageFilesFor(path)]);
      const missing = [...new Set(keys.filter((key) => !layout.has(key)).map((key) => fileOf.get(key) ?? `? ${key}`))].filter((file) => !listed.has(file));
      if (missing.length) problems.push(`${name} ${path}: ${missing.join(", ")}`);
    }
    expect(problems, problems.join("\n")).toEqual([]);
  }, 300_000);
});
