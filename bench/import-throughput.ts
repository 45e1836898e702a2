// CSV import throughput: 100,000 rows (Dutch amounts and dates) committed in one
// transaction into a fresh PostgreSQL database. Prints rows per second.
// Run: npm run bench:invoices (part of it), or tsx bench/import-throughput.ts [rows]
import { createDatabase, dropDatabase, useDatabaseInProcess } from "@/test/integration/database";
import { runAsUser } from "@/lib/db/db-context";

export function makeCsv(count: number, year = 2026): string {
  const lines = ["Factuurnummer;Factuurdatum;Contact;Omschrijving;Totaal excl. btw;Btw;Totaal incl. btw"];
  for (let i = 1; i <= count; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((i % 12) + 1).padStart(2, "0");
    const cents = 1000 + ((i * 7919) % 250000);
    const vat = Math.round(cents * 0.21);
    const euro = (value: number) => `${Math.floor(value / 100).toLocaleString("nl-NL")},${String(value % 100).padStart(2, "0")}`;
    lines.push(
      `B-${String(i).padStart(7, "0")};${day}-${month}-${year};Klant ${i % 500};Werk ${i};${euro(cents)};${euro(vat)};${euro(cents + vat)}`,
    );
  }
  return lines.join("\n");
}

export async function benchImport(rows: number): Promise<{ rowsPerSecond: number; seconds: number }> {
  const database = await createDatabase("drempel_bench_import");
  useDatabaseInProcess(database.url);
  const { db, disconnectDb } = await import("@/lib/db/client");
  const { createBusiness } = await import("@/lib/businesses/create-business");
  const { commitImport } = await import("@/lib/invoices/import/import-invoices");
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

if (import.meta.url === `file://${process.argv[1]}`) await benchImport(Number(process.argv[2] ?? 100_000));
