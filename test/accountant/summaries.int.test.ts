// The overview's persisted rows (BusinessYearSummary): the queue's evaluation writes them
// from the current books; a change of the books makes a row stale (booksVersion moves),
// and the overview then evaluates that client again, with the new numbers, and stores it.
// The overview's SQL statements are counted at the driver: their number must not grow
// with the number of clients, fresh or stale.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAccountantOverview } from "@/lib/features/accountant/get-accountant-overview";
import { upsertYearSummaries } from "@/lib/features/accountant/year-summary";
import { evaluateBusinessAlerts } from "@/lib/features/alerts/evaluate-business-alerts";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { db } from "@/lib/platform/db/client";
import { runAsSystem } from "@/lib/platform/db/db-context";
import { setMemberStateThreshold } from "@/lib/features/eu-kor/set-member-state-threshold";
import { THRESHOLDS_VERSION } from "@/lib/features/eu-kor/thresholds-version";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { deleteInvoice } from "@/lib/features/invoices/delete-invoice";
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

const now = new Date();
const today = amsterdamToday(now);
const year = Number(today.slice(0, 4));
type User = Awaited<ReturnType<typeof createUser>>;

async function runEvaluation(businessId: string) {
  await db().$transaction((tx) => evaluateBusinessAlerts({ tx, businessId, now, appUrl: "http://drempel.test" }), { timeout: 60_000 });
}

async function clientsOf(accountant: User, owner: User, count: number, euros = 1_000) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const business = await createOwnedBusiness(owner.id, `Klant ${accountant.name} ${i}`);
    await createInvoice({
      caller: { userId: owner.id },
      businessId: business.id,
      input: validInvoice({ date: `${year}-01-0${1 + (i % 9)}`, netCents: euros * 100, vatCents: 0 }),
    });
    await db().membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_ONLY" } });
    ids.push(business.id);
  }
  return ids;
}

