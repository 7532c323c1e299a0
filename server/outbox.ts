// The outbox worker and the providers it sends through, created once per process
// from the configuration; server/index.ts starts it after the server listens and
// stops it (letting deliveries in flight finish) before the database closes.
import type { Db } from "~/db/client.server";
import { createMailer } from "~/domain/notifications/mailer.server";
import { createSmsGateway, createWhatsApp, type WhatsAppClient } from "~/domain/notifications/providers.server";
import { sealKeyFrom } from "~/domain/notifications/sealed.server";
import { createOutboxWorker, type OutboxWorker } from "~/domain/notifications/worker.server";
import type { Config } from "./config";

export interface Channels {
  worker: OutboxWorker;
  /** undefined when WhatsApp is not configured */
  whatsapp?: WhatsAppClient;
}

export function createChannels(config: Config, db: Db): Channels {
  const whatsapp = config.whatsapp ? createWhatsApp(config.whatsapp) : undefined;
  const sms = config.sms ? createSmsGateway(config.sms) : undefined;
  const worker = createOutboxWorker({
    db,
    mail: createMailer(config.smtp),
    whatsapp,
    sms,
    publicUrl: config.publicUrl,
    sealKey: sealKeyFrom(config.sessionSecret),
    pollMs: config.outbox.pollMs,
    batch: config.outbox.batch,
    maxAttempts: config.outbox.maxAttempts,
    retryBaseMs: config.outbox.retryBaseMs,
    leaseMs: config.outbox.leaseMs,
  });
  return { worker, whatsapp };
}
