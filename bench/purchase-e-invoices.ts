// npm run bench:purchase-e-invoices — the purchase e-invoice import at its limit: a zip of
// BENCH_DOCUMENTS (default 1,000, the most a zip may hold) received UBL invoices, three in
// four at 21% from Dutch suppliers and one in four a German reverse charge (its rate chosen
// for the group), previewed and then committed in process on a fresh PostgreSQL database.
// Prints the zip's size and the preview's and the commit's time; a second commit (nothing
// new) shows the cost of recognising every document as imported.
import fs from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { createDatabase, dropDatabase, useDatabaseInProcess } from "@/test/integration/database";

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 1000);
const fixture = (name: string) => fs.readFileSync(path.join(process.cwd(), "test/fixtures/ubl-purchases", name), "utf8");

function makeZip(): Uint8Array {
  const domestic = fixture("purchase-s21.xml");
  const reverse = fixture("purchase-reverse-charge-ae.xml");
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < DOCUMENTS; i++) {
    const xml =
      i % 4 === 3
        ? reverse.replaceAll("CW-2026-0042", `CW-${i}`)
        : domestic.replaceAll("INK-2026-101", `INK-${i}`).replace("Drukkerij Van Dam B.V.", `Leverancier ${i % 50} B.V.`);
    files[`inkoop/${i}.xml`] = new TextEncoder().encode(xml);
  }
  return zipSync(files);
}

async function main() {
  const database = await createDatabase("drempel_bench_ubl_buy");
  useDatabaseInProcess(database.url);
  const { db, disconnectDb } = await import("@/lib/platform/db/client");
  const { setDefaultDbContext } = await import("@/lib/platform/db/db-context");
  const { createBusiness } = await import("@/lib/features/businesses/create-business");
  const { previewPurchaseEInvoiceImport, commitPurchaseEInvoiceImport } = await import(
    "@/lib/features/purchases/import-purchase-e-invoices"
  );
  setDefaultDbContext({ kind: "system" });
  try {
    const user = await db().user.create({ data: { email: "buyer@bench.drempel.nl", name: "Bench", passwordHash: "x" } });
    const caller = { userId: user.id };
    const business = await createBusiness({ caller, input: { name: "Kapsalon Knip", kvkNumber: "12345678" } });
    const body = makeZip();
    const choices = { groupCategories: { "AE|DE": "EU_REVERSE_CHARGE_21" } };
    const options = { caller, businessId: business.id, body, choices };
    console.log(`zip of ${DOCUMENTS} documents: ${(body.length / 1024).toFixed(0)} KB`);

    let t0 = performance.now();
    const preview = await previewPurchaseEInvoiceImport(options);
    console.log(`preview: ${preview.summary.new} new, ${preview.summary.review} review, in ${(performance.now() - t0).toFixed(0)} ms`);
    t0 = performance.now();
    const first = await commitPurchaseEInvoiceImport(options);
    const seconds = (performance.now() - t0) / 1000;
    console.log(`commit: ${first.created} purchases in ${seconds.toFixed(2)} s = ${Math.round(first.created / seconds)} documents/s`);
    t0 = performance.now();
    const again = await commitPurchaseEInvoiceImport(options);
    console.log(`again: ${again.created} new, ${again.skipped} skipped, in ${(performance.now() - t0).toFixed(0)} ms`);
  } finally {
    await disconnectDb();
    await dropDatabase(database.name);
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
