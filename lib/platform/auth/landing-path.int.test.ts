// Where a user lands after login (issue #16): an accountant without a business of his own
// on /accountant, owners and members (also when they are accountants too) on /businesses.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { landingPath } from "@/lib/platform/auth/landing-path";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

let owner: { id: string; email: string };
let business: BusinessDto;

beforeEach(async () => {
  owner = await createUser("owner");
  business = await createOwnedBusiness(owner.id, "Studio Landing");
});

describe("landingPath", () => {
  it("sends an owner to her businesses", async () => {
    expect(await landingPath({ id: owner.id, isAccountant: false })).toBe("/businesses");
  });

  it("sends a new user without businesses to the businesses page (to create one)", async () => {
    const user = await createUser("new");
    expect(await landingPath({ id: user.id, isAccountant: false })).toBe("/businesses");
  });

  it("sends a user whose only memberships are ACCOUNTANT to /accountant", async () => {
    const accountant = await createUser("accountant");
    await db().membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_ONLY" } });
    expect(await landingPath({ id: accountant.id, isAccountant: false })).toBe("/accountant");
  });

  it("sends an accountant (by flag) without clients or businesses to /accountant", async () => {
    const accountant = await createUser("accountant");
    expect(await landingPath({ id: accountant.id, isAccountant: true })).toBe("/accountant");
  });

  it("sends an accountant who owns a business of his own to his businesses", async () => {
    const accountant = await createUser("accountant");
    await db().membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_ONLY" } });
    await createOwnedBusiness(accountant.id, "Eigen Zaak");
    expect(await landingPath({ id: accountant.id, isAccountant: true })).toBe("/businesses");
  });
});
