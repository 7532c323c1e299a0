// A picture's size from its header alone (sharp reads the header without decoding
// the pixels), held to the pixel limit; and the one way to open a picture for
// decoding, with sharp's own `limitInputPixels` as the second line of defence.
import type { Sharp } from "sharp";
import { DomainError } from "~/domain/errors";
import { PHOTO_MAX_MEGAPIXELS, PHOTO_MAX_PIXELS } from "./images";

async function sharp() {
  return (await import("sharp")).default;
}

/** Width and height as shown (upright), or a message for the photo field: unreadable, or over the pixel limit. */
export async function readDimensions(bytes: Buffer): Promise<{ width: number; height: number }> {
  let width: number | undefined;
  let height: number | undefined;
  let orientation: number | undefined;
  try {
    // the header only: no limit needed here, the check follows
    ({ width, height, orientation } = await (await sharp())(bytes, { limitInputPixels: false }).metadata());
  } catch {
    /* not a picture sharp can read */
  }
  if (!width || !height) throw new DomainError("events.photo.unreadable", "photo");
  if (width * height > PHOTO_MAX_PIXELS) throw new DomainError("events.photo.tooManyPixels", "photo", { megapixels: PHOTO_MAX_MEGAPIXELS }, 413);
  // EXIF orientations 5-8 swap the sides once the picture is turned upright
  return (orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
}

/** sharp on these bytes, refusing to decode more than the pixel limit ("Input image exceeds pixel limit"). */
export async function decode(bytes: Buffer): Promise<Sharp> {
  return (await sharp())(bytes, { limitInputPixels: PHOTO_MAX_PIXELS });
}
