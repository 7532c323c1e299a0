// The i18n layer: every user-facing string goes through `translate`.
// Core messages live in id.ts / en.ts; each product area keeps its own file
// (app/i18n/<area>.ts exporting `{ id, en }`), merged in catalog.server.ts.
//
// The server has every message. The browser does not download the catalogues: a page
// carries the messages its server render used (window.__balaiMessages, written by
// entry.server.tsx), and a message the browser needs later (another page, an error
// after a submit) makes it load that area's catalogue (one small chunk) and re-render.
import * as server from "./catalog.server";
import type { CatalogueKey } from "./catalog.server";
import "../server-stubs"; // browser: every server stub in this chunk (package.json "browser")

export const locales = ["id", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "id";
export type MessageKey = CatalogueKey;
export type Params = Record<string, string | number>;

type Dictionary = Partial<Record<MessageKey, string>>;

declare global {
  interface Window {
    __balaiMessages?: Partial<Record<Locale, Dictionary>>;
  }
}

/**
 * What this copy of the module knows: everything on the server; on the browser what the
 * page brought plus what was loaded since (filled in place, so not a fixed value there).
 */
const dictionaries: Record<Locale, Dictionary> = server.catalogues ?? { id: {}, en: {} };

// The page's messages come in a script at the end of the document, which may run after this
// module (module scripts can run before the parser is done): taken on first use.
// eslint-disable-next-line balai/no-module-state
let adopted = false;
function adoptPageMessages(): void {
  if (adopted || typeof window === "undefined" || !window.__balaiMessages) return;
  adopted = true;
  for (const locale of locales) Object.assign(dictionaries[locale], window.__balaiMessages[locale]);
}

/** The complete catalogues (server and tests only; undefined in the browser bundle). */
export const allMessages = server.catalogues as Record<Locale, Record<MessageKey, string>>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

const KEY_SHAPE = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9_-]+)+$/;

export function isMessageKey(value: unknown): value is MessageKey {
  if (typeof value !== "string") return false;
  // the browser has no full list of keys: anything shaped like a key is taken for one
  return server.catalogues ? value in server.catalogues.id : KEY_SHAPE.test(value);
}

// --- loading in the browser ---------------------------------------------------------

type AreaCatalogue = { messages: { id: Dictionary; en: Dictionary } };

/** The product areas' catalogue files (app/i18n/<file>.ts), each its own small chunk in the browser. */
const areaFiles = {
  events: () => import("./events"),
  agenda: () => import("./agenda"),
  aspirations: () => import("./aspirations"),
  discussions: () => import("./discussions"),
  qa: () => import("./qa"),
  polls: () => import("./polls"),
  satisfaction: () => import("./satisfaction"),
  services: () => import("./services"),
  queue: () => import("./queue"),
  channels: () => import("./channels"),
  jobs: () => import("./jobs"),
  accounts: () => import("./accounts"),
} satisfies Record<string, () => Promise<AreaCatalogue>>;
export type MessageFile = keyof typeof areaFiles;
/** Every area file's name (a test checks that each file in app/i18n with messages is here). */
export const messageFileNames = Object.keys(areaFiles) as MessageFile[];
const coreLoaders: Record<Locale, () => Promise<Dictionary>> = {
  id: () => import("./id").then((m) => m.id),
  en: () => import("./en").then((m) => m.en),
};

/**
 * The area files a page uses besides the core, by the start of its path (the longest that
 * matches): pages show other areas' messages too (an aspiration its agenda item, the event
 * page its Q&A, the staff desk its channels). A client-side navigation loads these with the
 * page's data, so no label waits for them; tests/integration/languages.test.ts crawls the
 * pages and fails when one uses a message from a file not listed for it.
 */
