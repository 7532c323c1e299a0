// GET /settings/display?text=large|normal&contrast=high|normal&back=/path — a plain link (no
// JavaScript, no account) changes the reader's display settings, remembers them in a cookie
// and returns to the page the link was on.
import { redirect } from "@remix-run/node";
import { defineLoader } from "~/utils/boundary.server";
import { displayCookie, getDisplay, safeBack } from "~/utils/display.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const url = new URL(request.url);
  const display = getDisplay(request);
  const text = url.searchParams.get("text");
  const contrast = url.searchParams.get("contrast");
  if (text === "large" || text === "normal") display.largeText = text === "large";
  if (contrast === "high" || contrast === "normal") display.highContrast = contrast === "high";
  return redirect(safeBack(url.searchParams.get("back")), {
    headers: { "Set-Cookie": displayCookie(display, context.config.production), "Cache-Control": "no-store" },
  });
});
