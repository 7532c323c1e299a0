// Turns a stored change into what each room may see: participants and the
// projector get the public view, moderators everything, the asker their own.
import type { Publisher } from "~/realtime/publisher";
import { rooms } from "~/realtime/contract";
import type { QaChange, SessionView } from "./qa.server";
import { moderatorView, publicView } from "./qa.server";
import { isPublic, visibleTo } from "./rules";

/** Participants do not need the moderators' extra blocked words. */
export function publicSession(session: SessionView): SessionView {
  return { ...session, extraBlockedWords: [] };
}

export function publishChange(publisher: Publisher, change: QaChange): void {
  const { session } = change;
  const base = { sessionId: session.id, revision: session.revision };
  publisher.publish(rooms.qa(session.id), "qa:update", {
    ...base,
    session: publicSession(session),
    questions: change.questions.filter(isPublic).map((q) => publicView(q)),
    hidden: change.questions.filter((q) => !isPublic(q)).map((q) => q.id),
  });
  publisher.publish(rooms.qaModerators(session.id), "qa:update", {
    ...base,
    session,
    questions: change.questions.map(moderatorView),
    hidden: [],
  });
  for (const asker of change.askers) {
    const own = change.questions.filter((q) => q.participantId === asker);
    if (own.length === 0) continue;
    publisher.publish(rooms.qaAsker(session.id, asker), "qa:mine", {
      questions: own.filter((q) => visibleTo(q, asker)).map((q) => publicView(q, asker)),
    });
  }
}

/** A vote made without JavaScript: told at once (rare; the socket path coalesces). */
export function publishVoteCount(publisher: Publisher, sessionId: number, questionId: number, voteCount: number): void {
  const payload = { sessionId, counts: [[questionId, voteCount]] as [number, number][] };
  publisher.publish(rooms.qa(sessionId), "qa:votes", payload);
  publisher.publish(rooms.qaModerators(sessionId), "qa:votes", payload);
}
