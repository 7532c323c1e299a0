// Form schemas for events, RSVPs and check-in. Error messages are i18n keys.
import { z } from "zod";
import { idNumber, idSchema, MAX_ID, optionalIdSchema } from "~/domain/ids";
import { parseIdentifier } from "~/domain/accounts/identifier";
import { MAX_OCCURRENCES, REPEAT_KINDS } from "./recurrence";
import type { MessageKey } from "~/i18n";
import { wibToDate } from "./wib";

/** Ngopi Dursa, Dursa Vaganza, and the digital class (kelas digital) of a service unit's helpdesk, linked to the services it teaches */
export const EVENT_KINDS = ["dialogue", "fair", "class"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The name of an event's kind, for pages and calendar entries. */
export const eventKindKey = (kind: string): MessageKey => (kind === "fair" ? "event.kind.fair" : kind === "class" ? "event.kind.class" : "event.kind.dialogue");
export const EVENT_STATUSES = ["draft", "published", "cancelled", "completed"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const ACCESSIBILITY = ["wheelchair", "sign_language", "elderly_seating", "childcare", "accessible_toilet", "large_print"] as const;
export type Accessibility = (typeof ACCESSIBILITY)[number];

const text = (min: number, max: number, key: string) =>
  z.string({ required_error: "form.required" }).trim().min(1, "form.required").min(min, key).max(max, key);

const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, key)
    .optional()
    .transform((v) => (v ? v : undefined));

const optionalInt = (min: number, max: number, key: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : undefined))
    .pipe(z.number({ invalid_type_error: key }).int(key).min(min, key).max(max, key).optional());

const optionalNumber = (min: number, max: number, key: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v.replace(",", ".")) : undefined))
    .pipe(z.number({ invalid_type_error: key }).min(min, key).max(max, key).optional());

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .superRefine((arr, ctx) => {
      if (arr.some((a) => !(values as readonly string[]).includes(a))) ctx.addIssue({ code: "custom", message: "events.validation.accessibility" });
    })
    .transform((arr) => arr as T[number][]);

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "1" || v === "true");

/** "Nama — Jabatan" (one per line): officials attending a dialogue */
function lines(max: number) {
  return z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(300, "events.validation.line")).max(max, "events.validation.lines"));
}

/** "Name — description" or "Name: description" -> [name, description] */
export function splitPair(line: string): [string, string] {
  const m = /^(.+?)\s*(?:—|–|:| - )\s*(.*)$/.exec(line);
  return m ? [m[1].trim(), m[2].trim()] : [line.trim(), ""];
}

export const eventFormSchema = z
  .object({
    kind: z.enum(EVENT_KINDS, { errorMap: () => ({ message: "events.validation.kind" }) }),
    title: text(5, 150, "events.validation.title"),
    description: z.string().trim().max(5000, "events.validation.description").optional().default(""),
    topic: optionalText(200, "events.validation.topic"),
    date: z.string({ required_error: "form.required" }).regex(/^\d{4}-\d{2}-\d{2}$/, "events.validation.date"),
    startTime: z.string({ required_error: "form.required" }).regex(/^\d{2}:\d{2}$/, "events.validation.time"),
    endTime: z.string({ required_error: "form.required" }).regex(/^\d{2}:\d{2}$/, "events.validation.time"),
    venueName: text(3, 150, "events.validation.venueName"),
    venueAddress: text(5, 300, "events.validation.venueAddress"),
    kelurahanId: optionalIdSchema,
    rwId: optionalIdSchema,
    latitude: optionalNumber(-90, 90, "events.validation.latitude"),
    longitude: optionalNumber(-180, 180, "events.validation.longitude"),
    capacity: optionalInt(1, 10000, "events.validation.capacity"),
    registrationOpen: checkbox,
    accessibility: list(ACCESSIBILITY),
    agenda: lines(20),
    officials: lines(20),
    stalls: lines(30),
    repeat: z.enum(REPEAT_KINDS).optional().default("none"),
    occurrences: optionalInt(2, MAX_OCCURRENCES, "events.validation.occurrences"),
  })
  .superRefine((v, ctx) => {
    const start = wibToDate(v.date, v.startTime);
    const end = wibToDate(v.date, v.endTime);
    if (!start) ctx.addIssue({ code: "custom", path: ["date"], message: "events.validation.date" });
    else if (end && end <= start) ctx.addIssue({ code: "custom", path: ["endTime"], message: "events.validation.endBeforeStart" });
    if ((v.latitude === undefined) !== (v.longitude === undefined)) {
      ctx.addIssue({ code: "custom", path: [v.latitude === undefined ? "latitude" : "longitude"], message: "events.validation.coordinates" });
    }
    if (v.repeat !== "none" && v.occurrences === undefined) {
      ctx.addIssue({ code: "custom", path: ["occurrences"], message: "events.validation.occurrences" });
    }
  })
  .transform((v) => ({
    ...v,
    startsAt: wibToDate(v.date, v.startTime)!,
    endsAt: wibToDate(v.date, v.endTime)!,
  }));
