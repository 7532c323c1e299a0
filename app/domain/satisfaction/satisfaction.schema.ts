// What residents, kiosks and staff may send to the satisfaction area, checked with zod.
// Messages are i18n keys, so a refused field shows the reason next to it.
import { z } from "zod";
import { idSchema, optionalIdSchema } from "~/domain/ids";
import { parsePeriod } from "~/domain/periods";
import { ELEMENT_KEYS, type ElementKey } from "./ikm";

export const CHANNELS = ["web", "kiosk", "paper", "queue"] as const;
export type Channel = (typeof CHANNELS)[number];
export const AGE_GROUPS = ["lt20", "20-29", "30-39", "40-49", "50+"] as const;
export const SEXES = ["f", "m"] as const;
export const EDUCATIONS = ["sd", "smp", "sma", "d3", "s1", "s2"] as const;
export const OCCUPATIONS = ["pns", "tni_polri", "swasta", "wirausaha", "pelajar", "lainnya"] as const;
export const PROFILE_FIELDS = { ageGroup: AGE_GROUPS, sex: SEXES, education: EDUCATIONS, occupation: OCCUPATIONS } as const;
export type ProfileField = keyof typeof PROFILE_FIELDS;
export const COMMENT_STATUSES = ["pending", "approved", "rejected"] as const;
export const ANOMALY_DECISIONS = ["excluded", "kept"] as const;
export const FOLLOW_UP_STATUSES = ["planned", "in_progress", "done", "dropped"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { errorMap: () => ({ message: "error.invalid" }) }).optional());

const score = z.coerce
  .number({ invalid_type_error: "satisfaction.validation.score" })
  .int("satisfaction.validation.score")
  .min(1, "satisfaction.validation.score")
  .max(4, "satisfaction.validation.score");
const requiredScore = z.preprocess(
  blankToUndefined,
  z.union([z.undefined(), score]).refine((v) => v !== undefined, "satisfaction.validation.score"),
);

/** The nine answers of a sheet, by key: every one is required on a sheet (web, queue, paper). */
const answersShape = Object.fromEntries(ELEMENT_KEYS.map((k) => [k, requiredScore])) as Record<ElementKey, typeof requiredScore>;

export const sheetSchema = z.object({
  ...answersShape,
  serviceId: optionalIdSchema,
  ageGroup: optionalChoice(AGE_GROUPS),
  sex: optionalChoice(SEXES),
  education: optionalChoice(EDUCATIONS),
  occupation: optionalChoice(OCCUPATIONS),
  comment: z.preprocess(blankToUndefined, z.string().trim().max(1000, "satisfaction.validation.comment").optional()),
});
export type SheetInput = z.infer<typeof sheetSchema>;

/** The web survey by unit (the unit comes with the form). */
export const webSheetSchema = sheetSchema.extend({ unitId: idSchema });

/** Staff typing in a paper form: the day it was filled in (YYYY-MM-DD, WIB). */
export const paperSheetSchema = sheetSchema.extend({
  unitId: idSchema,
  answeredOn: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "satisfaction.validation.date")
      .optional(),
  ),
});

/** One kiosk tap: a face (1-4), the elements it is about ("why" chips), made on the device. */
export const kioskAnswerSchema = z.object({
  key: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "error.invalid"),
  score,
  elements: z.array(z.enum(ELEMENT_KEYS)).max(9).default([]),
  /** when it was tapped, as the device's clock says (ISO) */
  answeredAt: z.string().datetime({ offset: true }).optional(),
});
export type KioskAnswer = z.infer<typeof kioskAnswerSchema>;
export const kioskBatchSchema = z.array(kioskAnswerSchema).min(1).max(100);

export const enrolSchema = z.object({
  unitId: idSchema,
  name: z.string().trim().min(2, "satisfaction.validation.deviceName").max(80, "satisfaction.validation.deviceName"),
});
export const revokeSchema = z.object({ deviceId: idSchema });
export const visitTokenSchema = z.object({ ticketId: idSchema });
export const linkTokenSchema = z.object({ unitId: idSchema, serviceId: optionalIdSchema });

