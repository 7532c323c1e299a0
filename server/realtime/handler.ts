// The one socket handler wrapper. Every client message goes through `on`: the
// payload is validated with the area's zod schema (a non-object is refused at
// once), the work runs, and the acknowledgement is `{ data }` or `{ error }` in
// the one vocabulary of refusals (code + message key). A handler never throws and
// never acknowledges before its change is stored.
import { ZodError, type z } from "zod";
import { DomainError, errorCodeOf } from "~/domain/errors";
import { isMessageKey } from "~/i18n";
import type { AckError, AckResponse, ClientToServerEvents } from "~/realtime/contract";
import type { RealtimeSocket } from "../realtime";

type Last<T extends unknown[]> = T extends [...unknown[], infer L] ? L : never;
/** What the event's acknowledgement carries as `data`, from the typed contract. */
type AckData<E extends keyof ClientToServerEvents> = Last<Parameters<ClientToServerEvents[E]>> extends (r: AckResponse<infer T>) => void ? T : void;

export function ackError(error: unknown, log: (message: string, error: unknown) => void = console.error): AckError {
  if (error instanceof DomainError) {
    return { code: errorCodeOf(error.status), messageKey: error.messageKey, ...(error.params && { params: error.params }) };
  }
  if (error instanceof ZodError) {
    const message = error.issues[0]?.message;
    return { code: "invalid", messageKey: isMessageKey(message) ? message : "error.invalid" };
  }
  log("socket handler failed", error);
  return { code: "server", messageKey: "error.500.title" };
}

const invalid: AckError = { code: "invalid", messageKey: "error.invalid" };

export function on<E extends keyof ClientToServerEvents, S extends z.ZodTypeAny>(
  socket: RealtimeSocket,
  event: E,
  schema: S,
  work: (input: z.output<S>) => Promise<AckData<E>> | AckData<E>,
): void {
  const listener = (payload: unknown, ack: unknown) => {
    const reply = typeof ack === "function" ? (ack as (r: AckResponse<AckData<E>>) => void) : () => undefined;
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return reply({ error: invalid });
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return reply({ error: ackError(parsed.error) });
    Promise.resolve()
      .then(() => work(parsed.data))
      .then(
        (data) => reply({ data }),
        (error) => reply({ error: ackError(error) }),
      );
  };
  // the contract types each listener; the wrapper is generic over all of them
  socket.on(event, listener as never);
}