const PAGE_FILES: [prefix: string, files: MessageFile[]][] = [
  ["/", ["events"]],
  ["/events", ["events", "qa"]],
  ["/rsvp", ["events"]],
  ["/qa", ["qa", "polls"]],
  ["/discussions", ["discussions"]],
  ["/aspirations", ["aspirations", "agenda"]],
  ["/aspirations/staff", ["aspirations", "agenda", "channels"]],
  ["/agenda", ["agenda"]],
  ["/layanan", ["services", "queue"]],
  ["/layanan/kelola/kelas", ["services", "queue", "events"]], // digital classes are events
  ["/survei", ["satisfaction"]],
  ["/survei/kelola/misteri", ["satisfaction", "events"]], // the evidence photos' refusals are the photo checks' (events.photo.*)
  ["/kiosk", ["satisfaction"]],
  ["/account", ["events", "channels", "agenda"]], // agenda: the residency check for deliberation votes
  ["/admin", ["discussions", "channels", "services", "jobs"]],
  ["/admin/users/reset", ["accounts"]],
  ["/forgot-password", ["accounts"]],
  ["/reset-password", ["accounts"]],
];

/** The area files (besides the core) that the page at this path uses. */
export function messageFilesFor(path: string): MessageFile[] {
  const pathname = path.split(/[?#]/)[0];
  let best: (typeof PAGE_FILES)[number] | undefined;
  for (const entry of PAGE_FILES) {
    const [prefix] = entry;
    const matches = prefix === "/" ? pathname === "/" : pathname === prefix || pathname.startsWith(`${prefix}/`);
    if (matches && (!best || prefix.length > best[0].length)) best = entry;
  }
  return best?.[1] ?? [];
}

// Browser-only bookkeeping of chunks already asked for, and who to tell when one arrives
// (the server never loads anything: its catalogues are complete).
// eslint-disable-next-line balai/no-module-state
const loading = new Map<string, Promise<void>>();
// eslint-disable-next-line balai/no-module-state
const listeners = new Set<() => void>();
// eslint-disable-next-line balai/no-module-state
let version = 0;

function loadOnce(name: string, load: () => Promise<void>): Promise<void> {
  let promise = loading.get(name);
  if (!promise) {
    promise = load()
      .then(() => {
        version++;
        for (const listener of [...listeners]) listener();
      })
      .catch(() => {
        loading.delete(name); // offline: try again next time
      });
    loading.set(name, promise);
  }
  return promise;
}

function loadCore(locale: Locale): Promise<void> {
  return loadOnce(`core.${locale}`, async () => {
    Object.assign(dictionaries[locale], await coreLoaders[locale]());
  });
}

function isMessageFile(name: string): name is MessageFile {
  return Object.prototype.hasOwnProperty.call(areaFiles, name);
}

function loadArea(file: MessageFile): Promise<void> {
  return loadOnce(file, async () => {
    const { messages } = await areaFiles[file]();
    for (const locale of locales) Object.assign(dictionaries[locale], messages[locale]);
  });
}

/** Loads what a message needs: its area's file, else the core, else every area (areas.ts). */
function requestMessage(locale: Locale, key: string): void {
  const area = key.slice(0, key.indexOf("."));
  const first = isMessageFile(area) ? loadArea(area) : loadCore(locale);
  void first.then(() => {
    if (key in dictionaries[locale]) return;
    // a key outside its prefix's file (e.g. "nav.events" lives in events.ts)
    void loadOnce("all", async () => {
      const { areaId, areaEn } = await import("./areas");
      Object.assign(dictionaries.id, areaId);
      Object.assign(dictionaries.en, areaEn);
    });
  });
}

/**
 * Loads the messages a page of this path uses (the core and its area files): the browser's
 * data requests wait for it (app/entry.client.tsx), so a page never renders before its labels.
 */
export function preloadMessagesFor(pathname: string, locale: Locale): Promise<void> {
  if (server.catalogues) return Promise.resolve();
  return Promise.all([loadCore(locale), ...messageFilesFor(pathname).map(loadArea)]).then(() => undefined);
}

/**
 * Makes the browser's data requests wait for the messages of the page they are for. Remix fetches
 * a route's data with one `….data` request per navigation (or submission) and renders the page
 * when it has arrived: that request now answers once the page's message files (messageFilesFor)
 * have loaded too, fetched together with the data, so no label of the next page is ever blank.
 * Called once after hydration (root's Layout); returns the undo.
 */
export function loadMessagesWithData(): () => void {
  const fetchNow = window.fetch;
  window.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    const lang = document.documentElement.lang;
    if (url.origin !== window.location.origin || !url.pathname.endsWith(".data") || !isLocale(lang)) return fetchNow(input, init);
    const page = url.pathname === "/_root.data" ? "/" : url.pathname.slice(0, -".data".length);
    const [response] = await Promise.all([fetchNow(input, init), preloadMessagesFor(page, lang)]);
    return response;
  };
  return () => {
    window.fetch = fetchNow;
  };
}

/** For React: subscribe to loaded catalogues (see useLocale in ./react). */
export function subscribeMessages(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export function messagesVersion(): number {
  return version;
}

// --- translating --------------------------------------------------------------------

const intlLocale: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

// A memo of pure values (built from the locale alone), like the date formatters below.
// eslint-disable-next-line balai/no-module-state
const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(intlLocale[locale])));
  return rules.select(count);
}

