// Form schemas of the annual deliberation. Error messages are i18n keys.
import { z } from "zod";
import { idSchema, MAX_ID, optionalIdSchema } from "~/domain/ids";
import { DECISIONS, PHASES } from "./phases";

const OFFSET_MS = 7 * 3_600_000;

/** "2026-06-01" read as a WIB calendar day: its first (or last) instant. */
export function wibDay(date: string, end = false): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const start = Date.UTC(y, mo - 1, d) - OFFSET_MS;
  if (new Date(start + OFFSET_MS).toISOString().slice(0, 10) !== date) return null;
  return new Date(end ? start + 86_400_000 - 1000 : start);
}

/** "2026-06-01" + "09:00" WIB -> the instant */
export function wibDateTime(date: string, time: string): Date | null {
  const day = wibDay(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!day || !t || Number(t[1]) > 23 || Number(t[2]) > 59) return null;
  return new Date(day.getTime() + (Number(t[1]) * 60 + Number(t[2])) * 60_000);
}

/** The WIB calendar day of an instant, as a form value. */
export function wibDayValue(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}
export function wibTimeValue(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

const day = (end = false) =>
  z
    .string({ required_error: "form.required" })
    .trim()
    .min(1, "form.required")
    .transform((v, ctx) => {
      const d = wibDay(v, end);
      if (!d) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "agenda.validation.date" });
        return z.NEVER;
      }
      return d;
    });

const time = z
  .string({ required_error: "form.required" })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "agenda.validation.time");

const weight = z.coerce.number({ invalid_type_error: "agenda.validation.weight" }).min(0, "agenda.validation.weight").max(100, "agenda.validation.weight");

/** a chosen id (a select): empty is "required", anything else must be an id within the databases' range */
const requiredId = z.string({ required_error: "form.required" }).trim().min(1, "form.required").pipe(idSchema);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "agenda.validation.tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

export const settingsSchema = z
  .object({
    intakeStart: day(),
    intakeEnd: day(true),
    reviewStart: day(),
    reviewEnd: day(true),
    votesPerResident: z.coerce
      .number({ invalid_type_error: "agenda.validation.votes" })
      .int("agenda.validation.votes")
      .min(1, "agenda.validation.votes")
      .max(20, "agenda.validation.votes"),
    weightSupports: weight,
    weightVotes: weight,
    weightUrgency: weight,
    weightReach: weight,
    /** a checkbox: only residents whose residency staff verified in person count */
    verifiedResidentsOnly: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  })
  .superRefine((v, ctx) => {
    if (v.intakeEnd < v.intakeStart) ctx.addIssue({ code: "custom", path: ["intakeEnd"], message: "agenda.validation.intakeOrder" });
    if (v.reviewEnd < v.reviewStart) ctx.addIssue({ code: "custom", path: ["reviewEnd"], message: "agenda.validation.reviewOrder" });
    if (v.reviewStart < v.intakeStart) ctx.addIssue({ code: "custom", path: ["reviewStart"], message: "agenda.validation.reviewAfterIntake" });
  });
export type SettingsInput = z.infer<typeof settingsSchema>;

export const createSchema = z
  .object({
    year: z.coerce
      .number({ invalid_type_error: "agenda.validation.year" })
      .int("agenda.validation.year")
      .min(2020, "agenda.validation.year")
      .max(2100, "agenda.validation.year"),
    areaId: requiredId,
    sessionDate: z.string({ required_error: "form.required" }).trim().min(1, "form.required"),
    sessionStart: time,
    sessionEnd: time,
    venueName: z.string({ required_error: "form.required" }).trim().min(3, "agenda.validation.venue").max(200, "agenda.validation.tooLong"),
    venueAddress: z.string({ required_error: "form.required" }).trim().min(3, "agenda.validation.venue").max(300, "agenda.validation.tooLong"),
  })
  .and(settingsSchema)
  .transform((v, ctx) => {
    const startsAt = wibDateTime(v.sessionDate, v.sessionStart);
    const endsAt = wibDateTime(v.sessionDate, v.sessionEnd);
    if (!startsAt || !endsAt) {
      ctx.addIssue({ code: "custom", path: ["sessionDate"], message: "agenda.validation.date" });
      return z.NEVER;
    }
    if (endsAt <= startsAt) {
      ctx.addIssue({ code: "custom", path: ["sessionEnd"], message: "agenda.validation.sessionOrder" });
      return z.NEVER;
    }
    if (startsAt < v.reviewStart) {
      ctx.addIssue({ code: "custom", path: ["sessionDate"], message: "agenda.validation.sessionAfterReview" });
      return z.NEVER;
    }
    return { ...v, startsAt, endsAt };
  });
export type CreateInput = z.infer<typeof createSchema>;

export const advanceSchema = z.object({ to: z.enum(PHASES, { errorMap: () => ({ message: "agenda.phase.notNext" }) }) });

