// One action from a thread page's forms (reply, edit, delete, support, report, and the
// moderators' ones): the use case, then the live fact for the thread's readers. It
// says what to tell the person and where on the page to bring them back; the route
// reads the form and answers (redirect, flash), nothing else.
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import type { Mailer } from "~/domain/notifications/mailer.server";
import type { MessageKey } from "~/i18n";
import type { Publisher } from "~/realtime/publisher";
import type { ThreadAction } from "./discussions.schema";
import {
  clearOfficialAnswer,
  deletePost,
  editPost,
  forbidden,
  markOfficialAnswer,
  replyToPost,
  supportPost,
  unsupportPost,
  updateTopicState,
} from "./discussions.server";
import { live } from "./live.server";
import { approvePost, blockUser, hidePost, rejectPost, reportPost, restorePost, unblockUser } from "./moderation.server";

export interface ThreadActionServices {
  db: Db;
  realtime: Publisher;
  mailer?: Mailer;
}

export interface ThreadActionResult {
  flash: MessageKey;
  /** "#post-12", or "" for the top of the page */
  anchor: string;
}

const moderatorIntents = new Set<ThreadAction["intent"]>(["hide", "restore", "approve", "reject", "answer", "unanswer", "topic", "block", "unblock"]);

export async function runThreadAction({ db, realtime: pub, mailer }: ThreadActionServices, actor: Actor, d: ThreadAction): Promise<ThreadActionResult> {
  if (moderatorIntents.has(d.intent) && !can.moderate(actor)) throw forbidden();
  const services = { mailer };
  switch (d.intent) {
    case "reply": {
      const post = await replyToPost(db, actor, d, services);
      live.created(pub, post);
      return { flash: post.status === "pending" ? "discussions.flash.replyPending" : "discussions.flash.replied", anchor: `#post-${post.id}` };
    }
    case "edit": {
      const post = await editPost(db, actor, d);
      live.changed(pub, { topicId: post.topicId, postId: post.id, status: post.status }, "edited");
      return { flash: "discussions.flash.edited", anchor: `#post-${post.id}` };
    }
    case "delete": {
      const post = await deletePost(db, actor, d);
      live.changed(pub, { topicId: post.topicId, postId: post.id, status: post.status }, "deleted");
      return { flash: "discussions.flash.deleted", anchor: `#post-${post.id}` };
    }
    case "support":
    case "unsupport": {
      const fact = d.intent === "support" ? await supportPost(db, actor, d) : await unsupportPost(db, actor, d);
      live.supported(pub, fact);
      return { flash: d.intent === "support" ? "discussions.flash.supported" : "discussions.flash.unsupported", anchor: `#post-${d.postId}` };
    }
    case "report": {
      const r = await reportPost(db, actor, d, services);
      if (r.autoHidden) live.changed(pub, r, "hidden");
      return { flash: "discussions.flash.reported", anchor: `#post-${d.postId}` };
    }
    case "hide": {
      const r = await hidePost(db, actor, d, services);
      live.changed(pub, r, "hidden");
      return { flash: "discussions.flash.hidden", anchor: `#post-${d.postId}` };
    }
    case "restore": {
      const r = await restorePost(db, actor, d, services);
      if (r.wasHidden) live.changed(pub, r, "restored");
      return { flash: r.wasHidden ? "discussions.flash.restored" : "discussions.flash.dismissed", anchor: `#post-${d.postId}` };
    }
    case "approve": {
      const r = await approvePost(db, actor, d, services);
      live.changed(pub, r, "approved");
      return { flash: "discussions.flash.approved", anchor: "" };
    }
    case "reject": {
      const r = await rejectPost(db, actor, d, services);
      live.changed(pub, { ...r, status: "pending" }, "hidden");
      return { flash: "discussions.flash.rejected", anchor: "" };
    }
    case "answer": {
      const r = await markOfficialAnswer(db, actor, d, services);
      live.topic(pub, r.topicId);
      return { flash: "discussions.flash.answered", anchor: "" };
    }
    case "unanswer": {
      const r = await clearOfficialAnswer(db, actor, d);
      live.topic(pub, r.topicId);
      return { flash: "discussions.flash.unanswered", anchor: "" };
    }
    case "topic": {
      const r = await updateTopicState(db, actor, { topicId: d.topicId, status: d.status, pinned: d.pinned === "on", locked: d.locked === "on" });
      live.topic(pub, r.topicId);
      return { flash: "discussions.flash.topicUpdated", anchor: "" };
    }
    case "block":
      await blockUser(db, actor, d, services);
      return { flash: "discussions.flash.blocked", anchor: "" };
    case "unblock":
      await unblockUser(db, actor, d, services);
      return { flash: "discussions.flash.unblocked", anchor: "" };
  }
}
