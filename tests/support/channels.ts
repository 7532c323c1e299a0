// Local stand-ins for the channels' providers, started by the tests:
// - a real SMTP server (smtp-server) that keeps what it received, parsed (mailparser);
// - the WhatsApp Business Cloud API (messages, media) on a local HTTP server;
// - a generic SMS gateway.
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

export interface SmtpStandIn {
  port: number;
  mails: Received[];
  /** how long each DATA command waits before it is accepted (a slow mail server) */
  delayMs: number;
  close(): Promise<void>;
}

export async function startSmtp(options: { delayMs?: number } = {}): Promise<SmtpStandIn> {
  const mails: Received[] = [];
  const state: SmtpStandIn = { port: 0, mails, delayMs: options.delayMs ?? 0, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail: ParsedMail) => {
          if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(","),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            messageId: mail.messageId ?? "",
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  // a client killed mid-message (the restart test) resets its connection: not an error of the test
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface WaSent {
  to: string;
  type: "template" | "text";
  /** template: the body parameters; text: the text */
  texts: string[];
  language?: string;
  template?: string;
  idempotencyKey: string;
}

export interface WhatsAppStandIn {
  url: string;
  token: string;
  phoneNumberId: string;
  sent: WaSent[];
  /** numbers (digits) that are not on WhatsApp: the API answers error 131026 */
  notOnWhatsApp: Set<string>;
  /** media the API serves, by media id */
  media: Map<string, { bytes: Buffer; mime: string }>;
  close(): Promise<void>;
}

export async function startWhatsApp(): Promise<WhatsAppStandIn> {
  const state = {
    url: "",
    token: "test-wa-token",
    phoneNumberId: "1234567890",
    sent: [] as WaSent[],
    notOnWhatsApp: new Set<string>(),
    media: new Map(),
  } as WhatsAppStandIn;
  let counter = 0;
  const server: Server = createServer(async (req, res) => {
    const json = (status: number, value: unknown) => res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(value));
    if (req.headers.authorization !== `Bearer ${state.token}`) return json(401, { error: { code: 190, message: "Invalid OAuth access token" } });
    const url = new URL(req.url ?? "/", state.url);
    if (req.method === "POST" && url.pathname === `/${state.phoneNumberId}/messages`) {
      const payload = JSON.parse((await body(req)).toString()) as {
        to: string;
        type: "template" | "text";
        text?: { body: string };
        template?: { name: string; language: { code: string }; components: { parameters: { text: string }[] }[] };
      };
      if (state.notOnWhatsApp.has(payload.to)) return json(400, { error: { code: 131026, message: `Message undeliverable to ${payload.to}` } });
      state.sent.push({
        to: payload.to,
        type: payload.type,
        texts: payload.type === "text" ? [payload.text!.body] : payload.template!.components.flatMap((c) => c.parameters.map((p) => p.text)),
        language: payload.template?.language.code,
        template: payload.template?.name,
        idempotencyKey: String(req.headers["idempotency-key"] ?? ""),
      });
      return json(200, { messaging_product: "whatsapp", messages: [{ id: `wamid.${++counter}` }] });
    }
    if (req.method === "GET" && url.pathname.startsWith("/download/")) {
      const item = state.media.get(decodeURIComponent(url.pathname.slice("/download/".length)));
      if (!item) return json(404, { error: { code: 100, message: "no such media" } });
      return res.writeHead(200, { "Content-Type": item.mime }).end(item.bytes);
    }
    if (req.method === "GET") {
      const id = decodeURIComponent(url.pathname.slice(1));
      const item = state.media.get(id);
      if (!item) return json(404, { error: { code: 100, message: "no such media" } });
      return json(200, { url: `${state.url}/download/${encodeURIComponent(id)}`, mime_type: item.mime, file_size: item.bytes.length, id });
    }
    json(404, { error: { code: 100, message: "unknown path" } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}

export interface SmsSent {
  to: string;
  text: string;
  reference: string;
}

export interface SmsStandIn {
  url: string;
  token: string;
  sent: SmsSent[];
  close(): Promise<void>;
}

export async function startSms(): Promise<SmsStandIn> {
  const state = { url: "", token: "test-sms-token", sent: [] as SmsSent[] } as SmsStandIn;
  const server = createServer(async (req, res) => {
    if (req.headers.authorization !== `Bearer ${state.token}`) return res.writeHead(401).end();
    const payload = JSON.parse((await body(req)).toString()) as SmsSent;
    state.sent.push({ to: payload.to, text: payload.text, reference: payload.reference });
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ id: `sms-${state.sent.length}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}

/** The X-Hub-Signature-256 header Meta sends with a webhook body. */
export function hubSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

/** A webhook payload with one message, as the Cloud API sends it. */
export function waPayload(message: { from: string; id: string; text?: string; image?: { id: string; caption?: string }; name?: string; type?: string }) {
  const type = message.type ?? (message.image ? "image" : "text");
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "6221000000", phone_number_id: "1234567890" },
              contacts: [{ wa_id: message.from, profile: { name: message.name ?? "Warga" } }],
              messages: [
                {
                  from: message.from,
                  id: message.id,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type,
                  ...(message.text !== undefined && type === "text" ? { text: { body: message.text } } : {}),
                  ...(message.image ? { image: { id: message.image.id, mime_type: "image/png", caption: message.image.caption } } : {}),
                },
              ],
            },
          },
        ],
      },
    ],
  };
}

/** Waits until `check` holds (polling), or fails with `what`. */
export async function eventually<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<Exclude<T, null | undefined | false>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, null | undefined | false>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
