// The bare Socket.IO baseline for `npm run bench:poll`, in its own process (nothing of
// Balai's server in it): the same connection options as Balai's Socket.IO server, the same
// join and answer events in, answers counted in memory, and per tick a results broadcast
// of the same shape and size as Balai's `poll:results`. Prints "listening <port>".
//   node --import tsx tests/bench/bare-poll-server.ts <port> <tickMs>
import { createServer } from "node:http";
import { Server } from "socket.io";
import { computeResults } from "~/domain/qa/polls";

const port = Number(process.argv[2] ?? 0);
const tickMs = Number(process.argv[3] ?? 150);

const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 16 * 1024, pingInterval: 20_000 });

const counts = new Map<number, Map<number, number>>();
/** per session code: poll id → the newest answer id not broadcast yet */
const dirty = new Map<string, Map<number, number>>();
let nextId = 0;

type Ack = (response: unknown) => void;

io.on("connection", (socket) => {
  socket.on("qa:join", (payload: { code: string }, ack: Ack) => {
    void socket.join(`qa:${payload.code}`);
    ack({ data: {} });
  });
  socket.on("bench:answer", (payload: { code: string; pollId: number; optionIds?: number[] }, ack: Ack) => {
    let c = counts.get(payload.pollId);
    if (!c) counts.set(payload.pollId, (c = new Map()));
    for (const id of payload.optionIds ?? []) c.set(id, (c.get(id) ?? 0) + 1);
    const answerId = ++nextId;
    let polls = dirty.get(payload.code);
    if (!polls) dirty.set(payload.code, (polls = new Map()));
    polls.set(payload.pollId, answerId);
    ack({ data: { pollId: payload.pollId, answerId } });
  });
});

setInterval(() => {
  for (const [code, polls] of dirty) {
    const results = [...polls.keys()].map((pollId) => {
      const c = counts.get(pollId) ?? new Map<number, number>();
      return computeResults(
        { id: pollId, kind: "single", options: [...c.keys()].map((id) => ({ id, label: `Pilihan ${id}` })) },
        [...c].map(([id, count]) => ({ value: String(id), count })),
        polls.get(pollId)!, // the newest answer id stands in for the answers version
      );
    });
    io.to(`qa:${code}`).emit("bench:poll", { sessionId: 0, results, through: Math.max(0, ...polls.values()) });
  }
  dirty.clear();
}, tickMs);

http.listen(port, "127.0.0.1", () => {
  const address = http.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : port}`);
});
