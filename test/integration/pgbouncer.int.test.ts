// The app behind a transaction-mode PgBouncer (issue #18): Debian's PgBouncer 1.18 (no
// protocol-level prepared statements) in transaction mode with two server connections per
// database and user, the app's pools (drempel_app and drempel_worker) pointed at it with
// DATABASE_POOLER=transaction. Two owners hammer their own business list, invoice list
// and one invoice through the API's route handlers at once: every answer is 200 and shows
// only that owner's rows; the page cache's fingerprint statement, read for both through
// the pooler, is each one's own. (Before the context became transaction-scoped, the same run
// gave 500s for named statements and empty lists for lost contexts: issue #18.)
// PgBouncer is installed with apt-get when missing, as the test script does for Chromium.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as businessesRoute from "@/app/api/v1/businesses/route";
import * as invoicesRoute from "@/app/api/v1/businesses/[businessId]/invoices/route";
import * as invoiceRoute from "@/app/api/v1/businesses/[businessId]/invoices/[invoiceId]/route";
import { disconnectDb } from "@/lib/platform/db/client";
import { startUserSession } from "@/lib/platform/auth/sessions/user-sessions";
import { ContextPool } from "@/lib/platform/db/context-pool";
import { fingerprintReader } from "@/lib/platform/page-cache/dashboard-fingerprint";
import { asAppRole, asWorkerRole, resetEnvCache } from "@/lib/platform/env";
import { apiRequest, ctx, readJson, tokenFor, validInvoice } from "@/test/api/helpers";
import { createOwnedBusiness, createUser } from "./factories";
import { startPgBouncer, type PgBouncer } from "./pgbouncer";
import { QUEUES, startScheduler } from "@/lib/platform/jobs/scheduler";

const REQUESTS_PER_OWNER = Number(process.env.PGBOUNCER_REQUESTS ?? 300);
const CONCURRENCY = 16;

let bouncer: PgBouncer | undefined;
let bouncerUrl: URL;
const saved = {
  APP_DATABASE_URL: process.env.APP_DATABASE_URL,
  WORKER_DATABASE_URL: process.env.WORKER_DATABASE_URL,
  DATABASE_POOLER: process.env.DATABASE_POOLER,
};

beforeAll(async () => {
  bouncer = await startPgBouncer(process.env.DATABASE_URL!);
  bouncerUrl = bouncer.url;
  // The app's own pools go through the pooler from here on.
  await disconnectDb();
  process.env.APP_DATABASE_URL = asAppRole(bouncerUrl.toString());
  process.env.WORKER_DATABASE_URL = asWorkerRole(bouncerUrl.toString());
  process.env.DATABASE_POOLER = "transaction";
  resetEnvCache();
}, 120_000);

afterAll(async () => {
  await disconnectDb();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
  bouncer?.stop();
});

