// The social card's SVG source (the PNG is rendered from it): the same figures as text.
import { cardSvg } from "~/domain/services/card.server";
import { getServiceForPrint } from "~/domain/services/services.server";
import { translator } from "~/i18n";
import { defineLoader } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";
import { cardTextFor, siteOrigin, slugParam } from "~/utils/services.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const service = await getServiceForPrint(context.db, slugParam(params));
  const svg = cardSvg(cardTextFor(translator(getLocale(request)), service, siteOrigin(request, context.config.publicUrl)));
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
});
