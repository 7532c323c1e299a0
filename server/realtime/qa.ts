// Live Q&A over Socket.IO. Every handler validates its payload (zod), authorizes
// from socket.data (session cookie for moderators, signed participant cookie for
// participants), calls the same domain functions as the HTTP actions, and
// acknowledges / broadcasts only after the change is stored. Vote counts are
// coalesced into one message per session per tick; moderation goes out at once.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { DomainError } from "~/domain/errors";
import { idNumber } from "~/domain/ids";
import { can } from "~/domain/accounts/roles";
import { askSchema, banSchema, codeSchema, moderateSchema, sessionActionSchema, voteSchema } from "~/domain/qa/qa.schema";
import {
  askQuestion,
  banAsker,
  ensureParticipant,
  findSession,
  liveCounts,
  moderateQuestion,
  moderatorSnapshot,
  participantSnapshot,
  requireSession,
  screenSnapshot,
  sessionAction,
} from "~/domain/qa/qa.server";
import { publicSession, publishChange } from "~/domain/qa/broadcast.server";
import { createCountBoard } from "~/domain/qa/count-board";
import { rooms } from "~/realtime/contract";
import { readParticipantId } from "~/utils/qa-cookie.server";
import { roomSizes, type CountsMessage, type HandlerDeps, type RealtimeSocket } from "../realtime";
import { on } from "./handler";

const COUNTS_MS = 2000;

function countsMessage(text: string): CountsMessage | null {
  try {
    return JSON.parse(text) as CountsMessage | null;
  } catch {
    return null; // not from an instance of this version
  }
}

/**
 * The hub, started once per server by `qaHandlers`: the vote tick (store the queued
 * votes, tell the rooms the coalesced counts) and the moderators' live counts. Its
 * timers end with the process.
 */
