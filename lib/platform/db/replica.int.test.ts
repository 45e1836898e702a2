// Reads from a read replica (DATABASE_REPLICA_URL), against the real PostgreSQL: the
// "replica" is a second connection string to the same database (drempel_app, read-only
// transactions), told apart in pg_stat_activity by its application_name. The calendar
// feed's deadlines are read there and its secret lookup is not; the row-level-security
// context applies there as on the primary; nothing can write there; unset, nothing
// connects to it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/platform/db/client";
import { runAsUser } from "@/lib/platform/db/db-context";
import { REPLICA_APPLICATION_NAME } from "@/lib/platform/db/context-pool";
import { readFromReplica } from "@/lib/platform/db/replica";
import { env, resetEnvCache } from "@/lib/platform/env";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { listBusinesses } from "@/lib/features/businesses/list-businesses";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/features/calendar/manage-calendar-feed";
import { getCalendarFeed } from "@/lib/features/calendar/get-calendar-feed";
import { withAdmin } from "@/test/integration/database";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

const APP = "https://drempel.test";

type Connection = { usename: string };

/** The app's connections to the "replica" (this database, REPLICA_APPLICATION_NAME). */
async function replicaConnections(): Promise<Connection[]> {
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  return withAdmin(
    async (client) =>
      (
        await client.query<Connection>(`SELECT usename FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`, [
          database,
          REPLICA_APPLICATION_NAME,
        ])
      ).rows,
  );
}

async function useReplica(url: string | undefined): Promise<void> {
  await disconnectDb(); // closes the replica's pool too: its connections leave pg_stat_activity
  if (url) process.env.DATABASE_REPLICA_URL = url;
  else delete process.env.DATABASE_REPLICA_URL;
  resetEnvCache();
  // A closed connection leaves pg_stat_activity a moment after its pool ends.
  for (let i = 0; i < 50 && (await replicaConnections()).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

let owner: { id: string };
let outsider: { id: string };
let businessName: string;

beforeEach(async () => {
  owner = await createUser("replica-owner");
  outsider = await createUser("replica-outsider");
  businessName = `Replica ${owner.id.slice(0, 8)} BV`;
  const business = await createOwnedBusiness(owner.id, businessName);
  // Over the KOR threshold: the crossing gives the business deadlines, so the feed names it.
  const year = new Date().getUTCFullYear();
  await createInvoice({
    caller: { userId: owner.id },
    businessId: business.id,
    input: { number: "R-1", date: `${year}-01-10`, customer: { name: "Klant" }, category: "NL_STANDARD", netCents: 2_500_000 },
  });
});

afterEach(async () => {
  await useReplica(undefined);
});

describe("read replica", () => {
  it("unset: the feed is read from the primary and nothing connects to a replica", async () => {
    await useReplica(undefined);
    const { secret } = await createCalendarFeed({ caller: { userId: owner.id } });
    expect(await getCalendarFeed({ secret, appUrl: APP })).toContain(businessName);
    expect(await replicaConnections()).toEqual([]);
  });

  it("set: the feed's deadlines are read on the replica as drempel_app, its secret lookup on the primary", async () => {
    await useReplica(env().appDatabaseUrl);
    const { secret } = await createCalendarFeed({ caller: { userId: owner.id } });
    expect(await getCalendarFeed({ secret, appUrl: APP })).toContain(businessName);
    const used = await replicaConnections();
    expect(used.length).toBeGreaterThan(0);
    expect(used.every((connection) => connection.usename === "drempel_app")).toBe(true);

    // A revoked secret is refused by the primary's lookup before the replica is asked anything.
    await useReplica(env().appDatabaseUrl);
    await revokeCalendarFeed({ caller: { userId: owner.id } });
    expect(await getCalendarFeed({ secret, appUrl: APP })).toBeNull();
    expect(await replicaConnections()).toEqual([]);
  });

  it("applies the user's row-level-security context on the replica, and refuses writes there", async () => {
    await useReplica(env().appDatabaseUrl);
    const mine = await readFromReplica(() => runAsUser(owner.id, () => listBusinesses({ caller: { userId: owner.id } })));
    expect(mine.map((business) => business.name)).toEqual([businessName]);
    expect(await readFromReplica(() => runAsUser(outsider.id, () => listBusinesses({ caller: { userId: outsider.id } })))).toEqual([]);
    expect((await replicaConnections()).length).toBeGreaterThan(0);
    const id = mine[0]!.id;
    await expect(
      readFromReplica(() => runAsUser(owner.id, () => db().business.update({ where: { id }, data: { name: "Via de replica" } }))),
    ).rejects.toThrow(/read-only/);
    expect((await db().business.findUniqueOrThrow({ where: { id } })).name).toBe(businessName);
  });
});
