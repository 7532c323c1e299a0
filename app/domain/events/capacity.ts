// Capacity and waitlist rules, free of any database: the RSVP use cases apply them
// inside a transaction that holds the event's lock.

export type RsvpStatus = "confirmed" | "waitlisted" | "cancelled";

/** Seats left, or null when the event has no limit. Never negative. */
export function seatsLeft(capacity: number | null, confirmed: number): number | null {
  if (capacity === null) return null;
  return Math.max(0, capacity - confirmed);
}

/** A new registration gets a seat while one is free, otherwise a place on the waitlist. */
export function statusForNewRsvp(capacity: number | null, confirmed: number): "confirmed" | "waitlisted" {
  const left = seatsLeft(capacity, confirmed);
  return left === null || left > 0 ? "confirmed" : "waitlisted";
}

/**
 * Who moves up from the waitlist: the earliest first, as many as there are free
 * seats (all of them when there is no limit any more).
 */
export function toPromote<T extends { createdAt: Date | string; id: number }>(capacity: number | null, confirmed: number, waitlist: T[]): T[] {
  const ordered = [...waitlist].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id - b.id);
  const left = seatsLeft(capacity, confirmed);
  return left === null ? ordered : ordered.slice(0, left);
}

/** A person's place on the waitlist (1 = next to move up). */
export function waitlistPosition<T extends { createdAt: Date | string; id: number }>(waitlist: T[], id: number): number {
  const ordered = [...waitlist].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id - b.id);
  return ordered.findIndex((r) => r.id === id) + 1;
}
