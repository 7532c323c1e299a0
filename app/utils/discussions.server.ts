// What the thread pages (topic page, "continue this thread" page, moderation queue)
// share at the boundary: their action, and the inline form their URL opens. The
// rules live in app/domain/discussions; this only reads the request and answers.
import type { ActionFunctionArgs } from "@remix-run/node";
import type { Actor } from "~/domain/accounts/roles";
import { parseOpenForm, threadActionSchema } from "~/domain/discussions/discussions.schema";
import { openThreadForm } from "~/domain/discussions/discussions.server";
import { runThreadAction } from "~/domain/discussions/thread-actions.server";
import type { AppServices } from "~/context";
import { requireUser, safeRedirect } from "./auth.server";
import { redirectWithFlash, type FormReader } from "./boundary.server";

/** The thread pages' action, run inside `defineAction`: one domain call per intent, then back to the page with a message. */
export async function threadAction({ request, context, form }: ActionFunctionArgs & { form: FormReader }) {
  const actor = await requireUser(request, context);
  const input = form.parse(threadActionSchema);
  const { flash, anchor } = await runThreadAction({ db: context.db, realtime: context.realtime, mailer: context.mailer }, actor, input);
  const back = safeRedirect(form.get("back"), new URL(request.url).pathname);
  return redirectWithFlash(context, back + anchor, { key: flash });
}

/** The inline form asked for in the URL (?form=reply&post=12), and the body to edit. */
export function openForm(url: URL, ctx: Pick<AppServices, "db">, viewer: Actor | null) {
  return openThreadForm(ctx.db, viewer, parseOpenForm(url.searchParams.get("form"), url.searchParams.get("post")));
}
