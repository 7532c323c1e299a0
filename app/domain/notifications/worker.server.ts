// The outbox worker: claims due messages with a lease, renders them in the
// recipient's language, sends them (SMTP, WhatsApp, SMS, or the log when a channel
// is not configured), and records the outcome. Failures retry with exponential
// backoff until `maxAttempts`, then the message is "dead" until an admin retries it.
// Created once per process (server/outbox.ts); `stop()` lets the deliveries in
// flight finish, so a restart loses nothing and sends nothing twice.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Db } from "~/db/client.server";
import { defaultLocale, isLocale, type Locale, type Params } from "~/i18n";
import { recipientTag, type MailTransport } from "./mailer.server";
import { claimDue, markFailed, markSent, normalizeContact, reroute, type Claimed } from "./outbox.server";
import { ProviderError, type SmsClient, type WhatsAppClient } from "./providers.server";
import { openSealed, SealError } from "./sealed.server";
import { renderDigest, renderMessage, type Rendered } from "./templates";
import { templateKindOf } from "./whatsapp-templates";
import { goesDespiteOptOut, goesToUnverified } from "./outbox";

export interface WorkerOptions {
  db: Db;
  mail: MailTransport;
  whatsapp?: WhatsAppClient;
  sms?: SmsClient;
  publicUrl?: string;
  /** opens sealed parameters and links (a reset code or link: sealed.server.ts) */
  sealKey?: Buffer;
  pollMs?: number;
  batch?: number;
  concurrency?: number;
  leaseMs?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  log?: (line: string) => void;
  now?: () => Date;
}

export interface OutboxWorker {
  start(): void;
  /** stops claiming and waits for the deliveries in flight */
  stop(): Promise<void>;
  /** one claim-and-deliver round; returns how many messages it handled */
  runOnce(): Promise<number>;
  /** rounds until nothing is due (tests, the benchmark) */
  drain(): Promise<number>;
  /** look now instead of at the next poll (after a change was committed) */
  wake(): void;
  readonly owner: string;
}

interface Address {
  to: string;
  locale: Locale;
  guest: boolean;
  contactId?: number;
  noWhatsapp: boolean;
  stopped: boolean;
}