function startHub(deps: HandlerDeps): void {
  const counts = createCountBoard();
  const io = deps.io;
  const TICK_MS = deps.serverConfig.qa.voteTickMs;
  const clustered = Boolean(deps.serverConfig.redisUrl);
  const mark = counts.mark;
  // Several instances: each tells the others the counts it stored (one small message
  // per tick through Redis), and each sends its own sockets one message per session per
  // tick with its counts and the others'. Broadcasting through the adapter instead
  // would give every participant one message per instance per tick. The instances tick
  // at the same moments (multiples of TICK_MS on the wall clock) and each waits, after
  // its own commit, up to GATHER_MS for the other active instances' counts of the same
  // tick, so a vote on another instance is usually in the same tick's message.
  const GATHER_MS = Math.min(100, Math.round(TICK_MS / 2));
  const ACTIVE_TICKS = Math.ceil(3000 / TICK_MS); // an instance with votes keeps reporting (empty) ticks this long
  const hubId = randomBytes(6).toString("hex");
  const peers = new Map<string, number>(); // other instance -> the last tick it reported
  let lastVotesTick = -Infinity;
  let gathering: { tick: number; missing: Set<string>; done: () => void } | null = null;
  if (clustered) {
    io.on("qa:counts", (text) => {
      // an instance of an earlier version (rolling upgrade) sends an object: ignored until it runs this one
      const message = typeof text === "string" ? countsMessage(text) : null;
      if (!message || !Array.isArray(message.batches)) return;
      const { from, tick, batches } = message;
      if (from === hubId) return;
      peers.set(from, Math.max(tick, peers.get(from) ?? -Infinity));
      batches.forEach(([sessionId, counts]) => counts.forEach(([q, n, v]) => mark(sessionId, q, n, v)));
      if (gathering && tick >= gathering.tick && gathering.missing.delete(from) && gathering.missing.size === 0) gathering.done();
    });
  }
  /** the other instances that reported one of the last two ticks and have not reported `tick` yet; resolves when they all did, or after GATHER_MS */
  const gather = (tick: number) =>
    new Promise<void>((resolve) => {
      const missing = new Set<string>();
      for (const [peer, last] of peers) {
        if (last < tick - 2) peers.delete(peer);
        else if (last < tick) missing.add(peer);
      }
      if (missing.size === 0) return resolve();
      const timer = setTimeout(() => finish(), GATHER_MS);
      const finish = () => {
        clearTimeout(timer);
        gathering = null;
        resolve();
      };
      gathering = { tick, missing, done: finish };
    });
  const flush = () => {
    for (const [sessionId, sessionCounts] of counts.take()) {
      const payload = { sessionId, counts: sessionCounts };
      const target = [rooms.qa(sessionId), rooms.qaModerators(sessionId)];
      if (clustered) io.local.to(target).emit("qa:votes", payload);
      else io.to(target).emit("qa:votes", payload);
    }
  };
  // each tick: store the queued votes (one small transaction), then one count message per session
  const tick = async () => {
    const started = Date.now();
    const tickNo = Math.round(started / TICK_MS);
    try {
      const stored = await deps.votes.commit();
      for (const c of stored) mark(c.sessionId, c.questionId, c.voteCount, c.version);
      if (clustered) {
        if (stored.length) lastVotesTick = tickNo;
        if (tickNo - lastVotesTick <= ACTIVE_TICKS) {
          const bySession = new Map<number, [number, number, number][]>();
          for (const c of stored) {
            let list = bySession.get(c.sessionId);
            if (!list) bySession.set(c.sessionId, (list = []));
            list.push([c.questionId, c.voteCount, c.version]);
          }
          // one JSON string: the adapter's msgpack then copies one string instead of walking
          // every count (it cost about 120 µs a message each way in an instance, 20x its hot-loop figure)
          io.serverSideEmit("qa:counts", JSON.stringify({ from: hubId, tick: tickNo, batches: [...bySession] } satisfies CountsMessage));
        }
        await gather(tickNo);
      }
    } catch (error) {
      console.error("qa: storing votes failed", error);
    }
    flush();
    // one instance: TICK_MS after this tick began; several: the next common tick
    const now = Date.now();
    const delay = clustered ? TICK_MS - (now % TICK_MS) : Math.max(0, TICK_MS - (now - started));
    setTimeout(tick, delay).unref();
  };
  setTimeout(tick, clustered ? TICK_MS - (Date.now() % TICK_MS) : TICK_MS).unref();
  // moderators' live counts: connected participants, questions, votes
  const lastCounts = new Map<number, string>();
  setInterval(async () => {
    for (const [room, members] of io.sockets.adapter.rooms) {
      const m = /^qa:(\d+):mod$/.exec(room);
      if (!m || members.size === 0) continue;
      const sessionId = Number(m[1]);
      try {
        // participants on every instance (room sizes across the Redis adapter when scaled out)
        const [participants] = await roomSizes(io, [rooms.qa(sessionId)], clustered);
        const counts = { sessionId, ...(await liveCounts(deps.db, sessionId)), participants };
        const key = JSON.stringify(counts);
        if (lastCounts.get(sessionId) === key) continue;
        lastCounts.set(sessionId, key);
        io.local.to(room).emit("qa:counts", counts); // every instance tells its own moderators
      } catch {
        /* the database is restarting; next round */
      }
    }
  }, COUNTS_MS).unref();
}

// payload schemas, built once: the join code plus the shared domain schemas
// (ids in a socket payload are JSON numbers: idNumber, no coercion)
const joinSchema = z.object({
  code: codeSchema,
  as: z.enum(["participant", "moderator", "screen"]),
  // participant page: how many open questions it shows and in which order (?open=N, ?sort=newest)
  open: z.number().int().min(1).max(100_000).optional(),
  sort: z.enum(["popular", "newest"]).optional(),
});
const askMessage = askSchema.extend({ code: codeSchema });
const voteMessage = voteSchema.extend({ code: codeSchema, questionId: idNumber });
const moderateMessage = moderateSchema.extend({ code: codeSchema, questionId: idNumber, intoId: idNumber.optional() });
const sessionMessage = sessionActionSchema.extend({ code: codeSchema, revision: sessionActionSchema.shape.revision.optional().default(0) });
const banMessage = banSchema.extend({ code: codeSchema, questionId: idNumber });

/**
 * The client's address for the per-IP limits, the same one the HTTP side uses
 * (`context.clientIp`, Express's `trust proxy` = 1): behind TRUST_PROXY the
 * address our proxy saw, i.e. the last X-Forwarded-For entry. The entries before
 * it come from the client and could be anything.
 */
