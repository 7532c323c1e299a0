// Picks the image store from the configuration: Cloudinary when CLOUDINARY_URL is
// set, otherwise the local disk. Images keep the provider they were saved with.
import { cloudinaryUrl, createCloudinaryStore, parseCloudinaryUrl } from "./cloudinary.server";
import type { ImageStore, StoredImageRef, Variant } from "./images";
import { createLocalStore } from "./local.server";

export interface ImageConfig {
  dataDir: string;
  cloudinaryUrl?: string;
}

const cache = new Map<string, ImageStore>();

export function imageStore(config: ImageConfig): ImageStore {
  const cacheKey = `${config.dataDir}|${config.cloudinaryUrl ?? ""}`;
  let store = cache.get(cacheKey);
  if (store) return store;
  const local = createLocalStore(config.dataDir);
  const account = config.cloudinaryUrl ? parseCloudinaryUrl(config.cloudinaryUrl) : null;
  const primary = account ? createCloudinaryStore(account) : local;
  store = {
    provider: primary.provider,
    save: (bytes, mime) => primary.save(bytes, mime),
    remove: (image) => (image.provider === "cloudinary" && account ? primary.remove(image) : local.remove(image)),
    url(image: StoredImageRef, variant: Variant) {
      if (image.provider === "cloudinary") return account ? cloudinaryUrl(account.cloudName, image.storageKey, variant) : "";
      return local.url(image, variant);
    },
  };
  cache.set(cacheKey, store);
  return store;
}

export function localStore(config: ImageConfig) {
  return createLocalStore(config.dataDir);
}