/** Exponential backoff with ±20 % jitter: base, 2×base, 4×base … up to max. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

export function createOutboxWorker(options: WorkerOptions): OutboxWorker {
  const { db } = options;
  const log = options.log ?? console.log;
  const now = options.now ?? (() => new Date());
  const pollMs = options.pollMs ?? 1000;
  const batch = options.batch ?? 20;
  const concurrency = options.concurrency ?? 8;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const retryBaseMs = options.retryBaseMs ?? 30_000;
  const retryMaxMs = options.retryMaxMs ?? 6 * 3600_000;
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();

  async function address(m: Claimed): Promise<Address | null> {
    const [kind, idText] = m.recipientRef.split(":");
    const id = Number(idText);
    const wantsPhone = m.channel === "whatsapp" || m.channel === "sms";
    if (kind === "user") {
      const user = await db.user.findUnique({ where: { id }, select: { email: true, phone: true, locale: true, disabledAt: true } });
      if (!user || user.disabledAt) return null;
      const to = wantsPhone ? user.phone : user.email;
      if (!to) return null;
      const [pref, point, pending] = await Promise.all([
        db.notificationPreference.findUnique({ where: { userId: id } }),
        db.contactPoint.findUnique({ where: { value: to } }),
        db.contactVerification.findFirst({ where: { userId: id, value: to }, select: { id: true } }),
      ]);
      // not yet confirmed by its code (it may have changed since the message was written)
      if (pending && !goesToUnverified(m.templateKey)) return null;
      const locale = isLocale(m.locale) ? m.locale : isLocale(user.locale) ? user.locale : defaultLocale;
      return { to, locale, guest: false, contactId: point?.id, noWhatsapp: !!point?.noWhatsappAt, stopped: !!pref?.optedOutAt || !!point?.optedOutAt };
    }
    if (kind === "verify") {
      // a verification code, to the contact being verified; gone once used or replaced
      const row = await db.contactVerification.findUnique({ where: { id }, select: { value: true, user: { select: { locale: true, disabledAt: true } } } });
      if (!row || row.user.disabledAt) return null;
      const point = await db.contactPoint.findUnique({ where: { value: row.value } });
      const locale = isLocale(m.locale) ? m.locale : isLocale(row.user.locale) ? row.user.locale : defaultLocale;
      return { to: row.value, locale, guest: false, contactId: point?.id, noWhatsapp: !!point?.noWhatsappAt, stopped: !!point?.optedOutAt };
    }
    if (kind === "contact") {
      const point = await db.contactPoint.findUnique({ where: { id } });
      if (!point) return null;
      const locale = isLocale(m.locale) ? m.locale : isLocale(point.locale) ? point.locale : defaultLocale;
      return { to: point.value, locale, guest: true, contactId: point.id, noWhatsapp: !!point.noWhatsappAt, stopped: !!point.optedOutAt };
    }
    return null;
  }

  /** The message's parameters and link, sealed values opened (a code, a reset link). */
  function opened(m: Claimed): { params: Params; link: string | null } {
    let params: Params = {};
    try {
      params = JSON.parse(m.params) as Params;
    } catch {
      /* keep {} */
    }
    try {
      return openSealed(options.sealKey, params, m.link);
    } catch (error) {
      if (error instanceof SealError) throw new ProviderError(error.message, true);
      throw error;
    }
  }

  function render(m: Claimed, a: Address): Rendered {
    const { params, link } = opened(m);
    return renderMessage({ locale: a.locale, templateKey: m.templateKey, params, link, publicUrl: options.publicUrl, guest: a.guest });
  }

  /** Digest rows of the same recipient that are due now go out in the same e-mail. */
  async function claimDigestSiblings(m: Claimed): Promise<Claimed[]> {
    const siblings = await db.outboxMessage.findMany({
      where: {
        recipientRef: m.recipientRef,
        channel: m.channel,
        digest: true,
        status: { in: ["pending", "failed"] },
        nextAttemptAt: { lte: now() },
        id: { not: m.id },
      },
      select: { id: true, status: true, attempts: true },
      take: 100,
    });
    const claimed: number[] = [];
    for (const s of siblings) {
      const { count } = await db.outboxMessage.updateMany({
        where: { id: s.id, status: s.status, attempts: s.attempts },
        data: { status: "sending", leaseOwner: owner, leaseUntil: new Date(now().getTime() + leaseMs), attempts: { increment: 1 } },
      });
      if (count === 1) claimed.push(s.id);
    }
    if (!claimed.length) return [];
    return (await db.outboxMessage.findMany({
      where: { id: { in: claimed } },
      select: {
        id: true,
        channel: true,
        recipientRef: true,
        templateKey: true,
        params: true,
        link: true,
        locale: true,
        idempotencyKey: true,
        attempts: true,
        digest: true,
      },
    })) as Claimed[];
  }

  async function send(m: Claimed, a: Address, group: Claimed[]): Promise<{ id?: string } | "rerouted"> {
    const tag = recipientTag(a.to);
    const message = render(m, a);
    switch (m.channel) {
      case "email": {
        if (group.length > 1) {
          const digest = renderDigest(
            a.locale,
            group.map((g) => render(g, a)),
            options.publicUrl,
          );
          return options.mail.deliver({ to: a.to, ...digest, messageId: `<${m.idempotencyKey}.digest@balai>` });
        }
        return options.mail.deliver({ to: a.to, subject: message.subject, text: message.text, html: message.html, messageId: `<${m.idempotencyKey}@balai>` });
      }
      case "whatsapp": {
        if (!options.whatsapp || a.noWhatsapp) {
          await reroute(db, m.id, owner, "sms", options.whatsapp ? "no WhatsApp on this number: SMS instead" : "WhatsApp not configured: SMS instead");
          return "rerouted";
        }
        try {
          // replies to a resident who wrote (channels.wa.*) are free text inside WhatsApp's 24-hour window
          if (m.templateKey.startsWith("channels.wa.")) return await options.whatsapp.sendText(a.to, message.text.split("\n\n--")[0], m.idempotencyKey);
          // each kind of message has its own approved template (whatsapp-templates.ts)
          const kind = templateKindOf(m.templateKey);
          if (kind === "code") return await options.whatsapp.sendTemplate(a.to, a.locale, kind, [String(opened(m).params.code ?? "")], m.idempotencyKey);
          const text = message.short.replace(message.url ?? "\u0000", "").trim();
          return await options.whatsapp.sendTemplate(a.to, a.locale, kind, [text, message.url ?? options.publicUrl ?? ""], m.idempotencyKey);
        } catch (error) {
          if (error instanceof ProviderError && error.noWhatsapp) {
            const value = normalizeContact(a.to);
            await db.contactPoint.upsert({ where: { value }, create: { kind: "phone", value, noWhatsappAt: now() }, update: { noWhatsappAt: now() } });
            await reroute(db, m.id, owner, "sms", "no WhatsApp on this number: SMS instead");
            return "rerouted";
          }
          throw error;
        }
      }
      case "sms": {
        if (!options.sms) {
          log(`[sms] to=${tag} ${JSON.stringify(message.short)}`);
          return {};
        }
        return options.sms.send(a.to, message.short, m.idempotencyKey);
      }
      default:
        return {};
    }
  }

  async function deliver(m: Claimed, claimedWith: Claimed[] = []): Promise<void> {
    const group = m.digest && m.channel === "email" ? [m, ...claimedWith, ...(await claimDigestSiblings(m))] : [m];
    try {
      const a = await address(m);
      // the confirmation of "BERHENTI" is the last message that number gets
      if (!a || (a.stopped && !goesDespiteOptOut(m.templateKey))) {
        for (const g of group) await markFailed(db, g.id, owner, a ? "recipient opted out" : "recipient has no address for this channel", null);
        return;
      }
      const result = await send(m, a, group);
      if (result === "rerouted") return;
      for (const g of group) await markSent(db, g.id, owner, result.id, now());
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof ProviderError && error.permanent;
      for (const g of group) {
        const dead = permanent || g.attempts >= maxAttempts;
        const retryAt = dead ? null : new Date(now().getTime() + backoffMs(g.attempts, retryBaseMs, retryMaxMs));
        await markFailed(db, g.id, owner, text, retryAt);
      }
      log(`[outbox] message ${m.id} (${m.channel}) ${permanent || m.attempts >= maxAttempts ? "dead" : "will retry"}: ${text}`);
    }
  }

  async function runOnce(): Promise<number> {
    const claimed = await claimDue(db, owner, batch, leaseMs, now());
    // one job per message, except a digest reader's e-mails of this batch: one job, one e-mail
    const jobs: Claimed[][] = [];
    const digests = new Map<string, Claimed[]>();
    for (const m of claimed) {
      if (!(m.digest && m.channel === "email")) jobs.push([m]);
      else if (digests.has(m.recipientRef)) digests.get(m.recipientRef)!.push(m);
      else {
        const group = [m];
        digests.set(m.recipientRef, group);
        jobs.push(group);
      }
    }
    for (let i = 0; i < jobs.length; i += concurrency) {
      await Promise.all(jobs.slice(i, i + concurrency).map(([first, ...rest]) => deliver(first, rest)));
    }
    return claimed.length;
  }

  function schedule(delay: number) {
    if (!running) return;
    clearTimeout(timer);
    timer = setTimeout(loop, delay);
  }

  let busy = false;
  let again = false;
  function loop() {
    if (!running) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    again = false;
    current = runOnce().then(
      (n) => {
        busy = false;
        schedule(n >= batch || again ? 0 : pollMs);
      },
      (error: unknown) => {
        busy = false;
        log(`[outbox] round failed: ${error instanceof Error ? error.message : String(error)}`);
        schedule(pollMs);
      },
    );
  }

  return {
    owner,
    runOnce,
    async drain() {
      let total = 0;
      for (let n = await runOnce(); n > 0; n = await runOnce()) total += n;
      return total;
    },
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await current;
    },
    wake() {
      schedule(0);
    },
  };
}
