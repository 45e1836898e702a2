// How mails leave: nodemailer over SMTP_URL, or — without SMTP_URL, the embedded demo —
// nowhere: the outbox row is the mail, readable in the app.
import nodemailer from "nodemailer";
import { env } from "@/lib/platform/env";

export type OutgoingMail = { to: string; subject: string; text: string; html: string; headers?: Record<string, string> };

export type MailTransport = {
  /** Stored on the outbox row: "smtp", or "outbox" when the mail is only kept. */
  name: string;
  /** Resolves once the server accepted the message; rejects on any refusal. */
  send(mail: OutgoingMail): Promise<{ messageId?: string }>;
};

export function createSmtpTransport(options: { url: string; from: string; timeoutMs?: number }): MailTransport {
  const timeout = options.timeoutMs ?? 15_000;
  const transporter = nodemailer.createTransport(options.url, {
    from: options.from,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
  } as nodemailer.TransportOptions);
  return {
    name: "smtp",
    async send(mail) {
      const info = await transporter.sendMail({ from: options.from, ...mail });
      if (info.rejected.length > 0) throw new Error(`SMTP rejected ${info.rejected.join(", ")}`);
      return { messageId: info.messageId };
    },
  };
}

export const outboxOnlyTransport: MailTransport = { name: "outbox", send: async () => ({}) };

export function transportFromEnv(): MailTransport {
  const { SMTP_URL, MAIL_FROM } = env();
  return SMTP_URL ? createSmtpTransport({ url: SMTP_URL, from: MAIL_FROM }) : outboxOnlyTransport;
}
