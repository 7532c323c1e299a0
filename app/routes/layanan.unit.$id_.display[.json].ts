// What the display fetches every few seconds (JavaScript on): the same feed as its page.
import { displayFeed } from "~/domain/services/services.server";
import { defineLoader, idParam } from "~/utils/boundary.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ params, context }) => {
  const feed = await displayFeed(context.db, idParam(params, "id", "services.unit.notFound"));
  return new Response(JSON.stringify(feed), { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
});
