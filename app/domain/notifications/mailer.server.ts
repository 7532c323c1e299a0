// E-mail for notifications: SMTP when configured, otherwise the message is
// written to the log (so nothing is lost on a machine without a mail server).
// Logs never hold contacts: the recipient appears only as `recipientTag(address)`,
// a one-way tag an operator can recompute from an address a resident gives them.
import { createHash } from "node:crypto";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** the outbox's idempotency key as the Message-ID: a receiver can tell a repeat */
  messageId?: string;
}

export interface Mailer {
  /** sends and never throws (a failure is logged without the address) */
  send(mail: Mail): Promise<void>;
}

export interface MailTransport {
  /** sends or throws (the outbox worker retries); the error message holds no address */
  deliver(mail: Mail): Promise<{ id?: string }>;
}

export interface SmtpSettings {
  host: string;
  port: number;
  user?: string;
  password?: string;
  from: string;
}

/** How a recipient appears in the log: a short one-way hash, never the address. */
export function recipientTag(address: string): string {
  return `#${createHash("sha256").update(address.trim().toLowerCase()).digest("hex").slice(0, 12)}`;
}

const EMAIL = /[^\s<>()"',;:]+@[^\s<>()"',;:]+/g;

/** A mail server's error text often repeats the address ("550 <x@y>: rejected"): hide every address in it. */
function withoutAddresses(text: string): string {
  return text.replace(EMAIL, (address) => recipientTag(address));
}

export function createMailer(smtp: SmtpSettings | undefined, log: (line: string) => void = console.log): Mailer & MailTransport {
  if (!smtp) {
    const write = async (mail: Mail) => {
      log(`[mail] to=${recipientTag(mail.to)} subject=${JSON.stringify(withoutAddresses(mail.subject))}\n${withoutAddresses(mail.text)}`);
      return {};
    };
    return { send: async (mail) => void (await write(mail)), deliver: write };
  }
  let transport: Promise<import("nodemailer").Transporter> | undefined;
  const deliver = async (mail: Mail) => {
    transport ??= import("nodemailer").then((m) =>
      m.default.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.port === 465,
        auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
        pool: true,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      }),
    );
    try {
      const info = await (
        await transport
      ).sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId });
      return { id: typeof info.messageId === "string" ? info.messageId : undefined };
    } catch (error) {
      throw new Error(withoutAddresses(error instanceof Error ? error.message : String(error)));
    }
  };
  return {
    deliver,
    async send(mail) {
      try {
        await deliver(mail);
      } catch (error) {
        // a mail failure never breaks the action that caused it; the in-app notification stays
        log(`[mail] sending to ${recipientTag(mail.to)} failed: ${(error as Error).message}`);
      }
    },
  };
}
