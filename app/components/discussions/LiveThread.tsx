// Live updates for one thread (JavaScript only; without it the page works by reloading).
// New replies are counted, not inserted: the reader reveals them with one button,
// so nothing moves under their eyes. Other changes refresh from the loader, which
// stays the source of truth (and applies permissions: sockets carry ids only).
import { useRevalidator } from "@remix-run/react";
import { createContext, useContext, useEffect, useRef, useState } from "react";
import type { AckError, ClientToServerEvents, ServerToClientEvents } from "~/realtime/contract";
import { useT } from "~/i18n/react";

/** support counts that changed since the page was loaded */
export const LiveSupports = createContext<Map<number, number>>(new Map());
export const useLiveSupport = (postId: number, initial: number) => useContext(LiveSupports).get(postId) ?? initial;

export function LiveThread({ topicId, knownIds, children }: { topicId: number; knownIds: number[]; children: React.ReactNode }) {
  const t = useT();
  const revalidator = useRevalidator();
  const [fresh, setFresh] = useState<Set<number>>(new Set());
  const [supports, setSupports] = useState<Map<number, number>>(new Map());
  const [joined, setJoined] = useState(false);
  /** why the server refused to follow this thread live (the page still works by reloading) */
  const [refused, setRefused] = useState<AckError | null>(null);
  const revalidatorRef = useRef(revalidator);
  revalidatorRef.current = revalidator;
  const known = useRef(new Set(knownIds));
  known.current = new Set(knownIds);

  // after a reload from the loader: forget what the page now shows
  const knownKey = knownIds.join(",");
  useEffect(() => {
    setFresh((prev) => {
      const left = [...prev].filter((id) => !known.current.has(id));
      return left.length === prev.size ? prev : new Set(left);
    });
    setSupports((prev) => (prev.size === 0 ? prev : new Map()));
  }, [knownKey]);

  useEffect(() => {
    let closed = false;
    let socket: import("socket.io-client").Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
    void import("socket.io-client").then(({ io }) => {
      if (closed) return;
      socket = io({ transports: ["websocket"] });
      const join = () =>
        socket!.emit("topic:join", { topicId }, (res) => {
          setJoined("data" in res);
          setRefused("error" in res ? res.error : null);
        });
      socket.on("disconnect", () => setJoined(false));
      socket.on("connect", join);
      socket.on("post:created", (p) => {
        if (p.topicId !== topicId || known.current.has(p.postId)) return;
        setFresh((prev) => new Set(prev).add(p.postId));
      });
      socket.on("post:supported", (p) => {
        if (p.topicId === topicId) setSupports((prev) => new Map(prev).set(p.postId, p.supportCount));
      });
      const refresh = (p: { topicId: number }) => {
        if (p.topicId === topicId && revalidatorRef.current.state === "idle") revalidatorRef.current.revalidate();
      };
      socket.on("post:changed", refresh);
      socket.on("topic:changed", refresh);
    });
    return () => {
      closed = true;
      socket?.disconnect();
    };
  }, [topicId]);

  const count = fresh.size;
  return (
    <LiveSupports.Provider value={supports}>
      {children}
      <div className="live-bar" aria-live="polite" data-live={joined ? "on" : undefined} data-live-error={refused?.code}>
        {refused && <p className="muted">{t("discussions.live.unavailable")}</p>}
        {count > 0 && (
          <button
            type="button"
            className="live-reveal"
            onClick={() => {
              setFresh(new Set());
              revalidator.revalidate();
            }}
          >
            {count === 1 ? t("discussions.live.newOne") : t("discussions.live.new", { count })}
          </button>
        )}
      </div>
    </LiveSupports.Provider>
  );
}
