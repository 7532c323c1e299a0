// Live discussion threads: a socket joins one thread's room after authorization.
// Only facts (ids, counts) are ever emitted; content comes from the page loader,
// which applies the reader's permissions, so a hidden post never leaks.
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { joinTopicSchema } from "~/domain/discussions/discussions.schema";
import { mayReadTopic } from "~/domain/discussions/live.server";
import { rooms } from "~/realtime/contract";
import type { HandlerDeps, RealtimeSocket } from "../realtime";
import { on } from "./handler";

export function discussionHandlers({ db }: HandlerDeps): (socket: RealtimeSocket) => void {
  return (socket) => {
    const leaveAll = async () => {
      for (const room of socket.rooms) if (room.startsWith("topic:")) await socket.leave(room);
    };

    on(socket, "topic:join", joinTopicSchema, async ({ topicId }) => {
      const viewer = socket.data.user;
      if (!(await mayReadTopic(db, viewer, topicId))) throw new DomainError("discussions.error.notFound", undefined, undefined, 404);
      await leaveAll();
      await socket.join(rooms.topic(topicId));
      if (can.moderate(viewer)) await socket.join(rooms.topicModerators(topicId));
      return { topicId };
    });

    on(socket, "topic:leave", joinTopicSchema, async ({ topicId }) => {
      await socket.leave(rooms.topic(topicId));
      await socket.leave(rooms.topicModerators(topicId));
    });
  };
}
