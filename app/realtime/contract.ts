// The one typed Socket.IO contract shared by server and client.
// Event names are "entity:verb"; acknowledgements are { data } | { error }.
import type { Role } from "~/domain/accounts/roles";
import type { ErrorCode } from "~/domain/errors";
import type { MessageKey, Params } from "~/i18n";
import type { LiveCounts, QuestionView, SessionView, Snapshot } from "~/domain/qa/qa.server";
import type { ParticipantPoll, PollResults, PollView } from "~/domain/qa/polls";

/** Why the server refused a message: a code for programs, a message key for people (one vocabulary for every area). */
export interface AckError {
  code: ErrorCode;
  messageKey: MessageKey;
  params?: Params;
}

export type AckResponse<T> = { data: T } | { error: AckError };
export type Ack<T> = (response: AckResponse<T>) => void;

export interface ServerToClientEvents {
  /** a fact, e.g. "this thread has a new reply"; page loaders stay the source of truth */
  "system:notice": (payload: { messageKey: string }) => void;
  // discussions: facts only (ids and counts, never content); the page loader applies permissions
  /** a reply appeared in a thread the socket joined (pending ones reach moderators only) */
  "post:created": (payload: { topicId: number; postId: number; parentId: number | null }) => void;
  "post:changed": (payload: { topicId: number; postId: number; change: "edited" | "deleted" | "hidden" | "restored" | "approved" }) => void;
  "post:supported": (payload: { topicId: number; postId: number; supportCount: number }) => void;
  /** pinned / locked / status / official answer changed */
  "topic:changed": (payload: { topicId: number }) => void;
  /** live Q&A: a stored change with the session's new revision (a gap means: ask for a snapshot) */
  "qa:update": (payload: QaUpdate) => void;
  /** live Q&A: the asker's own view of their questions (pending, rejected, linked aspirations) */
  "qa:mine": (payload: { questions: QuestionView[] }) => void;
  /** live Q&A: vote counts, coalesced into one message per tick per session */
  "qa:votes": (payload: { sessionId: number; counts: [questionId: number, voteCount: number][] }) => void;
  /** live Q&A: moderators' live counts */
  "qa:counts": (payload: LiveCounts & { sessionId: number }) => void;
  /** events: seats, registrations or check-ins of an event changed (pages reload their data) */
  "event:changed": (payload: { eventId: number }) => void;
  /** queue: a stored change at a unit's queue (the display and desks re-fetch; `call` is what the display shows) */
  "queue:changed": (payload: QueueChange) => void;
  /** polls: stored changes of polls (opened, closed, results shown), each with its results; moderators also get drafts and the ids of deleted drafts */
  "poll:state": (payload: { sessionId: number; polls: { poll: PollView; results: PollResults }[]; removed?: number[] }) => void;
  /** polls: results, coalesced into one message per session per tick; `through` is the newest answer id they include */
  "poll:results": (payload: PollResultsMessage) => void;
}

/** A public fact about a unit's queue: a number was called (or recalled), or the queue changed. */
export interface QueueChange {
  unitId: number;
  kind: "taken" | "called" | "recalled" | "closed";
  call?: { number: number; priority: string | null; counter: string | null; service: string; calledAt: string };
}

export interface PollResultsMessage {
  sessionId: number;
  results: PollResults[];
  through: number;
}

/** What a page needs of the session's polls after (re)joining. */
export interface PollSnapshot {
  /** participants and the projector: the open (or just closed) poll; the projector gets results only when shown */
  current: ParticipantPoll | null;
  /** moderators: every poll of the session with its results */
  polls?: { poll: PollView; results: PollResults }[];
}

export interface QaUpdate {
  sessionId: number;
  revision: number;
  session: SessionView;
  /** changed questions as this room may see them */
  questions: QuestionView[];
  /** ids no longer visible in this room */
  hidden: number[];
}

export type QaRole = "participant" | "moderator" | "screen";

