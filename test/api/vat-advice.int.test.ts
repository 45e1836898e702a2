// "Must this invoice carry VAT?" through the API and the form's question (issue #16): in
// the KOR from 2026-01-01 with €19,500 of invoices, then €1,000 on 20 November 2026.
// POST and PATCH answer the advice beside the invoice; the turnover answer names the
// crossing and the end of participation; an outsider learns nothing.
import { beforeEach, describe, expect, it } from "vitest";
import * as invoicesRoute from "@/app/api/v1/businesses/[businessId]/invoices/route";
import * as invoiceRoute from "@/app/api/v1/businesses/[businessId]/invoices/[invoiceId]/route";
import * as turnoverRoute from "@/app/api/v1/businesses/[businessId]/turnover/route";
import { createBusiness } from "@/lib/features/businesses/create-business";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { getVatAdvice } from "@/lib/features/invoices/vat-advice";
import { createUser } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, tokenFor } from "@/test/api/helpers";

let owner: { id: string };
let outsider: { id: string };
let business: BusinessDto;
let token: string;

const body = (number: string, date: string, netCents: number, extra: Record<string, unknown> = {}) => ({
  number,
  date,
  customer: { name: `Klant ${number}` },
  category: "NL_STANDARD",
  netCents,
  ...extra,
});

async function post(invoice: Record<string, unknown>) {
  const response = await invoicesRoute.POST(
    apiRequest("POST", `/api/v1/businesses/${business.id}/invoices`, { token, body: invoice }),
    ctx({ businessId: business.id }),
  );
  expect(response.status).toBe(201);
  return readJson(response);
}

async function patch(invoiceId: string, change: Record<string, unknown>) {
  const response = await invoiceRoute.PATCH(
    apiRequest("PATCH", `/api/v1/businesses/${business.id}/invoices/${invoiceId}`, { token, body: change }),
    ctx({ businessId: business.id, invoiceId }),
  );
  expect(response.status).toBe(200);
  return readJson(response);
}

async function seed(korParticipations: { from: string }[] = [{ from: "2026-01-01" }]) {
  business = await createBusiness({
    caller: { userId: owner.id },
    input: { name: "Studio Drempel", kvkNumber: "12345678", korParticipations },
  });
  for (const [number, date] of [
    ["2026-001", "2026-02-10"],
    ["2026-002", "2026-05-12"],
    ["2026-003", "2026-09-01"],
  ] as const) {
    await createInvoice({ caller: { userId: owner.id }, businessId: business.id, input: body(number, date, 650_000) });
  }
}

beforeEach(async () => {
  owner = await createUser("owner");
  outsider = await createUser("outsider");
  token = await tokenFor(owner.id);
});

describe("POST and PATCH answer the VAT advice", () => {
  it("before the crossing: inside the KOR, no VAT", async () => {
    await seed();
    const answer = await post(body("2026-004", "2026-10-01", 20_000));
    expect(answer.vatAdvice).toMatchObject({ status: "participating", mustChargeVat: false, ratePercent: 21 });
  });

  it("the crossing invoice and every later one: 21%, with the reason; 0% after it names the remedies", async () => {
    await seed();
    const crossing = await post(body("2026-004", "2026-11-20", 100_000, { vatCents: 21_000 }));
    expect(crossing.data).toMatchObject({ number: "2026-004", vatCents: 21_000 });
    expect(crossing.vatAdvice).toMatchObject({
      status: "crossing",
      mustChargeVat: true,
      ratePercent: 21,
      vatWhileParticipating: false,
      remediation: null,
      crossing: { date: "2026-11-20", thisInvoice: true, invoice: { number: "2026-004" } },
      reason: { nl: "Deze factuur brengt je omzet boven € 20.000: vanaf deze factuur reken je btw." },
    });
    const later = await post(body("2026-005", "2026-11-25", 50_000));
    expect(later.vatAdvice).toMatchObject({
      status: "afterCrossing",
      mustChargeVat: true,
      remediation: { reinvoiceVatCents: 10_500, absorbedVatCents: 8_678 },
      reason: { nl: "Je omzet kwam op 20 november 2026 boven € 20.000: sindsdien reken je btw." },
    });
    const fixed = await patch(later.data.id, { vatCents: 10_500 });
    expect(fixed.vatAdvice).toMatchObject({
      status: "afterCrossing",
      mustChargeVat: true,
      remediation: null,
      vatWhileParticipating: false,
    });
  });

  it("same day without a sequence: at risk; with a sequence the order is settled", async () => {
    await seed();
    const first = await post(body("2026-004", "2026-11-20", 40_000));
    const second = await post(body("2026-005", "2026-11-20", 100_000));
    expect(second.vatAdvice).toMatchObject({ status: "crossingAtRisk", mustChargeVat: true, sameDay: [{ number: "2026-004" }] });
    await patch(first.data.id, { sequence: 1 });
    const settled = await patch(second.data.id, { sequence: 2 });
    expect(settled.vatAdvice).toMatchObject({ status: "crossing", mustChargeVat: true, crossing: { thisInvoice: true, atRisk: [] } });
    // The other order: the €1,000 first crosses, the €400 after it is past the crossing.
    await patch(second.data.id, { sequence: 0 });
    const after = await patch(first.data.id, { sequence: 1 });
    expect(after.vatAdvice).toMatchObject({ status: "afterCrossing", mustChargeVat: true });
  });

  it("the next year: excluded from rejoining, VAT with the earliest rejoin date", async () => {
    await seed();
    await post(body("2026-004", "2026-11-20", 100_000, { vatCents: 21_000 }));
    const next = await post(body("2027-001", "2027-01-15", 30_000, { vatCents: 6_300 }));
    expect(next.vatAdvice).toMatchObject({ status: "excluded", mustChargeVat: true, leftOn: "2026-11-20", earliestRejoin: "2028-01-01" });
  });

  it("a business not in the KOR: the category's rate", async () => {
    await seed([]);
    const answer = await post(body("2026-004", "2026-10-01", 20_000, { vatCents: 4_200 }));
    expect(answer.vatAdvice).toMatchObject({ status: "notInKor", mustChargeVat: true, ratePercent: 21 });
  });
});

