// The running app reads and writes under PostgreSQL row-level security (issue #8): the
// server gets only DATABASE_URL (the owner), derives the roles drempel_app (requests) and
// drempel_worker (system mode: the inline queue worker) from it, and every connection it
// holds belongs to one of them. The other specs of this project run
// every page, server action and route handler through it.
import pg from "pg";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../playwright.config";
import { createBusiness, register, uniqueEmail } from "./helpers";

async function asOwner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test("the app connects as drempel_app, and a user's pages show that user's business", async ({ page }) => {
  const name = `Rijbeveiliging ${Date.now()}`;
  await register(page, "RLS Eigenaar", uniqueEmail("rls"));
  const overview = await createBusiness(page, name);
  await page.goto(`${overview.replace(/\/$/, "")}/invoices`);
  await expect(page.getByRole("heading", { name: "Nog geen facturen" })).toBeVisible();

  // The server's connections to this database, by the application_name its pools set
  // (lib/platform/db/context-pool.ts): requests as drempel_app; system mode (the inline queue
  // worker and pg-boss's scheduler) as drempel_worker, the only role the policies show
  // every tenant; none as the tables' owner.
  const connections = await asOwner(
    async (client) =>
      (
        await client.query<{ usename: string; application_name: string }>(
          `SELECT usename, application_name FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            AND application_name LIKE 'drempel%'`,
        )
      ).rows,
  );
  const appConnections = connections.filter((row) => row.application_name === "drempel").map((row) => row.usename);
  expect(appConnections.length).toBeGreaterThan(0);
  expect(new Set(appConnections)).toEqual(new Set(["drempel_app"]));
  // The inline queue worker's system pool and pg-boss's scheduler (lib/platform/jobs/scheduler.ts).
  const workerNames = ["drempel-worker", "drempel-scheduler"];
  const workerConnections = connections.filter((row) => workerNames.includes(row.application_name)).map((row) => row.usename);
  expect(new Set(workerConnections)).toEqual(new Set(workerConnections.length ? ["drempel_worker"] : []));
  expect(connections.map((row) => row.application_name).every((name) => name === "drempel" || workerNames.includes(name))).toBe(true);

  // The business exists once with its creator as owner, and drempel_app cannot see it
  // without a user's context: the role the app uses is bound by the policies.
  const business = await asOwner(
    async (client) =>
      (
        await client.query<{ id: string; owners: number }>(
          `SELECT b.id, count(m.*)::int AS owners FROM "Business" b JOIN "Membership" m ON m."businessId" = b.id AND m.role = 'OWNER' WHERE b.name = $1 GROUP BY b.id`,
          [name],
        )
      ).rows,
  );
  expect(business).toEqual([{ id: expect.any(String), owners: 1 }]);
  const appUrl = new URL(e2eDatabaseUrl);
  appUrl.username = "drempel_app";
  appUrl.password = "";
  const app = new pg.Client({ connectionString: appUrl.toString() });
  await app.connect();
  try {
    expect((await app.query(`SELECT count(*)::int AS n FROM "Business" WHERE id = $1`, [business[0]!.id])).rows[0].n).toBe(0);
  } finally {
    await app.end();
  }
});
