// The PDF statement against the real database: its extracted text (pdf.js) holds the year's
// counted turnover, the crossing date and invoice, the remediation and the deadlines in
// words, in Dutch or English; the same figures as the CSV statement. An outsider gets
// NOT_FOUND from the function, the page route and the API route (404), and nothing is
// rendered for them; owners and accountants get the file, and the download is logged.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { runAsUser } from "@/lib/platform/db/db-context";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { getDashboard } from "@/lib/features/dashboard/get-dashboard";
import { createApiToken } from "@/lib/features/api-tokens/create-api-token";
import { renderStatementPdf } from "@/lib/features/turnover/render-statement-pdf";
import { GET as apiGet } from "@/app/api/v1/businesses/[businessId]/statement.pdf/route";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { pdfText } from "@/test/support/pdf-text";

const invoice = (number: string, date: string, netCents: number) => ({
  number,
  date,
  customer: { name: `Klant ${number}` },
  category: "NL_STANDARD",
  netCents,
});
const flat = (text: string) => text.replace(/\s+/g, " ");

let owner: { id: string };
let accountant: { id: string };
let outsider: { id: string };
let business: BusinessDto;

beforeEach(async () => {
  owner = await createUser("pdf-owner");
  accountant = await createUser("pdf-accountant");
  outsider = await createUser("pdf-outsider");
  business = await createOwnedBusiness(owner.id, "Bakkerij Één");
  await db().membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_ONLY" } });
  const caller = { userId: owner.id };
  // In the KOR from 1 January 2025; crosses €20,000 with the second invoice on 14 March.
  await createInvoice({ caller, businessId: business.id, input: invoice("2025-001", "2025-02-01", 1_500_000) });
  await createInvoice({ caller, businessId: business.id, input: invoice("2025-002", "2025-03-14", 600_000) });
  await createInvoice({ caller, businessId: business.id, input: invoice("2025-003", "2025-05-20", 123_456) });
});

describe("renderStatementPdf", () => {
  it("states the counted turnover, the crossing and remediation, and every deadline in words (Dutch)", async () => {
    const pdf = await renderStatementPdf({ caller: { userId: owner.id }, businessId: business.id, year: 2025, language: "nl" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = flat(await pdfText(pdf));
    expect(text).toContain("Omzetoverzicht 2025");
    expect(text).toContain("Bakkerij Één");
    expect(text).toContain("Meetellende omzet in 2025: € 22.234,56");
    expect(text).toContain("KOR-grens van € 20.000,00 is overschreden op 14 maart 2025 met factuur 2025-002");
    expect(text).toMatch(/2 facturen zonder btw/);
    expect(text).toContain("maart 2025");
    const dashboard = await getDashboard({ caller: { userId: owner.id }, businessId: business.id, year: 2025 });
    const deadlines = dashboard.deadlines.filter((d) => !d.choice);
    expect(deadlines.some((d) => d.kind === "VAT_RETURN_DUE")).toBe(true);
    const longDate = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    const kinds: Record<string, string> = {
      VAT_RETURN_DUE: "Btw-aangifte",
      KOR_APPLY_BY: "KOR aanvragen",
      KOR_DEREGISTRATION_EFFECTIVE: "Afmelding gaat in",
      KOR_EARLIEST_REJOIN: "Vroegst weer in de KOR",
      EU_KOR_NOTIFY_BY: "EU-KOR-overschrijding melden",
      EU_KOR_REPORT_DUE: "EU-KOR-kwartaalrapport",
    };
    for (const deadline of deadlines) {
      expect(text).toContain(`${longDate.format(new Date(`${deadline.date}T00:00:00Z`))} — ${kinds[deadline.kind]}`);
    }
  });

  it("speaks English when asked", async () => {
    const text = flat(
      await pdfText(await renderStatementPdf({ caller: { userId: owner.id }, businessId: business.id, year: 2025, language: "en" })),
    );
    expect(text).toContain("Turnover statement 2025");
    expect(text).toContain("Counted turnover in 2025: €22,234.56");
    expect(text).toContain("crossed on 14 March 2025 by invoice 2025-002");
    expect(text).toMatch(/— VAT return/);
  });

  it("is the accountant's to read too, and refuses an outsider with NOT_FOUND", async () => {
    const text = flat(
      await pdfText(await renderStatementPdf({ caller: { userId: accountant.id }, businessId: business.id, year: 2025, language: "nl" })),
    );
    expect(text).toContain("€ 22.234,56");
    await expect(
      renderStatementPdf({ caller: { userId: outsider.id }, businessId: business.id, year: 2025, language: "nl" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      runAsUser(outsider.id, () =>
        renderStatementPdf({ caller: { userId: outsider.id }, businessId: business.id, year: 2025, language: "nl" }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      renderStatementPdf({ caller: { userId: owner.id }, businessId: business.id, year: "19x", language: "nl" }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});

describe("GET /api/v1/businesses/{id}/statement.pdf", () => {
  const get = (token: string, businessId: string, query: string) =>
    apiGet(
      new Request(`http://localhost/api/v1/businesses/${businessId}/statement.pdf${query}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ businessId }) },
    );

  it("gives the owner the PDF and logs the export; an outsider gets 404", async () => {
    const mine = await createApiToken({ caller: { userId: owner.id }, input: { name: "pdf", scope: "read" } });
    const response = await get(mine.secret, business.id, "?year=2025&lang=en");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain("statement-2025.pdf");
    expect(flat(await pdfText(new Uint8Array(await response.arrayBuffer())))).toContain("Counted turnover in 2025: €22,234.56");
    const log = await db().auditLog.findMany({ where: { actorId: owner.id, action: "security.export" } });
    expect(log.map((entry) => entry.entityId)).toEqual(["statement-2025.pdf"]);

    const theirs = await createApiToken({ caller: { userId: outsider.id }, input: { name: "pdf", scope: "read" } });
    const refused = await get(theirs.secret, business.id, "?year=2025");
    expect(refused.status).toBe(404);
    expect(refused.headers.get("content-type")).toContain("application/json");
    expect(await db().auditLog.count({ where: { actorId: outsider.id, action: "security.export" } })).toBe(0);
  });

  it("answers 400 with the field for a bad year or language", async () => {
    const mine = await createApiToken({ caller: { userId: owner.id }, input: { name: "pdf", scope: "read" } });
    const response = await get(mine.secret, business.id, "?year=1800&lang=de");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.error.fields).sort()).toEqual(["lang", "year"]);
  });
});
