// The outbox's states, shared by the server and the admin page (a `.server` module is
// empty in the browser, so a page must not take its lists from one).
export const STATUSES = ["pending", "sending", "sent", "failed", "dead"] as const;
export type OutboxStatus = (typeof STATUSES)[number];
