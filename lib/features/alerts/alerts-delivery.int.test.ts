// Alerts that reach people, end to end below the browser: invoices are saved through the
// same functions the app and the API use, the queue worker evaluates and mails through a
// real SMTP server in this process, and the captured mails are parsed and read.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { deleteInvoice } from "@/lib/features/invoices/delete-invoice";
import { createWorker, type Worker } from "@/lib/platform/jobs/worker";
import { evaluateBusinessAlerts } from "@/lib/features/alerts/evaluate-business-alerts";
import { createSmtpTransport } from "@/lib/platform/mail/transport";
import { signUnsubscribeToken } from "@/lib/platform/mail/unsubscribe-token";
import { countUnreadNotifications, listNotifications } from "@/lib/features/notifications/list-notifications";
import { listSentMails } from "@/lib/features/notifications/list-sent-mails";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/features/notifications/mark-notifications-read";
import { updateNotificationSettings } from "@/lib/features/notifications/notification-settings";
import { readUnsubscribeToken, unsubscribe } from "@/lib/features/notifications/unsubscribe";
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from "@/lib/features/alerts/testing/smtp-capture";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

// A year that is always ahead of the real clock, so jobs queued at the real "now" are due
// for the test clock, which stands on 20 December of that year, 11:00 in Amsterdam.
const YEAR = new Date().getUTCFullYear() + 1;
const APP_URL = "http://drempel.test";
let now: Date;
const clock = () => now;
const advance = (ms: number) => (now = new Date(now.getTime() + ms));
const MINUTE = 60_000;

let smtp: SmtpCapture;
const workers: Worker[] = [];
const logs: string[] = [];

function makeWorker(options: { id?: string; url?: string; schedule?: number[]; batchSize?: number } = {}): Worker {
  const worker = createWorker({
    transport: createSmtpTransport({ url: options.url ?? smtp.url, from: "Drempel <meldingen@drempel.test>", timeoutMs: 2_000 }),
    appUrl: APP_URL,
    clock,
    workerId: options.id,
    retryScheduleMs: options.schedule,
    batchSize: options.batchSize,
    log: (line) => logs.push(line),
  });
  workers.push(worker);
  return worker;
}

const plain = (text: string | undefined) => (text ?? "").replace(/\u00a0/g, " ");
const invoice = (number: string, date: string, netCents: number) => ({
  number,
  date,
  customer: { name: `Klant ${number}` },
  category: "NL_STANDARD",
  netCents,
});

