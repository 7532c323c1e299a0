import { useRouteLoaderData } from "@remix-run/react";
import { defaultLocale, translator, type Locale, type Translate } from "./index";

interface RootI18nData {
  locale: Locale;
}

export function useLocale(): Locale {
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
