// Service standards (Standar Pelayanan, PermenPAN-RB 15/2014): the values a version
// holds, the forms staff fill in, and the enum-like strings the schema stores.
// Error messages are i18n keys.
import { z } from "zod";
import { optionalContact } from "~/domain/aspirations/aspirations.schema";
import { idSchema, optionalIdSchema } from "~/domain/ids";

export const UNIT_KINDS = ["kecamatan", "kelurahan"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_ROLES = ["counter", "supervisor"] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];
export const SERVICE_CATEGORIES = ["adminduk", "perizinan", "sosial", "lainnya"] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export const SERVICE_STATUSES = ["active", "retired"] as const;
export const DURATION_UNITS = ["minutes", "hours", "working_days"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
// the queue and the helpdesk (built on these models later)
export const QUEUE_PRIORITIES = ["elderly", "disability", "pregnant"] as const;
export const QUEUE_STATUSES = ["waiting", "called", "serving", "served", "no_show", "transferred"] as const;
export const QUEUE_CHANNELS = ["door", "kiosk", "phone"] as const;
export const ONLINE_SERVICES = ["jakevo", "jaki", "oss", "alpukat", "other"] as const;
export const CAN_DO_ALONE = ["yes", "no", "unsure"] as const;

/** Setting key: months after which an unchecked standard is flagged to staff. */
export const REMINDER_SETTING = "services.reminderMonths";
export const DEFAULT_REMINDER_MONTHS = 6;

export const requirementSchema = z.object({ name: z.string().min(1).max(200), validity: z.string().max(400) });
export type Requirement = z.infer<typeof requirementSchema>;
export const stepSchema = z.object({ actor: z.string().max(100), text: z.string().min(1).max(400) });
export type Step = z.infer<typeof stepSchema>;

/** What one version says: the six public components and the eight kept by the office. */
export interface VersionContent {
  name: string;
  summary: string;
  requirements: Requirement[];
  stepsCounter: Step[];
  stepsOnline: Step[];
  onlineName: string | null;
  onlineUrl: string | null;
  durationValue: number;
  durationUnit: DurationUnit;
  costAmount: number;
  costBasis: string | null;
  product: string;
  complaints: string;
  legalBasis: string;
  facilities: string;
  competence: string;
  oversight: string;
  staffCount: string;
  guarantee: string;
  security: string;
  evaluation: string;
}

export const INTERNAL_FIELDS = ["legalBasis", "facilities", "competence", "oversight", "staffCount", "guarantee", "security", "evaluation"] as const;

/** A JSON list column read back; a damaged value reads as an empty list, never a crash. */
export function parseList<T>(text: string, item: z.ZodType<T>): T[] {
  try {
    const parsed = z.array(item).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

const text = (min: number, max: number, key: string) => z.string({ required_error: key }).trim().min(min, key).max(max, key);
const optionalText = (max: number, key: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .pipe(z.string().max(max, key).optional());
const longText = (key: string) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? "")
    .pipe(z.string().max(4000, key));

/** "Name | what counts as valid", one per line. */
function requirementLines(v: string, ctx: z.RefinementCtx): Requirement[] {
  const lines = v
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const out: Requirement[] = [];
  for (const line of lines) {
    const [name, ...rest] = line.split("|");
    const item = { name: name.trim(), validity: rest.join("|").trim() };
    if (!item.name || item.name.length > 200 || item.validity.length > 400) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "services.validation.requirements" });
      return [];
    }
    out.push(item);
  }
  return out;
}

/** "Who | what they do", one step per line, in order. */
function stepLines(v: string, ctx: z.RefinementCtx): Step[] {
  const out: Step[] = [];
  for (const line of v
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const parts = line.split("|");
    const step = parts.length > 1 ? { actor: parts[0].trim(), text: parts.slice(1).join("|").trim() } : { actor: "", text: line };
    if (!step.text || step.text.length > 400 || step.actor.length > 100) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "services.validation.steps" });
      return [];
    }
    out.push(step);
  }
  return out;
}

const wholeNumber = (key: string, max: number) =>
  z
    .string({ required_error: key })
    .trim()
    .transform((v) => v.replace(/[.\s]/g, ""))
    .pipe(z.string().regex(/^\d{1,9}$/, key))
    .transform(Number)
    .pipe(z.number().int().min(0, key).max(max, key));

