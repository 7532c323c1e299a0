// The outbox's states, shared by the server and the admin page (a `.server` module is
// empty in the browser, so a page must not take its lists from one).
export const STATUSES = ["pending", "sending", "sent", "failed", "dead"] as const;
export type OutboxStatus = (typeof STATUSES)[number];

/**
 * Messages the person asked for themselves go even to a contact that opted out of
 * notifications: the confirmation of "BERHENTI", and a password-reset link or code.
 */
export function goesDespiteOptOut(templateKey: string): boolean {
  return templateKey === "channels.wa.stopped" || templateKey.startsWith("accounts.reset.message.") || templateKey === CONTACT_CODE_TEMPLATE;
}

/** The message that carries a contact's verification code (accounts/contacts.server.ts). */
export const CONTACT_CODE_TEMPLATE = "channels.contact.message.code";

/**
 * An account's e-mail or phone that has not been confirmed by its code gets nothing
 * but that code (and a password reset the person asked for on the contact they signed
 * in with): a typo or someone else's address never receives the account's messages.
 */
export function goesToUnverified(templateKey: string): boolean {
  return templateKey === CONTACT_CODE_TEMPLATE || templateKey.startsWith("accounts.reset.message.");
}
