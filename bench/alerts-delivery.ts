// npm run bench:alerts — how long an alert takes from the save of an invoice to the mail
// server's acceptance of its mail, with the queue worker polling as in production
// (ALERT_WORKER_POLL_MS, 1,000 ms by default; BENCH_POLL_MS). On a fresh PostgreSQL
// database, in process: the worker runs its loop the whole time and mails over SMTP to a
// real SMTP server (smtp-server, the one the integration tests read: lib/features/alerts/testing/
// smtp-capture.ts). Each of BENCH_SAVES (default 20) samples is a business of its own at
// 99.5% of the KOR limit whose next invoice crosses it; the save falls at a random moment of
// the worker's poll interval. Prints median, p95 and max (ms) and the load average: most of
// a figure is the wait for the next poll, so the median is about half the interval.
import os from "node:os";
import { percentile } from "@/bench/http-helpers";
import { createDatabase, dropDatabase, useDatabaseInProcess } from "@/test/integration/database";

const SAVES = Number(process.env.BENCH_SAVES ?? 20);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 1_000);
const MAIL_WAIT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(", ");

async function main() {
  const database = await createDatabase("drempel_bench_alerts");
  useDatabaseInProcess(database.url);
  const { db, disconnectDb } = await import("@/lib/platform/db/client");
  const { amsterdamToday } = await import("@/lib/platform/i18n/amsterdam-today");
  const { createInvoice } = await import("@/lib/features/invoices/create-invoice");
  const { createWorker } = await import("@/lib/platform/jobs/worker");
  const { createSmtpTransport } = await import("@/lib/platform/mail/transport");
  const { startSmtpCapture } = await import("@/lib/features/alerts/testing/smtp-capture");
  const { createOwnedBusiness, createUser } = await import("@/test/integration/factories");
  const smtp = await startSmtpCapture();
  const worker = createWorker({
    transport: createSmtpTransport({ url: smtp.url, from: "Drempel <meldingen@drempel.test>" }),
    appUrl: "http://drempel.test",
    inProcessSchedules: false,
    log: (line) => console.log(`  worker: ${line}`),
  });
  /** Waits until `done` holds, checking every 2 ms (the figures' resolution). */
  const until = async (what: string, done: () => boolean | Promise<boolean>) => {
    const deadline = Date.now() + MAIL_WAIT_MS;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`${what}: not within ${MAIL_WAIT_MS} ms`);
      await sleep(2);
    }
  };
  try {
    console.log(`load average before: ${loadAverage()} (${os.cpus().length} cores)`);
    console.log(`${SAVES} saves, worker polling every ${POLL_MS} ms, SMTP on ${smtp.url}`);
    worker.start(POLL_MS);
    const today = amsterdamToday();
    const samples: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const owner = await createUser("bench-alerts");
      const business = await createOwnedBusiness(owner.id, `Snel ${i} BV`);
      const add = (number: string, netCents: number) =>
        createInvoice({
          caller: { userId: owner.id },
          businessId: business.id,
          input: { number, date: today, customer: { name: `Klant ${number}` }, category: "NL_STANDARD", netCents },
        });
      // 99.5% of the limit: its own mail (95%) goes out first, outside the measurement.
      await add(`S${i}-1`, 1_990_000);
      await until(`the first mails of ${business.name}`, async () => {
        const waiting = await db().outboxJob.count({ where: { businessId: business.id, status: { not: "SENT" } } });
        return waiting === 0 && smtp.mailsTo(owner.email).length > 0;
      });
      await sleep(Math.random() * POLL_MS);
      await add(`S${i}-2`, 20_000);
      const saved = Date.now();
      const crossing = () => smtp.mailsTo(owner.email).find((mail) => mail.subject?.includes(`S${i}-2`));
      await until(`the crossing mail of ${business.name}`, () => crossing() !== undefined);
      samples.push(crossing()!.receivedAt - saved);
    }
    samples.sort((a, b) => a - b);
    const median = percentile(samples, 50);
    console.log(
      `save → SMTP accepted (poll ${POLL_MS} ms, n=${samples.length}): median ${median} ms  p95 ${percentile(samples, 95)} ms  max ${samples.at(-1)} ms  min ${samples[0]} ms`,
    );
    console.log(`load average after: ${loadAverage()}`);
  } finally {
    await worker.stop();
    await smtp.close();
    await disconnectDb();
    await dropDatabase(database.name);
  }
}

await main();
