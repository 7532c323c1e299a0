// GET /images/:key/:variant: a resized WebP of a locally stored photo.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isVariant } from "~/domain/images/images";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const variant = params.variant;
  if (!isVariant(variant)) throw new Response("Not found", { status: 404 });
  const file = await context.images.local.variantFile(params.key ?? "", variant);
  if (!file) throw new Response("Not found", { status: 404 });
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
    headers: { "Content-Type": "image/webp", "Cache-Control": "public, max-age=31536000, immutable", "X-Content-Type-Options": "nosniff" },
  });
}
