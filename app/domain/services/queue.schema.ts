// Queue and helpdesk input: enum-like columns are strings validated here.
import { z } from "zod";
import { idSchema, optionalIdSchema } from "~/domain/ids";

export const PRIORITIES = ["elderly", "disability", "pregnant"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const CHANNELS = ["door", "kiosk", "phone"] as const;
export type Channel = (typeof CHANNELS)[number];
export const TICKET_STATUSES = ["waiting", "called", "serving", "served", "no_show", "transferred"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const ONLINE_SERVICES = ["jakevo", "jaki", "oss", "alpukat", "other"] as const;
export type OnlineService = (typeof ONLINE_SERVICES)[number];
export const CAN_DO_ALONE = ["yes", "no", "unsure"] as const;
export const QUEUE_ACTIONS = ["call", "recall", "noShow", "start", "serve", "transfer"] as const;
export type QueueAction = (typeof QUEUE_ACTIONS)[number];

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const takeNumberSchema = z.object({
  serviceId: idSchema,
  priority: z.preprocess(blankToUndefined, z.enum(PRIORITIES, { errorMap: () => ({ message: "error.invalid" }) }).optional()),
  channel: z.preprocess((v) => blankToUndefined(v) ?? "phone", z.enum(CHANNELS, { errorMap: () => ({ message: "error.invalid" }) })),
});
export type TakeNumberInput = z.infer<typeof takeNumberSchema>;

export const counterSchema = z.string().trim().min(1, "queue.validation.counter").max(20, "queue.validation.counter");

export const queueActionSchema = z.object({
  action: z.enum(QUEUE_ACTIONS, { errorMap: () => ({ message: "error.invalid" }) }),
  counter: z.preprocess(blankToUndefined, counterSchema.optional()),
  ticketId: optionalIdSchema,
  serviceId: optionalIdSchema,
});
export type QueueActionInput = z.infer<typeof queueActionSchema>;

export const helpdeskSchema = z.object({
  onlineService: z.enum(ONLINE_SERVICES, { errorMap: () => ({ message: "queue.validation.onlineService" }) }),
  serviceId: optionalIdSchema,
  ticketId: optionalIdSchema,
  difficulty: z.string().trim().max(1000, "error.invalid").default(""),
  canDoAlone: z.enum(CAN_DO_ALONE, { errorMap: () => ({ message: "queue.validation.canDoAlone" }) }),
});
export type HelpdeskInput = z.infer<typeof helpdeskSchema>;

/** YYYY-MM-DD, for the figures' period */
export const dayParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** the figures page's period: `?dari=&sampai=` (WIB days, both included); bad values fall back to the default */
export const figuresQuerySchema = z.object({
  dari: dayParam.optional().catch(undefined),
  sampai: dayParam.optional().catch(undefined),
});
export type FiguresQuery = z.infer<typeof figuresQuerySchema>;
