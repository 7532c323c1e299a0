// Live events: a socket follows one event's room and hears "event:changed" when
// seats, registrations or check-ins change; the page then reloads its own data
// (the loader stays the source of truth, so nothing private travels on the socket).
import { DomainError } from "~/domain/errors";
import { canSeeEvent } from "~/domain/events/events.server";
import { joinEventSchema } from "~/domain/events/events.schema";
import { rooms } from "~/realtime/contract";
import type { HandlerDeps, RealtimeSocket } from "../realtime";
import { on } from "./handler";

export function eventHandlers({ db }: HandlerDeps): (socket: RealtimeSocket) => void {
  return (socket) => {
    on(socket, "event:join", joinEventSchema, async ({ eventId }) => {
      if (!(await canSeeEvent(db, socket.data.user, eventId))) throw new DomainError("events.notFound", undefined, undefined, 404);
      for (const room of socket.rooms) if (room.startsWith("event:")) await socket.leave(room);
      await socket.join(rooms.event(eventId));
      return { eventId };
    });

    on(socket, "event:leave", joinEventSchema, async ({ eventId }) => {
      await socket.leave(rooms.event(eventId));
    });
  };
}
