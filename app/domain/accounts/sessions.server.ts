// Sessions live in the database so that they can be listed and revoked.
import { randomBytes } from "node:crypto";
import type { Db } from "~/db/client.server";

export const SESSION_DAYS = 30;

export async function createSession(db: Db, userId: number, userAgent?: string | null): Promise<{ id: string; expiresAt: Date }> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.session.create({ data: { id, userId, expiresAt, userAgent: userAgent?.slice(0, 300) } });
  return { id, expiresAt };
}

export async function sessionUserId(db: Db, sessionId: string): Promise<number | null> {
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { userId: true, expiresAt: true } });
  if (!session) return null;
  if (session.expiresAt.getTime() < Date.now()) {
    await db.session.deleteMany({ where: { id: sessionId } });
    return null;
  }
  return session.userId;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export async function revokeOtherSessions(db: Db, userId: number, keepSessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
}
