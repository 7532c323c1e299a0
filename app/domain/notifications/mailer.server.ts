// E-mail for notifications: SMTP when configured, otherwise the message is
// written to the log (so nothing is lost on a machine without a mail server).
// Logs never hold contacts: the recipient appears only as `recipientTag(address)`,
// a one-way tag an operator can recompute from an address a resident gives them.
import { createHash } from "node:crypto";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
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

export function createMailer(smtp: SmtpSettings | undefined, log: (line: string) => void = console.log): Mailer {
  if (!smtp) {
    return {
      async send(mail) {
        log(`[mail] to=${recipientTag(mail.to)} subject=${JSON.stringify(withoutAddresses(mail.subject))}\n${withoutAddresses(mail.text)}`);
      },
    };
  }
  let transport: Promise<import("nodemailer").Transporter> | undefined;
  return {
    async send(mail) {
      transport ??= import("nodemailer").then((m) =>
        m.default.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.port === 465,
          auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
        }),
      );
      try {
        await (await transport).sendMail({ from: smtp.from, ...mail });
      } catch (error) {
        // a mail failure never breaks the action that caused it; the in-app notification stays
        log(`[mail] sending to ${recipientTag(mail.to)} failed: ${withoutAddresses(error instanceof Error ? error.message : String(error))}`);
      }
    },
  };
}
