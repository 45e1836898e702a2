// The VAT return from stored books: a KOR participant crosses the limit on 15 October
// 2026, so Q1–Q3 need no return and Q4 does (from the crossing date); the rubrieken come
// from its invoices and purchases; marking Q4 filed keeps the figures, a later change of a
// Q4 invoice shows the suppletie, and filing the correction takes the new figures over.
// An outsider gets NOT_FOUND. The KOR comparison is saved with the purchases' input VAT.
import { beforeEach, describe, expect, it } from "vitest";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { saveKorComparison } from "@/lib/features/dashboard/save-kor-comparison";
import { getDashboard } from "@/lib/features/dashboard/get-dashboard";
import { db } from "@/lib/platform/db/client";
import { isAppError } from "@/lib/platform/errors";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { updateInvoice } from "@/lib/features/invoices/update-invoice";
import { createPurchase } from "@/lib/features/purchases/save-purchase";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { validInvoice } from "@/test/api/helpers";
import { fileVatReturn } from "./file-vat-return";
import { getVatReturn, getVatReturnYear } from "./get-vat-return";

let owner: { id: string };
let business: BusinessDto;
let crossingInvoiceId: string;

const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, ...error.fields };
    throw error;
  }
  throw new Error("expected a refusal");
};

beforeEach(async () => {
  owner = await createUser("aangifte");
  business = await createOwnedBusiness(owner.id, "Aangifte BV"); // in the KOR since 2025-01-01
  const caller = { userId: owner.id };
  const sale = (number: string, date: string, category: string, netCents: number, vatCents = 0, extra: Record<string, unknown> = {}) =>
    createInvoice({ caller, businessId: business.id, input: validInvoice({ number, date, category, netCents, vatCents, ...extra }) });
  await sale("V-00", "2026-09-30", "NL_STANDARD", 19_500_00);
  crossingInvoiceId = (await sale("V-01", "2026-10-15", "NL_STANDARD", 1_000_00, 210_00)).id;
  await sale("V-02", "2026-11-03", "NL_REVERSE_CHARGE", 2_000_00);
  await sale("V-03", "2026-11-10", "EU_B2B_GOODS", 1_500_00, 0, {
    customer: { name: "Kunde GmbH", country: "DE", type: "business", vatId: "DE123456789" },
  });
  await sale("V-04", "2026-11-12", "EXPORT_NON_EU", 800_00, 0, { customer: { name: "Client Inc", country: "US", type: "business" } });
  await createPurchase({
    caller,
    businessId: business.id,
    input: { date: "2026-10-05", supplier: { name: "Vroeg BV" }, netCents: 100_00 },
  });
  await createPurchase({
    caller,
    businessId: business.id,
    input: { date: "2026-10-16", supplier: { name: "Computershop BV" }, netCents: 1_200_00, category: "INVESTMENT_MOVABLE" },
  });
  await createPurchase({
    caller,
    businessId: business.id,
    input: { date: "2026-11-05", supplier: { name: "Lieferant GmbH", country: "DE" }, netCents: 600_00, vatTreatment: "EU_REVERSE_CHARGE" },
  });
});

const figure = (data: Awaited<ReturnType<typeof getVatReturn>>, code: string) => {
  const r = data.rubrieken.find((x) => x.code === code)!;
  return [r.turnoverEuros, r.vatEuros];
};

