// The VAT-return figures in the PDF statement (issue #20), read back with pdf.js. A KOR
// participant that crossed the limit on 15 October 2026 (the books of
// lib/features/vat-return/vat-return.int.test.ts) files from Q4 on: the PDF lists Q4's rubrieken in
// whole euros, "vul zelf in" for 5e and 5f, and not Q1–Q3 (inside the KOR); once filed it
// says so, and after a change of a filed period that a suppletie is needed. A business not
// in the KOR gets every quarter; one inside the KOR all year gets no such section.
import { beforeAll, describe, expect, it } from "vitest";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { createPurchase } from "@/lib/features/purchases/save-purchase";
import { renderStatementPdf } from "@/lib/features/turnover/render-statement-pdf";
import { fileVatReturn } from "@/lib/features/vat-return/file-vat-return";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { validInvoice } from "@/test/api/helpers";
import { pdfText } from "@/test/support/pdf-text";

const flat = (text: string) => text.replace(/\s+/g, " ");
let owner: { id: string };
let businessId: string;
const pdf = async (id: string, language: "nl" | "en", userId = owner.id) =>
  flat(await pdfText(await renderStatementPdf({ caller: { userId }, businessId: id, year: 2026, language })));

beforeAll(async () => {
  owner = await createUser("pdf-aangifte");
  businessId = (await createOwnedBusiness(owner.id, "Aangifte PDF BV")).id; // in the KOR since 2025-01-01
  const caller = { userId: owner.id };
  const sale = (number: string, date: string, category: string, netCents: number, vatCents = 0, extra: Record<string, unknown> = {}) =>
    createInvoice({ caller, businessId, input: validInvoice({ number, date, category, netCents, vatCents, ...extra }) });
  await sale("V-00", "2026-09-30", "NL_STANDARD", 19_500_00);
  await sale("V-01", "2026-10-15", "NL_STANDARD", 1_000_00, 210_00);
  await sale("V-02", "2026-11-03", "NL_REVERSE_CHARGE", 2_000_00);
  await sale("V-03", "2026-11-10", "EU_B2B_GOODS", 1_500_00, 0, {
    customer: { name: "Kunde GmbH", country: "DE", type: "business", vatId: "DE123456789" },
  });
  await sale("V-04", "2026-11-12", "EXPORT_NON_EU", 800_00, 0, { customer: { name: "Client Inc", country: "US", type: "business" } });
  await createPurchase({ caller, businessId, input: { date: "2026-10-05", supplier: { name: "Vroeg BV" }, netCents: 100_00 } });
  await createPurchase({
    caller,
    businessId,
    input: { date: "2026-10-16", supplier: { name: "Computershop BV" }, netCents: 1_200_00, category: "INVESTMENT_MOVABLE" },
  });
  await createPurchase({
    caller,
    businessId,
    input: { date: "2026-11-05", supplier: { name: "Lieferant GmbH", country: "DE" }, netCents: 600_00, vatTreatment: "EU_REVERSE_CHARGE" },
  });
});

describe("the PDF statement's VAT-return figures", () => {
  it("lists the rubrieken of the periods outside the KOR, from the crossing quarter on (Dutch)", async () => {
    const text = await pdf(businessId, "nl");
    expect(text).toContain("Btw-aangifte 2026");
    expect(text).toContain("4e kwartaal 2026 (1 oktober 2026 t/m 31 december 2026) — uiterlijk 31 januari 2027");
    expect(text).toContain("Buiten de KOR vanaf 15 oktober 2026");
    expect(text).toContain("1a Leveringen/diensten belast met hoog tarief € 1.000 € 210");
    expect(text).toContain("1e Leveringen/diensten belast met 0% of niet bij jou belast € 2.000");
    expect(text).toContain("3a Leveringen naar landen buiten de EU (uitvoer) € 800");
    expect(text).toContain("3b Leveringen naar of diensten in landen binnen de EU € 1.500");
    expect(text).toContain("4b Leveringen/diensten uit landen binnen de EU € 600 € 126");
    expect(text).toContain("5a Verschuldigde omzetbelasting (1a t/m 4b) € 336");
    expect(text).toContain("5b Voorbelasting € 378");
    expect(text).toContain("5e Schatting vorige aangifte(n) vul zelf in");
    expect(text).toContain("5f Schatting deze aangifte vul zelf in");
    expect(text).toMatch(/5g Totaal te betalen of terug te vragen € ?-42/);
    // Q1–Q3 lie inside the KOR: no return.
    expect(text).not.toContain("3e kwartaal 2026 (");
    expect(text).not.toContain("1e kwartaal 2026 (");
  });

  it("speaks English when asked", async () => {
    const text = await pdf(businessId, "en");
    expect(text).toContain("VAT return 2026");
    expect(text).toContain("Q4 2026 (1 October 2026 to 31 December 2026) — due 31 January 2027");
    expect(text).toContain("4b");
    expect(text).toMatch(/4b \S.* €600 €126/);
    expect(text).toMatch(/5e \S.* fill in yourself fill in yourself|5e \S.* fill in yourself/);
    expect(text).not.toContain("vul zelf in");
  });

  it("says a period was filed, and that a suppletie is needed after a change", async () => {
    const caller = { userId: owner.id };
    await fileVatReturn({ caller, businessId, period: "2026-Q4", input: { filedOn: "2026-12-01" } });
    expect(await pdf(businessId, "nl")).toContain("Ingediend op 1 december 2026.");
    await createPurchase({ caller, businessId, input: { date: "2026-12-02", supplier: { name: "Laat BV" }, netCents: 50_00 } });
    expect(await pdf(businessId, "nl")).toContain(
      "Ingediend op 1 december 2026; sindsdien veranderde er iets in deze periode: suppletie nodig.",
    );
  });

  it("lists every quarter of a business not in the KOR, and none of one inside the KOR all year", async () => {
    const other = await createUser("pdf-aangifte-btw");
    const taxed = await createBusiness({ caller: { userId: other.id }, input: { name: "Btw BV", kvkNumber: "12345678" } });
    await createInvoice({
      caller: { userId: other.id },
      businessId: taxed.id,
      input: validInvoice({ number: "1", date: "2026-02-10", category: "NL_REDUCED", netCents: 500_00, vatCents: 45_00 }),
    });
    const text = await pdf(taxed.id, "nl", other.id);
    for (const quarter of ["1e", "2e", "3e", "4e"]) expect(text).toContain(`${quarter} kwartaal 2026 (`);
    expect(text).toContain("1b Leveringen/diensten belast met laag tarief € 500 € 45");
    expect(text).not.toContain("Buiten de KOR vanaf");

    const small = await createOwnedBusiness(other.id, "Klein BV");
    await createInvoice({
      caller: { userId: other.id },
      businessId: small.id,
      input: validInvoice({ number: "1", date: "2026-03-01", netCents: 1_000_00, vatCents: 0 }),
    });
    const inside = await pdf(small.id, "nl", other.id);
    expect(inside).toContain("Omzetoverzicht 2026");
    expect(inside).not.toContain("Btw-aangifte 2026");
  });
});
