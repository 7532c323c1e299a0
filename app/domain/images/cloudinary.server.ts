// Photos on Cloudinary: signed uploads through the official SDK, delivery as
// resized, automatic-format URLs. CLOUDINARY_URL may carry `?upload_prefix=` (the
// API origin, e.g. a proxy; the tests point it at a local stand-in).
import { Readable } from "node:stream";
import { DomainError } from "~/domain/errors";
import { VARIANTS, type ImageMime, type ImageStore, type SavedImage, type StoredImageRef, type Variant } from "./images";

export interface CloudinaryAccount {
  cloudName: string;
  apiKey: string;
  apiSecret: string;
  uploadPrefix?: string;
}

export function parseCloudinaryUrl(url: string): CloudinaryAccount {
  const u = new URL(url);
  if (u.protocol !== "cloudinary:" || !u.username || !u.password || !u.hostname) throw new Error("CLOUDINARY_URL must look like cloudinary://key:secret@cloud");
  return {
    cloudName: u.hostname,
    apiKey: decodeURIComponent(u.username),
    apiSecret: decodeURIComponent(u.password),
    uploadPrefix: u.searchParams.get("upload_prefix") ?? undefined,
  };
}

type UploadResult = { public_id: string; width?: number; height?: number };

export function createCloudinaryStore(account: CloudinaryAccount, folder = "balai/events"): ImageStore {
  const options = {
    cloud_name: account.cloudName,
    api_key: account.apiKey,
    api_secret: account.apiSecret,
    ...(account.uploadPrefix ? { upload_prefix: account.uploadPrefix } : {}),
  };
  const sdk = async () => (await import("cloudinary")).default.v2;
  return {
    provider: "cloudinary",
    async save(bytes: Buffer, _mime: ImageMime): Promise<SavedImage> {
      const cloudinary = await sdk();
      const result = await new Promise<UploadResult>((resolve, reject) => {
        const stream = cloudinary.uploader.upload_stream({ ...options, folder, resource_type: "image" }, (error, res) => {
          if (error || !res) reject(error ?? new Error("empty Cloudinary answer"));
          else resolve(res as UploadResult);
        });
        Readable.from(bytes).pipe(stream);
      }).catch((error: unknown) => {
        console.error("Cloudinary upload failed:", error instanceof Error ? error.message : error);
        throw new DomainError("events.photo.uploadFailed", "photo", undefined, 502);
      });
      return { provider: "cloudinary", storageKey: result.public_id, width: result.width ?? null, height: result.height ?? null };
    },
    async remove(image: StoredImageRef) {
      const cloudinary = await sdk();
      const destroy = cloudinary.uploader.destroy as unknown as (id: string, o: object) => Promise<unknown>;
      await destroy(image.storageKey, options).catch((error: unknown) => {
        console.error("Cloudinary delete failed:", error instanceof Error ? error.message : error);
      });
    },
    url(image: StoredImageRef, variant: Variant) {
      return cloudinaryUrl(account.cloudName, image.storageKey, variant);
    },
  };
}

/** https://res.cloudinary.com/<cloud>/image/upload/c_limit,f_auto,q_auto,w_800/<public_id> */
export function cloudinaryUrl(cloudName: string, publicId: string, variant: Variant): string {
  const path = publicId.split("/").map(encodeURIComponent).join("/");
  return `https://res.cloudinary.com/${encodeURIComponent(cloudName)}/image/upload/c_limit,f_auto,q_auto,w_${VARIANTS[variant]}/${path}`;
}
