// GET /survei/kelola/misteri/:visitId/foto/:photoId/:variant: a resized WebP of a
// mystery-shopping evidence photo, for the unit's supervisors and admins only (the
// photos live in the image store's private folder, which /images cannot reach).
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { isVariant } from "~/domain/images/images";
import { visitPhotoFile } from "~/domain/satisfaction/mystery.server";
import { requireUser } from "~/utils/auth.server";
import { defineLoader, idParam, notFound } from "~/utils/boundary.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const visitId = idParam(params, "visitId", "satisfaction.mystery.notFound");
  const photoId = idParam(params, "photoId", "satisfaction.mystery.photo.notFound");
  if (!isVariant(params.variant)) notFound();
  const user = await requireUser(request, context);
  const file = await visitPhotoFile(context.db, context.images.evidence, user, visitId, photoId, params.variant);
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
    headers: { "Content-Type": "image/webp", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
  });
});
