// CSV import throughput: 100,000 rows (Dutch amounts and dates) committed in one
// transaction into a fresh PostgreSQL database. Prints rows per second. And the preview's
// growth table (benchPreviewGrowth): VAT advice and whole preview time by file size.
// Run: npm run bench:invoices (part of it), npm run bench:import (both), or
// tsx bench/import-throughput.ts [rows] / tsx bench/import-throughput.ts preview
import { createDatabase, dropDatabase, useDatabaseInProcess } from "@/test/integration/database";
import { runAsUser } from "@/lib/platform/db/db-context";

/**
 * `count` rows of invoices of `year`. `dates`: how many distinct dates the rows share (spread
 * evenly over the year, handed out in turn so each date's rows are spread over the file);
 * without it, the 84 dates of the day-and-month pattern the other benches were measured on.
 */
export function makeCsv(count: number, year = 2026, options: { dates?: number } = {}): string {
  const lines = ["Factuurnummer;Factuurdatum;Contact;Omschrijving;Totaal excl. btw;Btw;Totaal incl. btw"];
  const spread = options.dates ? spreadDates(year, options.dates) : null;
  for (let i = 1; i <= count; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((i % 12) + 1).padStart(2, "0");
    const date = spread ? spread[i % spread.length]! : `${day}-${month}-${year}`;
    const cents = 1000 + ((i * 7919) % 250000);
    const vat = Math.round(cents * 0.21);
    const euro = (value: number) => `${Math.floor(value / 100).toLocaleString("nl-NL")},${String(value % 100).padStart(2, "0")}`;
    lines.push(`B-${String(i).padStart(7, "0")};${date};Klant ${i % 500};Werk ${i};${euro(cents)};${euro(vat)};${euro(cents + vat)}`);
  }
  return lines.join("\n");
}

/** `dates` days spread evenly over `year`, as dd-mm-yyyy. */
function spreadDates(year: number, dates: number): string[] {
  return Array.from({ length: dates }, (_, k) => {
    const iso = new Date(Date.UTC(year, 0, 1 + Math.floor((k * 365) / dates))).toISOString();
    return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
  });
}

/** Sizes and date spreads of the preview's growth table (BENCH_PREVIEW_ROWS: comma-separated sizes). */
const PREVIEW_SIZES = (process.env.BENCH_PREVIEW_ROWS ?? "1000,10000,20000,100000").split(",").map(Number);
const PREVIEW_SPREADS = [
  { label: "3 dates", dates: 3 },
  { label: "365 dates", dates: 365 },
];

/**
 * Issue #17: how the VAT advice and the whole CSV preview grow with the file. For each size
 * and date spread: adviseVat alone on the rows as the preview hands them over (all placed in
 * the books together), and previewImport through the library as the web app calls it (read,
 * parse, advice, warnings), into a business in the KOR since 1 January with no invoices yet.
 * Time per row should stay flat as the rows grow (linear, or n·log n).
 */
