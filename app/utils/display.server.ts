// The reader's display settings (larger text, high contrast): a cookie, so they last without
// an account and work without JavaScript (a plain link sets them, like the language switch).
export const DISPLAY_COOKIE = "balai_display";

export interface Display {
  largeText: boolean;
  highContrast: boolean;
}

export function getDisplay(request: Request): Display {
  const value = request.headers.get("Cookie")?.match(new RegExp(`(?:^|;\\s*)${DISPLAY_COOKIE}=([\\w-]*)`))?.[1] ?? "";
  const flags = new Set(value.split("-"));
  return { largeText: flags.has("large"), highContrast: flags.has("contrast") };
}

export function displayCookie(display: Display, secure: boolean): string {
  const value = [display.largeText && "large", display.highContrast && "contrast"].filter(Boolean).join("-");
  const attributes = ["Path=/", "SameSite=Lax", value ? `Max-Age=${365 * 86_400}` : "Max-Age=0", ...(secure ? ["Secure"] : [])];
  return `${DISPLAY_COOKIE}=${value}; ${attributes.join("; ")}`;
}

/** Classes of <html>: app.css enlarges the type and raises the contrast from them. */
export function displayClasses(display: Display): string | undefined {
  return [display.largeText && "text-large", display.highContrast && "contrast-high"].filter(Boolean).join(" ") || undefined;
}

/** Where to go back to: a path of this site only (never another origin). */
export function safeBack(value: string | null): string {
  return value && /^\/(?![/\\])/.test(value) ? value : "/";
}
