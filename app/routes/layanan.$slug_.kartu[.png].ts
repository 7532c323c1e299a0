// The social card of a service as PNG (Open Graph image), drawn from the current version.
import { cardPng, cardSvg } from "~/domain/services/card.server";
import { getServiceForPrint } from "~/domain/services/services.server";
import { translator } from "~/i18n";
import { defineLoader } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";
import { cardTextFor, siteOrigin, slugParam } from "~/utils/services.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const service = await getServiceForPrint(context.db, slugParam(params));
  const svg = cardSvg(cardTextFor(translator(getLocale(request)), service, siteOrigin(request, context.config.publicUrl)));
  return new Response(new Uint8Array(await cardPng(svg)), {
    headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=300", ETag: `"${service.slug}-${service.currentVersion.number}"` },
  });
});
