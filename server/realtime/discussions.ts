// Live discussion threads: a socket joins one thread's room after authorization.
// Only facts (ids, counts) are ever emitted; content comes from the page loader,
// which applies the reader's permissions, so a hidden post never leaks.
import { can } from "~/domain/accounts/roles";
import { joinTopicSchema } from "~/domain/discussions/discussions.schema";
import { mayReadTopic } from "~/domain/discussions/live.server";
import { rooms, type Ack } from "~/realtime/contract";
import type { HandlerDeps, RealtimeSocket } from "../realtime";

export function registerDiscussions(socket: RealtimeSocket, { db }: HandlerDeps): void {
  const leaveAll = async () => {
    for (const room of socket.rooms) if (room.startsWith("topic:")) await socket.leave(room);
  };

  socket.on("topic:join", async (payload: unknown, ack: Ack<{ topicId: number }>) => {
    if (typeof ack !== "function") return;
    const parsed = joinTopicSchema.safeParse(payload);
    if (!parsed.success) return ack({ error: "validation" });
    const { topicId } = parsed.data;
    try {
      const viewer = socket.data.user;
      if (!(await mayReadTopic(db, viewer, topicId))) return ack({ error: "not_found" });
      await leaveAll();
      await socket.join(rooms.topic(topicId));
      if (can.moderate(viewer)) await socket.join(rooms.topicModerators(topicId));
      ack({ data: { topicId } });
    } catch {
      ack({ error: "server" });
    }
  });

  socket.on("topic:leave", async (payload: unknown) => {
    const parsed = joinTopicSchema.safeParse(payload);
    if (!parsed.success) return;
    await socket.leave(rooms.topic(parsed.data.topicId));
    await socket.leave(rooms.topicModerators(parsed.data.topicId));
  });
}
