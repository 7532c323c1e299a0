// Messages residents send to the kecamatan's WhatsApp number (the Cloud API webhook).
// - "STATUS ABCD-2345" answers the aspiration's current status;
// - "BERHENTI" (or STOP) stops every message to that number, "MULAI" starts them again;
// - a message that describes something (at least 5 words) becomes an aspiration with
//   channel "whatsapp" and the reply carries its tracking code and link; photos become
//   its photos (a photo without text within 30 minutes joins the sender's last one);
// - anything else waits in the staff inbox (/aspirations/staff/inbox).
// The provider's message id is unique: a repeated delivery of the webhook adds nothing.
// Numbers are never logged, only recipient tags.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Db } from "~/db/client.server";
import { submitFromMessage } from "~/domain/aspirations/aspirations.server";
import { normalizeCode } from "~/domain/aspirations/code";
import { MAX_PHOTOS, discardPhotos } from "~/domain/aspirations/photos.server";
import { DomainError, isUniqueViolation } from "~/domain/errors";
import { readPhoto } from "~/domain/events/photos.server";
import type { ImageStore, SavedImage } from "~/domain/images/images";
import { defaultLocale, isMessageKey, translate, type Locale } from "~/i18n";
import { recipientTag } from "./mailer.server";
import { enqueueReply, normalizeContact, recordConsent } from "./outbox.server";
import type { WhatsAppClient } from "./providers.server";
import { absoluteUrl } from "./templates";

// ------------------------------------------------------------------ the payload

const messageSchema = z.object({
  from: z.string().regex(/^\d{6,15}$/),
  id: z.string().min(1).max(200),
  timestamp: z.string().regex(/^\d{1,12}$/),
  type: z.string().max(30),
  text: z.object({ body: z.string().max(4096) }).optional(),
  image: z.object({ id: z.string().min(1).max(200), mime_type: z.string().max(100).optional(), caption: z.string().max(1024).optional() }).optional(),
});

export const webhookSchema = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z
    .array(
      z.object({
        id: z.string(),
        changes: z
          .array(
            z.object({
              field: z.string(),
              value: z.object({
                messaging_product: z.literal("whatsapp"),
                contacts: z
                  .array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string().max(200) }).optional() }))
                  .max(100)
                  .optional(),
                messages: z.array(messageSchema).max(100).optional(),
                statuses: z.array(z.unknown()).optional(),
              }),
            }),
          )
          .max(100),
      }),
    )
    .max(100),
});
export type WebhookPayload = z.infer<typeof webhookSchema>;
export type IncomingMessage = z.infer<typeof messageSchema> & { name?: string };

