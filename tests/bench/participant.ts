// One simulated Q&A participant for the benches: a WebSocket-only socket.io-client with
// its cookie header, connected and joined to the session before it is handed back.
import { io, type Socket } from "socket.io-client";
import type { AckResponse } from "~/realtime/contract";

export async function joinedParticipant(url: string, cookieHeader: string, code: string): Promise<Socket> {
  const s = io(url, { transports: ["websocket"], extraHeaders: { Cookie: cookieHeader }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });
  await new Promise<void>((resolve, reject) =>
    s.emit("qa:join", { code, as: "participant" }, (res: AckResponse<unknown>) =>
      "error" in res ? reject(new Error(`qa:join refused: ${res.error.code} ${res.error.messageKey}`)) : resolve(),
    ),
  );
  return s;
}
