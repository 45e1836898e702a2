// The pg-boss schedules against the real PostgreSQL: pg-boss runs as drempel_worker in its
// own schema (drempel_app cannot touch it), two nodes register one schedule each, an
// occurrence sent by both nodes runs once, and a failed run is retried.
// This file runs on a database of its own: the real daily schedule evaluates every business
// of its database, so on the run's shared one its duration would grow with every other test
// file (hundreds of businesses). Here it evaluates only what these tests create.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { QUEUES, startScheduler, type Scheduler } from "@/lib/platform/jobs/scheduler";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { createWorker } from "@/lib/platform/jobs/worker";
import { outboxOnlyTransport } from "@/lib/platform/mail/transport";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { createDatabase, dropDatabase, useDatabaseInProcess } from "@/test/integration/database";

let ownDatabase: { name: string; url: string };
beforeAll(async () => {
  ownDatabase = await createDatabase("drempel_test_scheduler");
  await disconnectDb();
  useDatabaseInProcess(ownDatabase.url);
});
afterAll(async () => {
  await disconnectDb();
  await dropDatabase(ownDatabase.name);
});

const schedulers: Scheduler[] = [];
afterEach(async () => {
  await Promise.all(schedulers.splice(0).map((scheduler) => scheduler.stop({ graceful: false })));
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function start(worker: Parameters<typeof startScheduler>[0]["worker"], extra: Partial<Parameters<typeof startScheduler>[0]> = {}) {
  const scheduler = await startScheduler({
    connectionString: env().workerDatabaseUrl!,
    worker,
    dailyHour: 6,
    pollingIntervalSeconds: 0.5,
    log: () => {},
    ...extra,
  });
  schedulers.push(scheduler);
  return scheduler;
}

async function asRole(url: string, sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("scheduler on pg-boss", () => {
  it("runs as drempel_worker in the schema pgboss, which drempel_app cannot read or write", async () => {
    const scheduler = await start({ runDaily: async () => {}, runCleanup: async () => ({}) as never });
    const owners = (await asRole(env().workerDatabaseUrl!, `SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'pgboss'`)) as {
      tableowner: string;
    }[];
    expect(owners.map((row) => row.tableowner)).toEqual(["drempel_worker"]);
    await expect(asRole(env().appDatabaseUrl!, `SELECT count(*) FROM pgboss.job`)).rejects.toThrow(/permission denied/);
    await expect(asRole(env().appDatabaseUrl!, `INSERT INTO pgboss.queue (name) VALUES ('x')`)).rejects.toThrow(/permission denied/);
    const schedules = await scheduler.boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron, s.timezone ?? s.options?.tz]).sort()).toEqual([
      [QUEUES.cleanup, "0 * * * *", "Europe/Amsterdam"],
      [QUEUES.daily, "0 6 * * *", "Europe/Amsterdam"],
    ]);
  });

  it("two nodes: one schedule per name, and an occurrence both send runs the daily schedule once", async () => {
    const owner = await createUser("scheduler-owner");
    const business = await createOwnedBusiness(owner.id, "Schema BV");
    expect(await db().business.count()).toBe(1); // the schedule's whole work: this file's database
    const runs: string[] = [];
    let finish: () => void = () => {};
    const running = new Promise<void>((resolve) => (finish = resolve));
    const node = (name: string) => {
      const worker = createWorker({ transport: outboxOnlyTransport, appUrl: "http://drempel.test", log: () => {} });
      return {
        runDaily: async () => {
          runs.push(name);
          await running; // held until the test has looked while it runs
          await worker.runDaily();
        },
        runCleanup: worker.runCleanup,
      };
    };
    const a = await start(node("a"));
    const b = await start(node("b"));
    expect((await a.boss.getSchedules()).filter((s) => s.name === QUEUES.daily)).toHaveLength(1);
    // What each node's cron monitor would send for the same occurrence.
    const sent = await Promise.all([a.boss.send(QUEUES.daily, null), b.boss.send(QUEUES.daily, null)]);
    expect(sent.filter((id) => id !== null)).toHaveLength(1);
    await waitFor(() => runs.length === 1);
    // While it runs on one node, neither node can queue the schedule again.
    expect(await Promise.all([a.boss.send(QUEUES.daily, null), b.boss.send(QUEUES.daily, null)])).toEqual([null, null]);
    finish();
    await waitFor(async () =>
      (await a.boss.findJobs(QUEUES.daily, { id: sent.find((id) => id)! })).some((job) => job.state === "completed"),
    );
    expect(runs).toHaveLength(1);
    const day = amsterdamToday();
    expect(await db().outboxJob.count({ where: { dedupeKey: `daily:${business.id}:${day}` } })).toBe(1);
  });

  it("retries a failed run with backoff and runs the clean-up", async () => {
    let calls = 0;
    const scheduler = await start(
      {
        runDaily: async () => {},
        runCleanup: async () => {
          calls += 1;
          if (calls === 1) throw new Error("database away");
          return {} as never;
        },
      },
      { retryDelaySeconds: 1 },
    );
    const id = await scheduler.boss.send(QUEUES.cleanup, null);
    expect(id).not.toBeNull();
    await waitFor(async () => (await scheduler.boss.findJobs(QUEUES.cleanup, { id: id! })).some((job) => job.state === "completed"));
    expect(calls).toBe(2);
  });
});