export async function benchPreviewGrowth(): Promise<void> {
  const database = await createDatabase("drempel_bench_preview");
  useDatabaseInProcess(database.url);
  const { db, disconnectDb } = await import("@/lib/platform/db/client");
  const { createBusiness } = await import("@/lib/features/businesses/create-business");
  const { previewImport } = await import("@/lib/features/invoices/import/import-invoices");
  const { previewRows } = await import("@/lib/features/invoices/import/preview-import");
  const { readCsv, suggestMapping } = await import("@/lib/features/invoices/import/read-csv");
  const { loadEngineInput } = await import("@/lib/features/books/load-engine-input");
  const { amsterdamToday } = await import("@/lib/platform/i18n/amsterdam-today");
  const { adviseVat } = await import("@/lib/kor");
  try {
    const user = await db().user.create({
      data: { email: "bench-preview@drempel.nl", name: "Bench", passwordHash: "x", emailVerifiedAt: new Date() },
    });
    const caller = { userId: user.id };
    const business = await createBusiness({ caller, input: { name: "Bench BV", korParticipations: [{ from: "2026-01-01" }] } });
    const books = await loadEngineInput({ businessId: business.id, asOf: amsterdamToday() });
    const ms = (t0: number) => performance.now() - t0;
    // The advice alone, on the candidates exactly as the preview builds them from the parsed
    // rows; the best of three runs (cheap), as a shared machine disturbs single runs. In a
    // function of its own, so its rows are garbage before the whole preview is timed.
    const timeAdvice = async (csv: string) => {
      const table = await readCsv(csv);
      const { parsed } = await previewRows(table, suggestMapping(table.headers), new Set());
      const candidates = parsed
        .filter((row) => row.status === "new" && row.input)
        .map(({ input }) => ({ date: input!.date, category: input!.category, netCents: input!.netCents, vatCents: input!.vatCents }));
      const best = (work: () => void) => {
        let fastest = Infinity;
        for (let run = 0; run < 3; run++) {
          const t0 = performance.now();
          work();
          fastest = Math.min(fastest, ms(t0));
        }
        return fastest;
      };
      return {
        adviceMs: best(() => adviseVat(books, candidates, { sameDay: false })),
        withSameDayMs: best(() => adviseVat(books, candidates)),
      };
    };
    const perRow = (millis: number, rows: number) => `${((millis * 1000) / rows).toFixed(1)} µs/row`;
    console.log("VAT advice and CSV preview by size (a business in the KOR, no invoices yet):");
    for (const { label, dates } of PREVIEW_SPREADS) {
      for (const rows of PREVIEW_SIZES) {
        const csv = makeCsv(rows, 2026, { dates });
        const { adviceMs, withSameDayMs } = await timeAdvice(csv);
        const t0 = performance.now();
        const preview = await runAsUser(user.id, () => previewImport({ caller, businessId: business.id, csv }));
        const previewMs = ms(t0);
        const statuses = new Map<string, number>();
        for (const row of preview.rows) if (row.vat) statuses.set(row.vat.status, (statuses.get(row.vat.status) ?? 0) + 1);
        console.log(
          `  ${String(rows).padStart(7)} rows, ${label.padEnd(9)}: adviseVat best of 3 ${adviceMs.toFixed(0).padStart(6)} ms (${perRow(adviceMs, rows)}), ` +
            `with same-day lists ${withSameDayMs.toFixed(0).padStart(6)} ms (${perRow(withSameDayMs, rows)}); ` +
            `whole preview ${previewMs.toFixed(0).padStart(6)} ms (${perRow(previewMs, rows)}), ${preview.summary.new} new (${[...statuses].map(([status, count]) => `${count} ${status}`).join(", ")})`,
        );
      }
    }
  } finally {
    await disconnectDb();
    await dropDatabase(database.name);
  }
}

export async function benchImport(rows: number): Promise<{ rowsPerSecond: number; seconds: number }> {
  const database = await createDatabase("drempel_bench_import");
  useDatabaseInProcess(database.url);
  const { db, disconnectDb } = await import("@/lib/platform/db/client");
  const { createBusiness } = await import("@/lib/features/businesses/create-business");
  const { commitImport } = await import("@/lib/features/invoices/import/import-invoices");
  try {
    const user = await db().user.create({
      data: { email: "bench@drempel.nl", name: "Bench", passwordHash: "x", emailVerifiedAt: new Date() },
    });
    const business = await createBusiness({ caller: { userId: user.id }, input: { name: "Bench BV" } });
    const csv = makeCsv(rows);
    // As the web app runs it: as the user, under row-level security.
    const importAsUser = () => runAsUser(user.id, () => commitImport({ caller: { userId: user.id }, businessId: business.id, csv }));
    const t0 = performance.now();
    const result = await importAsUser();
    const seconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const again = await importAsUser();
    const againSeconds = (performance.now() - t1) / 1000;
    console.log(
      `CSV import: ${result.created} rows (${(csv.length / 1e6).toFixed(1)} MB) in ${seconds.toFixed(2)} s = ${Math.round(result.created / seconds)} rows/s (target ≥ 5,000 rows/s)`,
    );
    console.log(`same file again: ${again.created} created, ${again.skipped} skipped in ${againSeconds.toFixed(2)} s`);
    return { rowsPerSecond: result.created / seconds, seconds };
  } finally {
    await disconnectDb();
    await dropDatabase(database.name);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === "preview") await benchPreviewGrowth();
  else await benchImport(Number(process.argv[2] ?? 100_000));
}