export const periodSchema = z.string().refine((v) => parsePeriod(v) !== null, "satisfaction.validation.period");
export const serviceUsersSchema = z.object({
  unitId: idSchema,
  period: periodSchema,
  serviceUsers: z.coerce
    .number({ invalid_type_error: "satisfaction.validation.serviceUsers" })
    .int("satisfaction.validation.serviceUsers")
    .min(0, "satisfaction.validation.serviceUsers")
    .max(10_000_000, "satisfaction.validation.serviceUsers"),
});

/** What the public consultation forum (FKP) said about a period's results: shown in the SKM report. */
export const forumNoteSchema = z.object({
  period: periodSchema,
  forumNote: z.string().trim().max(4000, "satisfaction.validation.forumNote").default(""),
});

export const anomalyDecisionSchema = z.object({
  anomalyId: idSchema,
  decision: z.enum(ANOMALY_DECISIONS, { errorMap: () => ({ message: "error.invalid" }) }),
  note: z.string().trim().min(5, "satisfaction.validation.note").max(500, "satisfaction.validation.note"),
});

export const acknowledgeSchema = z.object({
  alertId: idSchema,
  comment: z.string().trim().min(3, "satisfaction.validation.note").max(500, "satisfaction.validation.note"),
});

export const moderateCommentSchema = z.object({
  responseId: idSchema,
  status: z.enum(["approved", "rejected"], { errorMap: () => ({ message: "error.invalid" }) }),
});

const label = (max: number) => z.string().trim().min(1, "form.required").max(max, "satisfaction.validation.label");
export const elementLabelsSchema = z.object({
  key: z.enum(ELEMENT_KEYS, { errorMap: () => ({ message: "error.invalid" }) }),
  position: z.coerce.number().int().min(1, "error.invalid").max(9, "error.invalid"),
  nameId: label(120),
  nameEn: label(120),
  questionId: label(300),
  questionEn: label(300),
  answer1Id: label(80),
  answer2Id: label(80),
  answer3Id: label(80),
  answer4Id: label(80),
  answer1En: label(80),
  answer2En: label(80),
  answer3En: label(80),
  answer4En: label(80),
});
export type ElementLabelsInput = z.infer<typeof elementLabelsSchema>;

export const followUpSchema = z.object({
  unitId: idSchema,
  period: periodSchema,
  elementKey: optionalChoice(ELEMENT_KEYS),
  title: z.string().trim().min(5, "satisfaction.validation.title").max(200, "satisfaction.validation.title"),
  description: z.string().trim().max(2000, "satisfaction.validation.description").default(""),
  ownerName: z.string().trim().min(2, "satisfaction.validation.owner").max(120, "satisfaction.validation.owner"),
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "satisfaction.validation.date"),
  aspirationCode: z.preprocess(blankToUndefined, z.string().trim().max(20).optional()),
  agendaItemId: optionalIdSchema,
  checkItemId: optionalIdSchema,
});
export type FollowUpInput = z.infer<typeof followUpSchema>;
export const followUpStatusSchema = z.object({ actionId: idSchema, status: z.enum(FOLLOW_UP_STATUSES, { errorMap: () => ({ message: "error.invalid" }) }) });

export const planVisitSchema = z.object({
  serviceId: idSchema,
  plannedFor: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "satisfaction.validation.date"),
  shopperName: z.string().trim().max(120).default(""),
});

/** Mystery shopping: at most this many evidence photos per checklist item. */
export const PHOTOS_PER_ITEM = 6;
export const visitPhotoSchema = z.object({
  itemId: idSchema,
  caption: z.string().trim().max(300, "satisfaction.mystery.photo.captionLength").default(""),
});
export const removeVisitPhotoSchema = z.object({ photoId: idSchema });
