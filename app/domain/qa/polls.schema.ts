// Input schemas for live polls, shared by the HTTP actions and the socket handlers.
// Error messages are i18n keys.
import { z } from "zod";
import { idNumber, idSchema, MAX_ID } from "~/domain/ids";
import { POLL_QUESTION_MAX, POLL_QUESTION_MIN, pollActions, pollKinds, WORD_ANSWER_MAX } from "./polls";

const version = z.coerce
  .number({ invalid_type_error: "qa.validation.invalid" })
  .int("qa.validation.invalid")
  .min(0, "qa.validation.invalid")
  .max(MAX_ID, "qa.validation.invalid");

export const createPollSchema = z.object({
  kind: z.enum(pollKinds, { errorMap: () => ({ message: "polls.validation.kind" }) }),
  question: z
    .string({ required_error: "polls.validation.questionShort" })
    .trim()
    .min(POLL_QUESTION_MIN, "polls.validation.questionShort")
    .max(POLL_QUESTION_MAX, "polls.validation.questionLong"),
  /** choices, one per line (single and multiple choice) */
  options: z.string().max(2000, "polls.validation.optionLong").optional().default(""),
});
export type CreatePollInput = z.infer<typeof createPollSchema>;

/** Change a draft: the same fields as a new poll, with the version the moderator saw. */
export const editPollSchema = createPollSchema.extend({ pollId: idSchema, version });
export type EditPollInput = z.infer<typeof editPollSchema>;

/** Delete a draft, with the version the moderator saw. */
export const deletePollSchema = z.object({ pollId: idSchema, version });
export type DeletePollInput = z.infer<typeof deletePollSchema>;

export const pollActionSchema = z.object({
  pollId: idSchema,
  version,
  action: z.enum(pollActions, { errorMap: () => ({ message: "qa.validation.invalid" }) }),
});
export type PollActionInput = z.infer<typeof pollActionSchema>;

export const copyPollSchema = z.object({ sourceId: idSchema });

/** A form's choices: one value (radio) or several (checkboxes) with the same name. */
const optionIdsField = z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(idSchema).max(20, "qa.validation.invalid"));

export const answerSchema = z.object({
  pollId: idSchema,
  optionIds: optionIdsField.optional().default([]),
  words: z
    .string()
    .max(WORD_ANSWER_MAX * 2, "polls.validation.wordsLong")
    .optional(),
});
export type AnswerInput = z.infer<typeof answerSchema>;

/** Over a socket: JSON numbers. */
export const answerMessage = z.object({
  code: z.string().min(1).max(12),
  pollId: idNumber,
  optionIds: z.array(idNumber).max(20).optional().default([]),
  words: z
    .string()
    .max(WORD_ANSWER_MAX * 2, "polls.validation.wordsLong")
    .optional(),
});
