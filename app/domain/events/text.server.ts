// An event's title and description in a reader's language. Most events carry the text staff typed;
// an event Balai creates itself (the deliberation's session) stores a message key and its parameters
// (JSON) beside the Indonesian text, and is shown in each reader's language. Staff editing the text
// clears the key: their words win.
import { z } from "zod";
import { isMessageKey, translate, type Locale, type MessageKey, type Params } from "~/i18n";

export interface EventText {
  title: string;
  description?: string;
  titleKey?: string | null;
  titleParams?: string | null;
  descriptionKey?: string | null;
  descriptionParams?: string | null;
}

/** The columns to select beside `title` / `description`. */
export const eventTextSelect = { titleKey: true, titleParams: true, descriptionKey: true, descriptionParams: true } as const;

const paramsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** A stored parameters column, validated; null when missing or malformed (the stored text is shown then). */
export function parseTextParams(json: string | null | undefined): Params | null {
  if (!json) return {};
  try {
    const parsed = paramsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The columns to store for a text Balai writes itself: the Indonesian text, its key and its parameters. */
function writtenText(key: MessageKey, params: Params): { text: string; key: string; params: string } {
  return { text: translate("id", key, params), key, params: JSON.stringify(params) };
}

/** An event's title and description as Balai writes them (message keys with one set of parameters): its columns. */
export function writtenEventText(titleKey: MessageKey, descriptionKey: MessageKey, params: Params) {
  const title = writtenText(titleKey, params);
  const description = writtenText(descriptionKey, params);
  return {
    title: title.text,
    titleKey: title.key,
    titleParams: title.params,
    description: description.text,
    descriptionKey: description.key,
    descriptionParams: description.params,
  };
}

function localized(stored: string, key: string | null | undefined, params: string | null | undefined, locale: Locale): string {
  if (!key || !isMessageKey(key)) return stored;
  const p = parseTextParams(params);
  return p ? translate(locale, key, p) : stored;
}

/** The event's title in `locale`. */
export function eventTitle(e: EventText, locale: Locale): string {
  return localized(e.title, e.titleKey, e.titleParams, locale);
}

/** The event's description in `locale`. */
export function eventDescription(e: EventText & { description: string }, locale: Locale): string {
  return localized(e.description, e.descriptionKey, e.descriptionParams, locale);
}

/** The event with its title (and description, if it has one) in `locale`. */
export function localizeEvent<T extends EventText>(e: T, locale: Locale): T {
  return {
    ...e,
    title: eventTitle(e, locale),
    ...(typeof e.description === "string" ? { description: eventDescription({ ...e, description: e.description }, locale) } : {}),
  };
}

/**
 * The event's title as a notification's parameters: `title` is the stored text; a title Balai wrote
 * itself also travels as its key and parameters, written in each recipient's language (localizeParams).
 */
export function titleMessageParams(e: EventText): Params {
  return e.titleKey && isMessageKey(e.titleKey) ? { title: e.title, titleKey: e.titleKey, titleParams: e.titleParams ?? "{}" } : { title: e.title };
}