/**
 * One id, several (repeated field) or a comma-separated list. Anything that is not
 * an id within the databases' range refuses the whole list (next to the field).
 */
const idList = z
  .union([z.string(), z.array(z.string())], { required_error: "agenda.validation.aspirations" })
  .transform((v, ctx) => {
    const ids: number[] = [];
    for (const part of (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean)) {
      const id = idSchema.safeParse(part);
      if (!id.success) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "agenda.validation.aspirationIds" });
        return z.NEVER;
      }
      ids.push(id.data);
    }
    return ids;
  })
  .pipe(z.array(z.number()).min(1, "agenda.validation.aspirations").max(50, "agenda.validation.aspirations"));

const itemFields = {
  title: z.string({ required_error: "form.required" }).trim().min(5, "agenda.validation.title").max(200, "agenda.validation.title"),
  rationale: z.string({ required_error: "form.required" }).trim().min(10, "agenda.validation.rationale").max(5000, "agenda.validation.tooLong"),
  costEstimate: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/[.\s]/g, "").replace(/^Rp/i, "") : undefined))
    .pipe(
      z.coerce
        .number({ invalid_type_error: "agenda.validation.cost" })
        .int("agenda.validation.cost")
        .min(0, "agenda.validation.cost")
        .max(1e13, "agenda.validation.cost")
        .optional(),
    ),
  agency: optionalText(200),
  urgency: z.coerce
    .number({ invalid_type_error: "agenda.validation.urgency" })
    .int("agenda.validation.urgency")
    .min(0, "agenda.validation.urgency")
    .max(5, "agenda.validation.urgency"),
};

export const createItemSchema = z.object({ ...itemFields, aspirationIds: idList, carriedFromId: optionalIdSchema });
export type CreateItemInput = z.infer<typeof createItemSchema>;

/** the edit page names the item in its address */
export const itemSchema = z.object(itemFields);
export const updateItemSchema = z.object({ ...itemFields, itemId: idSchema });
export type UpdateItemInput = z.infer<typeof updateItemSchema>;

export const itemIdSchema = z.object({ itemId: idSchema });

export const decideSchema = z.object({
  itemId: idSchema,
  decision: z.enum(DECISIONS, { errorMap: () => ({ message: "agenda.decision.invalid" }) }),
  reason: z.string().trim().max(2000, "agenda.validation.tooLong").optional().default(""),
});
export type DecideInput = z.infer<typeof decideSchema>;

export const minutesSchema = z.object({ minutes: z.string().trim().max(20_000, "agenda.validation.tooLong").default("") });

/** The dot-voting form: one number field per item, named `dots-<itemId>`. */
export function readBallot(raw: Record<string, unknown>): {
  ballot: Record<number, number>;
  error?: { field: string; message: "agenda.vote.notInteger" | "agenda.vote.unknownItem" };
} {
  const ballot: Record<number, number> = {};
  for (const [key, value] of Object.entries(raw)) {
    const m = /^dots-(\d+)$/.exec(key);
    if (!m) continue;
    const itemId = Number(m[1]);
    if (!Number.isSafeInteger(itemId) || itemId <= 0 || itemId > MAX_ID) return { ballot, error: { field: key, message: "agenda.vote.unknownItem" } };
    const text = typeof value === "string" ? value.trim() : "";
    if (text === "") continue;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) return { ballot, error: { field: key, message: "agenda.vote.notInteger" } };
    ballot[itemId] = n;
  }
  return { ballot };
}

export const ballotSchema = z.record(z.union([z.string(), z.array(z.string())])).transform((raw, ctx) => {
  const { ballot, error } = readBallot(raw);
  if (error) {
    ctx.addIssue({ code: "custom", path: [error.field], message: error.message });
    return z.NEVER;
  }
  return { ballot };
});

/** The check-in desk's ballot names the resident it is cast for. */
export const assistedBallotSchema = z.object({ residentId: idSchema }).and(ballotSchema);

/** Statuses an aspiration may have to be a candidate (shared by the pool's query and its filter). */
export const POOL_STATUSES = ["verified", "forwarded", "on_agenda", "deferred"] as const;

/** a filter from the address: an id within range, or no filter */
const filterId = idSchema.optional().catch(undefined);

export const poolFiltersSchema = z.object({
  categoryId: filterId,
  kelurahanId: filterId,
  rwId: filterId,
  status: z.enum(POOL_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type PoolFilters = z.infer<typeof poolFiltersSchema>;

/** The check-in desk's search: an e-mail or phone number typed in, or an attendee picked from the list. */
export const assistQuerySchema = z.object({
  resident: z
    .string()
    .optional()
    .transform((v) => v?.slice(0, 200).trim() ?? ""),
  /** "not an id" (or beyond the range) is simply nobody found */
  residentId: z
    .string()
    .optional()
    .transform((v) => (v ? (idSchema.safeParse(v).data ?? null) : undefined)),
});