/** The service form: every save is a new version, with a reason. */
export const versionFormSchema = z
  .object({
    name: text(3, 150, "services.validation.name"),
    summary: text(10, 400, "services.validation.summary"),
    category: z.enum(SERVICE_CATEGORIES, { errorMap: () => ({ message: "services.validation.category" }) }),
    requirements: z.string().optional().default("").transform(requirementLines),
    stepsCounter: z.string().optional().default("").transform(stepLines),
    stepsOnline: z.string().optional().default("").transform(stepLines),
    onlineName: optionalText(100, "services.validation.onlineName"),
    onlineUrl: optionalText(300, "services.validation.onlineUrl").pipe(
      z.string().url("services.validation.onlineUrl").startsWith("http", "services.validation.onlineUrl").optional(),
    ),
    durationValue: wholeNumber("services.validation.duration", 10_000).pipe(z.number().min(1, "services.validation.duration")),
    durationUnit: z.enum(DURATION_UNITS, { errorMap: () => ({ message: "services.validation.durationUnit" }) }),
    costAmount: wholeNumber("services.validation.cost", 100_000_000),
    costBasis: optionalText(400, "services.validation.costBasis"),
    product: text(3, 400, "services.validation.product"),
    complaints: text(10, 1000, "services.validation.complaints"),
    legalBasis: longText("services.validation.tooLong"),
    facilities: longText("services.validation.tooLong"),
    competence: longText("services.validation.tooLong"),
    oversight: longText("services.validation.tooLong"),
    staffCount: longText("services.validation.tooLong"),
    guarantee: longText("services.validation.tooLong"),
    security: longText("services.validation.tooLong"),
    evaluation: longText("services.validation.tooLong"),
    effectiveFrom: z.string({ required_error: "services.validation.date" }).regex(/^\d{4}-\d{2}-\d{2}$/, "services.validation.date"),
    reason: text(5, 500, "services.validation.reason"),
  })
  .superRefine((v, ctx) => {
    if (v.requirements.length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["requirements"], message: "services.validation.requirements" });
    if (v.stepsCounter.length === 0 && v.stepsOnline.length === 0)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["stepsCounter"], message: "services.validation.steps" });
    if (v.costAmount > 0 && !v.costBasis) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["costBasis"], message: "services.validation.costBasis" });
    if (v.stepsOnline.length > 0 && !v.onlineUrl) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["onlineUrl"], message: "services.validation.onlineUrl" });
  });
export type VersionFormInput = z.infer<typeof versionFormSchema>;

/** addresses under /layanan/ that are pages of their own */
const RESERVED_SLUGS = new Set(["kelola", "unit", "data"]);

export const newServiceSchema = z.object({
  unitId: z.string({ required_error: "services.validation.unit" }).min(1, "services.validation.unit").pipe(idSchema),
  slug: z
    .string({ required_error: "services.validation.slug" })
    .trim()
    .max(80, "services.validation.slug")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "services.validation.slug")
    .refine((s) => !RESERVED_SLUGS.has(s), "services.validation.slugTaken"),
});

export const unitSchema = z.object({
  name: text(3, 150, "services.validation.unitName"),
  slug: z
    .string({ required_error: "services.validation.slug" })
    .trim()
    .max(80, "services.validation.slug")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "services.validation.slug"),
  kind: z.enum(UNIT_KINDS, { errorMap: () => ({ message: "services.validation.unitKind" }) }),
  areaId: z.string({ required_error: "services.validation.area" }).min(1, "services.validation.area").pipe(idSchema),
  parentId: optionalIdSchema,
  address: text(5, 300, "services.validation.address"),
  openingHours: text(5, 200, "services.validation.hours"),
  phone: optionalText(40, "services.validation.tooLong"),
  whatsapp: optionalText(40, "services.validation.tooLong"),
  email: optionalText(200, "services.validation.tooLong"),
});
export type UnitInput = z.infer<typeof unitSchema>;

export const maklumatSchema = z.object({
  text: text(20, 4000, "services.validation.maklumatText"),
  signerName: text(3, 120, "services.validation.signer"),
  signerTitle: text(3, 160, "services.validation.signerTitle"),
  signedOn: z.string({ required_error: "services.validation.date" }).regex(/^\d{4}-\d{2}-\d{2}$/, "services.validation.date"),
});
export type MaklumatInput = z.infer<typeof maklumatSchema>;

export const announcementSchema = z.object({
  title: text(3, 120, "services.validation.announcementTitle"),
  body: z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? "")
    .pipe(z.string().max(600, "services.validation.tooLong")),
  startsOn: z.string({ required_error: "services.validation.date" }).regex(/^\d{4}-\d{2}-\d{2}$/, "services.validation.date"),
  endsOn: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "services.validation.date")
        .optional(),
    ),
});
export type AnnouncementInput = z.infer<typeof announcementSchema>;

export const assignStaffSchema = z.object({
  identifier: text(3, 200, "services.validation.identifier"),
  role: z.enum(UNIT_ROLES, { errorMap: () => ({ message: "services.validation.unitRole" }) }),
});
export const removeStaffSchema = z.object({ userId: idSchema });
export const removeAnnouncementSchema = z.object({ announcementId: idSchema });

export const reminderSettingSchema = z.object({ months: wholeNumber("services.validation.months", 60).pipe(z.number().min(1, "services.validation.months")) });

export const catalogueQuerySchema = z.object({
  q: z
    .string()
    .optional()
    .transform((v) => v?.trim().slice(0, 100) || undefined),
  unit: optionalIdSchema.catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/** link a digital class (an event of kind "class") to a service it teaches, or unlink it */
export const classLinkSchema = z.object({ eventId: idSchema, serviceId: idSchema });

/** `?page=` of a staff list */
export const pageQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });

export const integritySchema = z.object({
  kind: z.enum(["extra_fee", "fast_lane", "other"], { errorMap: () => ({ message: "services.validation.integrityKind" }) }),
  description: text(10, 2000, "services.validation.integrityText"),
  kelurahanId: z.string({ required_error: "services.validation.kelurahan" }).min(1, "services.validation.kelurahan").pipe(idSchema),
  happenedOn: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "services.validation.date")
        .optional(),
    ),
  /** optional: how the office may reach the reporter (kept confidential) */
  contact: optionalContact,
});
export type IntegrityInput = z.infer<typeof integritySchema>;
