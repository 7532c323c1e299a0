// "Lupa kata sandi": what the pages and the server share (a `.server` module is empty
// in the browser, so the pages take their lists and durations from here).
export const RESET_LINK_MINUTES = 30;
export const RESET_CODE_MINUTES = 10;
/** a code printed at the counter lasts until the next day's office hours */
export const COUNTER_CODE_HOURS = 24;
/** wrong codes a reset takes before it is spent */
export const MAX_CODE_ATTEMPTS = 5;

/** What staff saw at the counter to confirm who the resident is (its number is never stored). */
export const IDENTITY_DOCUMENTS = ["ktp", "kk", "kia", "sim", "passport", "other"] as const;
export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number];

export const COUNTER_METHODS = ["temporary", "code"] as const;
export type CounterMethod = (typeof COUNTER_METHODS)[number];
