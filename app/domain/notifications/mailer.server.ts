// E-mail for notifications: SMTP when configured, otherwise the message is
// written to the log (so nothing is lost on a machine without a mail server).
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

export function createMailer(smtp: SmtpSettings | undefined, log: (line: string) => void = console.log): Mailer {
  if (!smtp) {
    return {
      async send(mail) {
        log(`[mail] to=${mail.to} subject=${JSON.stringify(mail.subject)}\n${mail.text}`);
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
        log(`[mail] sending to ${mail.to} failed: ${error instanceof Error ? error.message : error}`);
      }
    },
  };
}
