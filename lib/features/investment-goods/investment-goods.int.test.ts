// Investment goods against the real database, paired per operation: the owner may add,
// change and remove; an outsider gets NOT_FOUND for all of it (also with the right good id)
// and nothing changes; a read-only accountant may read but not write; invalid input is
// answered field by field and stores nothing; every change is in the audit log.
import { beforeEach, describe, expect, it } from "vitest";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { db } from "@/lib/platform/db/client";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { listInvestmentGoods } from "./list-investment-goods";
import { createInvestmentGood, deleteInvestmentGood, updateInvestmentGood } from "./save-investment-good";

let owner: { id: string };
let outsider: { id: string };
let accountant: { id: string };
let business: BusinessDto;
const car = { description: "Bestelauto", vat: "4.500", firstUseYear: 2020, kind: "MOVABLE" };

beforeEach(async () => {
  owner = await createUser("owner");
  outsider = await createUser("outsider");
  accountant = await createUser("accountant");
  business = await createOwnedBusiness(owner.id, "Herziening BV");
  await db().membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_ONLY" } });
});

const stored = () => db().investmentGood.findMany({ where: { businessId: business.id }, orderBy: { createdAt: "asc" } });

describe("investment goods", () => {
  it("lets the owner add, change and remove a good, audit-logged, with the VAT in cents", async () => {
    const caller = { userId: owner.id };
    const good = await createInvestmentGood({ caller, businessId: business.id, input: car });
    expect(good).toMatchObject({ description: "Bestelauto", vatCents: 450_000, firstUseYear: 2020, kind: "MOVABLE" });
    expect(await listInvestmentGoods({ caller, businessId: business.id })).toEqual([good]);

    const changed = await updateInvestmentGood({
      caller,
      businessId: business.id,
      goodId: good.id,
      input: { ...car, vat: "5000,50", kind: "IMMOVABLE" },
    });
    expect(changed).toMatchObject({ id: good.id, vatCents: 500_050, kind: "IMMOVABLE" });
    await deleteInvestmentGood({ caller, businessId: business.id, goodId: good.id });
    expect(await stored()).toEqual([]);

    const log = await db().auditLog.findMany({
      where: { businessId: business.id, entityType: "InvestmentGood" },
      orderBy: { createdAt: "asc" },
    });
    expect(log.map((entry) => entry.action)).toEqual(["investmentGood.create", "investmentGood.update", "investmentGood.delete"]);
    expect(log.every((entry) => entry.actorId === owner.id && entry.entityId === good.id)).toBe(true);
    expect(log[1]?.before).toMatchObject({ vatCents: 450_000 });
    expect(log[1]?.after).toMatchObject({ vatCents: 500_050 });
  });

  it("gives an outsider NOT_FOUND for every operation and changes nothing", async () => {
    const good = await createInvestmentGood({ caller: { userId: owner.id }, businessId: business.id, input: car });
    const caller = { userId: outsider.id };
    await expect(listInvestmentGoods({ caller, businessId: business.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createInvestmentGood({ caller, businessId: business.id, input: car })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updateInvestmentGood({ caller, businessId: business.id, goodId: good.id, input: { ...car, vat: "1" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteInvestmentGood({ caller, businessId: business.id, goodId: good.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The outsider's own business cannot reach the good by id either.
    const own = await createOwnedBusiness(outsider.id, "Buurman BV");
    await expect(updateInvestmentGood({ caller, businessId: own.id, goodId: good.id, input: car })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(deleteInvestmentGood({ caller, businessId: own.id, goodId: good.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await stored()).map((row) => [row.id, row.vatCents])).toEqual([[good.id, 450_000]]);
    expect(await db().auditLog.count({ where: { entityType: "InvestmentGood", actorId: outsider.id } })).toBe(0);
  });

  it("lets a read-only accountant read but not write", async () => {
    const good = await createInvestmentGood({ caller: { userId: owner.id }, businessId: business.id, input: car });
    const caller = { userId: accountant.id };
    expect(await listInvestmentGoods({ caller, businessId: business.id })).toEqual([good]);
    await expect(createInvestmentGood({ caller, businessId: business.id, input: car })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateInvestmentGood({ caller, businessId: business.id, goodId: good.id, input: car })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(deleteInvestmentGood({ caller, businessId: business.id, goodId: good.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await stored()).toHaveLength(1);
  });

  it("lets a read-write accountant write", async () => {
    await db().membership.update({
      where: { businessId_userId: { businessId: business.id, userId: accountant.id } },
      data: { access: "READ_WRITE" },
    });
    const good = await createInvestmentGood({ caller: { userId: accountant.id }, businessId: business.id, input: car });
    expect(good.vatCents).toBe(450_000);
  });

  it("answers invalid input field by field and stores nothing", async () => {
    const caller = { userId: owner.id };
    await expect(
      createInvestmentGood({
        caller,
        businessId: business.id,
        input: { description: " ", vat: "veel", firstUseYear: 1800, kind: "CAR", extra: 1 },
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: {
        description: "validation.required",
        vat: "validation.amount",
        firstUseYear: "validation.firstUseYear",
        kind: "validation.goodKind",
        extra: "validation.unknownField",
      },
    });
    await expect(createInvestmentGood({ caller, businessId: business.id, input: { ...car, vat: "0" } })).rejects.toMatchObject({
      fields: { vat: "validation.positiveAmount" },
    });
    const good = await createInvestmentGood({ caller, businessId: business.id, input: car });
    await expect(
      updateInvestmentGood({ caller, businessId: business.id, goodId: good.id, input: { ...car, vat: "" } }),
    ).rejects.toMatchObject({ fields: { vat: "validation.required" } });
    expect((await stored()).map((row) => row.vatCents)).toEqual([450_000]);
    expect(await db().auditLog.count({ where: { businessId: business.id, entityType: "InvestmentGood" } })).toBe(1);
  });
});
