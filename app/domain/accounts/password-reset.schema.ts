// Form schemas of "lupa kata sandi" and the counter reset. Error messages are i18n keys.
import { z } from "zod";
import { identifierSchema, newPasswordSchema } from "./accounts.schema";
import { COUNTER_METHODS, IDENTITY_DOCUMENTS } from "./password-reset";

export const forgotPasswordSchema = z.object({ identifier: identifierSchema });

const confirmed = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ ...shape, newPassword: newPasswordSchema, confirmPassword: z.string({ required_error: "form.required" }).min(1, "form.required") })
    .refine((v) => v.newPassword === v.confirmPassword, { message: "validation.passwordMismatch", path: ["confirmPassword"] });

export const resetWithLinkSchema = confirmed({});

export const resetWithCodeSchema = confirmed({
  identifier: identifierSchema,
  code: z
    .string({ required_error: "form.required" })
    .transform((v) => v.toUpperCase().replace(/[^A-Z0-9]/g, ""))
    .refine((v) => v.length > 0, "form.required")
    .refine((v) => v.length <= 20, "accounts.reset.codeInvalid"),
});

export const counterResetSchema = z.object({
  identityChecked: z.literal("on", { errorMap: () => ({ message: "accounts.counter.identityRequired" }) }),
  documentType: z.enum(IDENTITY_DOCUMENTS, { errorMap: () => ({ message: "accounts.counter.documentRequired" }) }),
  method: z.enum(COUNTER_METHODS, { errorMap: () => ({ message: "accounts.counter.methodRequired" }) }),
});

export const counterSearchSchema = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
