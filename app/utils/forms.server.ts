// DEPRECATED shim while routes move to ./boundary.server (defineAction): delete when unused.
// Every form action goes through `readForm`: CSRF check, then schema validation.
// On failure it returns the errors (as i18n keys) and what the person typed, so
// the page can show each error next to its field and lose nothing.
import { json } from "@remix-run/node";
import { timingSafeEqual } from "node:crypto";
import type { z } from "zod";
import type { AppServices } from "~/context";
import { DomainError } from "~/domain/errors";
import { readFormData } from "./boundary.server";
import type { MessageKey, Params } from "~/i18n";

export const CSRF_FIELD = "csrf";
/** fields never echoed back to the page */
const SECRET_FIELDS = /password/i;

export type FieldErrors = Record<string, { key: MessageKey; params?: Params }>;
export interface FormFailure {
  ok: false;
  errors: FieldErrors;
  values: Record<string, string>;
  formError?: { key: MessageKey; params?: Params };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** What the person typed, to put back into the form; repeated fields are joined with commas. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of formData) {
    if (typeof v !== "string" || k === CSRF_FIELD || SECRET_FIELDS.test(k)) continue;
    values[k] = k in values ? `${values[k]},${v}` : v;
  }
  return values;
}

export async function readForm<S extends z.ZodTypeAny>(
  request: Request,
  ctx: Pick<AppServices, "csrfToken">,
  schema: S,
): Promise<{ ok: true; data: z.output<S>; formData: FormData } | FormFailure> {
  const formData = await readFormData(request, ctx);
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    raw[key] = all.length > 1 ? all : all[0];
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data, formData };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join(".") || "_form";
    errors[field] ??= { key: (issue.message.includes(".") ? issue.message : "form.required") as MessageKey };
  }
  return { ok: false, errors, values: formValues(formData) };
}

/** A domain rule broken by valid-looking input: show it next to its field. */
export function failure(error: DomainError, formData: FormData): FormFailure {
  const entry = { key: error.messageKey, params: error.params };
  return error.field
    ? { ok: false, errors: { [error.field]: entry }, values: formValues(formData) }
    : { ok: false, errors: {}, values: formValues(formData), formError: entry };
}

export function invalid(result: FormFailure, status = 400) {
  return json(result, { status });
}
