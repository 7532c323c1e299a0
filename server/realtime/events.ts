// Live events: a socket follows one event's room and hears "event:changed" when
// seats, registrations or check-ins change; the page then reloads its own data
// (the loader stays the source of truth, so nothing private travels on the socket).
import { canSeeEvent } from "~/domain/events/events.server";
import { joinEventSchema } from "~/domain/events/events.schema";
import { rooms, type Ack } from "~/realtime/contract";
import type { HandlerDeps, RealtimeSocket } from "../realtime";

export function registerEvents(socket: RealtimeSocket, { db }: HandlerDeps): void {
  socket.on("event:join", async (payload: unknown, ack: Ack<{ eventId: number }>) => {
    if (typeof ack !== "function") return;
    const parsed = joinEventSchema.safeParse(payload);
    if (!parsed.success) return ack({ error: "validation" });
    const { eventId } = parsed.data;
    try {
      if (!(await canSeeEvent(db, socket.data.user, eventId))) return ack({ error: "not_found" });
      for (const room of socket.rooms) if (room.startsWith("event:")) await socket.leave(room);
      await socket.join(rooms.event(eventId));
      ack({ data: { eventId } });
    } catch {
      ack({ error: "server" });
    }
  });

  socket.on("event:leave", async (payload: unknown) => {
    const parsed = joinEventSchema.safeParse(payload);
    if (parsed.success) await socket.leave(rooms.event(parsed.data.eventId));
  });
}
