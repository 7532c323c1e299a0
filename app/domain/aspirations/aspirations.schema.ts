// Form and import schemas for aspirations. Error messages are i18n keys.
import { z } from "zod";
import { parseIdentifier } from "~/domain/accounts/identifier";
import { idSchema, optionalIdSchema } from "~/domain/ids";
import { STATUSES } from "./status";

export const CHANNELS = ["web", "qa", "discussion", "event", "whatsapp", "email", "suggestion_box", "social_media", "walk_in", "kiosk"] as const;
export type Channel = (typeof CHANNELS)[number];
/** channels staff record on a resident's behalf */
export const OFFLINE_CHANNELS = ["walk_in", "whatsapp", "email", "suggestion_box", "social_media", "kiosk", "event"] as const;

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** an optional id (empty means none), within the databases' range */
const optionalId = optionalIdSchema;

/** a required id: empty gives the field's own message, anything else not an id (or beyond the range) "invalid" */
const requiredId = (key: string) => z.string({ required_error: key, invalid_type_error: key }).trim().min(1, key).pipe(idSchema);

const optionalText = (max: number, key: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .pipe(z.string().max(max, key).optional());

/** e-mail or Indonesian mobile number, normalised; empty is fine */
export const optionalContact = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const value = v?.trim();
    if (!value) return undefined;
    const parsed = parseIdentifier(value);
    if (!parsed) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "aspirations.validation.contact" });
      return z.NEVER;
    }
    return parsed.value;
  });

export const aspirationFields = {
  title: z.string({ required_error: "aspirations.validation.title" }).trim().min(5, "aspirations.validation.title").max(150, "aspirations.validation.title"),
  description: z
    .string({ required_error: "aspirations.validation.description" })
    .trim()
    .min(10, "aspirations.validation.description")
    .max(4000, "aspirations.validation.description"),
  categoryId: requiredId("aspirations.validation.category"),
  kelurahanId: requiredId("aspirations.validation.kelurahan"),
  rwId: optionalId,
  address: optionalText(200, "aspirations.validation.address"),
};

export const webSubmitSchema = z.object({
  intent: z.enum(["check", "submit"]).default("check"),
  ...aspirationFields,
  /** "account" (signed in), "guest" (name/contact optional), "anonymous" */
  identity: z.enum(["account", "guest", "anonymous"]).default("guest"),
  submitterName: optionalText(100, "aspirations.validation.name"),
  submitterContact: optionalContact,
  confidential: checkbox.optional().default(false),
  sourceEventId: optionalId,
});
export type WebSubmitInput = z.infer<typeof webSubmitSchema>;

export const staffIntakeSchema = z.object({
  intent: z.enum(["save", "saveNext"]).default("save"),
  channel: z.enum(OFFLINE_CHANNELS, { errorMap: () => ({ message: "aspirations.validation.channel" }) }),
  ...aspirationFields,
  submitterName: optionalText(100, "aspirations.validation.name"),
  submitterContact: optionalContact,
  anonymous: checkbox.optional().default(false),
  confidential: checkbox.optional().default(false),
  consent: checkbox.refine((v) => v, "aspirations.validation.consent"),
  sourceEventId: optionalId,
});
export type StaffIntakeInput = z.infer<typeof staffIntakeSchema>;

export const statusChangeSchema = z.object({
  to: z.enum(STATUSES, { errorMap: () => ({ message: "aspirations.status.invalid" }) }),
  note: z.string().trim().max(2000, "aspirations.validation.note").default(""),
});

/** The staff page's "group under a primary" form. */
export const groupSchema = z.object({
  primaryCode: z.string({ required_error: "aspirations.group.notFound" }).trim().min(1, "aspirations.group.notFound").max(20, "aspirations.group.notFound"),
});

export const conversionSchema = z.object({
  title: aspirationFields.title,
  description: aspirationFields.description,
  categoryId: aspirationFields.categoryId,
  kelurahanId: aspirationFields.kelurahanId,
  rwId: optionalId,
});
export type ConversionInput = z.infer<typeof conversionSchema>;

export const importSchema = z.object({
  intent: z.enum(["check", "import"]).default("check"),
  /** pasted text; a chosen file is read by the route instead */
  csv: z.string().max(2_000_000, "aspirations.import.tooLarge").default(""),
  consent: checkbox.optional().default(false),
});

export const deadlineSettingsSchema = z.object({
  verifyDays: z.coerce
    .number({ invalid_type_error: "aspirations.validation.days" })
    .int("aspirations.validation.days")
    .min(1, "aspirations.validation.days")
    .max(60, "aspirations.validation.days"),
  responseDays: z.coerce
    .number({ invalid_type_error: "aspirations.validation.days" })
    .int("aspirations.validation.days")
    .min(1, "aspirations.validation.days")
    .max(90, "aspirations.validation.days"),
});

export const holidaySchema = z.object({
  date: z.string({ required_error: "aspirations.validation.date" }).regex(/^\d{4}-\d{2}-\d{2}$/, "aspirations.validation.date"),
  name: z.string().trim().max(100, "aspirations.validation.holidayName").optional(),
});