async function setUp(name: string) {
  const nlOwner = await createUser("eigenaar");
  const enOwner = await db().user.update({ where: { id: (await createUser("owner")).id }, data: { locale: "en" } });
  const accountant = await createUser("boekhouder");
  const business = await createOwnedBusiness(nlOwner.id, name);
  await db().membership.create({ data: { businessId: business.id, userId: enOwner.id, role: "OWNER" } });
  await db().membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_ONLY" } });
  const add = (number: string, date: string, netCents: number) =>
    createInvoice({ caller: { userId: nlOwner.id }, businessId: business.id, input: invoice(number, date, netCents) });
  return { nlOwner, enOwner, accountant, business, add, recipients: [nlOwner.email, enOwner.email, accountant.email] };
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  // Jobs left by other test files of this run (they share the database) go out first,
  // so the counts below are this file's own.
  now = new Date(Date.UTC(YEAR, 11, 20, 10, 0, 0));
  await makeWorker().runUntilIdle();
  workers.length = 0;
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(() => {
  now = new Date(Date.UTC(YEAR, 11, 20, 10, 0, 0));
  logs.length = 0;
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

describe("alert mails", () => {
  it("an invoice over 80% mails each owner and the accountant once, in their language, with the figures", async () => {
    const { nlOwner, enOwner, accountant, business, add } = await setUp("Drempel Nadert BV");
    const worker = makeWorker();
    await add(`${YEAR}-001`, `${YEAR}-03-01`, 1_500_000);
    await worker.runUntilIdle();
    expect(smtp.mailsTo(nlOwner.email)).toHaveLength(0);

    const approaching = await add(`${YEAR}-002`, `${YEAR}-04-02`, 120_000);
    await worker.runUntilIdle();

    const [nl] = smtp.mailsTo(nlOwner.email) as [CapturedMail];
    expect(smtp.mailsTo(nlOwner.email)).toHaveLength(1);
    expect(nl.subject).toBe("Drempel Nadert BV: 80% van de KOR-grens bereikt");
    expect(nl.from?.text).toContain("meldingen@drempel.test");
    const nlText = plain(nl.text);
    expect(nlText).toContain(`Beste ${nlOwner.name},`);
    expect(nlText).toContain("- Meetellende omzet: € 16.200,00");
    expect(nlText).toContain("- Grens: € 20.000,00");
    expect(nlText).toContain("- Deel van de grens: 81%");
    expect(nlText).toContain(`- Factuur: ${YEAR}-002 van 2 april ${YEAR}`);
    expect(nlText).toContain("Wat moet je doen?");
    expect(nlText).toContain(`${APP_URL}/businesses/${business.id}`);
    expect(nlText).toContain(`met ${YEAR}-002 van 2 april ${YEAR}`); // the engine's text, with the number people know
    expect(nlText).not.toContain(approaching.id);
    expect(plain(nl.html || "")).toContain(`href="${APP_URL}/businesses/${business.id}"`);
    expect(plain(nl.html || "")).toContain("€ 16.200,00");
    expect(nl.headerLines.find((header) => header.key === "list-unsubscribe")?.line).toContain(
      `${APP_URL}/api/notifications/unsubscribe?token=`,
    );

    const [en] = smtp.mailsTo(enOwner.email) as [CapturedMail];
    expect(smtp.mailsTo(enOwner.email)).toHaveLength(1);
    expect(en.subject).toBe("Drempel Nadert BV: 80% of the KOR limit reached");
    const enText = plain(en.text);
    expect(enText).toContain("- Counted turnover: €16,200.00");
    expect(enText).toContain("- Limit: €20,000.00");
    expect(enText).toContain(`- Invoice: ${YEAR}-002 of 2 April ${YEAR}`);
    expect(enText).toContain("What to do");

    expect(smtp.mailsTo(accountant.email)).toHaveLength(1);
    expect(smtp.mailsTo(accountant.email)[0]!.subject).toBe("Drempel Nadert BV: 80% van de KOR-grens bereikt");

    // The crossing: one more mail each, naming the crossing invoice, its date and the deadline.
    await add(`${YEAR}-003`, `${YEAR}-05-12`, 400_000);
    await worker.runUntilIdle();
    expect(smtp.mailsTo(nlOwner.email)).toHaveLength(2);
    expect(smtp.mailsTo(enOwner.email)).toHaveLength(2);
    const crossedNl = smtp.mailsTo(nlOwner.email)[1]!;
    expect(crossedNl.subject).toBe(`Drempel Nadert BV: KOR-grens overschreden met factuur ${YEAR}-003`);
    expect(plain(crossedNl.text)).toContain(`- Factuur: ${YEAR}-003 van 12 mei ${YEAR}`);
    expect(plain(crossedNl.text)).toContain("- Meetellende omzet: € 20.200,00");
    expect(plain(crossedNl.text)).toContain(`- Uiterste datum: 31 juli ${YEAR}`);
    expect(plain(crossedNl.text)).toContain(`Je omzet ${YEAR} is met ${YEAR}-003 op 12 mei ${YEAR} boven`);
    const crossedEn = smtp.mailsTo(enOwner.email)[1]!;
    expect(crossedEn.subject).toBe(`Drempel Nadert BV: KOR limit crossed with invoice ${YEAR}-003`);
    expect(plain(crossedEn.text)).toContain(`- Invoice: ${YEAR}-003 of 12 May ${YEAR}`);
    expect(plain(crossedEn.text)).toContain(`- Deadline: 31 July ${YEAR}`);

    // In the app: two notifications each, unread until marked.
    const notifications = await listNotifications({ caller: { userId: enOwner.id } });
    expect(notifications.map((n) => n.code)).toEqual(["KOR_THRESHOLD_CROSSED", "KOR_THRESHOLD_APPROACHING"]);
    expect(await countUnreadNotifications({ caller: { userId: enOwner.id } })).toBe(2);
    await markNotificationRead({ caller: { userId: enOwner.id }, notificationId: notifications[0]!.id });
    expect(await countUnreadNotifications({ caller: { userId: enOwner.id } })).toBe(1);
    await expect(markNotificationRead({ caller: { userId: nlOwner.id }, notificationId: notifications[1]!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await markAllNotificationsRead({ caller: { userId: enOwner.id } })).toBe(1);
    expect(await countUnreadNotifications({ caller: { userId: nlOwner.id } })).toBe(2);

    // Deleting and re-entering the crossing invoice raises no second crossing mail.
    const crossing = await db().invoice.findFirstOrThrow({ where: { businessId: business.id, number: `${YEAR}-003` } });
    await deleteInvoice({ caller: { userId: nlOwner.id }, businessId: business.id, invoiceId: crossing.id });
    await worker.runUntilIdle();
    await add(`${YEAR}-004`, `${YEAR}-06-01`, 400_000);
    await worker.runUntilIdle();
    expect(smtp.mailsTo(nlOwner.email)).toHaveLength(2);
  });

  it("30 invoices at once, two workers and the daily schedule: exactly one mail per level per recipient", async () => {
    const { business, add, recipients } = await setUp("Drukte BV");
    const w1 = makeWorker({ id: "w1", batchSize: 2 });
    const w2 = makeWorker({ id: "w2", batchSize: 2 });
    // Both workers poll while the invoices arrive, so evaluations also run mid-burst.
    w1.start(5);
    w2.start(5);
    // 30 × €700: 80% with the 23rd (€16.100), 95% with the 28th (€19.600), over with the 29th.
    // All at once they queue for the pool's 10 connections beside both workers: each waits
    // for one (TRANSACTION_MAX_WAIT_MS), none fails.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        add(`${YEAR}-B${String(i + 1).padStart(2, "0")}`, `${YEAR}-01-${String(i + 1).padStart(2, "0")}`, 70_000),
      ),
    );
    await w1.stop();
    await w2.stop();
    await Promise.all([w1.runUntilIdle(), w2.runUntilIdle()]);

    for (const address of recipients) {
      const subjects = smtp
        .mailsTo(address)
        .map((mail) => mail.subject ?? "")
        .sort();
      const level80 = /80% (van de KOR-grens|of the KOR limit)/;
      const level95 = /95% (van de KOR-grens|of the KOR limit)/;
      // Which invoice crosses depends on which were committed when the evaluation ran; with
      // all 30 in, it is B29 — but the crossing is announced once, by the evaluation that saw it first.
      const crossed = new RegExp(`(KOR-grens overschreden met factuur|KOR limit crossed with invoice) ${YEAR}-B(29|30)`);
      for (const level of [level80, level95, crossed]) expect(subjects.filter((subject) => level.test(subject))).toHaveLength(1);
      // An evaluation that ran mid-burst may have seen 95% before the crossing and projected
      // the crossing at this pace: a different alert of its own, also sent at most once.
      const others = subjects.filter((subject) => ![level80, level95, crossed].some((level) => level.test(subject)));
      expect(others.every((subject) => /waarschijnlijk overschreden|will likely be crossed/.test(subject))).toBe(true);
      expect(others.length).toBeLessThanOrEqual(1);
    }
    // What the burst delivered: 3 mails per recipient, or 4 with the projected crossing.
    const mailsAfterBurst = new Map(recipients.map((address) => [address, smtp.mailsTo(address).length]));
    const alertsAfterBurst = await db().businessAlert.count({ where: { businessId: business.id } });
    expect(alertsAfterBurst).toBe(3 + (mailsAfterBurst.get(recipients[0]!)! - 3));
    const evaluations = await db().outboxJob.count({ where: { businessId: business.id, kind: "EVALUATE" } });
    console.log(`[alerts] 30 concurrent invoices caused ${evaluations} evaluation(s)`);
    expect(evaluations).toBeLessThan(30);

    // Two workers claim the two evaluations of the same business at the same moment.
    await db().outboxJob.createMany({
      data: [
        { kind: "EVALUATE", businessId: business.id },
        { kind: "EVALUATE", businessId: business.id },
      ],
    });
    const [a, b] = await Promise.all([makeWorker({ batchSize: 1 }).runOnce(), makeWorker({ batchSize: 1 }).runOnce()]);
    expect(a.claimed + b.claimed).toBeGreaterThanOrEqual(2);

    // The daily schedule (which w1 and w2 already ran while polling), run by two fresh
    // workers at once and then once more: one job per business and day, no mail.
    const [ranA, ranB] = await Promise.all([makeWorker().runDailyIfDue(), makeWorker().runDailyIfDue()]);
    expect([ranA, ranB]).toEqual([true, true]);
    await makeWorker().runDailyIfDue();
    expect(await db().outboxJob.count({ where: { dedupeKey: `daily:${business.id}:${YEAR}-12-20` } })).toBe(1);
    // Re-evaluations and the daily schedule add no alert and send nothing again.
    for (const address of recipients) expect(smtp.mailsTo(address)).toHaveLength(mailsAfterBurst.get(address)!);
    expect(await db().businessAlert.count({ where: { businessId: business.id } })).toBe(alertsAfterBurst);
    expect(await db().outboxJob.count({ where: { businessId: business.id, kind: "ALERT_EMAIL", status: { not: "SENT" } } })).toBe(0);
    expect(logs.filter((line) => line.includes("failed"))).toEqual([]);
  });
});

describe("exactly once in the database", () => {
  it("two evaluations of one business racing in two transactions store and queue each alert once", async () => {
    const { business, add, recipients } = await setUp("Race BV");
    await add(`${YEAR}-001`, `${YEAR}-02-01`, 1_700_000);
    await add(`${YEAR}-002`, `${YEAR}-03-01`, 400_000);
    const evaluateOnce = () => db().$transaction((tx) => evaluateBusinessAlerts({ tx, businessId: business.id, now, appUrl: APP_URL }));
    const results = await Promise.all([evaluateOnce(), evaluateOnce(), evaluateOnce()]);
    const alerts = await db().businessAlert.count({ where: { businessId: business.id } });
    expect(alerts).toBe(2); // 80% and crossed
    expect(results.reduce((sum, r) => sum + r.newAlerts, 0)).toBe(alerts);
    expect(await db().outboxJob.count({ where: { businessId: business.id, kind: "ALERT_EMAIL" } })).toBe(alerts * recipients.length);
    expect(await db().notification.count({ where: { businessId: business.id } })).toBe(alerts * recipients.length);
    await makeWorker().runUntilIdle();
    for (const address of recipients) expect(smtp.mailsTo(address)).toHaveLength(alerts);
  });

  it("a rolled-back invoice change enqueues no evaluation", async () => {
    const { nlOwner, business } = await setUp("Terugdraai BV");
    await db().outboxJob.deleteMany({ where: { businessId: business.id } });
    await expect(
      db().$transaction(async (tx) => {
        await createInvoice({
          caller: { userId: nlOwner.id },
          businessId: business.id,
          input: invoice(`${YEAR}-001`, `${YEAR}-02-01`, 2_100_000),
          client: tx,
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db().outboxJob.count({ where: { businessId: business.id } })).toBe(0);
    await createInvoice({
      caller: { userId: nlOwner.id },
      businessId: business.id,
      input: invoice(`${YEAR}-001`, `${YEAR}-02-01`, 2_100_000),
    });
    expect(await db().outboxJob.count({ where: { businessId: business.id, kind: "EVALUATE", status: "PENDING" } })).toBe(1);
    await makeWorker().runUntilIdle();
  });
});

describe("SMTP down", () => {
  it("retries with backoff and delivers everything once the server is back", async () => {
    const down = await startSmtpCapture();
    const port = down.port;
    await down.close(); // nothing listens: connection refused
    const { nlOwner, enOwner, accountant, business, add, recipients } = await setUp("Storing BV");
    const worker = makeWorker({ url: `smtp://127.0.0.1:${port}` });
    await add(`${YEAR}-001`, `${YEAR}-02-01`, 2_050_000);
    const first = await worker.runUntilIdle();
    expect(first.retried).toBe(3);
    const pending = await db().outboxJob.findMany({ where: { businessId: business.id, kind: "ALERT_EMAIL" } });
    expect(pending.map((job) => [job.status, job.attempts])).toEqual([
      ["PENDING", 1],
      ["PENDING", 1],
      ["PENDING", 1],
    ]);
    expect(pending[0]!.lastError).toMatch(/ECONNREFUSED/);
    expect(pending[0]!.nextAttemptAt.getTime()).toBe(now.getTime() + MINUTE);

    advance(30_000);
    expect((await worker.runUntilIdle()).claimed).toBe(0); // not due yet
    advance(30_000); // +1 min: second try, still refused
    expect((await worker.runUntilIdle()).retried).toBe(3);

    // The server is up again but answers 421 for a while.
    const back = await startSmtpCapture(port);
    back.refuse = true;
    advance(5 * MINUTE); // +6 min
    expect((await worker.runUntilIdle()).retried).toBe(3);
    advance(30 * MINUTE); // +36 min
    expect((await worker.runUntilIdle()).retried).toBe(3);
    const waiting = await db().outboxJob.findFirstOrThrow({ where: { businessId: business.id, kind: "ALERT_EMAIL" } });
    expect(waiting.lastError).toMatch(/421/);
    expect(waiting.attempts).toBe(4);

    back.refuse = false; // recovered after an hour
    advance(2 * 60 * MINUTE); // +2 h 36 min: the fifth try goes through
    expect((await worker.runUntilIdle()).done).toBe(3);
    try {
      for (const address of recipients) expect(back.mailsTo(address)).toHaveLength(1);
      expect(back.mailsTo(nlOwner.email)[0]!.subject).toBe(`Storing BV: KOR-grens overschreden met factuur ${YEAR}-001`);
      expect(back.mailsTo(enOwner.email)[0]!.subject).toBe(`Storing BV: KOR limit crossed with invoice ${YEAR}-001`);
      const sent = await db().outboxJob.findMany({ where: { businessId: business.id, kind: "ALERT_EMAIL" } });
      expect(sent.every((job) => job.status === "SENT" && job.attempts === 5 && job.lastError === null)).toBe(true);
      advance(24 * 60 * MINUTE);
      await worker.runUntilIdle();
      for (const address of recipients) expect(back.mailsTo(address)).toHaveLength(1);
      expect(accountant.email).toBeTruthy();
    } finally {
      await back.close();
    }
  });

  it("leaves a mail FAILED and visible after the last try", async () => {
    smtp.refuse = true;
    try {
      const { nlOwner, add } = await setUp("Kapot BV");
      const worker = makeWorker({ schedule: [1_000, 2_000] });
      await add(`${YEAR}-001`, `${YEAR}-02-01`, 2_050_000);
      await worker.runUntilIdle();
      advance(1_000);
      await worker.runUntilIdle();
      advance(2_000);
      const last = await worker.runUntilIdle();
      expect(last.failed).toBe(3);
      const [mail] = await listSentMails({ caller: { userId: nlOwner.id } });
      expect(mail).toMatchObject({ status: "FAILED", attempts: 3, toAddress: nlOwner.email });
      expect(mail!.lastError).toMatch(/421/);
      advance(24 * 60 * MINUTE);
      expect((await worker.runUntilIdle()).claimed).toBe(0);
    } finally {
      smtp.refuse = false;
    }
  });
});

describe("unsubscribe and digest", () => {
  it("an unsubscribe link works without login, only for that user and kind; a tampered token is refused", async () => {
    const { nlOwner, enOwner, accountant, add } = await setUp("Afmeld BV");
    const worker = makeWorker();
    const token = signUnsubscribeToken({ userId: nlOwner.id, kind: "KOR_THRESHOLD_APPROACHING" });
    const [payload, signature] = token.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ u: enOwner.id, k: "KOR_THRESHOLD_APPROACHING", v: 1 })).toString("base64url");
    const otherKind = Buffer.from(JSON.stringify({ u: nlOwner.id, k: "KOR_THRESHOLD_CROSSED", v: 1 })).toString("base64url");
    const flipped = signature.slice(0, -1) + (signature.endsWith("A") ? "B" : "A");
    for (const bad of [`${payload}.${flipped}`, `${forged}.${signature}`, `${otherKind}.${signature}`, payload, "", "x.y.z"]) {
      await expect(unsubscribe({ token: bad })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    }
    expect(await db().notificationSetting.count({ where: { userId: { in: [nlOwner.id, enOwner.id] } } })).toBe(0);

    expect(await readUnsubscribeToken(token)).toEqual({ userId: nlOwner.id, email: nlOwner.email, kind: "KOR_THRESHOLD_APPROACHING" });
    await unsubscribe({ token });
    await unsubscribe({ token }); // twice is once
    expect((await db().notificationSetting.findUniqueOrThrow({ where: { userId: nlOwner.id } })).mutedKinds).toEqual([
      "KOR_THRESHOLD_APPROACHING",
    ]);

    await add(`${YEAR}-001`, `${YEAR}-02-01`, 1_700_000);
    await worker.runUntilIdle();
    expect(smtp.mailsTo(nlOwner.email)).toHaveLength(0);
    expect(smtp.mailsTo(enOwner.email)).toHaveLength(1);
    expect(await countUnreadNotifications({ caller: { userId: nlOwner.id } })).toBe(1); // still in the app

    // The link in the accountant's mail, used as is.
    const link = plain(smtp.mailsTo(accountant.email)[0]!.text).match(/(http:\/\/drempel\.test\/unsubscribe\?token=\S+)/)![1]!;
    await unsubscribe({ token: decodeURIComponent(new URL(link).searchParams.get("token")!) });
    expect((await db().notificationSetting.findUniqueOrThrow({ where: { userId: accountant.id } })).mutedKinds).toEqual([
      "KOR_THRESHOLD_APPROACHING",
    ]);

    // Other kinds still arrive.
    await add(`${YEAR}-002`, `${YEAR}-03-01`, 400_000);
    await worker.runUntilIdle();
    expect(smtp.mailsTo(nlOwner.email).map((mail) => mail.subject)).toEqual([`Afmeld BV: KOR-grens overschreden met factuur ${YEAR}-002`]);
    expect(smtp.mailsTo(accountant.email)).toHaveLength(2);
    expect(smtp.mailsTo(enOwner.email)).toHaveLength(2);
  });

  it("a daily-digest user gets one summary the next morning instead of separate mails", async () => {
    const { nlOwner, enOwner, add } = await setUp("Digest BV");
    await updateNotificationSettings({ caller: { userId: enOwner.id }, input: { dailyDigest: true, mutedKinds: [] } });
    const worker = makeWorker();
    await add(`${YEAR}-001`, `${YEAR}-02-01`, 1_700_000);
    await add(`${YEAR}-002`, `${YEAR}-03-01`, 400_000);
    await worker.runUntilIdle();
    expect(smtp.mailsTo(nlOwner.email).length).toBeGreaterThanOrEqual(1);
    expect(smtp.mailsTo(enOwner.email)).toHaveLength(0);

    now = new Date(Date.UTC(YEAR, 11, 21, 6, 0, 0)); // 07:00 in Amsterdam
    expect(await worker.runDailyIfDue()).toBe(true);
    await worker.runUntilIdle();
    expect(await makeWorker().runDailyIfDue()).toBe(true);
    await worker.runUntilIdle();
    const digests = smtp.mailsTo(enOwner.email);
    expect(digests).toHaveLength(1);
    const alerts = await db().businessAlert.count({
      where: { business: { name: "Digest BV", memberships: { some: { userId: enOwner.id } } } },
    });
    expect(digests[0]!.subject).toBe(`Drempel: ${alerts} new notifications`);
    expect(plain(digests[0]!.text)).toContain(`KOR limit crossed with invoice ${YEAR}-002`);
    expect(plain(digests[0]!.text)).toContain("/unsubscribe?token=");
  });
});

describe("delivery by the polling worker", () => {
  // How long it takes is measured by `npm run bench:alerts` (bench/alerts-delivery.ts), not
  // asserted here: the wait below is only a bound on a hang.
  it("a save reaches the owner's mailbox with the worker polling every second, as in production", async () => {
    const worker = createWorker({
      transport: createSmtpTransport({ url: smtp.url, from: "Drempel <meldingen@drempel.test>" }),
      appUrl: APP_URL,
      // As on PostgreSQL in production: pg-boss runs the daily schedule, the loop only delivers.
      inProcessSchedules: false,
      log: (line) => logs.push(line),
    });
    workers.push(worker);
    const today = amsterdamToday();
    const { nlOwner, add } = await setUp("Bezorgd BV");
    await add("P-1", today, 1_990_000);
    // The 95% mail goes out first, so the one awaited below is the crossing's.
    await worker.runUntilIdle();
    worker.start(1_000);
    await add("P-2", today, 20_000);
    await expect
      .poll(() => smtp.mailsTo(nlOwner.email).find((mail) => mail.subject?.includes("P-2"))?.subject, { timeout: 60_000, interval: 50 })
      .toBe("Bezorgd BV: KOR-grens overschreden met factuur P-2");
    expect(logs.filter((line) => line.includes("failed"))).toEqual([]);
  }, 90_000);
});