describe("the VAT return of a business that crossed in Q4", () => {
  it("is due from the crossing quarter on, with the rubrieken from invoices and purchases", async () => {
    const caller = { userId: owner.id };
    const year = await getVatReturnYear({ caller, businessId: business.id, year: "2026" });
    expect(year.frequency).toBe("quarter");
    expect(year.periods.map((p) => [p.label, p.status, p.outsideKorFrom])).toEqual([
      ["2026-Q1", "notRequired", null],
      ["2026-Q2", "notRequired", null],
      ["2026-Q3", "notRequired", null],
      ["2026-Q4", "open", "2026-10-15"],
    ]);

    const q4 = await getVatReturn({ caller, businessId: business.id, period: "2026-Q4" });
    expect(q4.required).toBe(true);
    expect(q4.period.dueDate).toBe("2027-01-31");
    expect(figure(q4, "1a")).toEqual([1_000, 210]);
    expect(figure(q4, "1e")).toEqual([2_000, null]);
    expect(figure(q4, "3a")).toEqual([800, null]);
    expect(figure(q4, "3b")).toEqual([1_500, null]);
    expect(figure(q4, "4b")).toEqual([600, 126]);
    // 5a = 210 + 126; 5b = 252 (laptop) + 126 (reverse charge); the purchase of 5 October was inside the KOR.
    expect(figure(q4, "5a")).toEqual([null, 336]);
    expect(figure(q4, "5b")).toEqual([null, 378]);
    expect(figure(q4, "5g")).toEqual([null, -42]);
    expect(q4.notes.map((n) => [n.kind, n.document.label])).toEqual([["insideKor", "Vroeg BV"]]);
    expect(year.periods[3]!.vatEuros5g).toBe(-42);
  });

  it("keeps the figures as filed and shows the suppletie after a change", async () => {
    const caller = { userId: owner.id };
    expect(await refusal(fileVatReturn({ caller, businessId: business.id, period: "2026-Q3", input: { filedOn: "2026-10-20" } }))).toEqual({
      code: "VALIDATION_FAILED",
      period: "validation.notFiledPeriod",
    });
    const filed = await fileVatReturn({ caller, businessId: business.id, period: "2026-Q4", input: { filedOn: "2027-01-20" } });
    expect(filed).toMatchObject({ period: "2026-Q4", filedOn: "2027-01-20" });
    expect(await refusal(fileVatReturn({ caller, businessId: business.id, period: "2026-Q4", input: { filedOn: "2027-01-21" } }))).toEqual({
      code: "CONFLICT",
      period: "validation.alreadyFiled",
    });

    let q4 = await getVatReturn({ caller, businessId: business.id, period: "2026-Q4" });
    expect([q4.status, q4.correction?.needed]).toEqual(["filed", false]);

    await updateInvoice({ caller, businessId: business.id, invoiceId: crossingInvoiceId, patch: { netCents: 1_100_00, vatCents: 231_00 } });
    q4 = await getVatReturn({ caller, businessId: business.id, period: "2026-Q4" });
    expect(q4.status).toBe("correctionNeeded");
    const r1a = q4.correction!.rubrieken.find((r) => r.code === "1a")!;
    expect([r1a.turnoverEuros, r1a.vatEuros, r1a.changes.map((c) => c.change)]).toEqual([100, 21, ["changed"]]);
    expect(q4.correction!.rubrieken.find((r) => r.code === "5g")!.vatEuros).toBe(21);
    expect((await getVatReturnYear({ caller, businessId: business.id, year: 2026 })).periods[3]!.status).toBe("correctionNeeded");

    await fileVatReturn({ caller, businessId: business.id, period: "2026-Q4", input: { filedOn: "2027-02-10", correction: true } });
    q4 = await getVatReturn({ caller, businessId: business.id, period: "2026-Q4" });
    expect([q4.status, q4.filing?.filedOn, q4.filing?.figures.rubrieken["1a"].vatEuros]).toEqual(["filed", "2027-02-10", 231]);
    const actions = (
      await db().auditLog.findMany({ where: { businessId: business.id, entityType: "VatReturnFiling" }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["vatReturn.filed", "vatReturn.correctionFiled"]);
  });

  it("is not found for an outsider, and refuses a period that is not one", async () => {
    const stranger = { userId: (await createUser("vreemd")).id };
    expect((await refusal(getVatReturn({ caller: stranger, businessId: business.id, period: "2026-Q4" }))).code).toBe("NOT_FOUND");
    expect((await refusal(getVatReturnYear({ caller: stranger, businessId: business.id, year: 2026 }))).code).toBe("NOT_FOUND");
    expect(
      (await refusal(fileVatReturn({ caller: stranger, businessId: business.id, period: "2026-Q4", input: { filedOn: "2027-01-20" } })))
        .code,
    ).toBe("NOT_FOUND");
    expect(await db().vatReturnFiling.count({ where: { businessId: business.id } })).toBe(0);
    expect(await refusal(getVatReturn({ caller: { userId: owner.id }, businessId: business.id, period: "2026-Q5" }))).toEqual({
      code: "VALIDATION_FAILED",
      period: "validation.period",
    });
  });
});

describe("the KOR comparison", () => {
  it("takes the input VAT from the year's purchases and saves its answer", async () => {
    const caller = { userId: owner.id };
    const { comparison } = await getDashboard({ caller, businessId: business.id, year: 2026 });
    // 21.00 + 252.00 + 126.00: Dutch VAT and reverse-charged VAT of every 2026 purchase.
    expect([comparison.inputVatCents, comparison.purchaseCount, comparison.saved]).toEqual([399_00, 3, null]);
    const saved = await saveKorComparison({ caller, businessId: business.id, input: { year: 2026, businessCustomerShare: 40 } });
    expect(saved).toMatchObject({ inputVatCents: 399_00, businessCustomerShare: 40 });
    expect(saved.outsideMinusInsideCents).toBe(399_00 - saved.vatFromConsumerPricesCents);
    expect((await getDashboard({ caller, businessId: business.id, year: 2026 })).comparison.saved).toEqual(saved);
    expect(
      await refusal(saveKorComparison({ caller, businessId: business.id, input: { year: 2026, businessCustomerShare: 140 } })),
    ).toEqual({ code: "VALIDATION_FAILED", businessCustomerShare: "validation.share" });
    const stranger = { userId: (await createUser("vreemd2")).id };
    expect(
      (await refusal(saveKorComparison({ caller: stranger, businessId: business.id, input: { year: 2026, businessCustomerShare: 10 } })))
        .code,
    ).toBe("NOT_FOUND");
  });
});
