// "Your password was changed" (issue 13): after every change of an account's password
// (its own page, a reset by link or code, a temporary password set at the counter) a
// notice goes through the outbox to the account's e-mail and phone (WhatsApp, SMS when
// rerouted), in the account's language. It never carries the password; it says when,
// and what to do if it was not them (/forgot-password, or the counter with a KTP).
// Call it with the transaction client of the change. Contacts still waiting for their
// verification code, or that opted out, are left out by the worker (outbox.ts).
import type { Db } from "~/db/client.server";
import { enqueueTo } from "~/domain/notifications/outbox.server";
import { defaultLocale, isLocale } from "~/i18n";

export const PASSWORD_CHANGED_TEMPLATE = "accounts.password.changedNotice";

/** `cause` names the change once ("reset:12", "counter:40:1764590000000"): a retried write sends once. */
export async function enqueuePasswordChangedNotice(tx: Db, userId: number, cause: string, now: Date): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, phone: true, locale: true } });
  if (!user) return;
  const locale = isLocale(user.locale) ? user.locale : defaultLocale;
  const message = {
    template: PASSWORD_CHANGED_TEMPLATE,
    params: { at: now.toISOString() },
    link: "/forgot-password",
    locale,
    key: `password-changed:${userId}:${cause}`,
  } as const;
  if (user.email) await enqueueTo(tx, userId, "email", message, now);
  if (user.phone) await enqueueTo(tx, userId, "whatsapp", message, now);
}
