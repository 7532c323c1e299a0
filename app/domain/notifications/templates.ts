// What a message says on each channel, in the recipient's language: an e-mail
// (subject, plain text, HTML), a short text for SMS and WhatsApp, always with an
// absolute link built from PUBLIC_URL. Pure functions, unit-tested.
import { formatDateTime, isMessageKey, translate, type Locale, type MessageKey, type Params } from "~/i18n";

export const SUBJECT_MAX = 78;
export const SMS_MAX = 160;

export interface Rendered {
  subject: string;
  text: string;
  html: string;
  /** SMS / WhatsApp: short text and the link */
  short: string;
  /** the absolute link, if any */
  url?: string;
}

/** Cuts at a word boundary (never mid-word) and marks the cut with "…". */
export function fitText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(" ");
  const cut = lastSpace > max / 3 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,.;:–-]+$/, "")}…`;
}

/** An absolute link from PUBLIC_URL (or the origin of the request in development). */
export function absoluteUrl(publicUrl: string | undefined, link: string | null | undefined): string | undefined {
  if (!link) return undefined;
  if (/^https?:\/\//.test(link)) return link;
  const base = (publicUrl ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${link.startsWith("/") ? link : `/${link}`}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;

/**
 * Instants travel in a message's parameters as ISO text ("2026-12-14T02:00:00.000Z")
 * and are written in the reader's language, in WIB, only when the message is shown:
 * an English reader gets "Saturday, 14 December 2026, 09:00 WIB", not the Indonesian.
 */
export function localizeParams(locale: Locale, params: Params): Params {
  const localized = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === "string" && ISO_INSTANT.test(v) ? formatDateTime(new Date(v), locale) : v]),
  );
  // a note Balai wrote itself comes as its message key (and the other parameters): written here
  const noteKey = params.noteKey;
  if (isMessageKey(noteKey)) localized.note = translate(locale, noteKey, localized);
  // an event title Balai wrote itself (titleMessageParams): its key and its parameters as JSON
  const titleKey = params.titleKey;
  const titleParams = typeof params.titleParams === "string" ? jsonParams(params.titleParams) : null;
  if (isMessageKey(titleKey) && titleParams) localized.title = translate(locale, titleKey, titleParams);
  return localized;
}

/** A JSON object of message parameters (strings and numbers), or null. Plain checks: no zod in browser code. */
function jsonParams(json: string): Params | null {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== "object" || Array.isArray(value)) return null;
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.every(([, v]) => typeof v === "string" || typeof v === "number") ? (Object.fromEntries(entries) as Params) : null;
  } catch {
    return null;
  }
}

/** Templates share one subject/short text per family (every status change is "aspirations.status"). */
function familyOf(templateKey: string): string {
  return templateKey.startsWith("aspirations.notify.status.") ? "aspirations.status" : templateKey;
}

function paramsWithStatus(locale: Locale, templateKey: string, params: Params): Params {
  if (!templateKey.startsWith("aspirations.notify.status.")) return params;
  const status = templateKey.slice("aspirations.notify.status.".length);
  const key = `aspirations.status.${status}`;
  return { ...params, status: isMessageKey(key) ? translate(locale, key) : status };
}

function optional(locale: Locale, key: string, params: Params): string | undefined {
  return isMessageKey(key) ? translate(locale, key, params) : undefined;
}

export interface TemplateInput {
  locale: Locale;
  templateKey: string;
  params: Params;
  link?: string | null;
  publicUrl?: string;
  /** a person with an account (the footer links to their preferences) or a guest */
  guest?: boolean;
}

export function renderMessage(input: TemplateInput): Rendered {
  const { locale, templateKey } = input;
  const params = paramsWithStatus(locale, templateKey, localizeParams(locale, input.params));
  const family = familyOf(templateKey);
  const body = isMessageKey(templateKey) ? translate(locale, templateKey as MessageKey, params) : templateKey;
  const url = absoluteUrl(input.publicUrl, input.link);
  const subjectText = optional(locale, `channels.subject.${family}`, params) ?? fitText(body, SUBJECT_MAX - 7);
  const subject = fitText(`Balai: ${subjectText}`, SUBJECT_MAX);
  const footer = input.guest
    ? translate(locale, "channels.mail.footerGuest")
    : translate(locale, "channels.mail.footer", { url: absoluteUrl(input.publicUrl, "/account/notifications")! });
  const text = [body, url, "--", footer].filter(Boolean).join("\n\n");
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:sans-serif;font-size:16px;line-height:1.5;color:#111">` +
    `<p>${escapeHtml(body)}</p>` +
    (url
      ? `<p><a href="${escapeHtml(url)}">${escapeHtml(translate(locale, "channels.mail.open"))}</a><br><span style="color:#555">${escapeHtml(url)}</span></p>`
      : "") +
    `<hr><p style="font-size:13px;color:#555">${escapeHtml(footer)}</p></body></html>`;
  const shortText = optional(locale, `channels.short.${family}`, params) ?? `Balai: ${body}`;
  const room = SMS_MAX - (url ? url.length + 1 : 0);
  const short = [fitText(shortText, Math.max(40, room)), url].filter(Boolean).join(" ");
  return { subject, text, html, short, url };
}

/** A day's digest in one e-mail. */
export function renderDigest(locale: Locale, items: Rendered[], publicUrl?: string): Omit<Rendered, "short"> {
  const subject = fitText(`${translate(locale, "channels.digest.subject", { count: items.length })}`, SUBJECT_MAX);
  const footer = translate(locale, "channels.mail.footer", { url: absoluteUrl(publicUrl, "/account/notifications")! });
  const lines = items.map((i) => `- ${i.text.split("\n\n")[0]}${i.url ? `\n  ${i.url}` : ""}`);
  const text = [translate(locale, "channels.digest.intro"), lines.join("\n"), "--", footer].join("\n\n");
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif">` +
    `<p>${escapeHtml(translate(locale, "channels.digest.intro"))}</p><ul>` +
    items.map((i) => `<li>${escapeHtml(i.text.split("\n\n")[0])}${i.url ? ` <a href="${escapeHtml(i.url)}">${escapeHtml(i.url)}</a>` : ""}</li>`).join("") +
    `</ul><hr><p style="font-size:13px;color:#555">${escapeHtml(footer)}</p></body></html>`;
  return { subject, text, html };
}
