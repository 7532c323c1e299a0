// The pseudonymous Q&A participant: a random id in a signed cookie, set by the
// /qa/:code loader and read by Socket.IO from the handshake's Cookie header.
import { createCookie } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import type { AppServices } from "~/context";

export const QA_COOKIE = "balai_qa";

export function qaParticipantCookie(ctx: { config: Pick<AppServices["config"], "production" | "sessionSecret"> }) {
  return createCookie(QA_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    secure: ctx.config.production,
    path: "/",
    secrets: [ctx.config.sessionSecret],
    maxAge: 180 * 86_400,
  });
}

export function newParticipantId(): string {
  return randomBytes(16).toString("base64url");
}

const VALID = /^[A-Za-z0-9_-]{16,43}$/;

/** The participant id from a Cookie header, or null when missing or forged. */
export async function readParticipantId(cookieHeader: string | null | undefined, ctx: Parameters<typeof qaParticipantCookie>[0]): Promise<string | null> {
  const value = await qaParticipantCookie(ctx).parse(cookieHeader ?? null);
  return typeof value === "string" && VALID.test(value) ? value : null;
}

/** The participant for this request, creating one (and its Set-Cookie) when the browser has none. */
export async function participantFor(request: Request, ctx: Parameters<typeof qaParticipantCookie>[0]): Promise<{ participantId: string; setCookie?: string }> {
  const existing = await readParticipantId(request.headers.get("Cookie"), ctx);
  if (existing) return { participantId: existing };
  const participantId = newParticipantId();
  return { participantId, setCookie: await qaParticipantCookie(ctx).serialize(participantId) };
}
