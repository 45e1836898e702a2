// The VAT advice of many candidates turned into what the app answers (lib/features/invoices/vat-advice):
// the invoice ids it names and its DTOs, for N candidates that share one crossing's `atRisk`
// of N invoices and a day's `sameDay` per 50 rows, as the engine gives them. Prints the time
// of the current code and of the former per-row reading (quadratic), with the load average.
// Run: tsx bench/advice-ids.ts [N ...]
import { loadavg } from "node:os";
import type { VatAdvice } from "@/lib/kor";
import { namedInvoiceIds, toAdviceDtos, type InvoiceRef } from "@/lib/features/invoices/vat-advice";

function advice(count: number): VatAdvice[] {
  const atRisk = Array.from({ length: count }, (_, index) => `inv-${index}`);
  const days = Array.from({ length: Math.ceil(count / 50) }, (_, day) => atRisk.slice(day * 50, day * 50 + 50));
  return Array.from(
    { length: count },
    (_, index) =>
      ({
        status: "afterCrossing",
        sameDay: days[Math.floor(index / 50)]!,
        crossing: { date: "2026-05-01", transactionId: "inv-0", thisInvoice: false, atRisk },
      }) as unknown as VatAdvice,
  );
}

function former(rows: VatAdvice[], refs: Map<string, InvoiceRef>) {
  const ids = rows.flatMap((a) => [...a.sameDay, ...(a.crossing ? [a.crossing.transactionId, ...a.crossing.atRisk] : [])]);
  const unique = [...new Set(ids.filter((id) => id !== ""))];
  const ref = (id: string): InvoiceRef => refs.get(id) ?? { id, number: id, sequence: null };
  const dtos = rows.map((a) => ({
    ...a,
    sameDay: a.sameDay.map(ref),
    crossing: a.crossing ? { ...a.crossing, atRisk: a.crossing.atRisk.map(ref) } : null,
  }));
  return [unique, dtos] as const;
}

const ms = (run: () => unknown) => {
  const start = performance.now();
  run();
  return Math.round((performance.now() - start) * 10) / 10;
};

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
console.log(
  `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")}`,
);
for (const count of sizes.length ? sizes : [1_000, 2_000, 4_000]) {
  const rows = advice(count);
  const refs = new Map<string, InvoiceRef>();
  const now = ms(() => toAdviceDtos(rows, refs).length + namedInvoiceIds(rows).length);
  const before = ms(() => former(rows, refs));
  console.log(`${count} candidates: current ${now} ms, former per-row reading ${before} ms`);
}
