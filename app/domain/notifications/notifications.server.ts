// Notifications: in the app, and by e-mail, WhatsApp or SMS to those who receive them.
// Everything goes through the outbox (outbox.server.ts): call these with the
// transaction client of the change that causes the message, so that the change and
// its messages are stored together or not at all. Messages are stored as i18n keys
// with parameters, so each recipient reads them in their own language.
import type { Db } from "~/db/client.server";
import type { Locale, MessageKey, Params } from "~/i18n";
import type { Mailer } from "./mailer.server";
import { enqueue } from "./outbox.server";

export interface NotificationInput {
  userIds: number[];
  messageKey: MessageKey;
  params?: Params;
  /** site-relative link, e.g. /aspirations/ABCD-1234 (made absolute from PUBLIC_URL when sent) */
  link?: string;
  /** what caused it, unique per cause: the same cause written twice sends once */
  key?: string;
}

/**
 * Tells people with an account (in the app, and on the channels they chose). The
 * mailer and publicUrl parameters are no longer used (the outbox worker sends, with
 * PUBLIC_URL); they stay so that every caller keeps working.
 */
export async function notify(db: Db, _mailer: Mailer | undefined, input: NotificationInput, _publicUrl = ""): Promise<void> {
  await enqueue(
    db,
    input.userIds.map((userId) => ({ userId })),
    { template: input.messageKey, params: input.params, link: input.link, key: input.key },
  );
}

/**
 * For people without an account who left an e-mail address or a phone number
 * (guests). `purpose` records their consent when none is on file yet.
 */
export async function notifyContact(
  db: Db,
  contact: string | null | undefined,
  input: Omit<NotificationInput, "userIds">,
  options: { locale?: Locale; purpose?: string } = {},
): Promise<void> {
  if (!contact?.trim()) return;
  await enqueue(db, [{ contact, locale: options.locale, purpose: options.purpose }], {
    template: input.messageKey,
    params: input.params,
    link: input.link,
    key: input.key,
  });
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
    notifications: rows.map((n) => ({
      id: n.id,
      messageKey: n.messageKey,
      params: safeParams(n.params),
      link: n.link,
      read: n.readAt !== null,
      createdAt: n.createdAt,
    })),
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
