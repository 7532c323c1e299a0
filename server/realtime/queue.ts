// The queue live: displays, desks and ticket pages follow a unit's room and hear
// "queue:changed" (public facts: a number called at a counter). Staff actions go
// through the same domain function as the desk's plain forms (authorized there from
// socket.data, never from the payload), are stored, acknowledged, then broadcast.
// Restart-safe: nothing is kept here; clients re-fetch their page data on reconnect.
import { z } from "zod";
import { idNumber } from "~/domain/ids";
import { publishQueue, queueAct } from "~/domain/services/queue.server";
import { QUEUE_ACTIONS, counterSchema } from "~/domain/services/queue.schema";
import { DomainError } from "~/domain/errors";
import { rooms } from "~/realtime/contract";
import type { HandlerDeps, RealtimeSocket } from "../realtime";
import { on } from "./handler";

const joinSchema = z.object({ unitId: idNumber });
const actSchema = z.object({
  unitId: idNumber,
  action: z.enum(QUEUE_ACTIONS),
  counter: counterSchema.optional(),
  ticketId: idNumber.optional(),
  serviceId: idNumber.optional(),
});

export function queueHandlers({ db, realtime }: HandlerDeps): (socket: RealtimeSocket) => void {
  return (socket) => {
    on(socket, "queue:join", joinSchema, async ({ unitId }) => {
      const unit = await db.serviceUnit.findUnique({ where: { id: unitId }, select: { id: true } });
      if (!unit) throw new DomainError("services.unit.notFound", undefined, undefined, 404);
      await socket.join(rooms.queue(unitId));
      return { unitId };
    });

    on(socket, "queue:act", actSchema, async ({ unitId, ...input }) => {
      const result = await queueAct(db, socket.data.user, unitId, input);
      publishQueue(realtime, result.change);
      return { ticketId: result.ticketId, number: result.number };
    });
  };
}
