import { randomBytes } from "node:crypto";

// 32 symbols without look-alikes (no I, O, 0, 1): easy to read aloud at the door.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A personal RSVP code such as "K7QM-3XPA": 40 random bits, unguessable in practice. */
export function newRsvpCode(): string {
  const bytes = randomBytes(8);
  let s = "";
  for (const b of bytes) s += ALPHABET[b & 31];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** A secret for the private calendar feed URL (256 bits). */
export function newCalendarToken(): string {
  return randomBytes(32).toString("base64url");
}
