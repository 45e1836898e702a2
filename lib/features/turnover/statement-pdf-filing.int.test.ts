// The filing figures in the PDF statement (issue #20), read back with pdf.js: an EU-KOR
// business that crossed €100,000 on Thursday 10 September 2026 (KOR-RULES.md §4's example:
// inform by 1 October 2026) with intra-EU goods to a German business and distance sales in
// France and Germany → the EU-KOR quarterly lines with the EX number and due dates, the
// notice with its supplies, the ICP line per VAT number and the OSS lines per state, in
// Dutch and in English. A business without any of these gets no such section.
import { beforeAll, describe, expect, it } from "vitest";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { markDeadlineDone } from "@/lib/features/deadlines/deadline-done";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { renderStatementPdf } from "@/lib/features/turnover/render-statement-pdf";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { pdfText } from "@/test/support/pdf-text";

const flat = (text: string) => text.replace(/\s+/g, " ");
let owner: { id: string };
let businessId: string;

beforeAll(async () => {
  owner = await createUser("pdf-filing");
  const caller = { userId: owner.id };
  businessId = (
    await createBusiness({
      caller,
      input: {
        name: "Keramiek Europa",
        kvkNumber: "12345678",
        euKor: { exNumber: "NL123456789EX01", from: "2026-01-01", memberStates: ["DE", "FR"] },
      },
    })
  ).id;
  const add = (number: string, date: string, category: string, netCents: number, extra: Record<string, unknown> = {}) =>
    createInvoice({
      caller,
      businessId,
      input: { number, date, customer: { name: `Klant ${number}` }, category, netCents, vatCents: 0, ...extra },
    });
  await add("F-1", "2026-01-10", "NL_STANDARD", 8_600_000, { vatCents: 1_806_000 });
  await add("F-2", "2026-02-10", "EU_B2B_GOODS", 400_000, {
    customer: { name: "Holz GmbH", country: "DE", type: "business", vatId: "DE123456789" },
  });
  await add("F-3", "2026-07-06", "EU_B2C_NL_VAT", 900_000, { customer: { name: "Claire", country: "FR", type: "consumer" } });
  // Union turnover €86,000 + €4,000 + €9,000 + €1,500 = €100,500 > €100,000 on 10 September;
  // distance sales €9,000 + €1,500 = €10,500 > €10,000: OSS from this sale too.
  await add("F-4", "2026-09-10", "EU_B2C_FOREIGN_VAT", 150_000, { country: "FR", vatCents: 30_000 });
  await add("F-5", "2026-10-05", "EU_B2C_FOREIGN_VAT", 50_000, { country: "DE", vatCents: 9_500 });
});

describe("the PDF statement's filing figures", () => {
  it("lists the EU-KOR quarters with the EX number, the notice, the ICP and the OSS figures (Dutch)", async () => {
    const text = flat(await pdfText(await renderStatementPdf({ caller: { userId: owner.id }, businessId, year: 2026, language: "nl" })));
    expect(text).toContain("EU-KOR-kwartaalrapport 2026");
    expect(text).toContain("EX-nummer: NL123456789EX01. EU-KOR sinds: 1 januari 2026.");
    expect(text).toMatch(/2026-Q1 NL € 90\.000,00 30 april 2026/);
    expect(text).toMatch(/2026-Q3 FR € 1\.500,00 31 oktober 2026/);
    expect(text).toMatch(/2026-Q4 DE € 500,00 31 januari 2027/);
    expect(text).toContain("Melding: EU-omzetgrens overschreden");
    expect(text).toContain("Je EU-omzet kwam op 10 september 2026 boven de grens van de EU-KOR: € 100.500,00 na die levering.");
    expect(text).toContain("Meld dit uiterlijk 1 oktober 2026 aan de Belastingdienst: 15 werkdagen na de overschrijding.");
    expect(text).toContain("Meld je leveringen per lidstaat van 1 juli 2026 tot en met 10 september 2026");
    expect(text).toMatch(/NL € 9\.000,00 FR € 1\.500,00 Totaal € 10\.500,00/);
    expect(text).toContain("ICP en OSS 2026");
    expect(text).toMatch(/2026-Q1 DE123456789 Holz GmbH € 4\.000,00 € 0,00/);
    expect(text).toContain("Je afstandsverkopen kwamen met factuur F-4 op 10 september 2026 boven € 10.000,00");
    expect(text).toMatch(/2026-Q3 FR € 1\.500,00 € 300,00/);
    expect(text).toMatch(/2026-Q4 DE € 500,00 € 95,00/);
  });

  it("speaks English when asked", async () => {
    const text = flat(await pdfText(await renderStatementPdf({ caller: { userId: owner.id }, businessId, year: 2026, language: "en" })));
    expect(text).toContain("EU-KOR quarterly report 2026");
    expect(text).toContain("Inform the Belastingdienst by 1 October 2026: 15 working days after the crossing.");
    expect(text).toContain("ICP and OSS 2026");
    expect(text).toMatch(/2026-Q1 DE123456789 Holz GmbH €4,000.00 €0.00/);
  });

  it("has no filing section for a business without EU-KOR, ICP or OSS", async () => {
    const other = await createUser("pdf-filing-plain");
    const plain = await createOwnedBusiness(other.id, "Gewoon BV");
    await createInvoice({
      caller: { userId: other.id },
      businessId: plain.id,
      input: { number: "1", date: "2026-03-01", customer: { name: "Klant" }, category: "NL_STANDARD", netCents: 10_000, vatCents: 0 },
    });
    const text = flat(
      await pdfText(await renderStatementPdf({ caller: { userId: other.id }, businessId: plain.id, year: 2026, language: "nl" })),
    );
    expect(text).toContain("Omzetoverzicht 2026");
    expect(text).not.toContain("EU-KOR-kwartaalrapport");
    expect(text).not.toContain("ICP en OSS");
  });

  it("says a deadline marked done is done, with its day, instead of late (issue #16)", async () => {
    const key = "EU_KOR_NOTIFY_BY:2026-09-10";
    const before = flat(await pdfText(await renderStatementPdf({ caller: { userId: owner.id }, businessId, year: 2026, language: "nl" })));
    expect(before).toMatch(/1 oktober 2026 — EU-KOR-overschrijding melden \(\d+ dagen te laat\)/);
    await markDeadlineDone({ caller: { userId: owner.id }, businessId, key, input: { doneOn: "2026-09-20" } });
    const after = flat(await pdfText(await renderStatementPdf({ caller: { userId: owner.id }, businessId, year: 2026, language: "nl" })));
    expect(after).toContain("1 oktober 2026 — EU-KOR-overschrijding melden (gedaan op 20 september 2026)");
    const english = flat(await pdfText(await renderStatementPdf({ caller: { userId: owner.id }, businessId, year: 2026, language: "en" })));
    expect(english).toContain("done on 20 September 2026");
  });
});
