// The daily schedule's pg-boss job survives its worker: `npm run worker` (scripts/worker.ts)
// as its own process takes the job, is SIGKILLed while the job runs (part of the day's
// evaluations done), and a second worker started afterwards gets the job back once its
// heartbeat is missed; the job completes, once, and the day's work is done exactly once:
// one daily evaluation per business, one alert and one mail per business and level.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { PgBoss } from "pg-boss";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { QUEUES, SCHEDULER_SCHEMA } from "@/lib/platform/jobs/scheduler";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BUSINESSES = 40;
const HEARTBEAT_SECONDS = 10;
const children: ChildProcess[] = [];
let boss: PgBoss | undefined;

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await boss?.stop({ graceful: false, close: true });
  boss = undefined;
});

type Worker = { child: ChildProcess; output: () => string };

async function startWorker(): Promise<Worker> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL!,
      ALERT_WORKER_POLL_MS: "200",
      ALERT_WORKER_LEASE_MS: "1000",
      SCHEDULER_HEARTBEAT_SECONDS: String(HEARTBEAT_SECONDS),
      SCHEDULER_SUPERVISE_SECONDS: "1",
      SCHEDULER_RETRY_DELAY_SECONDS: "1",
      SCHEDULER_POLL_SECONDS: "0.5",
      SMTP_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (!output.includes("schedules on pg-boss")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the worker did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, output: () => output };
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, pollMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

describe("a worker SIGKILLed in the middle of the daily schedule", () => {
  it("has the job retried on another worker after its missed heartbeat, completed once, the day's work done once", {
    timeout: 120_000,
  }, async () => {
    const owner = await createUser("daily-kill");
    const businessIds: string[] = [];
    for (let i = 0; i < BUSINESSES; i++) {
      const business = await createOwnedBusiness(owner.id, `Dagelijks ${i} BV`);
      // €17,000: past 80% of the KOR threshold, so the day's evaluation raises one alert with a mail.
      await createInvoice({
        caller: { userId: owner.id },
        businessId: business.id,
        input: {
          number: `D-${i}`,
          date: `${amsterdamToday().slice(0, 4)}-01-02`,
          customer: { name: "Klant" },
          category: "NL_STANDARD",
          netCents: 1_700_000,
        },
      });
      businessIds.push(business.id);
    }
    // The invoices' own evaluations are dropped: the daily schedule is what must evaluate them.
    await db().outboxJob.deleteMany({ where: { kind: "EVALUATE", businessId: { in: businessIds } } });
    const day = amsterdamToday();
    const progress = async () => {
      const rows = await db().outboxJob.findMany({
        where: { businessId: { in: businessIds }, dedupeKey: { startsWith: "daily:" } },
        select: { status: true },
      });
      return { queued: rows.length, sent: rows.filter((row) => row.status === "SENT").length };
    };

    const first = await startWorker();
    boss = new PgBoss({
      connectionString: env().workerDatabaseUrl!,
      schema: SCHEDULER_SCHEMA,
      createSchema: false,
      supervise: false,
      schedule: false,
      max: 2,
    });
    await boss.start();
    const jobId = await boss.send(QUEUES.daily, null);
    expect(jobId).not.toBeNull();
    const job = async () => (await boss!.findJobs(QUEUES.daily, { id: jobId! }))[0]!;

    // Killed while the job is active and the day's evaluations are partly done.
    const atKill = await waitFor(
      async () => ({ state: (await job()).state, ...(await progress()) }),
      (p) => (p.state === "active" && p.sent > 0) || p.state === "completed",
      60_000,
      20,
    );
    expect(atKill.state).toBe("active");
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    const afterKill = await progress();
    expect(atKill.sent).toBeLessThan(BUSINESSES);
    expect(afterKill.sent).toBeLessThan(BUSINESSES);
    expect((await job()).state).toBe("active");

    const killedAt = Date.now();
    await startWorker();
    const finished = await waitFor(job, (j) => j.state === "completed" || j.state === "failed", 90_000, 200);
    expect(finished.state).toBe("completed");
    // Retried once (the attempt the missed heartbeat failed), not before the heartbeat was due.
    expect(finished.retryCount).toBe(1);
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual((HEARTBEAT_SECONDS - 2) * 1000);
    // One job for the occurrence, nothing in the dead-letter queue.
    expect((await boss.findJobs(QUEUES.daily)).filter((j) => j.createdOn >= finished.createdOn)).toHaveLength(1);
    expect(await boss.findJobs(QUEUES.failed)).toHaveLength(0);

    // The day's work, exactly once: every business evaluated once today, one alert and one mail each.
    await waitFor(progress, (p) => p.sent === BUSINESSES, 30_000, 200);
    const daily = await db().outboxJob.groupBy({
      by: ["dedupeKey"],
      where: { businessId: { in: businessIds }, dedupeKey: { startsWith: "daily:" } },
      _count: true,
    });
    expect(daily).toHaveLength(BUSINESSES);
    expect(
      daily.every((row) => row._count === 1 && row.dedupeKey === `daily:${businessIds.find((id) => row.dedupeKey!.includes(id))}:${day}`),
    ).toBe(true);
    const alerts = await db().businessAlert.groupBy({
      by: ["businessId", "code"],
      where: { businessId: { in: businessIds } },
      _count: true,
    });
    expect(alerts.filter((row) => row._count !== 1)).toEqual([]);
    expect(new Set(alerts.map((row) => row.businessId)).size).toBe(BUSINESSES);
    const mails = await db().outboxJob.groupBy({
      by: ["businessId", "subject"],
      where: { businessId: { in: businessIds }, kind: "ALERT_EMAIL" },
      _count: true,
    });
    expect(mails.filter((row) => row._count !== 1)).toEqual([]);
    expect(new Set(mails.map((row) => row.businessId)).size).toBe(BUSINESSES);
  });
});
