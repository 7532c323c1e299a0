// Tells the session's rooms about stored poll changes: participants, the
// projector and moderators all get the poll and its results (the pages decide
// what to show: participants after answering, the projector when shown).
import type { Publisher } from "~/realtime/publisher";
import { rooms } from "~/realtime/contract";
import type { PollChange, PollResults } from "./polls.server";

export function publishPollChange(publisher: Publisher, change: PollChange): void {
  const payload = { sessionId: change.sessionId, polls: change.polls };
  publisher.publish(rooms.qa(change.sessionId), "poll:state", payload);
  publisher.publish(rooms.qaModerators(change.sessionId), "poll:state", payload);
}

/** An answer made without JavaScript: its results go out at once (the socket path coalesces per tick). */
export function publishPollResults(publisher: Publisher, sessionId: number, results: PollResults, through: number): void {
  const payload = { sessionId, results: [results], through };
  publisher.publish(rooms.qa(sessionId), "poll:results", payload);
  publisher.publish(rooms.qaModerators(sessionId), "poll:results", payload);
}
