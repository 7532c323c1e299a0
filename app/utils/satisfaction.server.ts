// Satisfaction area helpers for routes: the kiosk device cookie, the period from the
// URL, and the list of periods offered by the period pickers.
import { createCookie } from "@remix-run/node";
import type { AppServices } from "~/context";
import { currentPeriod, formatPeriod, parsePeriod, recentPeriods, type Period } from "~/domain/periods";

export const KIOSK_COOKIE = "balai_kiosk";

/** Signed, HttpOnly: the tablet's device token (only its hash is in the database). A year; revocable on the server. */
export function kioskCookie(ctx: Pick<AppServices, "config">) {
  return createCookie(KIOSK_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    secure: ctx.config.production,
    path: "/",
    secrets: [ctx.config.sessionSecret],
    maxAge: 365 * 86_400,
  });
}

export async function kioskToken(request: Request, ctx: Pick<AppServices, "config">): Promise<string | null> {
  const value: unknown = await kioskCookie(ctx).parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

/** ?period=2025-Q1 (quarter, semester or year); the current quarter otherwise. */
export function periodFrom(request: Request, fallback: Period = currentPeriod("quarter")): Period {
  const p = parsePeriod(new URL(request.url).searchParams.get("period"));
  return p && p.kind !== "month" ? p : fallback;
}

/** Quarters, semesters and years to choose from (newest first), with the chosen one always in. */
export function periodChoices(chosen: Period, now = new Date()): string[] {
  const list = [...recentPeriods("quarter", 12, now), ...recentPeriods("semester", 4, now), ...recentPeriods("year", 3, now)].map(formatPeriod);
  const c = formatPeriod(chosen);
  return list.includes(c) ? list : [c, ...list];
}

/** ?service=<id> when it is a whole number. */
export function serviceFrom(request: Request): number | undefined {
  const raw = new URL(request.url).searchParams.get("service") ?? "";
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}