export type EventFormInput = z.infer<typeof eventFormSchema>;

export const cancelEventSchema = z.object({ reason: text(5, 500, "events.validation.reason") });
export const closeEventSchema = z.object({
  summary: text(10, 5000, "events.validation.summary"),
  attendanceCount: optionalInt(0, 100000, "events.validation.attendance"),
});

export const guestRsvpSchema = z.object({
  name: text(2, 100, "validation.name"),
  contact: z
    .string({ required_error: "form.required" })
    .trim()
    .min(1, "form.required")
    .transform((v, ctx) => {
      const parsed = parseIdentifier(v);
      if (!parsed) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "events.validation.contact" });
        return z.NEVER;
      }
      return parsed.value;
    }),
});

export const RSVP_CODE = /^[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}$/;
export const codeSchema = z
  .string({ required_error: "form.required" })
  .trim()
  .min(1, "form.required")
  .transform((v) => v.toUpperCase().replace(/\s+/g, ""))
  .refine((v) => RSVP_CODE.test(v), "events.validation.code")
  .transform((v) => (v.includes("-") ? v : `${v.slice(0, 4)}-${v.slice(4)}`));

export const checkInSchema = z.object({ code: codeSchema });
export const walkInSchema = z.object({
  name: text(2, 100, "validation.name"),
  contact: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const parsed = parseIdentifier(v);
      if (!parsed) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "events.validation.contact" });
        return z.NEVER;
      }
      return parsed.value;
    }),
});
/** A row's check-in / undo button: the registration's id (beyond the integer range: a 400, never a 500). */
export const rsvpIdSchema = z.object({ rsvpId: idSchema });

/** Query parameters of /events and /calendar.ics (invalid values are ignored, not errors). */
export interface EventFilters {
  kind?: EventKind;
  kelurahanId?: number;
  access: Accessibility[];
}

export function parseFilters(params: URLSearchParams): EventFilters {
  const kind = params.get("kind");
  const kel = Number(params.get("kelurahan"));
  return {
    kind: (EVENT_KINDS as readonly string[]).includes(kind ?? "") ? (kind as EventKind) : undefined,
    kelurahanId: Number.isInteger(kel) && kel > 0 && kel <= MAX_ID ? kel : undefined,
    access: params.getAll("access").filter((a): a is Accessibility => (ACCESSIBILITY as readonly string[]).includes(a)),
  };
}

export function filtersToParams(f: EventFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.kind) p.set("kind", f.kind);
  if (f.kelurahanId) p.set("kelurahan", String(f.kelurahanId));
  for (const a of f.access) p.append("access", a);
  return p;
}

export function parseAccessibility(json: string): Accessibility[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((a): a is Accessibility => (ACCESSIBILITY as readonly string[]).includes(a)) : [];
  } catch {
    return [];
  }
}

/** Socket payload of "event:join" / "event:leave". */
export const joinEventSchema = z.object({ eventId: idNumber }).strict();
