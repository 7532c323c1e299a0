// Photos of an aspiration (up to 3), through the same image store as events
// (local disk with re-encoded variants, or Cloudinary).
import type { Db } from "~/db/client.server";
import { DomainError } from "~/domain/errors";
import { readPhoto } from "~/domain/events/photos.server";
import { imageUrls, type ImageStore } from "~/domain/images/images";

export const MAX_PHOTOS = 3;
export type Photo = Awaited<ReturnType<typeof readPhoto>>;

/** Checks the uploaded files (type from the bytes, size, count) before anything is saved. */
export async function readPhotos(files: unknown[]): Promise<Photo[]> {
  const chosen = files.filter((f) => f && typeof f !== "string" && (f as Blob).size > 0);
  if (chosen.length > MAX_PHOTOS) throw new DomainError("aspirations.validation.photos", "photos", { max: MAX_PHOTOS });
  const photos: Photo[] = [];
  for (const file of chosen) {
    try {
      photos.push(await readPhoto(file));
    } catch (error) {
      if (error instanceof DomainError) throw new DomainError(error.messageKey, "photos", error.params, error.status);
      throw error;
    }
  }
  return photos;
}

export async function savePhotos(db: Db, store: ImageStore, aspirationId: number, photos: Photo[], alt: string): Promise<void> {
  for (const [position, photo] of photos.entries()) {
    const saved = await store.save(photo.bytes, photo.mime);
    await db.image.create({ data: { ...saved, alt, aspirationId, position, isCover: position === 0 } });
  }
}

export async function aspirationPhotos(db: Db, store: Pick<ImageStore, "url">, code: string) {
  const images = await db.image.findMany({ where: { aspiration: { code } }, orderBy: { position: "asc" } });
  return images.map((img) => ({ id: img.id, alt: img.alt, width: img.width, height: img.height, ...imageUrls(store, img) }));
}
