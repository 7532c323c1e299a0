// The boundary kit: the one way a route reads a form and the one place a domain
// error becomes an HTTP answer. Every loader is `defineLoader(...)`, every action
// `defineAction(...)`:
//
//   export const action = defineAction(async ({ context, form }) => {
//     const input = form.parse(signupSchema);       // CSRF already checked; errors go next to the fields
//     await signUp(context.db, input, context.config); // a DomainError lands next to its field, or on the error page
//     return redirectWithFlash(context, "/", { key: "auth.signup.done" });
//   });
//
// Action data is typed from the action itself (`useActionData<typeof action>()`),
// so pages never cast it.
import { data, redirect } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { timingSafeEqual } from "node:crypto";
import type { z } from "zod";
import type { AppServices } from "~/context";
import { DomainError } from "~/domain/errors";
import { MAX_ID } from "~/domain/ids";
import type { ErrorData, FieldErrors, FormFailure, Message } from "./forms";
import { setFlash, type Flash } from "./flash.server";

export const CSRF_FIELD = "csrf";
/** fields never echoed back to the page */
const SECRET_FIELDS = /password/i;
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** A refused form, thrown by `form.parse` and answered by `defineAction`. */
class FormRefused extends Error {
  constructor(readonly failure: FormFailure) {
    super("form refused");
  }
}

/** What an action's `form` gives: the fields, checked once against the request's CSRF token. */
export interface FormReader {
  /** Validates the whole form; on failure the action answers the errors next to their fields. */
  parse<S extends z.ZodTypeAny>(schema: S): z.output<S>;
  /** One text field as sent (e.g. the `intent` that picks the schema). */
  get(name: string): string | undefined;
  /** The raw form, for files and repeated fields. */
  readonly data: FormData;
  /** What the person typed (passwords left out), to give back with an error. */
  readonly values: Record<string, string>;
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

/**
 * The error page's answer: a JSON Response, which a document route's ErrorBoundary
 * reads as `error.data` and a resource route (CSV, ICS, images) sends as it is —
 * a thrown `data()` would reach a resource route's caller as a generic 500.
 */
function pageError(messageKey: ErrorData["messageKey"], status: number, params?: ErrorData["params"]): Response {
  const body: ErrorData = params ? { messageKey, params } : { messageKey };
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
}

/** Reads the body of a form post (or throws a 400/403 error page): the content type, the CSRF token. */
export async function readFormData(request: Request, ctx: Pick<AppServices, "csrfToken">): Promise<FormData> {
  if (!FORM_TYPES.test(request.headers.get("Content-Type") ?? "")) throw pageError("error.badRequest", 400);
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw pageError("error.badRequest", 400);
  }
  const token = formData.get(CSRF_FIELD);
  if (typeof token !== "string" || !sameToken(token, ctx.csrfToken)) throw pageError("error.csrf", 403);
  return formData;
}

/** The form's fields as plain values for a schema: one string, or a list for repeated fields. */
function rawFields(formData: FormData): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    raw[key] = all.length > 1 ? all : all[0];
  }
  return raw;
}

export function formReader(formData: FormData): FormReader {
  const values = formValues(formData);
  return {
    data: formData,
    values,
    get(name) {
      const v = formData.get(name);
      return typeof v === "string" ? v : undefined;
    },
    parse(schema) {
      const parsed = schema.safeParse(rawFields(formData));
      if (parsed.success) return parsed.data;
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path.join(".") || "_form";
        errors[field] ??= { key: (issue.message.includes(".") ? issue.message : "form.required") as Message["key"] };
      }
      throw new FormRefused({ ok: false, errors, values });
    },
  };
}

/**
 * The one mapping from an error to an HTTP answer. A refused form and a domain
 * error about a field (or about the form as a whole) go back to the form with
 * what was typed; "not found" and "not allowed" without a field become the error
 * page with the error's own message. Anything else is a bug and is rethrown (500).
 */
export function domainErrorResponse(error: unknown, values?: Record<string, string>) {
  if (error instanceof FormRefused) return data(error.failure, { status: 400 });
  if (!(error instanceof DomainError)) throw error;
  const message: Message = error.params ? { key: error.messageKey, params: error.params } : { key: error.messageKey };
  const pageLevel = !error.field && (error.status === 403 || error.status === 404 || error.status === 401);
  if (values === undefined || pageLevel) throw pageError(error.messageKey, error.status, error.params);
  const failure: FormFailure = error.field ? { ok: false, errors: { [error.field]: message }, values } : { ok: false, errors: {}, values, formError: message };
  return data(failure, { status: error.status });
}

/** A loader whose domain errors become the error page with their message. */
export function defineLoader<Args extends LoaderFunctionArgs, R>(fn: (args: Args) => Promise<R>) {
  return async (args: Args): Promise<R> => {
    try {
      return await fn(args);
    } catch (error) {
      domainErrorResponse(error); // throws the error page, or rethrows
      throw error;
    }
  };
}

/** An action that reads its form first (content type, CSRF), then runs; refusals come back to the form. */
export function defineAction<Args extends ActionFunctionArgs, R>(fn: (args: Args & { form: FormReader }) => Promise<R>) {
  return async (args: Args) => {
    let form: FormReader | undefined;
    try {
      form = formReader(await readFormData(args.request, args.context));
      return await fn({ ...args, form });
    } catch (error) {
      return domainErrorResponse(error, form?.values);
    }
  };
}

/**
 * The action of a resource route (no page, answers JSON): like defineAction, but a
 * refusal is a Response with its status. Outside a page Remix answers `data(…, {status})`
 * with 200 and drops the status, so a rate-limited client would read it as success.
 */
export function defineResourceAction<Args extends ActionFunctionArgs, R>(fn: (args: Args & { form: FormReader }) => Promise<R>) {
  const action = defineAction(fn);
  return async (args: Args) => {
    const result = await action(args);
    if (typeof result === "object" && result !== null && "type" in result && result.type === "DataWithResponseInit" && "data" in result && "init" in result) {
      const init = (result.init ?? {}) as ResponseInit;
      return Response.json(result.data, { ...init, headers: { "Cache-Control": "no-store", ...Object.fromEntries(new Headers(init.headers)) } });
    }
    return result;
  };
}

/** A whole-number id from the URL; anything else (or beyond the databases' range) is "not found". */
export function idParam(params: Record<string, string | undefined>, name = "id", notFoundKey: ErrorData["messageKey"] = "error.404.text"): number {
  const raw = params[name] ?? "";
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(id) || id <= 0 || id > MAX_ID) throw new DomainError(notFoundKey, undefined, undefined, 404);
  return id;
}

/** Throws the error page for "not found" with the area's own message. */
export function notFound(messageKey: ErrorData["messageKey"] = "error.404.text"): never {
  throw new DomainError(messageKey, undefined, undefined, 404);
}

/** Redirect with a one-shot message shown on the next page. */
export async function redirectWithFlash(ctx: Pick<AppServices, "config">, to: string, flash: Flash, headers: Headers = new Headers()) {
  headers.append("Set-Cookie", await setFlash(ctx, flash));
  return redirect(to, { headers });
}