/** X-Hub-Signature-256: "sha256=" + HMAC-SHA256 of the raw body with the app secret. */
export function validSignature(appSecret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header || !header.startsWith("sha256=")) return false;
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  const given = Buffer.from(header.slice("sha256=".length), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The messages of a payload, each with the sender's profile name. */
export function messagesOf(payload: WebhookPayload): IncomingMessage[] {
  const out: IncomingMessage[] = [];
  for (const entry of payload.entry)
    for (const change of entry.changes) {
      const names = new Map((change.value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const m of change.value.messages ?? []) out.push({ ...m, name: names.get(m.from) });
    }
  return out;
}

// ------------------------------------------------------------------ what a message means

export type Intent = { kind: "stop" } | { kind: "start" } | { kind: "status"; code: string | null; raw: string } | { kind: "aspiration" } | { kind: "queue" };

export const MIN_WORDS = 5;

export function intentOf(text: string, hasPhoto: boolean): Intent {
  const t = text.trim();
  if (/^(berhenti|stop|unsubscribe)[.!]?$/i.test(t)) return { kind: "stop" };
  if (/^(mulai|start)[.!]?$/i.test(t)) return { kind: "start" };
  const status = /^(?:status|cek|lacak)\s+([A-Za-z0-9 -]{8,12})$/i.exec(t);
  if (status) return { kind: "status", code: normalizeCode(status[1]), raw: status[1].trim().toUpperCase() };
  const words = t.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
  if (words.length >= MIN_WORDS && t.length >= 25) return { kind: "aspiration" };
  if (hasPhoto && words.length >= 3) return { kind: "aspiration" };
  return { kind: "queue" };
}

// ------------------------------------------------------------------ handling one message

export interface InboundDeps {
  db: Db;
  images: ImageStore;
  whatsapp?: WhatsAppClient;
  publicUrl?: string;
  log?: (line: string) => void;
}

export type Outcome = "duplicate" | "aspiration" | "photo" | "status" | "stop" | "start" | "queued" | "refused";

const PHOTO_JOIN_MS = 30 * 60_000;

function statusLabel(locale: Locale, status: string): string {
  const key = `aspirations.status.${status}`;
  return isMessageKey(key) ? translate(locale, key) : status;
}

async function downloadPhoto(deps: InboundDeps, mediaId: string): Promise<SavedImage> {
  if (!deps.whatsapp) throw new DomainError("events.photo.missing");
  const media = await deps.whatsapp.downloadMedia(mediaId);
  // the image domain's checks: type from the bytes, 5 MB, 40 megapixels (read from the header)
  const photo = await readPhoto(new Blob([new Uint8Array(media.bytes)]));
  return deps.images.save(photo.bytes, photo.mime);
}

export async function handleMessage(deps: InboundDeps, m: IncomingMessage, now = new Date()): Promise<Outcome> {
  const { db } = deps;
  const log = deps.log ?? console.log;
  const phone = normalizeContact(`+${m.from}`);
  const tag = recipientTag(phone);
  if (await db.inboundMessage.findUnique({ where: { providerMessageId: m.id }, select: { id: true } })) return "duplicate";

  const text = (m.type === "image" ? m.image?.caption : m.text?.body) ?? "";
  if (m.type !== "text" && m.type !== "image") {
    log(`[whatsapp] message of type ${m.type} from ${tag} kept for staff`);
  }
  // a photo is fetched and checked before anything is written: a refused one leaves nothing behind
  let photos: SavedImage[] = [];
  if (m.type === "image" && m.image) {
    try {
      photos = [await downloadPhoto(deps, m.image.id)];
    } catch (error) {
      log(`[whatsapp] photo from ${tag} refused: ${error instanceof DomainError ? error.messageKey : (error as Error).message}`);
      photos = [];
    }
  }
  const intent = m.type === "text" || m.type === "image" ? intentOf(text, photos.length > 0) : ({ kind: "queue" } as const);

  try {
    return await db.$transaction(async (txClient) => {
      const tx = txClient as Db;
      // writing to us is the consent to be answered (UU 27/2022: purpose and date recorded)
      const point = await recordConsent(tx, phone, "whatsapp.conversation", undefined, now);
      const locale: Locale = point.locale === "en" ? "en" : defaultLocale;
      const base = {
        channel: "whatsapp",
        providerMessageId: m.id,
        contactId: point.id,
        kind: m.type === "image" ? "image" : "text",
        text,
        photos: JSON.stringify(photos),
        receivedAt: now,
      };
      const reply = (template: Parameters<typeof enqueueReply>[3]["template"], params: Record<string, string | number>, link?: string) =>
        enqueueReply(tx, point.id, "whatsapp", { template, params, link, locale, key: `wa:${m.id}:reply` }, now);

      switch (intent.kind) {
        case "stop":
          await tx.contactPoint.update({ where: { id: point.id }, data: { optedOutAt: now } });
          await tx.inboundMessage.create({ data: { ...base, outcome: "stop", handledAt: now } });
          await reply("channels.wa.stopped", {});
          return "stop";
        case "start":
          await tx.contactPoint.update({ where: { id: point.id }, data: { optedOutAt: null } });
          await tx.inboundMessage.create({ data: { ...base, outcome: "start", handledAt: now } });
          await reply("channels.wa.started", {});
          return "start";
        case "status": {
          const a = intent.code
            ? await tx.aspiration.findUnique({
                where: { code: intent.code },
                select: { code: true, title: true, status: true, groupPrimary: { select: { status: true } } },
              })
            : null;
          await tx.inboundMessage.create({ data: { ...base, outcome: "status", handledAt: now } });
          if (!a) await reply("channels.wa.statusUnknown", { code: intent.raw });
          else {
            const link = absoluteUrl(deps.publicUrl, `/aspirations/${a.code}`)!;
            await reply("channels.wa.status", { code: a.code, title: a.title, status: statusLabel(locale, a.groupPrimary?.status ?? a.status), link });
          }
          return "status";
        }
        case "aspiration": {
          const created = await submitFromMessage(tx, { text, channel: "whatsapp", contact: phone, name: m.name ?? null, photos }, now);
          await tx.inboundMessage.create({ data: { ...base, outcome: "aspiration", aspirationId: created.id, handledAt: now } });
          await reply("channels.wa.received", { code: created.code, link: absoluteUrl(deps.publicUrl, `/aspirations/${created.code}`)! });
          return "aspiration";
        }
        default: {
          // a photo alone, shortly after the sender's aspiration, joins it
          if (photos.length && !text.trim()) {
            const last = await tx.inboundMessage.findFirst({
              where: { contactId: point.id, aspirationId: { not: null }, receivedAt: { gte: new Date(now.getTime() - PHOTO_JOIN_MS) } },
              orderBy: { receivedAt: "desc" },
              select: { aspirationId: true },
            });
            if (last?.aspirationId) {
              const aspiration = await tx.aspiration.findUniqueOrThrow({
                where: { id: last.aspirationId },
                select: { id: true, code: true, title: true, _count: { select: { images: true } } },
              });
              if (aspiration._count.images < MAX_PHOTOS) {
                await attachPhotosAt(tx, aspiration.id, aspiration._count.images, photos, aspiration.title);
                await tx.inboundMessage.create({ data: { ...base, outcome: "photo", aspirationId: aspiration.id, handledAt: now } });
                await reply("channels.wa.photoAdded", { code: aspiration.code });
                return "photo";
              }
            }
          }
          await tx.inboundMessage.create({ data: { ...base, outcome: "queued" } });
          await reply("channels.wa.queued", {});
          return "queued";
        }
      }
    });
  } catch (error) {
    await discardPhotos(deps.images, photos);
    // the same message delivered twice at the same moment: the other delivery stored it
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}

async function attachPhotosAt(tx: Db, aspirationId: number, from: number, photos: SavedImage[], title: string) {
  for (const [i, image] of photos.entries()) {
    await tx.image.create({
      data: { ...image, alt: translate(defaultLocale, "aspirations.new.photoAlt", { title }), aspirationId, position: from + i, isCover: from + i === 0 },
    });
  }
}

// ------------------------------------------------------------------ the staff inbox

export async function listInbox(db: Db) {
  const rows = await db.inboundMessage.findMany({
    where: { outcome: "queued" },
    orderBy: { receivedAt: "asc" },
    take: 100,
    select: { id: true, text: true, photos: true, kind: true, receivedAt: true, contact: { select: { value: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    kind: r.kind,
    photoCount: (JSON.parse(r.photos) as unknown[]).length,
    receivedAt: r.receivedAt,
    // staff see the number (they may call back); it never reaches a log
    from: r.contact.value,
  }));
}

async function queued(tx: Db, id: number) {
  const row = await tx.inboundMessage.findUnique({ where: { id }, include: { contact: true } });
  if (!row || row.outcome !== "queued") throw new DomainError("channels.inbox.notFound", undefined, undefined, 404);
  return row;
}

/** Staff turn a waiting message into an aspiration; the resident gets the code on WhatsApp. */
export async function convertToAspiration(db: Db, staffId: number, id: number, input: { title: string; text?: string }, publicUrl?: string, now = new Date()) {
  return db.$transaction(async (txClient) => {
    const tx = txClient as Db;
    const row = await queued(tx, id);
    const photos = JSON.parse(row.photos) as SavedImage[];
    const created = await submitFromMessage(
      tx,
      { text: input.text?.trim() || row.text || input.title, title: input.title, channel: "whatsapp", contact: row.contact.value, photos },
      now,
    );
    const { count } = await tx.inboundMessage.updateMany({
      where: { id, outcome: "queued" },
      data: { outcome: "converted", aspirationId: created.id, handledById: staffId, handledAt: now },
    });
    if (count !== 1) throw new DomainError("channels.inbox.notFound", undefined, undefined, 409);
    const locale: Locale = row.contact.locale === "en" ? "en" : defaultLocale;
    await enqueueReply(
      tx,
      row.contactId,
      "whatsapp",
      {
        template: "channels.wa.received",
        params: { code: created.code, link: absoluteUrl(publicUrl, `/aspirations/${created.code}`)! },
        locale,
        key: `inbox:${id}:converted`,
      },
      now,
    );
    return created;
  });
}

/** Staff answer a waiting message on WhatsApp. */
export async function answerMessage(db: Db, staffId: number, id: number, answer: string, now = new Date()) {
  await db.$transaction(async (txClient) => {
    const tx = txClient as Db;
    const row = await queued(tx, id);
    const { count } = await tx.inboundMessage.updateMany({
      where: { id, outcome: "queued" },
      data: { outcome: "answered", answer, handledById: staffId, handledAt: now },
    });
    if (count !== 1) throw new DomainError("channels.inbox.notFound", undefined, undefined, 409);
    const locale: Locale = row.contact.locale === "en" ? "en" : defaultLocale;
    await enqueueReply(tx, row.contactId, "whatsapp", { template: "channels.wa.answer", params: { answer }, locale, key: `inbox:${id}:answered` }, now);
  });
}
