// The queue's live part (JavaScript only; without it every page has a plain refresh):
// follow a unit's queue room and hear each stored change. After a reconnect the socket
// joins again and the page re-fetches, so nothing is missed while the server restarted.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ClientToServerEvents, QueueChange, ServerToClientEvents } from "~/realtime/contract";

export function useLiveQueue(unitId: number, onChange?: (change: QueueChange) => void): void {
  const revalidator = useRevalidator();
  const ref = useRef({ revalidator, onChange });
  ref.current = { revalidator, onChange };
  useEffect(() => {
    let closed = false;
    let joined = false;
    let socket: import("socket.io-client").Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
    const refresh = () => {
      if (ref.current.revalidator.state === "idle") ref.current.revalidator.revalidate();
    };
    void import("socket.io-client").then(({ io }) => {
      if (closed) return;
      socket = io({ transports: ["websocket"] });
      socket.on("connect", () =>
        socket!.emit("queue:join", { unitId }, (res) => {
          if ("error" in res) {
            if (res.error.code !== "server") socket?.disconnect();
            return;
          }
          if (joined) refresh(); // a reconnect: catch up on what happened meanwhile
          joined = true;
        }),
      );
      socket.on("queue:changed", (change) => {
        if (change.unitId !== unitId) return;
        ref.current.onChange?.(change);
        refresh();
      });
    });
    return () => {
      closed = true;
      socket?.disconnect();
    };
  }, [unitId]);
}

/** A short two-tone chime (Web Audio), where the browser allows sound. */
export function chime(): void {
  try {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    [660, 880].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.2, ctx.currentTime + i * 0.35);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.35 + 0.3);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.35);
      osc.stop(ctx.currentTime + i * 0.35 + 0.32);
    });
    setTimeout(() => void ctx.close(), 1200);
  } catch {
    /* no sound allowed: the number is still on screen */
  }
}
