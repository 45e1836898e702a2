// Properties the rules promise for any book of transactions (fast-check).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { nlBusiness } from "./test-helpers";
import { CATEGORY_CODES, type Category, type EngineInput, type EngineOutput, type Transaction } from "./types";

const COUNTING: Category[] = [
  "NL_STANDARD",
  "NL_REDUCED",
  "NL_ZERO",
  "NL_REVERSE_CHARGE",
  "EXPORT_NON_EU",
  "EU_B2B_GOODS",
  "EU_B2C_NL_VAT",
  "EXEMPT_REAL_ESTATE",
];
const NOT_FOR_KOR: Category[] = [
  "EU_B2C_FOREIGN_VAT",
  "EU_B2B_SERVICES",
  "EU_LOCAL",
  "NON_EU_SERVICES",
  "EXEMPT_OTHER",
  "PRIVATE_USE",
  "ASSET_SALE",
];

const dateArb = fc
  .record({ year: fc.constantFrom(2025, 2026), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);

const rowArb = fc.record({
  date: dateArb,
  netCents: fc.oneof(fc.integer({ min: 1, max: 1_500_000 }), fc.integer({ min: -200_000, max: -1 })),
  category: fc.constantFrom(...CATEGORY_CODES),
  country: fc.constantFrom("DE", "BE", "FR"),
  vat: fc.boolean(),
});

const bookArb = fc.record({
  rows: fc.array(rowArb, { minLength: 1, maxLength: 40 }),
  participating: fc.boolean(),
  euKor: fc.boolean(),
});

type Book = typeof bookArb extends fc.Arbitrary<infer T> ? T : never;

function toInput(book: Book): EngineInput {
  const transactions: Transaction[] = book.rows.map((r, i) => ({
    id: `t${i}`,
    date: r.date,
    netCents: r.netCents,
    category: r.category,
    country: r.country,
    vatCents: r.vat && r.netCents > 0 ? Math.round(r.netCents * 0.21) : 0,
  }));
  const business = nlBusiness({
    ...(book.participating ? { korParticipations: [{ from: "2024-01-01" }] } : {}),
    ...(book.euKor ? { euKor: { memberStates: ["DE", "BE"] } } : {}),
  });
  return { asOf: "2026-12-31", business, transactions };
}

function korTotals(out: EngineOutput): Record<string, number> {
  return Object.fromEntries(Object.entries(out.years).map(([y, t]) => [y, t.korTurnoverCents]));
}

function crossingDays(out: EngineOutput): { kor: string[]; union: string[] } {
  return { kor: out.kor.crossings.map((c) => c.date), union: out.euKor.crossings.map((c) => c.date) };
}

describe("properties", () => {
  it("input order across days changes nothing (same-day order kept)", () => {
    fc.assert(
      fc.property(bookArb, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (book, randoms) => {
        const original = toInput(book);
        // Shuffle, then put each day's transactions back in their original relative order.
        const shuffled = [...original.transactions]
          .map((t) => ({ t, key: randoms.next().value as number }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.t);
        const byDay = new Map<string, Transaction[]>();
        for (const t of original.transactions) byDay.set(t.date, [...(byDay.get(t.date) ?? []), t]);
        const cursor = new Map<string, number>();
        const reordered = shuffled.map((t) => {
          const i = cursor.get(t.date) ?? 0;
          cursor.set(t.date, i + 1);
          return byDay.get(t.date)![i]!;
        });
        const a = evaluate(original);
        const b = evaluate({ ...original, transactions: reordered });
        expect(b.years).toEqual(a.years);
        expect(b.kor).toEqual(a.kor);
        expect(b.euKor).toEqual(a.euKor);
        expect(b.alerts).toEqual(a.alerts);
      }),
      { numRuns: 200 },
    );
  });

  it("with every transaction sequenced, no input order changes anything", () => {
    fc.assert(
      fc.property(bookArb, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (book, randoms) => {
        const base = toInput(book);
        const sequenced = { ...base, transactions: base.transactions.map((t, i) => ({ ...t, sequence: ((i * 7919) % 101) + i / 1000 })) };
        const shuffled = [...sequenced.transactions]
          .map((t) => ({ t, key: randoms.next().value as number }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.t);
        const a = evaluate(sequenced);
        const b = evaluate({ ...sequenced, transactions: shuffled });
        expect(b.kor).toEqual(a.kor);
        expect(b.euKor).toEqual(a.euKor);
        expect(b.alerts).toEqual(a.alerts);
      }),
      { numRuns: 200 },
    );
  });

  it("totals do not depend on input order at all", () => {
    fc.assert(
      fc.property(bookArb, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (book, randoms) => {
        const original = toInput(book);
        const shuffled = [...original.transactions]
          .map((t) => ({ t, key: randoms.next().value as number }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.t);
        expect(evaluate({ ...original, transactions: shuffled }).years).toEqual(evaluate(original).years);
      }),
      { numRuns: 200 },
    );
  });

  it("splitting an invoice into two on the same day never moves a crossing to another day", () => {
    fc.assert(
      fc.property(bookArb, fc.nat(), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (book, pick, share) => {
        const original = toInput(book);
        const candidates = original.transactions.filter((t) => t.netCents >= 2);
        fc.pre(candidates.length > 0);
        const target = candidates[pick % candidates.length]!;
        const first = Math.min(target.netCents - 1, Math.max(1, Math.round(target.netCents * share)));
        const parts = [
          { ...target, netCents: first },
          { ...target, id: `${target.id}-b`, netCents: target.netCents - first, vatCents: 0 },
        ];
        const split = original.transactions.flatMap((t) => (t === target ? [parts[0]!] : [t]));
        split.push(parts[1]!); // the second half anywhere in the input: still the same day
        const before = crossingDays(evaluate(original));
        const after = crossingDays(evaluate({ ...original, transactions: split }));
        expect(after).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it("adding a transaction that does not count changes no KOR total and no KOR crossing", () => {
    fc.assert(
      fc.property(
        bookArb,
        dateArb,
        fc.integer({ min: -500_000, max: 5_000_000 }),
        fc.constantFrom(...NOT_FOR_KOR, "ancillary" as const),
        (book, date, cents, kind) => {
          const original = toInput(book);
          const extra: Transaction =
            kind === "ancillary"
              ? { id: "extra", date, netCents: cents, category: "EXEMPT_FINANCIAL", ancillary: true }
              : { id: "extra", date, netCents: cents, category: kind, country: "DE" };
          const a = evaluate(original);
          const b = evaluate({ ...original, transactions: [...original.transactions, extra] });
          const before = korTotals(a);
          const after = korTotals(b);
          for (const [year, total] of Object.entries(after)) expect(total).toBe(before[year] ?? 0);
          expect(b.kor.crossings).toEqual(a.kor.crossings);
          expect(b.kor.eligibility).toEqual(a.kor.eligibility);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a credit note never creates a crossing", () => {
    fc.assert(
      fc.property(
        bookArb,
        dateArb,
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.constantFrom(...COUNTING, "EU_LOCAL" as const),
        (book, date, cents, category) => {
          const original = toInput(book);
          const credit: Transaction = { id: "credit", date, netCents: -cents, category, country: "DE" };
          const a = evaluate(original);
          const b = evaluate({ ...original, transactions: [...original.transactions, credit] });
          const yearsBefore = { kor: new Set(a.kor.crossings.map((c) => c.year)), union: new Set(a.euKor.crossings.map((c) => c.year)) };
          for (const c of b.kor.crossings) expect(yearsBefore.kor.has(c.year)).toBe(true);
          for (const c of b.euKor.crossings) expect(yearsBefore.union.has(c.year)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("absorbing the VAT never costs more than re-invoicing it", () => {
    fc.assert(
      fc.property(bookArb, (book) => {
        const r = evaluate({ ...toInput(book), business: nlBusiness({ korParticipations: [{ from: "2024-01-01" }] }) }).kor.remediation;
        if (r === null) return;
        expect(r.absorbedVatCents).toBeLessThanOrEqual(r.reinvoiceVatCents);
        for (const line of r.lines) expect(line.netCents).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });
});
