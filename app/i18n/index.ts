// The i18n layer: every user-facing string goes through `translate`.
// Core messages live in id.ts / en.ts; each product area keeps its own file
// (app/i18n/<area>.ts exporting `{ id, en }`) and is merged here.
import { en as coreEn } from "./en";
import { id as coreId } from "./id";
import { areaEn, areaId } from "./areas";

const id = { ...coreId, ...areaId };
const en: Record<keyof typeof id, string> = { ...coreEn, ...areaEn };

export const locales = ["id", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "id";
export type MessageKey = keyof typeof id;
export type Params = Record<string, string | number>;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { id, en };
export const allMessages = dictionaries;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && value in id;
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = dictionaries[locale][key] ?? dictionaries[defaultLocale][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

export const TIME_ZONE = "Asia/Jakarta";

const intlLocale: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

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
