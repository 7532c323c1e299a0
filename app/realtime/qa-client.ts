// The browser side of live Q&A: one socket per page, joined to one session.
// It starts from the loader's snapshot, applies changes in revision order, asks
// for a fresh snapshot when it misses a revision or reconnects, and merges the
// coalesced vote counts. socket.io-client is loaded only in the browser.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import type { LiveCounts, QuestionView, Snapshot } from "~/domain/qa/views";
import { useMessages } from "~/i18n/react";
import type { AckError, ClientToServerEvents, QaRole, QaUpdate, ServerToClientEvents } from "./contract";

type QaSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function upsert(list: QuestionView[], items: QuestionView[]): QuestionView[] {
  if (items.length === 0) return list;
  const byId = new Map(list.map((q) => [q.id, q]));
  for (const q of items) byId.set(q.id, { ...byId.get(q.id), ...q });
  return [...byId.values()];
}

export function applyUpdate(snap: Snapshot, u: QaUpdate): Snapshot {
  const hidden = new Set(u.hidden);
  return {
    ...snap,
    session: u.session,
    questions: upsert(
      snap.questions.filter((q) => !hidden.has(q.id)),
      u.questions,
    ),
  };
}

export interface QaLive {
  snapshot: Snapshot;
  counts: (LiveCounts & { participants?: number }) | undefined;
  /** connected and joined to the session */
  online: boolean;
  /** the connection was lost (or could not be made) and is being retried */
  offline: boolean;
  /** the server refused to (re)join, e.g. the session is gone or this browser lost the moderator's rights */
  joinError: AckError | null;
  /** null until the socket is connected and joined: callers then fall back to plain forms */
  emit: QaSocket | null;
  setSnapshot: (update: (s: Snapshot) => Snapshot) => void;
}

/** `view`: the participant page's open questions shown and their order, asked for again on every (re)join. */
export function useQaLive(code: string, as: QaRole, initial: Snapshot, view: { open?: number; sort?: "popular" | "newest" } = {}): QaLive {
  // shown once the socket is up: sent with the page rather than loaded with the Q&A catalogue
  useMessages("qa.live.connected", "qa.live.offline");
  const [snapshot, setSnap] = useState(initial);
  const [counts, setCounts] = useState(initial.counts);
  const [online, setOnline] = useState(false);
  const [offline, setOffline] = useState(false);
  const [socket, setSocket] = useState<QaSocket | null>(null);
  const [joinError, setJoinError] = useState<AckError | null>(null);
  const revision = useRef(initial.session.revision);

  const setSnapshot = useCallback((update: (s: Snapshot) => Snapshot) => {
    setSnap((s) => {
      const next = update(s);
      revision.current = next.session.revision;
      return next;
    });
  }, []);

  // a newer snapshot from the loader (after a form post) wins
  useEffect(() => {
    if (initial.session.revision >= revision.current) {
      revision.current = initial.session.revision;
      setSnap(initial);
      if (initial.counts) setCounts(initial.counts);
    }
  }, [initial]);

  useEffect(() => {
    let closed = false;
    let s: QaSocket | null = null;
    void import("socket.io-client").then(({ io }) => {
      if (closed) return;
      s = io({ reconnectionDelay: 500, reconnectionDelayMax: 5000 }) as QaSocket;
      const join = () =>
        s!.emit("qa:join", { code, as, ...(view.open && { open: view.open }), ...(view.sort && { sort: view.sort }) }, (res) => {
          if ("error" in res) {
            // not joined: the page keeps its plain forms (they answer with the same refusal)
            setJoinError(res.error);
            setOnline(false);
            return;
          }
          setJoinError(null);
          setSocket(s);
          setOnline(true);
          revision.current = res.data.session.revision;
          setSnap(res.data);
          if (res.data.counts) setCounts(res.data.counts);
        });
      // "online" once joined: only then do the pages send over the socket
      s.on("connect", () => {
        setOffline(false);
        join();
      });
      s.on("disconnect", () => {
        setOnline(false);
        setOffline(true);
      });
      s.on("connect_error", () => setOffline(true));
      s.on("qa:update", (u) => {
        if (u.revision <= revision.current) return;
        if (u.revision !== revision.current + 1) {
          join(); // missed one: fetch a fresh snapshot
          return;
        }
        revision.current = u.revision;
        setSnap((snap) => {
          const next = applyUpdate(snap, u);
          if (as === "screen") {
            const need = [next.session.onScreenQuestionId, next.session.nextQuestionId].filter((x): x is number => x !== null);
            if (need.some((id) => !next.questions.some((q) => q.id === id))) setTimeout(join, 0);
          }
          return next;
        });
      });
      s.on("qa:mine", ({ questions }) => setSnap((snap) => ({ ...snap, questions: upsert(snap.questions, questions) })));
      s.on("qa:votes", ({ counts }) =>
        setSnap((snap) => {
          const map = new Map(counts);
          return { ...snap, questions: snap.questions.map((q) => (map.has(q.id) ? { ...q, voteCount: map.get(q.id)! } : q)) };
        }),
      );
      s.on("qa:counts", (c) => setCounts(c));
    });
    return () => {
      closed = true;
      s?.close();
    };
  }, [code, as, view.open, view.sort]);

  return { snapshot, counts, online, offline, joinError, emit: online ? socket : null, setSnapshot };
}
