// The guard against unscoped tenant queries, on the real client.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

describe("tenant where-guard", () => {
  it("throws on a businessId that is undefined", async () => {
    const businessId: string | undefined = undefined;
    await expect(db().invoice.findMany({ where: { businessId } })).rejects.toThrow(/businessId is undefined/);
    await expect(db().invoice.deleteMany({ where: { businessId } })).rejects.toThrow(/businessId is undefined/);
  });

  it("throws on a missing or empty where", async () => {
    await expect(db().invoice.findMany()).rejects.toThrow(/needs a where clause/);
    await expect(db().membership.updateMany({ where: {}, data: { role: "OWNER" } })).rejects.toThrow(/needs a where clause/);
    await expect(db().auditLog.count({ where: { action: undefined } })).rejects.toThrow(/needs a where clause/);
  });

  it("lets a scoped query through", async () => {
    const owner = await createUser("guard");
    const business = await createOwnedBusiness(owner.id);
    await expect(db().membership.findMany({ where: { businessId: business.id } })).resolves.toHaveLength(1);
  });

  it("leaves non-tenant models alone", async () => {
    await expect(db().user.count()).resolves.toBeGreaterThan(0);
  });
});
