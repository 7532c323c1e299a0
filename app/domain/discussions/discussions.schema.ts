// Form and socket schemas for discussions. Error messages are i18n keys.
import { z } from "zod";
import { idNumber, idSchema, optionalIdSchema } from "~/domain/ids";

export const sorts = ["oldest", "newest", "supported"] as const;
export type Sort = (typeof sorts)[number];
export const topicStatuses = ["open", "answered", "closed"] as const;
export type TopicStatus = (typeof topicStatuses)[number];
export const postStatuses = ["visible", "pending", "hidden", "deleted"] as const;
export type PostStatus = (typeof postStatuses)[number];

export function parseSort(value: string | null | undefined): Sort {
  return (sorts as readonly string[]).includes(value ?? "") ? (value as Sort) : "oldest";
}

/** the inline forms a thread page opens from its URL (?form=reply&post=12) */
export const formKinds = ["reply", "edit", "delete", "report", "hide", "restore", "block"] as const;
export type FormKind = (typeof formKinds)[number];

/** The inline form asked for in a thread page's URL; anything else opens none. */
export function parseOpenForm(kind: string | null, post: string | null): { kind: FormKind; postId: number } | null {
  const postId = idSchema.safeParse(post ?? "");
  if (!(formKinds as readonly string[]).includes(kind ?? "") || !postId.success) return null;
  return { kind: kind as FormKind, postId: postId.data };
}

/** An id from a URL's query string (filters, paging): anything but a valid id means none. */
export function optionalQueryId(value: string | null): number | undefined {
  const parsed = idSchema.safeParse(value ?? "");
  return parsed.success ? parsed.data : undefined;
}

// ids from forms: digits within the databases' range (beyond it: a 400 next to the field, never a 500)
const id = idSchema;
/** a select the person must choose from: empty says which choice is missing */
const chosenId = (messageKey: string) => z.string({ required_error: messageKey }).trim().min(1, messageKey).pipe(idSchema);

export const body = z
  .string({ required_error: "discussions.validation.body" })
  .trim()
  .min(2, "discussions.validation.body")
  .max(10_000, "discussions.validation.bodyTooLong");
const reason = z
  .string({ required_error: "discussions.validation.reason" })
  .trim()
  .min(3, "discussions.validation.reason")
  .max(500, "discussions.validation.reasonTooLong");

export const newTopicSchema = z.object({
  title: z.string({ required_error: "discussions.validation.title" }).trim().min(5, "discussions.validation.title").max(160, "discussions.validation.title"),
  categoryId: chosenId("discussions.validation.category"),
  kelurahanId: optionalIdSchema,
  body,
});
export type NewTopicInput = z.infer<typeof newTopicSchema>;

export const threadActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reply"), parentId: id, body }),
  z.object({ intent: z.literal("edit"), postId: id, body }),
  z.object({ intent: z.literal("delete"), postId: id }),
  z.object({ intent: z.literal("support"), postId: id }),
  z.object({ intent: z.literal("unsupport"), postId: id }),
  z.object({ intent: z.literal("report"), postId: id, reason }),
  z.object({ intent: z.literal("hide"), postId: id, reason }),
  z.object({ intent: z.literal("restore"), postId: id, reason: z.string().trim().max(500, "discussions.validation.reasonTooLong").optional() }),
  z.object({ intent: z.literal("approve"), postId: id }),
  z.object({ intent: z.literal("reject"), postId: id, reason }),
  z.object({ intent: z.literal("answer"), postId: id }),
  z.object({ intent: z.literal("unanswer"), topicId: id }),
  z.object({
    intent: z.literal("topic"),
    topicId: id,
    status: z.enum(topicStatuses, { errorMap: () => ({ message: "discussions.validation.status" }) }),
    pinned: z.literal("on").optional(),
    locked: z.literal("on").optional(),
  }),
  z.object({ intent: z.literal("block"), userId: id, reason }),
  z.object({ intent: z.literal("unblock"), userId: id }),
]);
export type ThreadAction = z.infer<typeof threadActionSchema>;

export const categorySchema = z.object({
  categoryId: optionalIdSchema,
  slug: z
    .string({ required_error: "discussions.validation.slug" })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "discussions.validation.slug")
    .max(40, "discussions.validation.slug"),
  nameId: z
    .string({ required_error: "discussions.validation.categoryName" })
    .trim()
    .min(2, "discussions.validation.categoryName")
    .max(80, "discussions.validation.categoryName"),
  nameEn: z
    .string({ required_error: "discussions.validation.categoryName" })
    .trim()
    .min(2, "discussions.validation.categoryName")
    .max(80, "discussions.validation.categoryName"),
  position: z.coerce
    .number({ invalid_type_error: "discussions.validation.position" })
    .int("discussions.validation.position")
    .min(0, "discussions.validation.position")
    .max(999, "discussions.validation.position"),
  archived: z.literal("on").optional(),
  requireApproval: z.literal("on").optional(),
});
export type CategoryInput = z.infer<typeof categorySchema>;

export const settingsSchema = z.object({
  reportThreshold: z.coerce
    .number({ invalid_type_error: "discussions.validation.threshold" })
    .int("discussions.validation.threshold")
    .min(1, "discussions.validation.threshold")
    .max(50, "discussions.validation.threshold"),
  newAccountDays: z.coerce
    .number({ invalid_type_error: "discussions.validation.days" })
    .int("discussions.validation.days")
    .min(0, "discussions.validation.days")
    .max(365, "discussions.validation.days"),
});

/** socket payloads */
export const joinTopicSchema = z.object({ topicId: idNumber });