export interface ClientToServerEvents {
  /** who the server thinks this socket is (from the session cookie, never from the client) */
  "session:whoami": (ack: Ack<{ userId: number | null; role: Role | null }>) => void;
  /** follow one discussion thread live (a socket follows one thread at a time) */
  "topic:join": (payload: { topicId: number }, ack: Ack<{ topicId: number }>) => void;
  "topic:leave": (payload: { topicId: number }) => void;
  /** join (or re-join after a reconnect or a missed revision) a Q&A session; answers a fresh snapshot */
  "qa:join": (payload: { code: string; as: QaRole; open?: number; sort?: "popular" | "newest" }, ack: Ack<Snapshot>) => void;
  "qa:ask": (payload: { code: string; text: string; displayName?: string; anonymous?: boolean }, ack: Ack<{ question: QuestionView }>) => void;
  "qa:vote": (payload: { code: string; questionId: number; on: boolean }, ack: Ack<{ questionId: number; on: boolean; voteCount: number }>) => void;
  /** moderators: one action on one question, with the version the moderator saw */
  "qa:moderate": (
    payload: { code: string; questionId: number; version: number; action: string; text?: string; label?: string; reply?: string; intoId?: number },
    ack: Ack<{ revision: number }>,
  ) => void;
  /** moderators: pre-moderation, close/reopen, clear screen/next, blocked words */
  "qa:session": (payload: { code: string; revision?: number; action: string; words?: string }, ack: Ack<{ revision: number }>) => void;
  "qa:ban": (payload: { code: string; questionId: number }, ack: Ack<{ revision: number }>) => void;
  /** polls: the session's polls as this socket may see them (after qa:join, and again after a reconnect) */
  "poll:current": (payload: { code: string; as: QaRole }, ack: Ack<PollSnapshot>) => void;
  /** polls: a participant's answer (stored before the acknowledgement) */
  "poll:answer": (
    payload: { code: string; pollId: number; optionIds?: number[]; words?: string },
    ack: Ack<{ pollId: number; answerId: number; optionIds: number[]; words: string | null }>,
  ) => void;
  /** polls, moderators: open, close, reopen, show/hide results, with the version the moderator saw */
  "poll:moderate": (payload: { code: string; pollId: number; version: number; action: string }, ack: Ack<{ version: number }>) => void;
  /** follow one event's seats and check-ins live (drafts: staff only) */
  "event:join": (payload: { eventId: number }, ack: Ack<{ eventId: number }>) => void;
  "event:leave": (payload: { eventId: number }) => void;
  /** follow one unit's queue (display, desk, a resident's ticket page): public facts only */
  "queue:join": (payload: { unitId: number }, ack: Ack<{ unitId: number }>) => void;
  /** counter staff: one action on the queue, stored before it is acknowledged and broadcast */
  "queue:act": (
    payload: { unitId: number; action: string; counter?: string; ticketId?: number; serviceId?: number },
    ack: Ack<{ ticketId: number | null; number: number | null }>,
  ) => void;
}

export interface SocketData {
  user: { id: number; role: Role } | null;
  /** the hash of the browser session the socket was identified by (see rooms.authSession) */
  sessionKey?: string | null;
  /** the pseudonymous Q&A participant (signed cookie), when the browser has one */
  qaParticipant?: string | null;
  /** Q&A sessions this socket joined: code -> session id */
  qaSessions?: Record<string, number>;
}

export const rooms = {
  /** everyone looking at an event's page or its attendee list */
  event: (eventId: number) => `event:${eventId}`,
  user: (userId: number) => `user:${userId}`,
  topic: (topicId: number) => `topic:${topicId}`,
  /** moderators of a thread: also told about pending posts */
  topicModerators: (topicId: number) => `topic:${topicId}:moderators`,
  /** everyone following a Q&A session (participants, projector) */
  qa: (sessionId: number) => `qa:${sessionId}`,
  qaModerators: (sessionId: number) => `qa:${sessionId}:mod`,
  qaAsker: (sessionId: number, participantId: string) => `qa:${sessionId}:p:${participantId}`,
  /** everyone following a unit's queue (display, desks, ticket pages) */
  queue: (unitId: number) => `queue:${unitId}`,
  /** every socket of one signed-in browser session (a hash of the session id, never the id itself) */
  authSession: (sessionKey: string) => `auth:${sessionKey}`,
} as const;
