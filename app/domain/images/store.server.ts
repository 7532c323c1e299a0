// Picks the image store from the configuration: Cloudinary when CLOUDINARY_URL is
// set, otherwise the local disk. Images keep the provider they were saved with.
import path from "node:path";
import { cloudinaryUrl, createCloudinaryStore, parseCloudinaryUrl } from "./cloudinary.server";
import type { ImageStore, StoredImageRef, Variant } from "./images";
import { createLocalStore } from "./local.server";

export interface ImageConfig {
  dataDir: string;
  /** UPLOAD_DIR: where local photos live (default DATA_DIR/uploads); a directory every instance shares when scaled out */
  uploadDir?: string;
  cloudinaryUrl?: string;
}

/**
 * Made once by the server for the process (see server/services.ts) and injected.
 * `evidence` keeps photos that only some staff may see (mystery-shopping evidence) on the
 * local disk under UPLOAD_DIR/private: never on Cloudinary (its URLs are public) and out
 * of reach of /images (a key has no "/"); they are served only by a route that checks who asks.
 */
export function createImageStore(
  config: ImageConfig,
): ImageStore & { local: ReturnType<typeof createLocalStore>; evidence: ReturnType<typeof createLocalStore> } {
  const local = createLocalStore(config.dataDir, config.uploadDir);
  const evidence = createLocalStore(config.dataDir, path.join(config.uploadDir ?? path.join(config.dataDir, "uploads"), "private"));
  const account = config.cloudinaryUrl ? parseCloudinaryUrl(config.cloudinaryUrl) : null;
  const primary = account ? createCloudinaryStore(account) : local;
  return {
    local,
    evidence,
    provider: primary.provider,
    save: (bytes, mime) => primary.save(bytes, mime),
    remove: (image) => (image.provider === "cloudinary" && account ? primary.remove(image) : local.remove(image)),
    url(image: StoredImageRef, variant: Variant) {
      if (image.provider === "cloudinary") return account ? cloudinaryUrl(account.cloudName, image.storageKey, variant) : "";
      return local.url(image, variant);
    },
  };
}

export type AppImageStore = ReturnType<typeof createImageStore>;
