// Input schemas for live Q&A, shared by the HTTP actions and the socket handlers.
// Error messages are i18n keys.
import { z } from "zod";
import { idSchema, MAX_ID, optionalIdSchema } from "~/domain/ids";
import { moderatorActions } from "./rules";

export const QUESTION_MAX = 300;
export const QUESTION_MIN = 5;
export const NAME_MAX = 60;
export const REPLY_MAX = 2000;
export const LABEL_MAX = 40;

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());
const version = z.coerce
  .number({ invalid_type_error: "qa.validation.invalid" })
  .int("qa.validation.invalid")
  .min(0, "qa.validation.invalid")
  .max(MAX_ID, "qa.validation.invalid");

export const codeSchema = z
  .string({ required_error: "qa.validation.code" })
  .trim()
  .min(4, "qa.validation.code")
  .max(12, "qa.validation.code")
  .transform((c) => c.toUpperCase().replace(/[^A-Z0-9]/g, ""))
  .refine((c) => c.length >= 4, "qa.validation.code");

export const joinSchema = z.object({ code: codeSchema });

export const askSchema = z.object({
  text: z
    .string({ required_error: "qa.validation.textRequired" })
    .trim()
    .min(QUESTION_MIN, "qa.validation.textShort")
    .max(QUESTION_MAX, "qa.validation.textLong"),
  displayName: z
    .string()
    .trim()
    .max(NAME_MAX, "qa.validation.nameLong")
    .optional()
    .transform((v) => v || undefined),
  anonymous: checkbox.optional().default(false),
});
export type AskInput = z.infer<typeof askSchema>;

export const voteSchema = z.object({
  questionId: idSchema,
  on: checkbox,
});
export type VoteInput = z.infer<typeof voteSchema>;

export const moderateSchema = z.object({
  questionId: idSchema,
  version,
  action: z.enum(moderatorActions, { errorMap: () => ({ message: "qa.validation.invalid" }) }),
  text: z.string().trim().max(QUESTION_MAX, "qa.validation.textLong").optional(),
  label: z.string().trim().max(LABEL_MAX, "qa.validation.labelLong").optional(),
  reply: z.string().trim().max(REPLY_MAX, "qa.validation.replyLong").optional(),
  intoId: optionalIdSchema,
});
export type ModerateInput = z.infer<typeof moderateSchema>;

export const sessionActions = ["premoderationOn", "premoderationOff", "close", "reopen", "clearScreen", "clearNext", "blockedWords"] as const;
export const sessionActionSchema = z.object({
  revision: version,
  action: z.enum(sessionActions, { errorMap: () => ({ message: "qa.validation.invalid" }) }),
  words: z.string().max(5000, "qa.validation.invalid").optional(),
});
export type SessionActionInput = z.infer<typeof sessionActionSchema>;

export const banSchema = z.object({ questionId: idSchema });

export const openSessionSchema = z.object({ premoderation: checkbox.optional().default(false) });
