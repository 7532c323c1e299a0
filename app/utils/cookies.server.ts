import { createCookie } from "@remix-run/node";
import type { AppServices } from "~/context";

export const SESSION_COOKIE = "balai_session";
export const LANG_COOKIE = "balai_lang";
export const CSRF_COOKIE = "balai_csrf";

type Ctx = Pick<AppServices, "config">;

export function sessionCookie(ctx: Ctx) {
  return createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    secure: ctx.config.production,
    path: "/",
    secrets: [ctx.config.sessionSecret],
    maxAge: 30 * 86_400,
  });
}

export function flashCookie(ctx: Ctx) {
  return createCookie("balai_flash", {
    httpOnly: true,
    sameSite: "lax",
    secure: ctx.config.production,
    path: "/",
    secrets: [ctx.config.sessionSecret],
  });
}
