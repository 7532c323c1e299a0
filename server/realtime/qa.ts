// Live Q&A over Socket.IO. Every handler validates its payload (zod), authorizes
// from socket.data (session cookie for moderators, signed participant cookie for
// participants), calls the same domain functions as the HTTP actions, and
// acknowledges / broadcasts only after the change is stored. Vote counts are
// coalesced into one message per session per tick; moderation goes out at once.
import { ZodError, z } from "zod";
import { DomainError } from "~/domain/errors";
import { can } from "~/domain/accounts/roles";
import { askSchema, banSchema, codeSchema, moderateSchema, sessionActionSchema, voteSchema } from "~/domain/qa/qa.schema";
import {
  askQuestion,
  banAsker,
  castVote,
  commitVotes,
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
import { rooms, type QaRole } from "~/realtime/contract";
import { readParticipantId } from "~/utils/qa-cookie.server";
import type { HandlerDeps, RealtimeServer, RealtimeSocket } from "../realtime";

const TICK_MS = Math.max(50, Number(process.env.QA_VOTE_TICK_MS) || 150);
const COUNTS_MS = 2000;
const BENCH = process.env.BALAI_BENCH === "1";

type Ack = (response: { data: unknown } | { error: string }) => void;

/** Per-server state: coalesced vote counts and the live-count timer. */
interface QaHub {
  dirty: Map<number, Map<number, number>>;
  benchDirty: Map<number, Map<number, number>>;
  benchCounts: Map<string, number>;
  timers: NodeJS.Timeout[];
}

const hubs = new WeakMap<RealtimeServer, QaHub>();

function hubFor(deps: HandlerDeps): QaHub {
  let hub = hubs.get(deps.io);
  if (hub) return hub;
  const created: QaHub = { dirty: new Map(), benchDirty: new Map(), benchCounts: new Map(), timers: [] };
  hub = created;
  hubs.set(deps.io, created);
  const io = deps.io;
  const flush = (dirty: Map<number, Map<number, number>>, event: "qa:votes" | "bench:tick") => {
    for (const [sessionId, counts] of dirty) {
      const payload = { sessionId, counts: [...counts] as [number, number][] };
      io.to([rooms.qa(sessionId), rooms.qaModerators(sessionId)]).emit(event, payload);
    }
    dirty.clear();
  };
  // each tick: store the queued votes (one small transaction), then one count message per session
  const tick = async () => {
    const started = Date.now();
    try {
      for (const c of await commitVotes(deps.db)) {
        let counts = created.dirty.get(c.sessionId);
        if (!counts) created.dirty.set(c.sessionId, (counts = new Map()));
        counts.set(c.questionId, c.voteCount);
      }
    } catch (error) {
      console.error("qa: storing votes failed", error);
    }
    if (created.dirty.size) flush(created.dirty, "qa:votes");
    if (created.benchDirty.size) flush(created.benchDirty, "bench:tick");
    const timer = setTimeout(tick, Math.max(0, TICK_MS - (Date.now() - started)));
    timer.unref();
    created.timers[0] = timer;
  };
  created.timers.push(setTimeout(tick, TICK_MS));
  // moderators' live counts: connected participants, questions, votes
  const lastCounts = new Map<number, string>();
  created.timers.push(
    setInterval(async () => {
      for (const [room, members] of io.sockets.adapter.rooms) {
        const m = /^qa:(\d+):mod$/.exec(room);
        if (!m || members.size === 0) continue;
        const sessionId = Number(m[1]);
        try {
          const counts = { sessionId, ...(await liveCounts(deps.db, sessionId)), participants: io.sockets.adapter.rooms.get(rooms.qa(sessionId))?.size ?? 0 };
          const key = JSON.stringify(counts);
          if (lastCounts.get(sessionId) === key) continue;
          lastCounts.set(sessionId, key);
          io.to(room).emit("qa:counts", counts);
        } catch {
          /* the database is restarting; next round */
        }
      }
    }, COUNTS_MS),
  );
  for (const t of created.timers) t.unref();
  return created;
}

function errorKey(error: unknown): string {
  if (error instanceof DomainError) return error.messageKey;
  if (error instanceof ZodError) {
    const msg = error.issues[0]?.message ?? "";
    return msg.startsWith("qa.") ? msg : "qa.validation.invalid";
  }
  console.error("qa socket handler failed", error);
  return "error.500.title";
}

/** Every handler: a function ack, an object payload, errors as message keys; never throws. */
function handler<P>(socket: RealtimeSocket, fn: (payload: P) => Promise<unknown>) {
  return (payload: unknown, ack: unknown) => {
    const reply: Ack = typeof ack === "function" ? (ack as Ack) : () => undefined;
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
      reply({ error: "qa.validation.invalid" });
      return;
    }
    fn(payload as P).then(
      (data) => reply({ data }),
      (error) => reply({ error: errorKey(error) }),
    );
    void socket;
  };
}

