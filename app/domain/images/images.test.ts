// Both image stores behind the one interface: local files with resized variants,
// and Cloudinary's signed upload against a local HTTP stand-in (upload_prefix).
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPhoto } from "~/domain/events/photos.server";
import { aPng } from "../../../prisma/builders";
import { cloudinaryUrl, parseCloudinaryUrl } from "./cloudinary.server";
import { detectImageType, imageUrls, PHOTO_MAX_PIXELS } from "./images";
import { createLocalStore } from "./local.server";
import { createImageStore as imageStore } from "./store.server";

let dir: string;
let png: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "balai-images-"));
  png = await sharp({ create: { width: 1200, height: 600, channels: 3, background: "#0b5c4a" } })
    .png()
    .toBuffer();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("upload checks", () => {
  it("knows JPEG, PNG and WebP by their bytes, nothing else", async () => {
    expect(detectImageType(png)).toBe("image/png");
    expect(detectImageType(await sharp(png).jpeg().toBuffer())).toBe("image/jpeg");
    expect(detectImageType(await sharp(png).webp().toBuffer())).toBe("image/webp");
    expect(detectImageType(await sharp(png).gif().toBuffer())).toBeNull();
    expect(detectImageType(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
  });

  it("refuses a missing file, a wrong type and a file over the limit, with field errors", async () => {
    await expect(readPhoto(null)).rejects.toMatchObject({ messageKey: "events.photo.missing", field: "photo" });
    await expect(readPhoto(new Blob([]))).rejects.toMatchObject({ messageKey: "events.photo.missing" });
    await expect(readPhoto(new Blob(["GIF89a....."]))).rejects.toMatchObject({ messageKey: "events.photo.type" });
    await expect(readPhoto(new Blob([new Uint8Array(5 * 1024 * 1024 + 1)]))).rejects.toMatchObject({ messageKey: "events.photo.tooLarge" });
    expect((await readPhoto(new Blob([new Uint8Array(png)]))).mime).toBe("image/png");
  });

  it("refuses a picture of more than 40 megapixels from its header, before decoding it", async () => {
    expect(PHOTO_MAX_PIXELS).toBe(40_000_000);
    // 15000 × 15000 pixels in a file of a few dozen KB: far under the 5 MB limit
    const huge = aPng(15000, 15000);
    expect(huge.length).toBeLessThan(100 * 1024);
    const started = Date.now();
    await expect(readPhoto(new Blob([new Uint8Array(huge)]))).rejects.toMatchObject({
      messageKey: "events.photo.tooManyPixels",
      field: "photo",
      params: { megapixels: 40 },
    });
    expect(Date.now() - started).toBeLessThan(2000); // only the header was read
    // one pixel over is refused, exactly 40 megapixels (8000 × 5000) is fine
    await expect(readPhoto(new Blob([new Uint8Array(aPng(8000, 5001))]))).rejects.toMatchObject({ messageKey: "events.photo.tooManyPixels" });
    expect(await readPhoto(new Blob([new Uint8Array(aPng(8000, 5000))]))).toMatchObject({ mime: "image/png", width: 8000, height: 5000 });
  });
});

describe("local store", () => {
  it("keeps the original under DATA_DIR and serves resized WebP variants", async () => {
    const store = createLocalStore(dir);
    const saved = await store.save(png, "image/png");
    expect(saved).toMatchObject({ provider: "local", width: 1200, height: 600 });
    expect(saved.storageKey).toMatch(/^[a-f0-9]{32}\.png$/);
    expect(statSync(path.join(dir, "uploads", saved.storageKey)).size).toBe(png.length);
    expect(store.url(saved, "thumb")).toBe(`/images/${saved.storageKey}/thumb`);
    const file = await store.variantFile(saved.storageKey, "thumb");
    const meta = await sharp(file!).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 320, height: 160 });
    // never enlarged
    expect((await sharp((await store.variantFile(saved.storageKey, "large"))!).metadata()).width).toBe(1200);
    expect(await store.variantFile("../../etc/passwd", "thumb")).toBeNull();
    await store.remove(saved);
    expect(await store.variantFile(saved.storageKey, "medium")).toBeNull();
  });

  it("holds saving and resizing to the pixel limit too (the store is shared with aspirations)", async () => {
    const store = createLocalStore(dir);
    await expect(store.save(aPng(15000, 15000), "image/png")).rejects.toMatchObject({ messageKey: "events.photo.tooManyPixels", field: "photo" });
    // an original over the limit already on disk (stored before the limit) is never decoded
    const key = `${"a".repeat(32)}.png`;
    mkdirSync(path.join(dir, "uploads"), { recursive: true });
    writeFileSync(path.join(dir, "uploads", key), aPng(15000, 15000));
    expect(await store.variantFile(key, "thumb")).toBeNull();
  });

  it("refuses bytes that only look like a picture", async () => {
    const store = createLocalStore(dir);
    const fake = Buffer.concat([png.subarray(0, 16), Buffer.alloc(100)]);
    await expect(store.save(fake, "image/png")).rejects.toMatchObject({ messageKey: "events.photo.unreadable" });
  });
});

