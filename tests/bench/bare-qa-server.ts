// The bare Socket.IO baseline for `npm run bench:qa`, in its own process (nothing of
// Balai's server in it): the same connection options as Balai's Socket.IO server, the
// same join and vote events in, votes counted in memory (no validation, no database), and
// per tick one `qa:votes` message per session of the same shape as Balai's.
// Prints "listening <port>".
//   node --import tsx tests/bench/bare-qa-server.ts <port> <tickMs>
import { createServer } from "node:http";
import { Server } from "socket.io";

const port = Number(process.argv[2] ?? 0);
const tickMs = Number(process.argv[3] ?? 150);

const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 16 * 1024, pingInterval: 20_000 });

const counts = new Map<number, number>();
/** per session code: question id → its count, changed since the last tick */
const dirty = new Map<string, Map<number, number>>();

type Ack = (response: unknown) => void;

io.on("connection", (socket) => {
  socket.on("qa:join", (payload: { code: string }, ack: Ack) => {
    void socket.join(`qa:${payload.code}`);
    ack({ data: {} });
  });
  socket.on("qa:vote", (payload: { code: string; questionId: number; on: boolean }, ack: Ack) => {
    const count = Math.max(0, (counts.get(payload.questionId) ?? 0) + (payload.on ? 1 : -1));
    counts.set(payload.questionId, count);
    let changed = dirty.get(payload.code);
    if (!changed) dirty.set(payload.code, (changed = new Map()));
    changed.set(payload.questionId, count);
    ack({ data: { questionId: payload.questionId, on: payload.on, voteCount: count } });
  });
});

setInterval(() => {
  for (const [code, changed] of dirty) io.to(`qa:${code}`).emit("qa:votes", { sessionId: 0, counts: [...changed] });
  dirty.clear();
}, tickMs);

http.listen(port, "127.0.0.1", () => {
  const address = http.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : port}`);
});
