// Photos on the local disk under DATA_DIR/uploads; resized variants (WebP) are
// made on first request with sharp and kept beside the originals. Nothing over the
// pixel limit is saved or decoded (see PHOTO_MAX_PIXELS).
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { EXTENSION, VARIANTS, type ImageMime, type ImageStore, type SavedImage, type StoredImageRef, type Variant } from "./images";
import { decode, readDimensions } from "./pixels.server";

export const LOCAL_KEY = /^[a-f0-9]{32}\.(jpg|png|webp)$/;

export function createLocalStore(dataDir: string, uploadDir?: string): ImageStore & { variantFile(key: string, variant: Variant): Promise<string | null> } {
  const dir = uploadDir ?? path.join(dataDir, "uploads");
  const variantsDir = path.join(dir, "variants");
  return {
    provider: "local",
    async save(bytes: Buffer, mime: ImageMime): Promise<SavedImage> {
      const { width, height } = await readDimensions(bytes);
      const storageKey = `${randomBytes(16).toString("hex")}.${EXTENSION[mime]}`;
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, storageKey), bytes, { mode: 0o640 });
      return { provider: "local", storageKey, width, height };
    },
    async remove(image: StoredImageRef) {
      if (!LOCAL_KEY.test(image.storageKey)) return;
      await rm(path.join(dir, image.storageKey), { force: true });
      for (const v of Object.keys(VARIANTS)) await rm(path.join(variantsDir, `${image.storageKey}-${v}.webp`), { force: true });
    },
    url(image: StoredImageRef, variant: Variant) {
      return `/images/${image.storageKey}/${variant}`;
    },
    /** The path of the resized WebP file, made when first asked for; null when there is no such original. */
    async variantFile(key: string, variant: Variant) {
      if (!LOCAL_KEY.test(key)) return null;
      const original = path.join(dir, key);
      const target = path.join(variantsDir, `${key}-${variant}.webp`);
      try {
        await stat(target);
        return target;
      } catch {
        /* not made yet */
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(original);
      } catch {
        return null;
      }
      let out: Buffer;
      try {
        out = await (await decode(bytes)).rotate().resize({ width: VARIANTS[variant], withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
      } catch {
        return null; // unreadable, or over the pixel limit (stored before there was one): never decoded
      }
      await mkdir(variantsDir, { recursive: true });
      const temp = `${target}.${randomBytes(4).toString("hex")}.tmp`;
      await writeFile(temp, out);
      const { rename } = await import("node:fs/promises");
      await rename(temp, target);
      return target;
    },
  };
}
