// The running app reads and writes under PostgreSQL row-level security: its connections
// belong to the role drempel_app, and the pages still show a signed-in user's own
// business (the request's session sets the context of every query).
import pg from "pg";
import { expect, test } from "@playwright/test";
import { createBusiness, register, uniqueEmail } from "./helpers";

const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/drempel_e2e";

async function ownerQuery<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

test("the app connects as drempel_app and a user's pages show that user's business", async ({ page }) => {
  await register(page, "RLS Eigenaar", uniqueEmail("rls"));
  const url = await createBusiness(page, "Rijbeveiliging BV");
  await page.goto(`${url.replace(/\/$/, "")}/invoices`);
  await expect(page.getByRole("heading", { name: "Nog geen facturen" })).toBeVisible();

  const sessions = await ownerQuery<{ usename: string }>(
    `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  expect(sessions.map((row) => row.usename)).toEqual(["drempel_app"]);
  // The business exists once, with its creator as owner, and the app role cannot see it
  // without a context of its own.
  const [business] = await ownerQuery<{ id: string; owners: number }>(
    `SELECT b.id, count(m.*)::int AS owners FROM "Business" b JOIN "Membership" m ON m."businessId" = b.id AND m.role = 'OWNER' WHERE b.name = $1 GROUP BY b.id`,
    ["Rijbeveiliging BV"],
  );
  expect(business?.owners).toBe(1);
  const appUrl = new URL(databaseUrl);
  appUrl.username = "drempel_app";
  appUrl.password = "";
  const app = new pg.Client({ connectionString: appUrl.toString() });
  await app.connect();
  try {
    expect((await app.query(`SELECT count(*)::int AS n FROM "Business" WHERE id = $1`, [business!.id])).rows[0].n).toBe(0);
  } finally {
    await app.end();
  }
});
