// Tells the session's rooms about stored poll changes: moderators get every change
// (drafts and deleted drafts too); participants and the projector get the polls that
// were asked, with their results (the pages decide what to show: participants after
// answering, the projector when shown).
import type { Publisher } from "~/realtime/publisher";
import { rooms } from "~/realtime/contract";
import type { PollChange, PollResults } from "./polls.server";

export function publishPollChange(publisher: Publisher, change: PollChange): void {
  publisher.publish(rooms.qaModerators(change.sessionId), "poll:state", { sessionId: change.sessionId, polls: change.polls, removed: change.removed ?? [] });
  // drafts (prepared, changed, deleted) stay among the moderators until they are opened
  const asked = change.polls.filter((p) => p.poll.status !== "draft");
  if (asked.length) publisher.publish(rooms.qa(change.sessionId), "poll:state", { sessionId: change.sessionId, polls: asked });
}

/** An answer made without JavaScript: its results go out at once (the socket path coalesces per tick). */
export function publishPollResults(publisher: Publisher, sessionId: number, results: PollResults, through: number): void {
  const payload = { sessionId, results: [results], through };
  publisher.publish(rooms.qa(sessionId), "poll:results", payload);
  publisher.publish(rooms.qaModerators(sessionId), "poll:results", payload);
}
