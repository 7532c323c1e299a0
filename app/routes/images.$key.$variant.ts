// GET /images/:key/:variant: a resized WebP of a locally stored photo.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { isVariant } from "~/domain/images/images";
import { defineLoader, notFound } from "~/utils/boundary.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ params, context }) => {
  const variant = params.variant;
  if (!isVariant(variant)) notFound();
  const file = await context.images.local.variantFile(params.key ?? "", variant);
  if (!file) notFound();
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
    headers: { "Content-Type": "image/webp", "Cache-Control": "public, max-age=31536000, immutable", "X-Content-Type-Options": "nosniff" },
  });
});
