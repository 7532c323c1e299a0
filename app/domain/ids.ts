// Ids as they arrive from forms, URLs and socket payloads. Both databases store ids
// as 32-bit integers, so anything beyond that range is refused here (a clear 400
// next to the field), never passed on to the database (where it would be a 500).
import { z } from "zod";

export const MAX_ID = 2_147_483_647;

/** A required id: digits only, within the databases' range. */
export const idSchema = z.coerce.number({ invalid_type_error: "error.invalid" }).int("error.invalid").positive("error.invalid").max(MAX_ID, "error.invalid");

/** An id from a socket payload (JSON numbers, no coercion). */
export const idNumber = z.number().int().positive().max(MAX_ID);

/** An optional id from a form: empty means none. */
export const optionalIdSchema = z.preprocess((v) => (v === "" || v === null ? undefined : v), idSchema.optional());
