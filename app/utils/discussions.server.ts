// The thread pages' shared action (topic page and "continue this thread" page):
// CSRF + schema, who asks, one domain call per intent, a live fact, redirect back.
import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { can } from "~/domain/accounts/roles";
import { threadActionSchema } from "~/domain/discussions/discussions.schema";
import {
  clearOfficialAnswer, deletePost, editPost, getOwnPostBody, markOfficialAnswer, replyToPost, supportPost, unsupportPost, updateTopicState,
} from "~/domain/discussions/discussions.server";
import { live } from "~/domain/discussions/live.server";
import { approvePost, blockUser, hidePost, rejectPost, reportPost, restorePost, unblockUser } from "~/domain/discussions/moderation.server";
import { DomainError } from "~/domain/errors";
import type { MessageKey } from "~/i18n";
import type { Actor } from "~/domain/accounts/roles";
import type { AppServices } from "~/context";
import { requireUser, safeRedirect } from "./auth.server";
import { setFlash } from "./flash.server";
import { failure, invalid, readForm } from "./forms.server";
import { formKinds, type FormKind } from "~/components/discussions/Thread";

const moderatorIntents = new Set(["hide", "restore", "approve", "reject", "answer", "unanswer", "topic", "block", "unblock"]);

export async function threadAction({ request, context }: ActionFunctionArgs) {
  const actor = await requireUser(request, context);
  const form = await readForm(request, context, threadActionSchema);
  if (!form.ok) return invalid(form);
  const d = form.data;
  if (moderatorIntents.has(d.intent) && !can.moderate(actor)) throw json({ messageKey: "error.403.text" }, { status: 403 });
  const db = context.db;
  const services = { mailer: context.mailer };
  const pub = context.realtime;
  const back = safeRedirect(form.formData.get("back"), new URL(request.url).pathname);
  let flash: MessageKey;
  let anchor = "";
  try {
    switch (d.intent) {
      case "reply": {
        const post = await replyToPost(db, actor, d, services);
        live.created(pub, post);
        flash = post.status === "pending" ? "discussions.flash.replyPending" : "discussions.flash.replied";
        anchor = `#post-${post.id}`;
        break;
      }
      case "edit": {
        const post = await editPost(db, actor, d);
        live.changed(pub, { topicId: post.topicId, postId: post.id, status: post.status }, "edited");
        flash = "discussions.flash.edited";
        anchor = `#post-${post.id}`;
        break;
      }
      case "delete": {
        const post = await deletePost(db, actor, d);
        live.changed(pub, { topicId: post.topicId, postId: post.id, status: post.status }, "deleted");
        flash = "discussions.flash.deleted";
        anchor = `#post-${post.id}`;
        break;
      }
      case "support":
      case "unsupport": {
        const fact = d.intent === "support" ? await supportPost(db, actor, d) : await unsupportPost(db, actor, d);
        live.supported(pub, fact);
        flash = d.intent === "support" ? "discussions.flash.supported" : "discussions.flash.unsupported";
        anchor = `#post-${d.postId}`;
        break;
      }
      case "report": {
        const r = await reportPost(db, actor, d, services);
        if (r.autoHidden) live.changed(pub, r, "hidden");
        flash = "discussions.flash.reported";
        anchor = `#post-${d.postId}`;
        break;
      }
      case "hide": {
        const r = await hidePost(db, actor, d, services);
        live.changed(pub, r, "hidden");
        flash = "discussions.flash.hidden";
        anchor = `#post-${d.postId}`;
        break;
      }
      case "restore": {
        const r = await restorePost(db, actor, d, services);
        if (r.wasHidden) live.changed(pub, r, "restored");
        flash = r.wasHidden ? "discussions.flash.restored" : "discussions.flash.dismissed";
        anchor = `#post-${d.postId}`;
        break;
      }
      case "approve": {
        const r = await approvePost(db, actor, d, services);
        live.changed(pub, r, "approved");
        flash = "discussions.flash.approved";
        break;
      }
      case "reject": {
        const r = await rejectPost(db, actor, d, services);
        live.changed(pub, { ...r, status: "pending" }, "hidden");
        flash = "discussions.flash.rejected";
        break;
      }
      case "answer": {
        const r = await markOfficialAnswer(db, actor, d, services);
        live.topic(pub, r.topicId);
        flash = "discussions.flash.answered";
        break;
      }
      case "unanswer": {
        const r = await clearOfficialAnswer(db, actor, d);
        live.topic(pub, r.topicId);
        flash = "discussions.flash.unanswered";
        break;
      }
      case "topic": {
        const r = await updateTopicState(db, actor, { topicId: d.topicId, status: d.status, pinned: d.pinned === "on", locked: d.locked === "on" });
        live.topic(pub, r.topicId);
        flash = "discussions.flash.topicUpdated";
        break;
      }
      case "block":
        await blockUser(db, actor, d, services);
        flash = "discussions.flash.blocked";
        break;
      case "unblock":
        await unblockUser(db, actor, d, services);
        flash = "discussions.flash.unblocked";
        break;
    }
  } catch (error) {
    if (error instanceof DomainError) return invalid(failure(error, form.formData), error.status);
    throw error;
  }
  return redirect(back + anchor, { headers: { "Set-Cookie": await setFlash(context, { key: flash }) } });
}

/** The inline form asked for in the URL (?form=reply&post=12), and the body to edit. */
export async function openForm(url: URL, ctx: AppServices, actor: Actor | null) {
  const kind = url.searchParams.get("form");
  const postId = Number(url.searchParams.get("post"));
  if (!kind || !(formKinds as readonly string[]).includes(kind) || !Number.isInteger(postId) || postId <= 0) return { open: null, editBody: null };
  const editBody = kind === "edit" && actor ? await getOwnPostBody(ctx.db, actor, postId) : null;
  return { open: { kind: kind as FormKind, postId }, editBody };
}
