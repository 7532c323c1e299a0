// Which rooms hear about a discussion fact. Payloads carry ids and counts only.
import type { Db } from "~/db/client.server";
import type { Actor } from "~/domain/accounts/roles";
import { rooms } from "~/realtime/contract";
import type { Publisher } from "~/realtime/publisher";
import { mayRead } from "./discussions.server";

export async function mayReadTopic(db: Db, viewer: Actor | null, topicId: number): Promise<boolean> {
  const root = await db.post.findFirst({ where: { topicId, parentId: null }, orderBy: { id: "asc" }, select: { status: true, authorId: true } });
  return !!root && mayRead(viewer, root);
}

type Change = "edited" | "deleted" | "hidden" | "restored" | "approved";

export const live = {
  created(publisher: Publisher, post: { id: number; topicId: number; parentId: number | null; status: string }) {
    const payload = { topicId: post.topicId, postId: post.id, parentId: post.parentId };
    // a pending post is for moderators only until approved
    publisher.publish(post.status === "pending" ? rooms.topicModerators(post.topicId) : rooms.topic(post.topicId), "post:created", payload);
  },
  changed(publisher: Publisher, post: { topicId: number; postId: number; status?: string }, change: Change) {
    const room = post.status === "pending" ? rooms.topicModerators(post.topicId) : rooms.topic(post.topicId);
    publisher.publish(room, "post:changed", { topicId: post.topicId, postId: post.postId, change });
  },
  supported(publisher: Publisher, fact: { topicId: number; postId: number; supportCount: number }) {
    publisher.publish(rooms.topic(fact.topicId), "post:supported", fact);
  },
  topic(publisher: Publisher, topicId: number) {
    publisher.publish(rooms.topic(topicId), "topic:changed", { topicId });
  },
};
