// The one way to read the books (read-books.ts, load-engine-input.ts) against the real
// database, paired: an outsider gets NOT_FOUND and none of the data; a member gets the
// engine input exactly as stored (facts, KOR periods, EU-KOR, every invoice of every year
// but the deleted, in the engine's order), evaluated, kept while the books are unchanged
// and read afresh after any change; many businesses in one statement, only those the
// caller is a member of.
import { beforeEach, describe, expect, it } from "vitest";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { updateBusiness } from "@/lib/features/businesses/update-business";
import { db } from "@/lib/platform/db/client";
import { runAsSystem } from "@/lib/platform/db/db-context";
import { setMemberStateThreshold } from "@/lib/features/eu-kor/set-member-state-threshold";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { deleteInvoice } from "@/lib/features/invoices/delete-invoice";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { loadBooks, loadEngineInput } from "./load-engine-input";
import { derived, readBooks, readBooksInTransaction, readManyBooks } from "./read-books";

let owner: { id: string };
let outsider: { id: string };
let business: BusinessDto;
const invoice = (number: string, date: string, netCents: number, extra: Record<string, unknown> = {}) => ({
  number,
  date,
  customer: { name: `Klant ${number}` },
  category: "NL_STANDARD",
  netCents,
  ...extra,
});

beforeEach(async () => {
  owner = await createUser("owner");
  outsider = await createUser("outsider");
  business = await createOwnedBusiness(owner.id, "Boeken BV");
});

