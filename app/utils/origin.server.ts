import type { AppServices } from "~/context";

/** The site's public origin: PUBLIC_URL when set, else the request's own. */
export function originOf(request: Request, ctx: Pick<AppServices, "config">): string {
  return (ctx.config.publicUrl ?? new URL(request.url).origin).replace(/\/+$/, "");
}
