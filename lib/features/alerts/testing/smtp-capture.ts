// A real SMTP server inside the test process (smtp-server) that parses every accepted
// message (mailparser). `refuse` makes it answer 421 to every mail, like a server in
// trouble; `hold` keeps every sender waiting for its answer to MAIL FROM (before any message
// text is sent) until `release`; `close` makes the port refuse connections altogether.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export type CapturedMail = ParsedMail & { to: ParsedMail["to"]; receivedAt: number; recipients: string[] };

export type SmtpCapture = {
  port: number;
  url: string;
  mails: CapturedMail[];
  refuse: boolean;
  /** While true, each MAIL FROM waits for release() (the sender has sent no message yet). */
  hold: boolean;
  /** How many senders are waiting at MAIL FROM now. */
  readonly held: number;
  /** Stops holding and lets every waiting sender go on. */
  release(): void;
  /** Resolves when `count` mails have arrived in total. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  mailsTo(address: string): CapturedMail[];
  close(): Promise<void>;
};

export async function startSmtpCapture(port = 0): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const heldSenders: (() => void)[] = [];
  const capture: SmtpCapture = {
    port: 0,
    url: "",
    mails,
    refuse: false,
    hold: false,
    get held() {
      return heldSenders.length;
    },
    release() {
      capture.hold = false;
      for (const go of heldSenders.splice(0)) go();
    },
    waitFor(count, timeoutMs = 10_000) {
      if (mails.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`waited for ${count} mails, got ${mails.length}`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    mailsTo: (address) => mails.filter((mail) => mail.recipients.includes(address.toLowerCase())),
    close: () => {
      capture.release();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (capture.refuse) return callback(Object.assign(new Error("Service not available, try later"), { responseCode: 421 }));
      if (capture.hold) return void heldSenders.push(() => callback());
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
          mails.push(Object.assign(parsed, { receivedAt: Date.now(), recipients }) as CapturedMail);
          for (const waiter of waiters.filter((w) => mails.length >= w.count)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve();
          }
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  capture.port = (server.server.address() as AddressInfo).port;
  capture.url = `smtp://127.0.0.1:${capture.port}`;
  return capture;
}