describe("readBooks", () => {
  it("refuses an outsider, an unknown or malformed id with NOT_FOUND, and a year out of range with the field", async () => {
    await expect(readBooks({ caller: { userId: outsider.id }, businessId: business.id, year: 2025 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      readBooks({ caller: { userId: owner.id }, businessId: "00000000-0000-4000-8000-000000000000", year: 2025 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readBooks({ caller: { userId: owner.id }, businessId: "not-a-uuid", year: 2025 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(readBooks({ caller: { userId: owner.id }, businessId: business.id, year: 1999 })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { year: "validation.year" },
    });
    await expect(readBooks({ caller: { userId: owner.id, businessIds: [] }, businessId: business.id, year: 2025 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("gives a member the engine input as stored and its evaluation, on 31 December for a past year", async () => {
    const caller = { userId: owner.id };
    const eu = await createBusiness({
      caller,
      input: {
        name: "EU BV",
        filingPeriod: "month",
        startedOn: "2023-03-01",
        korParticipations: [{ from: "2025-01-01" }, { from: "2023-03-01", to: "2023-12-31" }],
        euKor: { exNumber: "NL123456789EX01", from: "2025-01-01", memberStates: ["DE", "BE"] },
      },
    });
    const second = await createInvoice({ caller, businessId: eu.id, input: invoice("2025-002", "2025-02-01", 50_000, { sequence: 2 }) });
    const first = await createInvoice({ caller, businessId: eu.id, input: invoice("2025-001", "2025-02-01", 70_000) });
    const gone = await createInvoice({ caller, businessId: eu.id, input: invoice("2024-001", "2024-05-01", 10_000) });
    await deleteInvoice({ caller, businessId: eu.id, invoiceId: gone.id });
    const earlier = await createInvoice({ caller, businessId: eu.id, input: invoice("2024-002", "2024-06-01", 30_000) });

    const books = await readBooks({ caller, businessId: eu.id, year: 2025 });
    expect(books).toMatchObject({ businessId: eu.id, year: 2025, asOf: "2025-12-31" });
    expect(books.input).toEqual({
      asOf: "2025-12-31",
      business: {
        establishedIn: "NL",
        fixedEstablishmentOnly: false,
        startedOn: "2023-03-01",
        filingPeriod: "month",
        korParticipations: [{ from: "2023-03-01", to: "2023-12-31" }, { from: "2025-01-01" }],
        euKor: { exNumber: "NL123456789EX01", from: "2025-01-01", memberStates: ["DE", "BE"] },
      },
      // Date first, then the order of entry; the deleted invoice is left out.
      transactions: [
        { id: earlier.id, date: "2024-06-01", netCents: 30_000, vatCents: 0, category: "NL_STANDARD" },
        { id: second.id, date: "2025-02-01", netCents: 50_000, vatCents: 0, category: "NL_STANDARD", sequence: 2 },
        { id: first.id, date: "2025-02-01", netCents: 70_000, vatCents: 0, category: "NL_STANDARD" },
      ],
      // The member-state thresholds as stored per year (MemberStateThreshold, seeded for 2025 and 2026).
      rules: {
        memberStateThresholdsByYear: expect.objectContaining({
          "2025": expect.objectContaining({ DE: expect.anything() }),
          "2026": expect.anything(),
        }),
      },
    });
    expect(books.output.years["2025"]?.korTurnoverCents).toBe(120_000);
    expect(books.output.years["2024"]?.korTurnoverCents).toBe(30_000);
    expect(books.output.explanations, "evaluated with explanations").toBeDefined();
    expect(books.booksVersion).toBe((await db().business.findUniqueOrThrow({ where: { id: eu.id } })).booksVersion);
  });

  it("keeps the evaluation while the books are unchanged, and reads them afresh after a change", async () => {
    const caller = { userId: owner.id };
    await createInvoice({ caller, businessId: business.id, input: invoice("2025-001", "2025-02-01", 100_000) });
    const [a, b] = await Promise.all([
      readBooks({ caller, businessId: business.id, year: 2025 }),
      readBooks({ caller, businessId: business.id, year: 2025 }),
    ]);
    expect(b, "two readers at once share one evaluation").toBe(a);
    expect(await readBooks({ caller, businessId: business.id, year: 2025 }), "unchanged books").toBe(a);
    let shaped = 0;
    const shape = () => ++shaped;
    expect(derived(a, "count", shape)).toBe(1);
    expect(derived(a, "count", shape), "shaped once per books").toBe(1);

    await createInvoice({ caller, businessId: business.id, input: invoice("2025-002", "2025-03-01", 50_000) });
    const after = await readBooks({ caller, businessId: business.id, year: 2025 });
    expect(after).not.toBe(a);
    expect(after.output.years["2025"]?.korTurnoverCents).toBe(150_000);
    expect(derived(after, "count", shape), "new books, shaped again").toBe(2);

    await updateBusiness({ caller, businessId: business.id, input: { name: "Boeken BV", korParticipations: [] } });
    const facts = await readBooks({ caller, businessId: business.id, year: 2025 });
    expect(facts).not.toBe(after);
    expect(facts.input.business.korParticipations).toEqual([]);
  });
});

describe("readBooks after an operator's change of a member-state threshold", () => {
  // A year no other test uses: the thresholds are reference data shared by every test.
  const YEAR = 2097;
  const drop = () => runAsSystem(() => db().memberStateThreshold.deleteMany({ where: { year: YEAR } }));

  it("reads the books afresh, although the books themselves did not change", async () => {
    const caller = { userId: owner.id };
    await drop();
    try {
      const before = await readBooks({ caller, businessId: business.id, year: 2025 });
      expect(before.input.rules?.memberStateThresholdsByYear?.[String(YEAR)]).toBeUndefined();
      await runAsSystem(() => setMemberStateThreshold({ year: String(YEAR), state: "DE", thresholdEur: "30000", by: "Operator Olga" }));
      const after = await readBooks({ caller, businessId: business.id, year: 2025 });
      expect(after.booksVersion, "the books are unchanged").toBe(before.booksVersion);
      expect(after).not.toBe(before);
      expect(after.input.rules?.memberStateThresholdsByYear?.[String(YEAR)]?.DE).toMatchObject({ thresholdCents: 3_000_000 });
      expect(await readBooks({ caller, businessId: business.id, year: 2025 }), "kept again until the next change").toBe(after);

      await runAsSystem(() => setMemberStateThreshold({ year: String(YEAR), state: "DE", thresholdEur: "31000", by: "Operator Olga" }));
      const changed = await readBooks({ caller, businessId: business.id, year: 2025 });
      expect(changed.input.rules?.memberStateThresholdsByYear?.[String(YEAR)]?.DE).toMatchObject({ thresholdCents: 3_100_000 });
    } finally {
      await drop();
    }
  });
});

describe("loadBooks and readManyBooks", () => {
  it("loads many businesses in one statement, as loadEngineInput does one, and none that does not exist", async () => {
    const caller = { userId: owner.id };
    const other = await createOwnedBusiness(owner.id, "Tweede BV");
    await createInvoice({ caller, businessId: business.id, input: invoice("2025-001", "2025-02-01", 100_000) });
    await createInvoice({ caller, businessId: other.id, input: invoice("2025-001", "2025-04-01", 200_000) });
    const missing = "00000000-0000-4000-8000-000000000000";
    const loaded = await loadBooks({ businessIds: [business.id, other.id, missing], asOf: "2025-12-31" });
    expect([...loaded.keys()].sort()).toEqual([business.id, other.id].sort());
    expect(loaded.get(business.id)!.input).toEqual(await loadEngineInput({ businessId: business.id, asOf: "2025-12-31" }));
    expect(loaded.get(other.id)!.input.transactions.map((t) => t.netCents)).toEqual([200_000]);
    await expect(loadEngineInput({ businessId: missing, asOf: "2025-12-31" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reads only the businesses the caller is a member of and their credential reaches", async () => {
    const other = await createOwnedBusiness(owner.id, "Tweede BV");
    const strangers = await createOwnedBusiness(outsider.id, "Vreemd BV");
    const asOf = "2025-12-31";
    const mine = await readManyBooks({ caller: { userId: owner.id }, businessIds: [business.id, other.id, strangers.id], asOf });
    expect([...mine.keys()].sort()).toEqual([business.id, other.id].sort());
    expect(mine.get(business.id)!.output.asOf).toBe(asOf);
    const limited = await readManyBooks({
      caller: { userId: owner.id, businessIds: [other.id] },
      businessIds: [business.id, other.id],
      asOf,
    });
    expect([...limited.keys()]).toEqual([other.id]);
    expect((await readManyBooks({ caller: { userId: outsider.id }, businessIds: [business.id], asOf })).size).toBe(0);
  });

  it("reads the books in a transaction, with the version of the same snapshot; null for a business that does not exist", async () => {
    await createInvoice({ caller: { userId: owner.id }, businessId: business.id, input: invoice("2025-001", "2025-02-01", 100_000) });
    const books = await db().$transaction((tx) => readBooksInTransaction({ tx, businessId: business.id, asOf: "2025-12-31" }));
    expect(books?.output.years["2025"]?.korTurnoverCents).toBe(100_000);
    expect(books?.booksVersion).toBe((await db().business.findUniqueOrThrow({ where: { id: business.id } })).booksVersion);
    expect(
      await db().$transaction((tx) =>
        readBooksInTransaction({ tx, businessId: "00000000-0000-4000-8000-000000000000", asOf: "2025-12-31" }),
      ),
    ).toBeNull();
  });
});
