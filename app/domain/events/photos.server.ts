// Event photos: validated here (type from the bytes, size in bytes and in pixels, alt
// text), stored through the one ImageStore interface (local disk or Cloudinary).
// Aspirations' photos are checked by the same `readPhoto`.
import { z } from "zod";
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/errors";
import { idSchema } from "~/domain/ids";
import { detectImageType, PHOTO_MAX_BYTES, type ImageStore } from "~/domain/images/images";
import { readDimensions } from "~/domain/images/pixels.server";

export const photoSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("upload"),
    alt: z.string({ required_error: "events.validation.alt" }).trim().min(3, "events.validation.alt").max(300, "events.validation.alt"),
    cover: z
      .string()
      .optional()
      .transform((v) => v === "on"),
  }),
  z.object({ intent: z.literal("remove"), imageId: idSchema }),
  z.object({ intent: z.literal("cover"), imageId: idSchema }),
]);

function requireManager(actor: Actor | null): asserts actor is Actor {
  if (!can.manageEvents(actor)) throw new DomainError("error.403.text", undefined, undefined, 403);
}

/**
 * Checks the upload and returns its bytes, type and size. `file` is what the form sent
 * under "photo". The pixel limit is read from the header, before anything is decoded.
 */
export async function readPhoto(
  file: unknown,
): Promise<{ bytes: Buffer; mime: NonNullable<ReturnType<typeof detectImageType>>; width: number; height: number }> {
  if (!file || typeof file === "string" || typeof (file as Blob).arrayBuffer !== "function" || (file as Blob).size === 0) {
    throw new DomainError("events.photo.missing", "photo");
  }
  const blob = file as Blob;
  if (blob.size > PHOTO_MAX_BYTES) throw new DomainError("events.photo.tooLarge", "photo", undefined, 413);
  const bytes = Buffer.from(await blob.arrayBuffer());
  const mime = detectImageType(bytes);
  if (!mime) throw new DomainError("events.photo.type", "photo", undefined, 415);
  const { width, height } = await readDimensions(bytes);
  return { bytes, mime, width, height };
}

export async function addEventPhoto(db: Db, store: ImageStore, actor: Actor | null, eventId: number, input: { file: unknown; alt: string; cover: boolean }) {
  requireManager(actor);
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true } });
  if (!event) throw new DomainError("events.notFound", undefined, undefined, 404);
  const { bytes, mime } = await readPhoto(input.file);
  const saved = await store.save(bytes, mime);
  const count = await db.image.count({ where: { eventId } });
  const image = await db.$transaction(async (tx) => {
    if (input.cover || count === 0) await tx.image.updateMany({ where: { eventId }, data: { isCover: false } });
    return tx.image.create({ data: { ...saved, alt: input.alt, eventId, position: count, isCover: input.cover || count === 0 } });
  });
  await audit(db, {
    actorId: actor.id,
    action: "event.photo.add",
    targetType: "event",
    targetId: eventId,
    details: { imageId: image.id, provider: saved.provider },
  });
  return image;
}

export async function removeEventPhoto(db: Db, store: ImageStore, actor: Actor | null, eventId: number, imageId: number) {
  requireManager(actor);
  const image = await db.image.findFirst({ where: { id: imageId, eventId } });
  if (!image) throw new DomainError("events.notFound", undefined, undefined, 404);
  await db.image.delete({ where: { id: image.id } });
  await store.remove(image);
  if (image.isCover) {
    const next = await db.image.findFirst({ where: { eventId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
    if (next) await db.image.update({ where: { id: next.id }, data: { isCover: true } });
  }
  await audit(db, { actorId: actor.id, action: "event.photo.remove", targetType: "event", targetId: eventId, details: { imageId } });
}

export async function setCoverPhoto(db: Db, actor: Actor | null, eventId: number, imageId: number) {
  requireManager(actor);
  const image = await db.image.findFirst({ where: { id: imageId, eventId } });
  if (!image) throw new DomainError("events.notFound", undefined, undefined, 404);
  await db.$transaction([
    db.image.updateMany({ where: { eventId }, data: { isCover: false } }),
    db.image.update({ where: { id: imageId }, data: { isCover: true } }),
  ]);
  await audit(db, { actorId: actor.id, action: "event.photo.cover", targetType: "event", targetId: eventId, details: { imageId } });
}