describe("persisted overview rows", () => {
  it("are written by the queue's evaluation, used while the books are unchanged, and recomputed after a change", async () => {
    const owner = await createUser("owner");
    const accountant = await createUser("accountant");
    const [businessId] = await clientsOf(accountant, owner, 1, 12_000);
    await runEvaluation(businessId!);
    const { booksVersion } = await db().business.findUniqueOrThrow({ where: { id: businessId! } });
    const summary = await db().businessYearSummary.findUniqueOrThrow({ where: { businessId_year: { businessId: businessId!, year } } });
    const [{ thresholdsVersion }] = await db().$queryRawUnsafe<[{ thresholdsVersion: string }]>(
      `SELECT ${THRESHOLDS_VERSION} AS "thresholdsVersion"`,
    );
    expect(summary).toMatchObject({ booksVersion, thresholdsVersion, year });
    expect(summary.asOf.toISOString().slice(0, 10)).toBe(today);
    expect(summary.data).toMatchObject({ countedCents: 1_200_000, percent: 60, status: "safe", lastInvoiceDate: `${year}-01-01` });

    // Fresh: one statement, the numbers from the summary.
    const fresh = await counted(() => getAccountantOverview({ caller: { userId: accountant.id }, today }));
    expect(fresh.queries).toBe(1);
    expect(fresh.result.rows[0]).toMatchObject({ businessId, countedCents: 1_200_000, access: "READ_ONLY" });

    // A new invoice raises the books version: the summary is stale and evaluated again.
    const added = await createInvoice({
      caller: { userId: owner.id },
      businessId: businessId!,
      input: validInvoice({ date: `${year}-01-05`, netCents: 5_000_00, vatCents: 0 }),
    });
    const after = await db().business.findUniqueOrThrow({ where: { id: businessId! } });
    expect(after.booksVersion).toBeGreaterThan(booksVersion);
    const recomputed = await counted(() => getAccountantOverview({ caller: { userId: accountant.id }, today }));
    expect(recomputed.queries).toBeGreaterThan(1);
    expect(recomputed.result.rows[0]).toMatchObject({
      countedCents: 1_700_000,
      percent: 85,
      status: "approaching",
      lastInvoiceDate: `${year}-01-05`,
    });
    const stored = await db().businessYearSummary.findUniqueOrThrow({ where: { businessId_year: { businessId: businessId!, year } } });
    expect(stored.booksVersion).toBe(after.booksVersion);
    expect(stored.data).toMatchObject({ countedCents: 1_700_000 });
    expect((await counted(() => getAccountantOverview({ caller: { userId: accountant.id }, today }))).queries).toBe(1);

    // Deleting it goes back; the queue's evaluation then agrees with the overview.
    await deleteInvoice({ caller: { userId: owner.id }, businessId: businessId!, invoiceId: added.id });
    expect((await getAccountantOverview({ caller: { userId: accountant.id }, today })).rows[0]).toMatchObject({
      countedCents: 1_200_000,
      status: "safe",
    });
    await runEvaluation(businessId!);
    expect(
      (await db().businessYearSummary.findUniqueOrThrow({ where: { businessId_year: { businessId: businessId!, year } } })).data,
    ).toMatchObject({ countedCents: 1_200_000 });
  });

  it("an operator's change of a member-state threshold makes the summaries stale: the overview shows the figures under the new threshold", async () => {
    // A year no other test uses: the thresholds are reference data shared by every test.
    const future = 2095;
    const futureToday = `${future}-06-30`;
    const drop = () => runAsSystem(() => db().memberStateThreshold.deleteMany({ where: { year: future } }));
    const setMalta = (thresholdEur: string) =>
      runAsSystem(() => setMemberStateThreshold({ year: String(future), state: "MT", thresholdEur, by: "Operator Olga" }));
    await drop();
    try {
      const owner = await createUser("owner");
      const accountant = await createUser("accountant");
      const business = await createBusiness({
        caller: { userId: owner.id },
        input: { name: "Markt Malta", euKor: { exNumber: "NL123456789EX01", from: `${future}-01-01`, memberStates: ["MT"] } },
      });
      await createInvoice({
        caller: { userId: owner.id },
        businessId: business.id,
        input: validInvoice({
          date: `${future}-03-02`,
          category: "EU_LOCAL",
          customer: { name: "Klant MT", country: "MT", type: "consumer" },
          netCents: 20_000_00,
          vatCents: 0,
        }),
      });
      await db().membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_ONLY" } });
      await setMalta("30000");
      const under = (await getAccountantOverview({ caller: { userId: accountant.id }, today: futureToday })).rows[0]!;
      expect(under).toMatchObject({ businessId: business.id, union: { cents: 20_000_00 } });
      expect((await counted(() => getAccountantOverview({ caller: { userId: accountant.id }, today: futureToday }))).queries).toBe(1);

      // Malta's threshold lowered below the €20,000 sold there: the crossing is one more open alert.
      await setMalta("15000");
      const { booksVersion } = await db().business.findUniqueOrThrow({ where: { id: business.id } });
      const over = (await getAccountantOverview({ caller: { userId: accountant.id }, today: futureToday })).rows[0]!;
      expect(over.openAlerts).toBe(under.openAlerts + 1);
      const stored = await db().businessYearSummary.findUniqueOrThrow({
        where: { businessId_year: { businessId: business.id, year: future } },
      });
      expect(stored.booksVersion, "the books themselves did not change").toBe(booksVersion);
      expect(stored.data).toMatchObject({ openAlerts: under.openAlerts + 1 });
      expect((await counted(() => getAccountantOverview({ caller: { userId: accountant.id }, today: futureToday }))).queries).toBe(1);
    } finally {
      await drop();
    }
  });

  it("a summary from older books never replaces a newer one", async () => {
    const owner = await createUser("owner");
    const accountant = await createUser("accountant");
    const [businessId] = await clientsOf(accountant, owner, 1);
    await runEvaluation(businessId!);
    const current = await db().businessYearSummary.findUniqueOrThrow({ where: { businessId_year: { businessId: businessId!, year } } });
    const data = { ...(current.data as object), countedCents: 999 } as never;
    await upsertYearSummaries(db(), [
      {
        businessId: businessId!,
        year,
        asOf: today,
        booksVersion: current.booksVersion - 1,
        thresholdsVersion: current.thresholdsVersion,
        data,
      },
    ]);
    expect(
      (await db().businessYearSummary.findUniqueOrThrow({ where: { businessId_year: { businessId: businessId!, year } } })).data,
    ).toMatchObject({ countedCents: 100_000 });
    await upsertYearSummaries(db(), [
      {
        businessId: businessId!,
        year,
        asOf: today,
        booksVersion: current.booksVersion,
        thresholdsVersion: current.thresholdsVersion,
        data,
      },
    ]);
    expect(
      (await db().businessYearSummary.findUniqueOrThrow({ where: { businessId_year: { businessId: businessId!, year } } })).data,
    ).toMatchObject({ countedCents: 999 });
  });

  it("a summary of another day is stale: the overview evaluates it as today", async () => {
    const owner = await createUser("owner");
    const accountant = await createUser("accountant");
    const [businessId] = await clientsOf(accountant, owner, 1, 3_000);
    await runEvaluation(businessId!);
    await db().businessYearSummary.update({
      where: { businessId_year: { businessId: businessId!, year } },
      data: { asOf: new Date(`${year}-01-01T00:00:00Z`), data: { countedCents: 1 } },
    });
    const { rows } = await getAccountantOverview({ caller: { userId: accountant.id }, today });
    expect(rows[0]).toMatchObject({ countedCents: 300_000 });
    const stored = await db().businessYearSummary.findUniqueOrThrow({ where: { businessId_year: { businessId: businessId!, year } } });
    expect(stored.asOf.toISOString().slice(0, 10)).toBe(today);
  });

  it("the overview's query count does not grow with the number of clients, fresh or stale", async () => {
    const owner = await createUser("owner");
    const few = await createUser("few");
    const many = await createUser("many");
    const fewIds = await clientsOf(few, owner, 2);
    const manyIds = await clientsOf(many, owner, 12);
    const staleFew = await counted(() => getAccountantOverview({ caller: { userId: few.id }, today }));
    const staleMany = await counted(() => getAccountantOverview({ caller: { userId: many.id }, today }));
    expect(staleFew.result.summary.clients).toBe(2);
    expect(staleMany.result.summary.clients).toBe(12);
    expect(staleMany.queries).toBe(staleFew.queries);
    const freshFew = await counted(() => getAccountantOverview({ caller: { userId: few.id }, today }));
    const freshMany = await counted(() => getAccountantOverview({ caller: { userId: many.id }, today }));
    expect(freshFew.queries).toBe(1);
    expect(freshMany.queries).toBe(1);
    expect(freshMany.result.rows.map((r) => r.countedCents)).toEqual(Array(12).fill(100_000));
    // Changing one client of twelve: that one is evaluated again, in as many statements as for all.
    await createInvoice({
      caller: { userId: owner.id },
      businessId: manyIds[3]!,
      input: validInvoice({ date: `${year}-01-02`, netCents: 50_00, vatCents: 0 }),
    });
    const oneStale = await counted(() =>
      getAccountantOverview({ caller: { userId: many.id }, today, query: { sort: "counted", dir: "desc" } }),
    );
    expect(oneStale.queries).toBe(staleMany.queries);
    expect(oneStale.result.rows[0]).toMatchObject({ businessId: manyIds[3], countedCents: 105_000 });
    expect(fewIds).toHaveLength(2);
  });
});
