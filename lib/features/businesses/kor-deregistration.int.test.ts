// The deregistration step after a crossing (issue #16), paired: an outsider gets not
// found and changes nothing, a read-only accountant is refused, the owner ticks it off
// and the dashboard (cached by books version) shows it at once; an undo puts it back.
import { beforeEach, describe, expect, it } from "vitest";
import { createBusiness } from "@/lib/features/businesses/create-business";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { getDashboard } from "@/lib/features/dashboard/get-dashboard";
import { db } from "@/lib/platform/db/client";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { createUser } from "@/test/integration/factories";
import { recordKorDeregistration, undoKorDeregistration } from "./kor-deregistration";

let owner: { id: string };
let outsider: { id: string };
let business: BusinessDto;
const invoice = (number: string, date: string, netCents: number) => ({
  number,
  date,
  customer: { name: `Klant ${number}` },
  category: "NL_STANDARD",
  netCents,
});

beforeEach(async () => {
  owner = await createUser("owner");
  outsider = await createUser("outsider");
  business = await createBusiness({
    caller: { userId: owner.id },
    input: { name: "Afmeld BV", korParticipations: [{ from: "2025-01-01" }] },
  });
  const caller = { userId: owner.id };
  await createInvoice({ caller, businessId: business.id, input: invoice("2025-001", "2025-03-01", 1_950_000) });
  await createInvoice({ caller, businessId: business.id, input: invoice("2025-002", "2025-11-20", 100_000) });
});

describe("recordKorDeregistration", () => {
  it("refuses an outsider with not found and a read-only accountant with forbidden, writing nothing", async () => {
    const input = { endDate: "2025-11-20", sentOn: "2025-11-22" };
    await expect(recordKorDeregistration({ caller: { userId: outsider.id }, businessId: business.id, input })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const accountant = await createUser("accountant");
    await db().membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_ONLY" } });
    await expect(recordKorDeregistration({ caller: { userId: accountant.id }, businessId: business.id, input })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      undoKorDeregistration({ caller: { userId: outsider.id }, businessId: business.id, endDate: "2025-11-20" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().korDeregistration.count({ where: { businessId: business.id } })).toBe(0);
  });

  it("accepts only the crossing date as end date, and no sending date in the future", async () => {
    const caller = { userId: owner.id };
    await expect(
      recordKorDeregistration({ caller, businessId: business.id, input: { endDate: "2025-11-21", sentOn: "2025-11-22" } }),
    ).rejects.toMatchObject({ fields: { endDate: "validation.invalid" } });
    await expect(
      recordKorDeregistration({
        caller,
        businessId: business.id,
        input: { endDate: "2025-11-20", sentOn: "2025-12-01" },
        today: "2025-11-25",
      }),
    ).rejects.toMatchObject({ fields: { sentOn: "validation.dateInFuture" } });
    await expect(
      recordKorDeregistration({ caller, businessId: business.id, input: { endDate: "2025-11-20", sentOn: "2025-02-30", extra: 1 } }),
    ).rejects.toMatchObject({ fields: { sentOn: "validation.date", extra: "validation.unknownField" } });
  });

  it("the owner ticks it off: audited, and the dashboard shows it at once; undo takes it back", async () => {
    const caller = { userId: owner.id };
    const before = await getDashboard({ caller, businessId: business.id, year: 2025 });
    expect(before.participation).toMatchObject({
      status: "endedByCrossing",
      endedOn: "2025-11-20",
      earliestRejoin: "2027-01-01",
      deregistration: { sentOn: null },
    });
    expect(before.actions.some((a) => a.kind === "leaveNow")).toBe(true);

    await expect(
      recordKorDeregistration({ caller, businessId: business.id, input: { endDate: "2025-11-20", sentOn: "2025-11-22" } }),
    ).resolves.toEqual({ endDate: "2025-11-20", sentOn: "2025-11-22" });
    const audit = await db().auditLog.findFirstOrThrow({ where: { businessId: business.id, action: "kor.deregistration.record" } });
    expect(audit.actorId).toBe(owner.id);
    const after = await getDashboard({ caller, businessId: business.id, year: 2025 });
    expect(after.participation?.deregistration).toEqual({ endDate: "2025-11-20", sentOn: "2025-11-22", daysLate: null });
    expect(after.actions.find((a) => a.kind === "leftKor")).toMatchObject({ params: { sentOn: "2025-11-22" } });

    await undoKorDeregistration({ caller, businessId: business.id, endDate: "2025-11-20" });
    const undone = await getDashboard({ caller, businessId: business.id, year: 2025 });
    expect(undone.participation?.deregistration?.sentOn).toBeNull();
  });
});
