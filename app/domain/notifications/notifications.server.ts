// In-app notifications (and e-mail to those who have an address). Messages are
// stored as i18n keys with parameters, so each reader sees them in their language.
import type { Db } from "~/db/client.server";
import { defaultLocale, isLocale, translate, type MessageKey, type Params } from "~/i18n";
import type { Mailer } from "./mailer.server";

export interface NotificationInput {
  userIds: number[];
  messageKey: MessageKey;
  params?: Params;
  /** site-relative link, e.g. /aspirations/ABCD-1234 */
  link?: string;
}

export async function notify(db: Db, mailer: Mailer, input: NotificationInput, publicUrl = ""): Promise<void> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return;
  const params = JSON.stringify(input.params ?? {});
  await db.notification.createMany({
    data: userIds.map((userId) => ({ userId, messageKey: input.messageKey, params, link: input.link })),
  });
  const users = await db.user.findMany({ where: { id: { in: userIds }, email: { not: null } }, select: { email: true, locale: true } });
  for (const u of users) {
    const locale = isLocale(u.locale) ? u.locale : defaultLocale;
    await sendMessage(mailer, u.email!, locale, input, publicUrl);
  }
}

/** For people without an account who left an e-mail address (guests). */
export async function notifyContact(mailer: Mailer, contact: string | null | undefined, input: Omit<NotificationInput, "userIds">, publicUrl = "") {
  if (!contact || !contact.includes("@")) return;
  await sendMessage(mailer, contact, defaultLocale, input, publicUrl);
}

async function sendMessage(mailer: Mailer, to: string, locale: "id" | "en", input: Omit<NotificationInput, "userIds">, publicUrl: string) {
  const text = translate(locale, input.messageKey, input.params);
  const link = input.link ? `\n\n${publicUrl}${input.link}` : "";
  await mailer.send({ to, subject: `Balai: ${text.slice(0, 80)}`, text: text + link });
}

export const NOTIFICATIONS_PAGE_SIZE = 20;

export async function listNotifications(db: Db, userId: number, page: number) {
  const [total, rows] = await Promise.all([
    db.notification.count({ where: { userId } }),
    db.notification.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
    }),
  ]);
  return {
    pages: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE)),
    notifications: rows.map((n) => ({ id: n.id, messageKey: n.messageKey, params: safeParams(n.params), link: n.link, read: n.readAt !== null, createdAt: n.createdAt })),
  };
}

function safeParams(text: string): Params {
  try {
    return JSON.parse(text) as Params;
  } catch {
    return {};
  }
}

export function countUnread(db: Db, userId: number) {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function markAllRead(db: Db, userId: number) {
  await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
