// The outbox's states, shared by the server and the admin page (a `.server` module is
// empty in the browser, so a page must not take its lists from one).
export const STATUSES = ["pending", "sending", "sent", "failed", "dead"] as const;
export type OutboxStatus = (typeof STATUSES)[number];

/**
 * Messages the person asked for themselves go even to a contact that opted out of
 * notifications: the confirmation of "BERHENTI", and a password-reset link or code.
 */
export function goesDespiteOptOut(templateKey: string): boolean {
  return templateKey === "channels.wa.stopped" || templateKey.startsWith("accounts.reset.message.");
}
