// Form schemas for accounts. Error messages are i18n keys, rendered in the reader's language.
import { z } from "zod";
import { idSchema, optionalIdSchema } from "~/domain/ids";
import { parseIdentifier } from "./identifier";
import { roles } from "./roles";

export const DEMO_PASSWORD = "balai-demo";

/** a new password: sign-up, change, reset */
export const newPasswordSchema = z.string({ required_error: "form.required" }).min(8, "validation.passwordLength").max(200, "validation.passwordTooLong");

/** an e-mail or an Indonesian mobile number, normalised */
export const identifierSchema = z
  .string({ required_error: "form.required" })
  .trim()
  .min(1, "form.required")
  .transform((v, ctx) => {
    const parsed = parseIdentifier(v);
    if (!parsed) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "validation.identifier" });
      return z.NEVER;
    }
    return parsed;
  });

export const signupSchema = z.object({
  name: z.string({ required_error: "form.required" }).trim().min(2, "validation.name").max(100, "validation.name"),
  identifier: identifierSchema,
  password: newPasswordSchema,
  kelurahanId: optionalIdSchema,
  rwId: optionalIdSchema,
});
export type SignupInput = z.infer<typeof signupSchema>;

export const loginSchema = z.object({
  identifier: identifierSchema,
  password: z.string({ required_error: "form.required" }).min(1, "form.required").max(200, "validation.passwordTooLong"),
  redirectTo: z.string().optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ required_error: "form.required" }).min(1, "form.required"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ required_error: "form.required" }).min(1, "form.required"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "validation.passwordMismatch", path: ["confirmPassword"] });

export const changeRoleSchema = z.object({
  userId: idSchema,
  role: z.enum(roles, { errorMap: () => ({ message: "validation.role" }) }),
});

/** An administrator turns an account off (it can no longer sign in) or on again. */
export const accountStatusSchema = z.object({
  userId: idSchema,
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