describe("Cloudinary store (local stand-in)", () => {
  let standIn: Server;
  let port: number;
  const uploads: Record<string, string>[] = [];
  const SECRET = "s3cr3t-API";

  beforeAll(async () => {
    standIn = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      const form = await new Request("http://stand-in", { method: "POST", headers: { "content-type": req.headers["content-type"]! }, body }).formData();
      const fields: Record<string, string> = { path: req.url ?? "" };
      let fileBytes = 0;
      for (const [k, v] of form) {
        if (typeof v === "string") fields[k] = v;
        else fileBytes = v.size;
      }
      fields.fileBytes = String(fileBytes);
      uploads.push(fields);
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ public_id: `${fields.folder}/abc123`, width: 1200, height: 600, format: "png", version: 1 }));
    });
    await new Promise<void>((r) => standIn.listen(0, "127.0.0.1", r));
    port = (standIn.address() as { port: number }).port;
    // The SDK reads its upload_prefix (and picks http or https) from CLOUDINARY_URL when loaded.
    process.env.CLOUDINARY_URL = `cloudinary://1234567890:${SECRET}@balai-demo?upload_prefix=http://127.0.0.1:${port}`;
  });
  afterAll(() => new Promise<void>((r) => standIn.close(() => r())));

  it("parses CLOUDINARY_URL", () => {
    expect(parseCloudinaryUrl("cloudinary://key:sec%40ret@cloud?upload_prefix=http://x")).toEqual({
      cloudName: "cloud",
      apiKey: "key",
      apiSecret: "sec@ret",
      uploadPrefix: "http://x",
    });
  });

  it("uploads signed through the SDK and delivers resized, auto-format URLs", async () => {
    const store = imageStore({ dataDir: dir, cloudinaryUrl: process.env.CLOUDINARY_URL });
    expect(store.provider).toBe("cloudinary");
    const saved = await store.save(png, "image/png");
    expect(saved).toEqual({ provider: "cloudinary", storageKey: "balai/events/abc123", width: 1200, height: 600 });
    const upload = uploads.at(-1)!;
    expect(upload.path).toBe("/v1_1/balai-demo/image/upload");
    expect(upload.api_key).toBe("1234567890");
    expect(Number(upload.fileBytes)).toBe(png.length);
    // the signature: SHA-1 over the sorted signed parameters followed by the API secret
    const signed = Object.keys(upload)
      .filter((k) => !["path", "fileBytes", "file", "api_key", "signature", "resource_type", "cloud_name"].includes(k))
      .sort()
      .map((k) => `${k}=${upload[k]}`)
      .join("&");
    expect(upload.signature).toBe(
      createHash("sha1")
        .update(signed + SECRET)
        .digest("hex"),
    );
    expect(upload.folder).toBe("balai/events");

    const urls = imageUrls(store, saved);
    expect(urls.src).toBe("https://res.cloudinary.com/balai-demo/image/upload/c_limit,f_auto,q_auto,w_800/balai/events/abc123");
    expect(urls.srcSet).toContain("w_320/balai/events/abc123 320w");
    // pictures stored locally before Cloudinary was configured keep working
    expect(store.url({ provider: "local", storageKey: "x.png" }, "thumb")).toBe("/images/x.png/thumb");
    expect(cloudinaryUrl("c", "a b", "large")).toBe("https://res.cloudinary.com/c/image/upload/c_limit,f_auto,q_auto,w_1600/a%20b");
  });

  it("reports a failed upload as a message for the photo field", async () => {
    const store = imageStore({ dataDir: dir, cloudinaryUrl: `cloudinary://1:2@balai-demo?upload_prefix=http://127.0.0.1:${port}` });
    const down = createServer((_req, res) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ error: { message: "boom" } }));
    });
    await new Promise<void>((r) => down.listen(0, "127.0.0.1", r));
    const brokenStore = imageStore({
      dataDir: dir,
      cloudinaryUrl: `cloudinary://1:2@other?upload_prefix=http://127.0.0.1:${(down.address() as { port: number }).port}`,
    });
    await expect(brokenStore.save(png, "image/png")).rejects.toMatchObject({ messageKey: "events.photo.uploadFailed", field: "photo" });
    down.close();
    expect(store.provider).toBe("cloudinary");
  });
});
