import { defaultLocale, isLocale, type Locale } from "~/i18n";
import { LANG_COOKIE } from "./cookies.server";

/** ?lang= first (the server also remembers it in a cookie), then the cookie, then Indonesian. */
export function getLocale(request: Request): Locale {
  const q = new URL(request.url).searchParams.get("lang");
  if (isLocale(q)) return q;
  const match = request.headers.get("Cookie")?.match(new RegExp(`(?:^|;\\s*)${LANG_COOKIE}=(\\w+)`));
  return match && isLocale(match[1]) ? match[1] : defaultLocale;
}