function clientIp(socket: RealtimeSocket, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = socket.handshake.headers["x-forwarded-for"];
    const last = (Array.isArray(fwd) ? fwd.join(",") : fwd)?.split(",").at(-1)?.trim();
    if (last) return last;
  }
  return socket.handshake.address;
}

/** The Q&A handlers of one server: the hub is started once, the handlers per socket. */
export function qaHandlers(deps: HandlerDeps): (socket: RealtimeSocket) => void {
  startHub(deps);
  return (socket) => registerQa(socket, deps);
}

function registerQa(socket: RealtimeSocket, deps: HandlerDeps): void {
  const { db, realtime: publisher, config, serverConfig } = deps;
  const ip = clientIp(socket, serverConfig.trustProxy);
  let participantPromise: Promise<string | null> | null = null;
  const participant = () =>
    (participantPromise ??= readParticipantId(socket.request.headers.cookie, { config }).then((id) => {
      socket.data.qaParticipant = id;
      return id;
    }));
  const joined = () => (socket.data.qaSessions ??= {});
  const moderator = () => {
    if (!can.moderate(socket.data.user)) throw new DomainError("error.403.text", undefined, undefined, 403);
    return socket.data.user!;
  };
  /** the session of a code this socket joined (no database round trip for votes) */
  const joinedSessionId = (code: string) => {
    const id = joined()[code];
    if (id === undefined) throw new DomainError("qa.notJoined", undefined, undefined, 409);
    return id;
  };

  on(socket, "qa:join", joinSchema, async ({ code, as, open, sort }) => {
    const session = await requireSession(db, code);
    if (as === "moderator") {
      const user = moderator();
      await socket.join(rooms.qaModerators(session.id));
      joined()[session.code] = session.id;
      const snap = await moderatorSnapshot(db, user, session);
      const [participants] = await roomSizes(deps.io, [rooms.qa(session.id)], Boolean(serverConfig.redisUrl));
      return { ...snap, counts: snap.counts && { ...snap.counts, participants } };
    }
    await socket.join(rooms.qa(session.id));
    joined()[session.code] = session.id;
    if (as === "screen") return { ...(await screenSnapshot(db, { ...session })), session: publicSession(session) };
    const participantId = await participant();
    if (participantId) {
      await ensureParticipant(db, participantId);
      await socket.join(rooms.qaAsker(session.id, participantId));
    }
    return { ...(await participantSnapshot(db, session, participantId, { shown: open, sort })), session: publicSession(session) };
  });

  on(socket, "qa:ask", askMessage, async ({ code, ...input }) => {
    const participantId = await participant();
    if (!participantId) throw new DomainError("qa.noParticipant", undefined, undefined, 401);
    const session = await requireSession(db, code);
    const { question, change } = await askQuestion(db, deps.qaLimits, { participantId, userId: socket.data.user?.id ?? null, ip }, session, input);
    if (change) publishChange(publisher, change);
    return { question };
  });

  on(socket, "qa:vote", voteMessage, async ({ code, ...input }) => {
    const participantId = await participant();
    if (!participantId) throw new DomainError("qa.noParticipant", undefined, undefined, 401);
    const sessionId = joinedSessionId(code);
    // stored by the next tick's commit (votes.commit), acknowledged after that; the tick tells the room
    return deps.votes.cast({ participantId, ip }, sessionId, input, { deferred: true });
  });

  on(socket, "qa:moderate", moderateMessage, async ({ code, ...input }) => {
    const user = moderator();
    const session = await requireSession(db, code);
    const change = await moderateQuestion(db, user, session, input);
    publishChange(publisher, change);
    return { revision: change.session.revision };
  });

  on(socket, "qa:session", sessionMessage, async ({ code, ...input }) => {
    const user = moderator();
    const session = await requireSession(db, code);
    const change = await sessionAction(db, user, session, input);
    publishChange(publisher, change);
    return { revision: change.session.revision };
  });

  on(socket, "qa:ban", banMessage, async ({ code, ...input }) => {
    const user = moderator();
    const session = await requireSession(db, code);
    const change = await banAsker(db, user, session, input.questionId);
    publishChange(publisher, change);
    return { revision: change.session.revision };
  });
}

export { findSession };
