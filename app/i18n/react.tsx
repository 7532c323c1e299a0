import { useRouteLoaderData } from "@remix-run/react";
import { useSyncExternalStore } from "react";
import { defaultLocale, messagesVersion, subscribeMessages, translate, translator, type Locale, type MessageKey, type Translate } from "./index";

interface RootI18nData {
  locale: Locale;
}

/**
 * The reader's locale. Also re-renders the caller when the browser has loaded more
 * messages (a page's first render brings only the ones it used; see ./index).
 */
export function useLocale(): Locale {
  useSyncExternalStore(subscribeMessages, messagesVersion, () => 0);
  const data = useRouteLoaderData("root") as RootI18nData | undefined;
  return data?.locale ?? defaultLocale;
}

export function useT(): Translate {
  return translator(useLocale());
}

/** For `meta` functions: the locale from the root route's data. */
export function metaT(matches: { id: string; data: unknown }[]): Translate {
  const root = matches.find((m) => m.id === "root")?.data as RootI18nData | undefined;
  return translator(root?.locale ?? defaultLocale);
}

/**
 * Messages a component shows only after hydration (e.g. "connected" once a socket is up):
 * looking them up during the server render hands them to the browser with the page, so
 * the browser need not load the area's catalogue for them.
 */
export function useMessages(...keys: MessageKey[]): void {
  const locale = useLocale();
  if (typeof document === "undefined") for (const key of keys) translate(locale, key);
}
