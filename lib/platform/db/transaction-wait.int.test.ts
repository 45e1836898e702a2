// A request's transaction waits for a pooled connection instead of failing: with the pool's
// ten connections busy for longer than Prisma's default 2 s start wait, an eleventh
// transaction still runs once one is free (it failed with P2028 before, as concurrent
// invoice saves did on a loaded machine).
import crypto from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db, TRANSACTION_MAX_WAIT_MS } from "@/lib/platform/db/client";
import { APPLICATION_NAME } from "@/lib/platform/db/context-pool";
import { runAsUser } from "@/lib/platform/db/db-context";

const POOL_SIZE = 10;
const HOLD_SECONDS = 3;

/** How many of the app pool's connections run the marked sleep now (seen as the superuser, who sees every role's queries). */
async function sleeping(marker: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND state = 'active' AND query LIKE $2",
      [APPLICATION_NAME, `%${marker}%`],
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

describe("a transaction's wait for a pooled connection", () => {
  it("outlasts the pool being busy for longer than 2 s", async () => {
    expect(TRANSACTION_MAX_WAIT_MS).toBeGreaterThan(HOLD_SECONDS * 1000);
    const userId = crypto.randomUUID();
    const marker = `hold-${crypto.randomUUID()}`;
    const holders = Array.from({ length: POOL_SIZE }, () =>
      runAsUser(userId, () =>
        db().$transaction(
          async (tx) => {
            await tx.$queryRawUnsafe(`SELECT pg_sleep(${HOLD_SECONDS})::text AS slept, '${marker}' AS marker`);
          },
          { timeout: 60_000 },
        ),
      ),
    );
    // Waited for, not slept for: all ten connections are sleeping before the eleventh asks.
    while ((await sleeping(marker)) < POOL_SIZE) await new Promise((resolve) => setTimeout(resolve, 20));
    const late = runAsUser(userId, () => db().$transaction(async (tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1::int AS one`));
    await expect(late).resolves.toEqual([{ one: 1 }]);
    await Promise.all(holders);
  }, 60_000);
});