describe("behind PgBouncer 1.18 in transaction mode", () => {
  it("two owners hammering their own books see only their own rows, with no error", async () => {
    expect(new URL(process.env.APP_DATABASE_URL!).port).toBe(bouncerUrl.port);

    const owners = await Promise.all(
      ["bouncer-a", "bouncer-b"].map(async (prefix) => {
        const user = await createUser(prefix);
        const businesses = [
          (await createOwnedBusiness(user.id, `${prefix} één`)).id,
          (await createOwnedBusiness(user.id, `${prefix} twee`)).id,
        ];
        const token = await tokenFor(user.id);
        const invoiceIds: string[] = [];
        const firstInvoice = new Map<string, string>();
        for (const businessId of businesses) {
          for (let i = 0; i < 3; i++) {
            const created = await invoicesRoute.POST(
              apiRequest("POST", `/api/v1/businesses/${businessId}/invoices`, { token, body: validInvoice() }),
              ctx({ businessId }),
            );
            expect(created.status).toBe(201);
            const { id } = (await readJson(created)).data;
            invoiceIds.push(id);
            if (!firstInvoice.has(businessId)) firstInvoice.set(businessId, id);
          }
        }
        return { businesses: businesses.sort(), token, invoiceIds, firstInvoice };
      }),
    );
    const everyId = new Set(owners.flatMap((owner) => [...owner.businesses, ...owner.invoiceIds]));

    const statuses = new Map<number, number>();
    const leaks: string[] = [];
    let checked = 0;
    const oneRequest = async (ownerIndex: number, i: number) => {
      const owner = owners[ownerIndex]!;
      const businessId = owner.businesses[i % 2]!;
      const kind = i % 3;
      const response =
        kind === 0
          ? await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { token: owner.token }), ctx({}))
          : kind === 1
            ? await invoicesRoute.GET(
                apiRequest("GET", `/api/v1/businesses/${businessId}/invoices`, { token: owner.token }),
                ctx({ businessId }),
              )
            : await invoiceRoute.GET(
                apiRequest("GET", `/api/v1/businesses/${businessId}/invoices/${owner.firstInvoice.get(businessId)}`, {
                  token: owner.token,
                }),
                ctx({ businessId, invoiceId: owner.firstInvoice.get(businessId)! }),
              );
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const text = await response.text();
      if (response.status !== 200) return;
      checked++;
      // Every id of the other owner that appears in any answer is a leak.
      const mine = new Set([...owner.businesses, ...owner.invoiceIds]);
      for (const id of everyId) if (!mine.has(id) && text.includes(id)) leaks.push(`${id} in ${text.slice(0, 120)}`);
      const body = JSON.parse(text);
      if (kind === 0) expect(body.data.map((business: { id: string }) => business.id).sort()).toEqual(owner.businesses);
      if (kind === 1) expect(body.data).toHaveLength(3);
    };
    const queue = Array.from({ length: REQUESTS_PER_OWNER * 2 }, (_, i) => [i % 2, Math.floor(i / 2)] as const);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await oneRequest(next[0], next[1]);
      }),
    );
    console.log(
      `PgBouncer 1.18, transaction mode: ${REQUESTS_PER_OWNER * 2} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${checked} answers checked, ${leaks.length} leaks`,
    );
    expect(leaks).toEqual([]);
    expect(Object.fromEntries(statuses)).toEqual({ 200: REQUESTS_PER_OWNER * 2 });
    // The app really went through the pooler, as both roles.
    const log = fs.readFileSync(bouncer!.logFile, "utf8");
    expect(log).toMatch(/login attempt: db=\S+ user=drempel_app/);
    expect(log).toMatch(/login attempt: db=\S+ user=drempel_worker/);
  }, 180_000);

  it("the page cache's fingerprint, read as each user through the pooler, is each user's own", async () => {
    const pool = new ContextPool({ connectionString: process.env.APP_DATABASE_URL!, max: 6 });
    try {
      const read = fingerprintReader(pool);
      const owners = await Promise.all(
        ["fp-a", "fp-b"].map(async (prefix) => {
          const user = await createUser(prefix);
          const sessionId = await startUserSession({ userId: user.id });
          return { userId: user.id, sessionId, businessId: (await createOwnedBusiness(user.id, `${prefix} BV`)).id };
        }),
      );
      const expected = await Promise.all(owners.map((owner) => read(owner)));
      expect(expected.every((value) => value !== null)).toBe(true);
      const answers = await Promise.all(
        Array.from({ length: 200 }, async (_, i) => {
          const owner = owners[i % 2]!;
          const other = owners[(i + 1) % 2]!;
          // Its own dashboard: its fingerprint; another's: nothing.
          return [
            await read(owner),
            await read({ userId: owner.userId, sessionId: owner.sessionId, businessId: other.businessId }),
            i % 2,
          ] as const;
        }),
      );
      for (const [own, foreign, index] of answers) {
        expect(own).toEqual(expected[index]);
        expect(foreign).toBeNull();
      }
    } finally {
      await pool.end();
    }
  }, 120_000);

  it("pg-boss, as drempel_worker through the pooler, sets its schedules and runs a job on two nodes once", async () => {
    expect(new URL(process.env.WORKER_DATABASE_URL!).port).toBe(bouncerUrl.port);
    const runs: string[] = [];
    const node = (name: string) =>
      startScheduler({
        connectionString: process.env.WORKER_DATABASE_URL!,
        worker: {
          runDaily: async () => {},
          runCleanup: async () => {
            runs.push(name);
            await new Promise((resolve) => setTimeout(resolve, 1_000));
            return {} as never;
          },
        },
        dailyHour: 6,
        pollingIntervalSeconds: 0.5,
        log: (line) => runs.push(`log ${line}`),
      });
    const [a, b] = [await node("a"), await node("b")];
    try {
      expect((await a.boss.getSchedules()).map((schedule) => schedule.name).sort()).toEqual([QUEUES.cleanup, QUEUES.daily]);
      const sent = await Promise.all([a.boss.send(QUEUES.cleanup, null), b.boss.send(QUEUES.cleanup, null)]);
      const id = sent.find((value) => value !== null)!;
      expect(sent.filter((value) => value !== null)).toHaveLength(1);
      const deadline = Date.now() + 20_000;
      while (!(await a.boss.findJobs(QUEUES.cleanup, { id })).some((job) => job.state === "completed")) {
        if (Date.now() > deadline) throw new Error(`job not completed: ${runs.join("; ")}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(runs).toHaveLength(1);
    } finally {
      await Promise.all([a.stop({ graceful: false }), b.stop({ graceful: false })]);
    }
  }, 60_000);
});