/**
 * ICU-lite plurals: `{count, plural, =0 {no one} one {# resident} other {# residents}}`.
 * The form is chosen with Intl.PluralRules of the locale (`=N` forms first); `#` is the number.
 */
function plurals(locale: Locale, template: string, params: Params): string {
  let out = "";
  let i = 0;
  const opener = /\{(\w+),\s*plural,/g;
  for (let m = opener.exec(template); m; m = opener.exec(template)) {
    // find the matching closing brace
    let depth = 1;
    let j = m.index + m[0].length;
    for (; j < template.length && depth > 0; j++) {
      if (template[j] === "{") depth++;
      else if (template[j] === "}") depth--;
    }
    const body = template.slice(m.index + m[0].length, j - 1);
    const forms = new Map<string, string>();
    const form = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/g;
    for (let f = form.exec(body); f; f = form.exec(body)) {
      let d = 1;
      let k = f.index + f[0].length;
      for (; k < body.length && d > 0; k++) {
        if (body[k] === "{") d++;
        else if (body[k] === "}") d--;
      }
      forms.set(f[1], body.slice(f.index + f[0].length, k - 1));
      form.lastIndex = k;
    }
    const n = Number(params[m[1]]);
    const chosen = forms.get(`=${n}`) ?? forms.get(Number.isFinite(n) ? pluralCategory(locale, n) : "other") ?? forms.get("other") ?? "";
    out += template.slice(i, m.index) + chosen.replace(/#/g, String(params[m[1]]));
    i = j;
    opener.lastIndex = j;
  }
  return out + template.slice(i);
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  server.noteMessage?.(locale, key);
  if (!server.catalogues) adoptPageMessages();
  let template = dictionaries[locale][key];
  if (template === undefined) {
    if (!server.catalogues) {
      requestMessage(locale, key);
      return "";
    }
    template = dictionaries[defaultLocale][key] ?? key;
  }
  if (!params) return template;
  const withPlurals = template.includes(", plural,") ? plurals(locale, template, params) : template;
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

export const TIME_ZONE = "Asia/Jakarta";

// Building an Intl.DateTimeFormat costs far more than using one: keep them. A memo of
// pure values, not state: a second copy of this module would hold the same formatters.
// eslint-disable-next-line balai/no-module-state
const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(date: Date, locale: Locale, options: Intl.DateTimeFormatOptions) {
  const key = locale + JSON.stringify(options);
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale[locale], { timeZone: TIME_ZONE, ...options });
    formatters.set(key, formatter);
  }
  const map: Record<string, string> = {};
  for (const p of formatter.formatToParts(date)) {
    map[p.type] = p.value;
  }
  return map;
}

/** "Sabtu, 14 Juni 2025" */
export function formatDate(date: Date, locale: Locale): string {
  const p = parts(date, locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
}

/** "09.00 WIB" (Indonesian uses a dot), "09:00 WIB" in English */
export function formatTime(date: Date, locale: Locale): string {
  const p = parts(date, locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${p.hour}${locale === "id" ? "." : ":"}${p.minute} WIB`;
}

/** "Sabtu, 14 Juni 2025, 09.00 WIB" */
export function formatDateTime(date: Date, locale: Locale): string {
  return `${formatDate(date, locale)}, ${formatTime(date, locale)}`;
}

/** "14 Jun 2025" */
export function formatShortDate(date: Date, locale: Locale): string {
  const p = parts(date, locale, { day: "numeric", month: "short", year: "numeric" });
  return `${p.day} ${p.month} ${p.year}`;
}
