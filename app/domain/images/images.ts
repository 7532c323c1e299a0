// Photos: what may be uploaded, and the sizes we deliver. Shared by both stores.
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/**
 * The most pixels a photo may have: 40 megapixels (e.g. 8000 × 5000, more than any
 * phone camera gives). The byte limit alone is not enough: a 15000 × 15000 PNG of one
 * colour is a file of a few dozen KB that decodes into hundreds of MB. Checked from
 * the file's header before anything is decoded, and passed to sharp as
 * `limitInputPixels` wherever a picture is decoded.
 */
export const PHOTO_MAX_MEGAPIXELS = 40;
export const PHOTO_MAX_PIXELS = PHOTO_MAX_MEGAPIXELS * 1_000_000;
export type ImageMime = "image/jpeg" | "image/png" | "image/webp";

/** Widths delivered to browsers; the page picks with srcset/sizes. */
export const VARIANTS = { thumb: 320, medium: 800, large: 1600 } as const;
export type Variant = keyof typeof VARIANTS;
export function isVariant(v: unknown): v is Variant {
  return typeof v === "string" && v in VARIANTS;
}

/** The type from the file's first bytes (never trust the name or the browser's claim). */
export function detectImageType(bytes: Uint8Array): ImageMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return "image/png";
  if (bytes.length >= 12 && String.fromCharCode(...bytes.subarray(0, 4)) === "RIFF" && String.fromCharCode(...bytes.subarray(8, 12)) === "WEBP") {
    return "image/webp";
  }
  return null;
}

export const EXTENSION: Record<ImageMime, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

export interface StoredImageRef {
  provider: string;
  storageKey: string;
}

export interface SavedImage {
  provider: "local" | "cloudinary";
  storageKey: string;
  width: number | null;
  height: number | null;
}

/** One interface for the local disk and Cloudinary. */
export interface ImageStore {
  readonly provider: "local" | "cloudinary";
  save(bytes: Buffer, mime: ImageMime): Promise<SavedImage>;
  remove(image: StoredImageRef): Promise<void>;
  /** a browser-ready URL of a resized variant */
  url(image: StoredImageRef, variant: Variant): string;
}

export interface ImageUrls {
  src: string;
  srcSet: string;
}

export function imageUrls(store: Pick<ImageStore, "url">, image: StoredImageRef): ImageUrls {
  return {
    src: store.url(image, "medium"),
    srcSet: (Object.keys(VARIANTS) as Variant[]).map((v) => `${store.url(image, v)} ${VARIANTS[v]}w`).join(", "),
  };
}
