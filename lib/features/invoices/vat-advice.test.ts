// The ids the advice names and its DTOs, read once per shared array (linear in the
// candidates), against the former per-row reading, which was quadratic: the same ids and
// the same DTOs for any advice, the engine's sharing of arrays included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { VatAdvice } from "@/lib/kor";
import { namedInvoiceIds, toAdviceDtos, type InvoiceRef, type VatAdviceDto } from "@/lib/features/invoices/vat-advice";

// ---- The former implementation, kept here only as the reference. ----
function formerIds(advice: readonly VatAdvice[]): string[] {
  const ids = advice.flatMap((a) => [...a.sameDay, ...(a.crossing ? [a.crossing.transactionId, ...a.crossing.atRisk] : [])]);
  return [...new Set(ids.filter((id) => id !== ""))];
}

function formerDto(advice: VatAdvice, refs: Map<string, InvoiceRef>): VatAdviceDto {
  const ref = (id: string): InvoiceRef => refs.get(id) ?? { id, number: id, sequence: null };
  const { crossing, sameDay, ...rest } = advice;
  return {
    ...rest,
    crossing: crossing
      ? {
          date: crossing.date,
          invoice: crossing.transactionId ? ref(crossing.transactionId) : null,
          thisInvoice: crossing.thisInvoice,
          atRisk: crossing.atRisk.map(ref),
        }
      : null,
    sameDay: sameDay.map(ref),
  };
}
// ----

const id = fc.constantFrom("", "inv-1", "inv-2", "inv-3", "inv-4", "inv-5", "inv-6", "inv-7");
const list = fc.array(id, { maxLength: 6 });

/** Advice rows as the engine gives them: rows drawing on a few lists, shared by reference, and fresh ones. */
const adviceRows = fc
  .record({
    pool: fc.array(list, { minLength: 1, maxLength: 4 }),
    rows: fc.array(
      fc.record({
        sameDay: fc.oneof(fc.nat(), list),
        crossing: fc.option(fc.record({ transactionId: id, thisInvoice: fc.boolean(), atRisk: fc.oneof(fc.nat(), list) }), { nil: null }),
        status: fc.constantFrom("participating", "crossing", "crossingAtRisk", "afterCrossing"),
      }),
      { maxLength: 30 },
    ),
  })
  .map(({ pool, rows }) => {
    const pick = (choice: number | string[]) => (typeof choice === "number" ? pool[choice % pool.length]! : choice);
    return rows.map(
      (row) =>
        ({
          status: row.status,
          sameDay: pick(row.sameDay),
          crossing: row.crossing
            ? {
                date: "2026-05-01",
                transactionId: row.crossing.transactionId,
                thisInvoice: row.crossing.thisInvoice,
                atRisk: pick(row.crossing.atRisk),
              }
            : null,
        }) as unknown as VatAdvice,
    );
  });

const refsOf = (ids: string[]) =>
  new Map(
    ids
      .filter((x) => x !== "inv-7")
      .map((x, index): [string, InvoiceRef] => [x, { id: x, number: `2026-${index}`, sequence: index % 2 ? index : null }]),
  );

type Implementation = { ids: typeof namedInvoiceIds; dtos: typeof toAdviceDtos };

const sameAsFormer = (implementation: Implementation) =>
  fc.property(adviceRows, (advice) => {
    const ids = implementation.ids(advice);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(formerIds(advice).sort());
    const refs = refsOf(formerIds(advice));
    expect(implementation.dtos(advice, refs)).toEqual(advice.map((a) => formerDto(a, refs)));
  });

describe("the invoices an advice names", () => {
  it("are the former implementation's ids and DTOs, for any advice", () => {
    fc.assert(sameAsFormer({ ids: namedInvoiceIds, dtos: toAdviceDtos }), { numRuns: 500 });
  });

  it("the comparison catches a bug: an implementation that skips a list it has seen by its length, not by itself", () => {
    const buggyIds: typeof namedInvoiceIds = (advice) => {
      const ids = new Set<string>();
      const lengths = new Set<number>();
      for (const a of advice) {
        for (const list of [a.sameDay, a.crossing?.atRisk ?? []]) {
          if (lengths.has(list.length)) continue;
          lengths.add(list.length);
          for (const x of list) ids.add(x);
        }
        if (a.crossing) ids.add(a.crossing.transactionId);
      }
      ids.delete("");
      return [...ids];
    };
    expect(fc.check(sameAsFormer({ ids: buggyIds, dtos: toAdviceDtos }), { numRuns: 500 }).failed).toBe(true);
  });

  it("reads each shared list once: a thousand rows sharing one crossing's list of a thousand", () => {
    const atRisk = Array.from({ length: 1000 }, (_, index) => `inv-${index}`);
    let reads = 0;
    const counted = new Proxy(atRisk, {
      get(target, key, receiver) {
        if (key === Symbol.iterator || key === "map") reads += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    const sameDay: string[] = [];
    const advice = Array.from(
      { length: 1000 },
      () =>
        ({
          status: "afterCrossing",
          sameDay,
          crossing: { date: "2026-05-01", transactionId: "inv-0", thisInvoice: false, atRisk: counted },
        }) as unknown as VatAdvice,
    );
    expect(namedInvoiceIds(advice)).toHaveLength(1000);
    const dtos = toAdviceDtos(advice, new Map());
    expect(reads).toBe(2);
    expect(dtos[999]!.crossing!.atRisk).toBe(dtos[0]!.crossing!.atRisk);
  });
});
