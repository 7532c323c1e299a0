// Photos of an aspiration (up to 3), through the same image store as events
// (local disk with re-encoded variants, or Cloudinary). Every refusal, whether the
// upload check's or the store's (an unreadable picture, too many pixels), is about
// the form's "photos" field, and comes before the aspiration is written.
import type { Db } from "~/db/client.server";
import { DomainError } from "~/domain/errors";
import { readPhoto } from "~/domain/events/photos.server";
import { imageUrls, type ImageStore, type SavedImage } from "~/domain/images/images";

export const MAX_PHOTOS = 3;
export type Photo = Awaited<ReturnType<typeof readPhoto>>;

/** A refusal of the image domain, put next to the "photos" field. */
function asPhotosError(error: unknown): unknown {
  return error instanceof DomainError ? new DomainError(error.messageKey, "photos", error.params, error.status) : error;
}

/** Checks the uploaded files (type from the bytes, size, count) before anything is saved. */
export async function readPhotos(files: unknown[]): Promise<Photo[]> {
  const chosen = files.filter((f) => f && typeof f !== "string" && (f as Blob).size > 0);
  if (chosen.length > MAX_PHOTOS) throw new DomainError("aspirations.validation.photos", "photos", { max: MAX_PHOTOS });
  const photos: Photo[] = [];
  for (const file of chosen) {
    try {
      photos.push(await readPhoto(file));
    } catch (error) {
      throw asPhotosError(error);
    }
  }
  return photos;
}

/** Puts the photos into the store; when the store refuses one, the others are removed again. */
export async function storePhotos(store: ImageStore, photos: Photo[]): Promise<SavedImage[]> {
  const saved: SavedImage[] = [];
  try {
    for (const photo of photos) saved.push(await store.save(photo.bytes, photo.mime));
  } catch (error) {
    await discardPhotos(store, saved);
    throw asPhotosError(error);
  }
  return saved;
}

export async function discardPhotos(store: ImageStore, saved: SavedImage[]): Promise<void> {
  await Promise.all(saved.map((image) => store.remove(image).catch(() => undefined)));
}

/** Records the stored photos as the aspiration's images, the first one as its cover. */
export async function attachPhotos(db: Db, aspirationId: number, saved: SavedImage[], alt: string): Promise<void> {
  for (const [position, image] of saved.entries()) {
    await db.image.create({ data: { ...image, alt, aspirationId, position, isCover: position === 0 } });
  }
}

export async function aspirationPhotos(db: Db, store: Pick<ImageStore, "url">, code: string) {
  const images = await db.image.findMany({ where: { aspiration: { code } }, orderBy: { position: "asc" } });
  return images.map((img) => ({ id: img.id, alt: img.alt, width: img.width, height: img.height, ...imageUrls(store, img) }));
}
