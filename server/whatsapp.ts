// The WhatsApp Cloud API webhook (GET: the verification handshake; POST: messages).
// Every POST is checked against X-Hub-Signature-256 (HMAC-SHA256 of the raw body with
// WHATSAPP_APP_SECRET) before it is read, validated with zod (malformed: 400), and
// each sender is limited to WHATSAPP_RATE_LIMIT messages a minute through the shared
// Limiter (server/limits.ts: in Redis when REDIS_URL is set, so a flood spread over
// several instances is counted once; this process's memory otherwise). Log lines carry
// recipient tags, never numbers. Meta retries deliveries that are not answered 200;
// repeated deliveries are harmless (the message id is unique).
import type { Request, RequestHandler } from "express";
import type { Services } from "~/context";
import type { Limiter } from "~/domain/limits";
import { recipientTag } from "~/domain/notifications/mailer.server";
import { handleMessage, messagesOf, validSignature, webhookSchema } from "~/domain/notifications/whatsapp-inbound.server";
import type { Config } from "./config";
import type { Channels } from "./outbox";

export interface WhatsAppWebhook {
  verify: RequestHandler;
  receive: RequestHandler;
}

export interface WebhookOptions {
  /** messages per sender and minute (WHATSAPP_RATE_LIMIT), from the server's limit stores */
  limiter: Limiter;
  log?: (line: string) => void;
  /** what handles one message (the domain's handleMessage; tests give their own) */
  handle?: typeof handleMessage;
}

export function createWhatsAppWebhook(config: Config, services: Services, channels: Channels, options: WebhookOptions): WhatsAppWebhook {
  const settings = config.whatsapp;
  const log = options.log ?? console.log;
  const handle = options.handle ?? handleMessage;
  const from = (req: Request) => req.ip ?? req.socket.remoteAddress ?? "";

  return {
    verify(req, res) {
      const mode = req.query["hub.mode"];
      const token = req.query["hub.verify_token"];
      const challenge = req.query["hub.challenge"];
      if (settings?.verifyToken && mode === "subscribe" && token === settings.verifyToken && typeof challenge === "string") {
        res.status(200).type("text/plain").send(challenge);
        return;
      }
      log(`[whatsapp] webhook verification refused (from ${from(req)})`);
      res.sendStatus(403);
    },
    async receive(req, res) {
      if (!settings?.appSecret) {
        res.sendStatus(404);
        return;
      }
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const signature = req.get("x-hub-signature-256");
      if (!validSignature(settings.appSecret, raw, signature)) {
        log(`[whatsapp] webhook refused: ${signature ? "wrong" : "missing"} X-Hub-Signature-256 (from ${from(req)}, ${raw.length} bytes)`);
        res.sendStatus(401);
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(raw.toString("utf8"));
      } catch {
        log(`[whatsapp] webhook refused: the body is not JSON (${raw.length} bytes)`);
        res.sendStatus(400);
        return;
      }
      const parsed = webhookSchema.safeParse(json);
      if (!parsed.success) {
        const where = parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join(".")}: ${i.message}`)
          .join("; ");
        log(`[whatsapp] webhook refused: malformed payload (${where})`);
        res.sendStatus(400);
        return;
      }
      const now = Date.now();
      try {
        for (const message of messagesOf(parsed.data)) {
          if (!(await options.limiter.take(message.from))) {
            log(`[whatsapp] message from ${recipientTag(`+${message.from}`)} dropped: more than ${settings.messagesPerMinute} a minute`);
            continue;
          }
          const outcome = await handle(
            { db: services.db, images: services.images, whatsapp: channels.whatsapp, publicUrl: config.publicUrl, log },
            message,
            new Date(Number(message.timestamp) * 1000 || now),
          );
          log(`[whatsapp] message from ${recipientTag(`+${message.from}`)}: ${outcome}`);
        }
        channels.worker.wake(); // the replies go out now, not at the next poll
        res.sendStatus(200);
      } catch (error) {
        // 500: Meta delivers the payload again later; what was stored is not stored twice
        log(`[whatsapp] webhook failed: ${error instanceof Error ? error.message.replace(/\+?\d{8,15}/g, "<number>") : String(error)}`);
        res.sendStatus(500);
      }
    },
  };
}