// payload schemas, built once: the join code plus the shared domain schemas
const joinSchema = z.object({ code: codeSchema, as: z.enum(["participant", "moderator", "screen"]) });
const askMessage = askSchema.extend({ code: codeSchema });
const voteMessage = voteSchema.extend({ code: codeSchema });
const moderateMessage = moderateSchema.extend({ code: codeSchema });
const sessionMessage = sessionActionSchema.extend({ code: codeSchema, revision: sessionActionSchema.shape.revision.optional().default(0) });
const banMessage = banSchema.extend({ code: codeSchema });

function clientIp(socket: RealtimeSocket, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = socket.handshake.headers["x-forwarded-for"];
    const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return socket.handshake.address;
}

export function registerQa(socket: RealtimeSocket, deps: HandlerDeps): void {
  const hub = hubFor(deps);
  const { db, publisher, config } = deps;
  const ip = clientIp(socket, config.trustProxy);
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

  socket.on(
    "qa:join",
    handler(socket, async (payload) => {
      const { code, as } = joinSchema.parse(payload) as { code: string; as: QaRole };
      const session = await requireSession(db, code);
      if (as === "moderator") {
        const user = moderator();
        await socket.join(rooms.qaModerators(session.id));
        joined()[session.code] = session.id;
        const snap = await moderatorSnapshot(db, user, session);
        const participants = deps.io.sockets.adapter.rooms.get(rooms.qa(session.id))?.size ?? 0;
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
      return { ...(await participantSnapshot(db, session, participantId)), session: publicSession(session) };
    }),
  );

  socket.on(
    "qa:ask",
    handler(socket, async (payload) => {
      const { code, ...input } = askMessage.parse(payload);
      const participantId = await participant();
      if (!participantId) throw new DomainError("qa.noParticipant", undefined, undefined, 401);
      const session = await requireSession(db, code);
      const { question, change } = await askQuestion(db, { participantId, userId: socket.data.user?.id ?? null, ip }, session, input);
      if (change) publishChange(publisher, change);
      return { question };
    }),
  );

  socket.on(
    "qa:vote",
    handler(socket, async (payload) => {
      const { code, ...input } = voteMessage.parse(payload);
      const participantId = await participant();
      if (!participantId) throw new DomainError("qa.noParticipant", undefined, undefined, 401);
      const sessionId = joinedSessionId(code);
      // stored by the next tick's commit (commitVotes), acknowledged after that
      const result = await castVote(db, { participantId, ip }, sessionId, input, { deferred: true });
      let counts = hub.dirty.get(sessionId);
      if (!counts) hub.dirty.set(sessionId, (counts = new Map()));
      counts.set(result.questionId, result.voteCount);
      return result;
    }),
  );

  socket.on(
    "qa:moderate",
    handler(socket, async (payload) => {
      const user = moderator();
      const { code, ...input } = moderateMessage.parse(payload);
      const session = await requireSession(db, code);
      const change = await moderateQuestion(db, user, session, input);
      publishChange(publisher, change);
      return { revision: change.session.revision };
    }),
  );

  socket.on(
    "qa:session",
    handler(socket, async (payload) => {
      const user = moderator();
      const { code, ...input } = sessionMessage.parse(payload);
      const session = await requireSession(db, code);
      const change = await sessionAction(db, user, session, input);
      publishChange(publisher, change);
      return { revision: change.session.revision };
    }),
  );

  socket.on(
    "qa:ban",
    handler(socket, async (payload) => {
      const user = moderator();
      const { code, ...input } = banMessage.parse(payload);
      const session = await requireSession(db, code);
      const change = await banAsker(db, user, session, input.questionId);
      publishChange(publisher, change);
      return { revision: change.session.revision };
    }),
  );

  if (BENCH) {
    // The bare Socket.IO baseline for `npm run bench:qa`: the same messages in and
    // the same-size broadcast out, with nothing of the application in between.
    socket.on("bench:vote", (payload: unknown, ack: unknown) => {
      const p = payload as { code: string; questionId: number; on: boolean };
      const sessionId = socket.data.qaSessions?.[p.code] ?? 0;
      const key = `${p.questionId}`;
      const count = Math.max(0, (hub.benchCounts.get(key) ?? 0) + (p.on ? 1 : -1));
      hub.benchCounts.set(key, count);
      let counts = hub.benchDirty.get(sessionId);
      if (!counts) hub.benchDirty.set(sessionId, (counts = new Map()));
      counts.set(p.questionId, count);
      if (typeof ack === "function") (ack as Ack)({ data: { questionId: p.questionId, on: p.on, voteCount: count } });
    });
  }
}

export { findSession };
