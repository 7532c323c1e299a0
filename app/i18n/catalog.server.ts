// The complete catalogues, for the server only. The browser build replaces this module with an
// empty one (the `.server` suffix): pages receive just the messages their first render used (see
// `messagesScript`), and the browser loads one area's catalogue when it needs a message it lacks.
import { AsyncLocalStorage } from "node:async_hooks";
import { en as coreEn } from "./en";
import { id as coreId } from "./id";
import { areaEn, areaId } from "./areas";

const id = { ...coreId, ...areaId };
const en: Record<keyof typeof id, string> = { ...coreEn, ...areaEn };

export type CatalogueKey = keyof typeof id;
export const catalogues = { id, en } as const;

/** The messages one server render looked up, per locale: what the browser needs to hydrate. */
export type UsedMessages = Map<"id" | "en", Set<string>>;

// One recorder per render, carried by async context (each request has its own store).
const recorder = new AsyncLocalStorage<UsedMessages>();

export function noteMessage(locale: "id" | "en", key: string): void {
  const used = recorder.getStore();
  if (!used) return;
  let keys = used.get(locale);
  if (!keys) used.set(locale, (keys = new Set()));
  keys.add(key);
}

/** Runs `render` while recording every message it (and what it schedules) translates. */
export function recordMessages<T>(render: () => T): { result: T; used: UsedMessages } {
  const used: UsedMessages = new Map();
  return { result: recorder.run(used, render), used };
}

/** `<script>` that hands the recorded messages to the browser before the app's modules run. */
export function messagesScript(used: UsedMessages, nonce: string): string {
  const payload: Record<string, Record<string, string>> = {};
  for (const [locale, keys] of used) {
    const dictionary = catalogues[locale] as Record<string, string>;
    const messages: Record<string, string> = {};
    for (const key of [...keys].sort()) if (key in dictionary) messages[key] = dictionary[key];
    payload[locale] = messages;
  }
  // "<" escaped so that no message can close the script element
  const json = JSON.stringify(payload)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `<script nonce="${nonce}">window.__balaiMessages=${json}</script>`;
}
