// Photos on the web form: every refusal (the upload check's or the image store's, e.g.
// an unreadable picture or, soon, too many pixels) lands next to the "photos" field,
// and nothing is written when the store refuses.
import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "~/domain/errors";
import type { ImageMime, ImageStore, SavedImage, StoredImageRef } from "~/domain/images/images";
import { aCategory, aKelurahan, aPng } from "~/../prisma/builders";
import { webSubmitSchema } from "./aspirations.schema";
import { submitAspiration } from "./aspirations.server";
import { readPhotos } from "./photos.server";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const database = withTempDatabase("balai-asp-photos-");
let fields: { categoryId: string; kelurahanId: string };
const silent = { send: async () => undefined };
const PNG = aPng(8, 6);
const photo = (bytes: Buffer) => new Blob([new Uint8Array(bytes)], { type: "image/png" });

beforeAll(async () => {
  const [category, kelurahan] = await Promise.all([aCategory(database().db), aKelurahan(database().db)]);
  fields = { categoryId: String(category.id), kelurahanId: String(kelurahan.id) };
});

/** A store that keeps `accept` photos and refuses the next one as the image domain does. */
function refusingStore(accept: number) {
  const kept: StoredImageRef[] = [];
  const removed: StoredImageRef[] = [];
  const store: ImageStore = {
    provider: "local",
    async save(_bytes: Buffer, _mime: ImageMime): Promise<SavedImage> {
      if (kept.length >= accept) throw new DomainError("events.photo.unreadable", "photo", undefined, 422);
      const image = { provider: "local" as const, storageKey: `${kept.length}.png`, width: 8, height: 6 };
      kept.push(image);
      return image;
    },
    async remove(image) {
      removed.push(image);
    },
    url: () => "",
  };
  return { store, kept, removed };
}

const input = (title: string) =>
  webSubmitSchema.parse({ intent: "submit", identity: "guest", title, description: "Uraian yang cukup panjang untuk diterima.", ...fields });

describe("photos of a web submission", () => {
  it("puts the upload check's refusals next to the photos field", async () => {
    await expect(readPhotos([photo(Buffer.from("bukan gambar"))])).rejects.toMatchObject({ field: "photos", status: 415 });
    await expect(readPhotos([1, 2, 3, 4].map(() => photo(PNG)))).rejects.toMatchObject({ field: "photos", messageKey: "aspirations.validation.photos" });
    // the image domain's pixel limit (15000 × 15000 is far over it)
    await expect(readPhotos([photo(PNG), photo(aPng(15000, 15000))])).rejects.toMatchObject({ field: "photos", messageKey: "events.photo.tooManyPixels" });
  });

  it("writes nothing and answers next to the photos field when the image store refuses a photo", async () => {
    const db = database().db;
    const title = "Foto yang ditolak penyimpanan";
    const photos = await readPhotos([photo(PNG), photo(PNG)]);
    const { store, kept, removed } = refusingStore(1);
    const before = await db.aspiration.count();
    await expect(submitAspiration(db, silent, null, input(title), { photos, store })).rejects.toMatchObject({
      field: "photos",
      messageKey: "events.photo.unreadable",
      status: 422,
    });
    expect(await db.aspiration.count()).toBe(before);
    expect(await db.image.count()).toBe(0);
    // the photo stored before the refusal is removed again
    expect(removed).toEqual(kept);
  });

  it("stores accepted photos with the new aspiration, the first as its cover", async () => {
    const db = database().db;
    const photos = await readPhotos([photo(PNG), photo(PNG)]);
    const { store } = refusingStore(3);
    const created = await submitAspiration(db, silent, null, input("Foto yang diterima"), { photos, store });
    const images = await db.image.findMany({ where: { aspirationId: created.id }, orderBy: { position: "asc" } });
    expect(images.map((i) => [i.position, i.isCover])).toEqual([
      [0, true],
      [1, false],
    ]);
  });
});
