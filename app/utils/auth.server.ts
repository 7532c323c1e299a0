// Who is asking: the session cookie -> the database session -> the user.
import { redirect } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import type { AppServices } from "~/context";
import { getCurrentUser, type CurrentUser } from "~/domain/accounts/accounts.server";
import type { Actor } from "~/domain/accounts/roles";
import { createSession, revokeSession, sessionUserId } from "~/domain/accounts/sessions.server";
import { sessionCookie } from "./cookies.server";
import { setFlash } from "./flash.server";

async function load(request: Request, ctx: AppServices) {
  const sessionId: unknown = await sessionCookie(ctx).parse(request.headers.get("Cookie"));
  if (!sessionId || typeof sessionId !== "string") return { user: null, sessionId: null };
  const userId = await sessionUserId(ctx.db, sessionId);
  const user = userId ? await getCurrentUser(ctx.db, userId) : null;
  return { user, sessionId: user ? sessionId : null };
}

/** Looked up once per request: the load context is made anew for every request. */
function current(request: Request, ctx: AppServices) {
  return (ctx.requestMemo.auth ??= load(request, ctx));
}

export async function getUser(request: Request, ctx: AppServices): Promise<CurrentUser | null> {
  return (await current(request, ctx)).user;
}

export async function getSessionId(request: Request, ctx: AppServices): Promise<string | null> {
  return (await current(request, ctx)).sessionId;
}

const SITE = "http://balai.invalid";

/**
 * Only paths on this site: never an open redirect. The target is parsed the way a
 * browser parses it (which drops tabs and newlines and reads "\\" as "/"), and only
 * a result on the site's own origin is accepted.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(to, SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== SITE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

export async function requireUser(request: Request, ctx: AppServices): Promise<CurrentUser> {
  const user = await getUser(request, ctx);
  if (!user) {
    const url = new URL(request.url);
    const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
    throw redirect(`/login?${params}`, { headers: { "Set-Cookie": await setFlash(ctx, { key: "auth.login.required" }) } });
  }
  // a temporary password from the counter: nothing else until a new one is chosen
  if (user.mustChangePassword && new URL(request.url).pathname !== CHANGE_PASSWORD_PATH) {
    throw redirect(CHANGE_PASSWORD_PATH); // the page says why
  }
  return user;
}

export const CHANGE_PASSWORD_PATH = "/account/password";

/** Signed out: to the login page and back. Signed in without the role: a friendly 403. */
export async function requirePermission(request: Request, ctx: AppServices, allowed: (actor: Actor) => boolean): Promise<CurrentUser> {
  const user = await requireUser(request, ctx);
  if (!allowed(user)) throw new DomainError("error.403.text", undefined, undefined, 403);
  return user;
}

/** The session ends in the database, and its open sockets reconnect without it. */
async function endSessionRights(ctx: Pick<AppServices, "db" | "realtime">, sessionId: string) {
  await revokeSession(ctx.db, sessionId);
  ctx.realtime.revoke({ sessionId });
}

export async function startSession(request: Request, ctx: AppServices, userId: number, redirectTo: string, headers: Headers = new Headers()) {
  const old = await getSessionId(request, ctx);
  if (old) await endSessionRights(ctx, old);
  const session = await createSession(ctx.db, userId, request.headers.get("User-Agent"));
  headers.append("Set-Cookie", await sessionCookie(ctx).serialize(session.id, { expires: session.expiresAt }));
  return redirect(safeRedirect(redirectTo), { headers });
}

export async function endSession(request: Request, ctx: AppServices, headers: Headers = new Headers()) {
  const sessionId = await getSessionId(request, ctx);
  if (sessionId) await endSessionRights(ctx, sessionId);
  headers.append("Set-Cookie", await sessionCookie(ctx).serialize("", { maxAge: 0 }));
  return redirect("/", { headers });
}
