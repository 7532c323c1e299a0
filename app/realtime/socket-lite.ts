// What the browser bundle gets for `import("socket.io-client")` (package.json "browser" field):
// a small Socket.IO v4 client (Engine.IO protocol 4 over a WebSocket only) with the part of the
// API Balai's pages use: io(options), on/off, emit with an acknowledgement callback,
// connect / disconnect / connect_error, automatic reconnection with a growing delay, close().
// The real socket.io-client is 13 KB compressed; this is about 1 KB. Node code (tests,
// benchmarks) still uses the real client: the "browser" field only applies to the browser build.
type Listener = (...args: never[]) => void;

export interface ManagerOptions {
  path?: string;
  reconnection?: boolean;
  reconnectionDelay?: number;
  reconnectionDelayMax?: number;
  transports?: string[];
}

// Engine.IO packet types (first character of a frame) and Socket.IO packet types (second)
const EIO_OPEN = "0";
const EIO_CLOSE = "1";
const EIO_PING = "2";
const EIO_PONG = "3";
const EIO_MESSAGE = "4";
const SIO_CONNECT = "0";
const SIO_DISCONNECT = "1";
const SIO_EVENT = "2";
const SIO_ACK = "3";
const SIO_CONNECT_ERROR = "4";

export class Socket {
  connected = false;
  id: string | undefined;
  private ws: WebSocket | null = null;
  private listeners = new Map<string, Set<Listener>>();
  private acks = new Map<number, (...args: unknown[]) => void>();
  private nextAck = 0;
  private buffer: string[] = [];
  private attempts = 0;
  private closedByUs = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ManagerOptions = {}) {
    this.open();
    window.addEventListener("offline", this.onOffline);
    window.addEventListener("online", this.onOnline);
  }

  // like engine.io-client: the browser saying the network is gone ends the connection at once
  // (a dead line would otherwise take a ping timeout to notice); back online, retry at once
  private onOffline = () => this.drop();
  private onOnline = () => {
    if (this.ws || this.closedByUs) return;
    clearTimeout(this.timer);
    this.open();
  };

  on(event: string, listener: Listener): this {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return this;
  }

  off(event?: string, listener?: Listener): this {
    if (!event) this.listeners.clear();
    else if (!listener) this.listeners.delete(event);
    else this.listeners.get(event)?.delete(listener);
    return this;
  }

  emit(event: string, ...args: unknown[]): this {
    let ack = "";
    if (typeof args[args.length - 1] === "function") {
      const id = this.nextAck++;
      this.acks.set(id, args.pop() as (...a: unknown[]) => void);
      ack = String(id);
    }
    const frame = EIO_MESSAGE + SIO_EVENT + ack + JSON.stringify([event, ...args]);
    if (this.connected) this.ws!.send(frame);
    else this.buffer.push(frame);
    return this;
  }

  connect(): this {
    if (!this.ws) {
      this.closedByUs = false;
      this.open();
    }
    return this;
  }

  disconnect(): this {
    this.closedByUs = true;
    window.removeEventListener("offline", this.onOffline);
    window.removeEventListener("online", this.onOnline);
    clearTimeout(this.timer);
    clearTimeout(this.heartbeat);
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      if (ws.readyState === WebSocket.OPEN) ws.send(EIO_MESSAGE + SIO_DISCONNECT);
      ws.close();
    }
    if (this.connected) {
      this.connected = false;
      this.fire("disconnect", "io client disconnect");
    }
    return this;
  }

  close(): this {
    return this.disconnect();
  }

  private fire(event: string, ...args: unknown[]) {
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as (...a: unknown[]) => void)(...args);
  }

  private open() {
    const { protocol, host } = window.location;
    const path = (this.options.path ?? "/socket.io").replace(/\/$/, "");
    const ws = new WebSocket(`${protocol === "https:" ? "wss" : "ws"}://${host}${path}/?EIO=4&transport=websocket`);
    this.ws = ws;
    ws.onmessage = (message) => {
      if (typeof message.data === "string") this.receive(message.data);
    };
    ws.onclose = () => {
      if (this.ws === ws) this.drop();
    };
  }

  /** the line is gone (closed, silent or offline): tell the listeners and try again later */
  private drop() {
    const ws = this.ws;
    if (!ws) return;
    this.ws = null;
    ws.onclose = ws.onmessage = null;
    ws.close();
    clearTimeout(this.heartbeat);
    const was = this.connected;
    this.connected = false;
    if (was) this.fire("disconnect", "transport close");
    else this.fire("connect_error", new Error("websocket error"));
    this.reconnect();
  }

  private reconnect() {
    if (this.closedByUs || this.options.reconnection === false) return;
    const base = this.options.reconnectionDelay ?? 1000;
    const max = this.options.reconnectionDelayMax ?? 5000;
    const delay = Math.min(max, base * 2 ** this.attempts++) * (0.5 + Math.random());
    this.timer = setTimeout(() => this.open(), Math.min(delay, max));
  }

  /** the server pings every pingInterval; silence for longer than that plus pingTimeout is a dead line */
  private alive(ms: number) {
    clearTimeout(this.heartbeat);
    this.heartbeat = setTimeout(() => this.drop(), ms);
  }

  private receive(frame: string) {
    const ws = this.ws!;
    switch (frame[0]) {
      case EIO_OPEN: {
        const { pingInterval, pingTimeout } = JSON.parse(frame.slice(1)) as { pingInterval: number; pingTimeout: number };
        this.pingWindow = pingInterval + pingTimeout;
        this.alive(this.pingWindow);
        ws.send(EIO_MESSAGE + SIO_CONNECT);
        return;
      }
      case EIO_PING:
        this.alive(this.pingWindow);
        ws.send(EIO_PONG);
        return;
      case EIO_CLOSE:
        ws.close();
        return;
      case EIO_MESSAGE:
        this.packet(frame.slice(1));
    }
  }

  private pingWindow = 45_000;

  private stop() {
    this.closedByUs = true;
    clearTimeout(this.heartbeat);
    const ws = this.ws;
    this.ws = null;
    ws?.close();
  }

  private packet(packet: string) {
    const type = packet[0];
    let rest = packet.slice(1);
    if (rest.startsWith("/")) rest = rest.slice(rest.indexOf(",") + 1); // a namespace other than "/" (not used)
    const digits = /^\d+/.exec(rest)?.[0] ?? "";
    const body = rest.slice(digits.length);
    switch (type) {
      case SIO_CONNECT: {
        this.id = (JSON.parse(body || "{}") as { sid?: string }).sid;
        this.connected = true;
        this.attempts = 0;
        for (const frame of this.buffer.splice(0)) this.ws!.send(frame);
        this.fire("connect");
        return;
      }
      case SIO_CONNECT_ERROR: {
        // refused by the server's middleware: like socket.io-client, no automatic retry
        const error = JSON.parse(body || "{}") as { message?: string };
        this.stop();
        this.fire("connect_error", new Error(error.message ?? "connect error"));
        return;
      }
      case SIO_DISCONNECT:
        // the server ended this session (e.g. signed out): do not come back on our own
        this.stop();
        if (this.connected) {
          this.connected = false;
          this.fire("disconnect", "io server disconnect");
        }
        return;
      case SIO_EVENT: {
        const [event, ...args] = JSON.parse(body) as [string, ...unknown[]];
        if (digits) args.push((...reply: unknown[]) => this.ws?.send(EIO_MESSAGE + SIO_ACK + digits + JSON.stringify(reply)));
        this.fire(event, ...args);
        return;
      }
      case SIO_ACK: {
        const id = Number(digits);
        const callback = this.acks.get(id);
        this.acks.delete(id);
        callback?.(...(JSON.parse(body) as unknown[]));
      }
    }
  }
}

export function io(options: ManagerOptions = {}): Socket {
  return new Socket(options);
}

export default io;
