// The browser side of live polls: rides on the page's Q&A socket (useQaLive's
// `emit`, present once joined), asks for the polls again after every (re)join,
// and applies `poll:state` changes and the coalesced `poll:results`.
import { useEffect, useState } from "react";
import { newestResults, type ParticipantPoll, type PollResults, type PollView } from "~/domain/qa/polls";
import type { QaLive } from "./qa-client";
import type { QaRole } from "./contract";

export type ModeratorPollItem = { poll: PollView; results: PollResults };

export interface PollLive {
  current: ParticipantPoll | null;
  polls: ModeratorPollItem[];
  setCurrent: (update: (c: ParticipantPoll | null) => ParticipantPoll | null) => void;
}

/** Whether the viewer may see the results now: moderators always, participants after answering or when closed, the projector when shown. */
function visibleResults(as: QaRole, current: ParticipantPoll): boolean {
  if (as === "screen") return current.poll.showResults;
  return current.mine !== null || current.poll.status === "closed";
}

export function usePollLive(live: QaLive, code: string, as: QaRole, initial: { current: ParticipantPoll | null; polls?: ModeratorPollItem[] }): PollLive {
  const [current, setCurrent] = useState(initial.current);
  const [polls, setPolls] = useState(initial.polls ?? []);
  const socket = live.emit;

  // a newer page from the loader (after a form post) wins
  const { current: loadedCurrent, polls: loadedPolls } = initial;
  useEffect(() => {
    setCurrent(loadedCurrent);
    if (loadedPolls) setPolls(loadedPolls);
  }, [loadedCurrent, loadedPolls]);

  useEffect(() => {
    if (!socket) return;
    const resync = () =>
      socket.emit("poll:current", { code, as }, (res) => {
        if ("error" in res) return;
        setCurrent(res.data.current);
        if (res.data.polls) setPolls(res.data.polls);
      });
    resync();
    const onState = ({ polls: changed, removed = [] }: { polls: ModeratorPollItem[]; removed?: number[] }) => {
      setPolls((list) => {
        const byId = new Map(list.map((p) => [p.poll.id, p]));
        for (const p of changed) byId.set(p.poll.id, { ...p, results: newestResults(byId.get(p.poll.id)?.results, p.results) });
        for (const id of removed) byId.delete(id);
        return [...byId.values()].sort((a, b) => a.poll.position - b.poll.position || a.poll.id - b.poll.id);
      });
      if (as === "moderator") return;
      setCurrent((c) => {
        let next = c;
        for (const { poll, results } of changed) {
          if (next && poll.id === next.poll.id) {
            const updated = { ...next, poll };
            next = { ...updated, results: visibleResults(as, updated) ? newestResults(next.results, results) : null };
          } else if (poll.status === "open") {
            // a new poll: nobody can have answered a first opening; a reopened one may have this participant's answer
            if (results.answers > 0 && as === "participant") setTimeout(resync, 0);
            const fresh = { poll, mine: null, results: null };
            next = { ...fresh, results: visibleResults(as, fresh) ? results : null };
          }
        }
        return next;
      });
    };
    const onResults = ({ results }: { results: PollResults[] }) => {
      const byPoll = new Map(results.map((r) => [r.pollId, r]));
      setPolls((list) => list.map((p) => (byPoll.has(p.poll.id) ? { ...p, results: newestResults(p.results, byPoll.get(p.poll.id)!) } : p)));
      setCurrent((c) => (c && byPoll.has(c.poll.id) && visibleResults(as, c) ? { ...c, results: newestResults(c.results, byPoll.get(c.poll.id)!) } : c));
    };
    socket.on("poll:state", onState);
    socket.on("poll:results", onResults);
    return () => {
      socket.off("poll:state", onState);
      socket.off("poll:results", onResults);
    };
  }, [socket, code, as]);

  return { current, polls, setCurrent };
}
