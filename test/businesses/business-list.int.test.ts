// The business list (issue #16): per business this year's counted turnover, the share of
// the €20,000 limit by the dashboard's rounding rule, the status and the next deadline —
// for owners, members and accountants alike — read in a number of statements that does
// not grow with the number of businesses.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listBusinessRows } from "@/lib/features/businesses/list-business-rows";
import { getDashboard } from "@/lib/features/dashboard/get-dashboard";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { db } from "@/lib/platform/db/client";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { rulesFor } from "@/lib/kor";
import { validInvoice } from "@/test/api/helpers";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

let counting = false;
let statements = 0;
const originalQuery = pg.Client.prototype.query;
beforeAll(() => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (counting) statements += 1;
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
});
afterAll(() => {
  pg.Client.prototype.query = originalQuery;
});
async function counted<T>(run: () => Promise<T>): Promise<{ result: T; queries: number }> {
  statements = 0;
  counting = true;
  try {
    return { result: await run(), queries: statements };
  } finally {
    counting = false;
  }
}

const today = amsterdamToday();
const year = Number(today.slice(0, 4));

describe("listBusinessRows", () => {
  it("gives each business its turnover, share of the limit (as the dashboard), status and next deadline", async () => {
    const owner = await createUser("lijst");
    const caller = { userId: owner.id };
    const safe = await createOwnedBusiness(owner.id, "A Veilig");
    await createInvoice({ caller, businessId: safe.id, input: validInvoice({ date: `${year}-01-05`, netCents: 1_234_567, vatCents: 0 }) });
    const crossed = await createOwnedBusiness(owner.id, "B Over");
    await createInvoice({
      caller,
      businessId: crossed.id,
      input: validInvoice({ date: `${year}-01-05`, netCents: 2_050_000, vatCents: 0 }),
    });
    const _outside = await createBusiness({ caller, input: { name: "C Zonder KOR" } });
    const accountant = await createUser("kantoor");
    await db().membership.create({ data: { businessId: safe.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_ONLY" } });

    const rows = await listBusinessRows({ caller });
    expect(rows.map((r) => [r.name, r.role, r.status])).toEqual([
      ["A Veilig", "OWNER", "inKor"],
      ["B Over", "OWNER", "crossed"],
      ["C Zonder KOR", "OWNER", "notInKor"],
    ]);
    const dashboard = await getDashboard({ caller, businessId: safe.id, year });
    expect(rows[0]).toMatchObject({
      countedCents: 1_234_567,
      limitCents: rulesFor(year).korLimitCents,
      percent: dashboard.progress.percent,
      year,
    });
    expect(rows[1]).toMatchObject({ countedCents: 2_050_000, percent: 102.5 });
    // The first VAT return after the crossing (period of 5 January: Q1) is the next deadline while it is ahead.
    const crossedDashboard = await getDashboard({ caller, businessId: crossed.id, year });
    const upcoming =
      crossedDashboard.deadlines
        .filter((d) => !d.choice && d.date >= today)
        .map((d) => d.date)
        .sort()[0] ?? null;
    expect(rows[1]!.nextDeadline?.date ?? null).toBe(upcoming);
    expect(rows[2]).toMatchObject({ countedCents: 0, percent: 0, status: "notInKor" });

    // An accountant sees the client in their own list too, with the same figures.
    expect((await listBusinessRows({ caller: { userId: accountant.id } })).map((r) => [r.name, r.role, r.countedCents])).toEqual([
      ["A Veilig", "ACCOUNTANT", 1_234_567],
    ]);
    // A token limited to one business lists only that one.
    expect((await listBusinessRows({ caller: { userId: owner.id, businessIds: [crossed.id] } })).map((r) => r.name)).toEqual(["B Over"]);
    // Someone else's list is empty.
    expect(await listBusinessRows({ caller: { userId: (await createUser("vreemd")).id } })).toEqual([]);
  });

  it("reads every business in a number of statements that does not grow with their number", async () => {
    const measure = async (count: number) => {
      const owner = await createUser(`veel${count}`);
      for (let i = 0; i < count; i++) {
        const business = await createOwnedBusiness(owner.id, `Zaak ${count}-${i}`);
        await createInvoice({
          caller: { userId: owner.id },
          businessId: business.id,
          input: validInvoice({ date: `${year}-01-0${1 + (i % 9)}`, netCents: 100_000, vatCents: 0 }),
        });
      }
      const stale = await counted(() => listBusinessRows({ caller: { userId: owner.id } }));
      expect(stale.result).toHaveLength(count);
      const fresh = await counted(() => listBusinessRows({ caller: { userId: owner.id } }));
      return { stale: stale.queries, fresh: fresh.queries };
    };
    const two = await measure(2);
    const eight = await measure(8);
    console.log(`[business list] statements: 2 businesses ${JSON.stringify(two)}, 8 businesses ${JSON.stringify(eight)}`);
    expect(eight.stale).toBe(two.stale);
    expect(eight.fresh).toBe(two.fresh);
    expect(eight.fresh).toBeLessThanOrEqual(3);
  });
});
