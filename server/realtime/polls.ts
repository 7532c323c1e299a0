// Live polls over Socket.IO (issue 17). Answers are validated (zod), authorized
// from socket.data (the signed participant cookie, the session cookie for
// moderators), stored by the same use cases as the HTTP forms and acknowledged
// only after that; results go out coalesced, one `poll:results` message per
// session per tick (the Q&A vote tick), counted from the stored answers.
import { z } from "zod";
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { idNumber } from "~/domain/ids";
import { publishPollChange } from "~/domain/qa/polls-broadcast.server";
import { answerMessage, pollActionSchema } from "~/domain/qa/polls.schema";
import {
  moderatorPolls,
  participantPoll,
  pollAction,
  prepareAnswers,
  resultsOf,
  screenPoll,
  storeAnswers,
  type ReceivedAnswer,
  type StoredAnswer,
} from "~/domain/qa/polls.server";
import { codeSchema } from "~/domain/qa/qa.schema";
import { requireSession } from "~/domain/qa/qa.server";
import { rooms } from "~/realtime/contract";
import { readParticipantId } from "~/utils/qa-cookie.server";
import type { HandlerDeps, RealtimeSocket } from "../realtime";
import { on } from "./handler";

/** Per-server state: polls with new answers since the last tick (session → poll → newest answer id). */
interface PollHub {
  dirty: Map<number, Map<number, number>>;
  /** answers waiting for the tick: checked and stored together (group commit), acknowledged after the commit */
  queue: { received: ReceivedAnswer; resolve: (s: StoredAnswer) => void; reject: (e: unknown) => void }[];
}

function createHub(deps: HandlerDeps): PollHub {
  const hub: PollHub = { dirty: new Map(), queue: [] };
  const io = deps.io;
  const TICK_MS = deps.serverConfig.qa.voteTickMs;
  const tick = async () => {
    const started = Date.now();
    // check the queued answers together (two reads), store them in one transaction, then acknowledge them
    const batch = hub.queue.splice(0, 2000);
    if (batch.length) {
      try {
        const checked = await prepareAnswers(
          deps.db,
          deps.qaLimits,
          batch.map((b) => b.received),
        );
        const ok = batch.filter((_, i) => !(checked[i] instanceof DomainError));
        const stored = await storeAnswers(
          deps.db,
          checked.filter((c): c is Exclude<typeof c, DomainError> => !(c instanceof DomainError)),
        );
        batch.forEach((b, i) => {
          const c = checked[i];
          if (c instanceof DomainError) b.reject(c);
        });
        ok.forEach((b, i) => {
          markDirty(hub.dirty, b.received.sessionId, stored[i].pollId, stored[i].answerId);
          b.resolve(stored[i]);
        });
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    // take this tick's work first: answers stored while the results are counted go out next tick
    const dirty = [...hub.dirty];
    hub.dirty.clear();
    for (const [sessionId, polls] of dirty) {
      try {
        const results = await resultsOf(deps.db, [...polls.keys()]);
        const through = Math.max(0, ...polls.values());
        io.to([rooms.qa(sessionId), rooms.qaModerators(sessionId)]).emit("poll:results", { sessionId, results, through });
      } catch (error) {
        console.error("polls: counting results failed", error);
      }
    }
    const timer = setTimeout(tick, Math.max(0, TICK_MS - (Date.now() - started)));
    timer.unref();
  };
  setTimeout(tick, TICK_MS).unref();
  return hub;
}

function markDirty(map: Map<number, Map<number, number>>, sessionId: number, pollId: number, answerId: number) {
  let polls = map.get(sessionId);
  if (!polls) map.set(sessionId, (polls = new Map()));
  polls.set(pollId, Math.max(polls.get(pollId) ?? 0, answerId));
}

/** The same address as the HTTP side and the Q&A handlers (behind TRUST_PROXY: the last X-Forwarded-For entry). */
function clientIp(socket: RealtimeSocket, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = socket.handshake.headers["x-forwarded-for"];
    const last = (Array.isArray(fwd) ? fwd.join(",") : fwd)?.split(",").at(-1)?.trim();
    if (last) return last;
  }
  return socket.handshake.address;
}

const currentMessage = z.object({ code: codeSchema, as: z.enum(["participant", "moderator", "screen"]) });
const answerPayload = answerMessage.extend({ code: codeSchema });
const moderateMessage = pollActionSchema.extend({ code: codeSchema, pollId: idNumber });

export function pollHandlers(deps: HandlerDeps): (socket: RealtimeSocket) => void {
  const hub = createHub(deps);
  return (socket) => registerPolls(socket, deps, hub);
}

function registerPolls(socket: RealtimeSocket, deps: HandlerDeps, hub: PollHub): void {
  const { db, config, serverConfig } = deps;
  const ip = clientIp(socket, serverConfig.trustProxy);
  const participant = async () => socket.data.qaParticipant ?? (await readParticipantId(socket.request.headers.cookie, { config }));
  /** the session of a code this socket joined with qa:join (the join also made the participant) */
  const joinedId = (code: string) => {
    const id = socket.data.qaSessions?.[code];
    if (id === undefined) throw new DomainError("qa.notJoined", undefined, undefined, 409);
    return id;
  };
  const joinedSession = async (code: string) => {
    joinedId(code);
    return requireSession(db, code);
  };

  on(socket, "poll:current", currentMessage, async ({ code, as }) => {
    const session = await joinedSession(code);
    if (as === "moderator") {
      if (!can.moderate(socket.data.user)) throw new DomainError("error.403.text", undefined, undefined, 403);
      const polls = await moderatorPolls(db, socket.data.user, session);
      return { current: null, polls };
    }
    if (as === "screen") {
      const screen = await screenPoll(db, session);
      return { current: screen ? { ...screen, mine: null } : null };
    }
    return { current: await participantPoll(db, session, await participant()) };
  });

  on(socket, "poll:answer", answerPayload, async ({ code, ...input }) => {
    const participantId = await participant();
    if (!participantId) throw new DomainError("qa.noParticipant", undefined, undefined, 401);
    // the session's state is read with the poll (no lookup of the session per answer)
    const sessionId = joinedId(code);
    // checked and stored by the next tick (group commit), acknowledged after the commit (at most one tick later)
    return new Promise<StoredAnswer>((resolve, reject) => hub.queue.push({ received: { who: { participantId, ip }, sessionId, input }, resolve, reject }));
  });

  on(socket, "poll:moderate", moderateMessage, async ({ code, ...input }) => {
    if (!can.moderate(socket.data.user)) throw new DomainError("error.403.text", undefined, undefined, 403);
    const session = await requireSession(db, code);
    const change = await pollAction(db, socket.data.user, session, input);
    publishPollChange(deps.realtime, change);
    return { version: change.polls.find((p) => p.poll.id === input.pollId)?.poll.version ?? input.version };
  });
}