describe("the turnover answer names the crossing", () => {
  it("participation ended on the crossing date, the crossing settled", async () => {
    await seed();
    await post(body("2026-004", "2026-11-20", 100_000, { vatCents: 21_000 }));
    const response = await turnoverRoute.GET(
      apiRequest("GET", `/api/v1/businesses/${business.id}/turnover?year=2026`, { token }),
      ctx({ businessId: business.id }),
    );
    const { data } = await readJson(response);
    expect(data.kor.crossing).toMatchObject({ date: "2026-11-20", whileParticipating: true, status: "crossed" });
    expect(data.kor.participation).toMatchObject({ status: "endedByCrossing", endedOn: "2026-11-20", earliestRejoin: "2028-01-01" });
  });
});

describe("getVatAdvice (the form's question)", () => {
  it("refuses an outsider with not found", async () => {
    await seed();
    await expect(
      getVatAdvice({
        caller: { userId: outsider.id },
        businessId: business.id,
        request: { date: "2026-11-20", category: "NL_STANDARD", netCents: 100_000 },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers a member, and names every wrong field", async () => {
    await seed();
    const advice = await getVatAdvice({
      caller: { userId: owner.id },
      businessId: business.id,
      request: { date: "2026-11-20", category: "NL_STANDARD", netCents: 100_000 },
    });
    expect(advice).toMatchObject({ status: "crossing", mustChargeVat: true, ratePercent: 21 });
    await expect(
      getVatAdvice({
        caller: { userId: owner.id },
        businessId: business.id,
        request: { date: "2026-02-30", category: "X", netCents: 1.5, extra: 1 },
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: {
        date: "validation.date",
        category: "validation.category",
        netCents: "validation.integerCents",
        extra: "validation.unknownField",
      },
    });
  });

  it("when editing, the invoice replaces itself instead of counting twice", async () => {
    await seed();
    const crossing = await createInvoice({
      caller: { userId: owner.id },
      businessId: business.id,
      input: body("2026-004", "2026-11-20", 100_000),
    });
    const asEdited = await getVatAdvice({
      caller: { userId: owner.id },
      businessId: business.id,
      request: { date: "2026-11-20", category: "NL_STANDARD", netCents: 100_000, invoiceId: crossing.id },
    });
    expect(asEdited).toMatchObject({ status: "crossing", crossing: { thisInvoice: true, invoice: { number: "2026-004" } }, sameDay: [] });
    // Moved to an earlier date with a smaller amount, it no longer crosses.
    const smaller = await getVatAdvice({
      caller: { userId: owner.id },
      businessId: business.id,
      request: { date: "2026-10-01", category: "NL_STANDARD", netCents: 10_000, invoiceId: crossing.id },
    });
    expect(smaller).toMatchObject({ status: "participating", mustChargeVat: false });
  });
});
