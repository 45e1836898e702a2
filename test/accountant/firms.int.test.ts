// Firms and sharing a client with a colleague: a firm grants nothing by itself; sharing
// creates the colleague's own membership (same or lower level, audit-logged), which the
// owner sees with the firm's name and revokes like any other. Paired isolation: an
// accountant without access (or revoked) cannot share (404), a non-colleague cannot be
// given access, read-only cannot hand out read-write.
import { beforeEach, describe, expect, it } from "vitest";
import { listBusinessAccountants } from "@/lib/features/accountant/list-business-accountants";
import { revokeAccountant } from "@/lib/features/accountant/revoke-accountant";
import { addFirmColleague, createFirm, getMyFirm, leaveFirm, listShareableClients } from "@/lib/features/accountant/firms";
import { shareClient } from "@/lib/features/accountant/share-client";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { getBusiness } from "@/lib/features/businesses/get-business";
import { db } from "@/lib/platform/db/client";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { validInvoice } from "@/test/api/helpers";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

type User = Awaited<ReturnType<typeof createUser>>;
let owner: User;
let alice: User;
let bob: User;
let stranger: User;
let business: BusinessDto;

const accountantUser = async (label: string) =>
  db().user.update({ where: { id: (await createUser(label)).id }, data: { isAccountant: true } });

beforeEach(async () => {
  owner = await createUser("owner");
  alice = await accountantUser("alice");
  bob = await accountantUser("bob");
  stranger = await accountantUser("stranger");
  business = await createOwnedBusiness(owner.id, "Klant Gedeeld");
  await db().membership.create({ data: { businessId: business.id, userId: alice.id, role: "ACCOUNTANT", access: "READ_WRITE" } });
  await createFirm({ caller: { userId: alice.id }, input: { name: "Kantoor De Telling" } });
  await addFirmColleague({ caller: { userId: alice.id }, input: { email: bob.email } });
});

describe("firms", () => {
  it("the creator administers; colleagues are registered accountants in no other firm", async () => {
    const firm = await getMyFirm({ caller: { userId: bob.id } });
    expect(firm).toMatchObject({ name: "Kantoor De Telling", role: "MEMBER" });
    expect(firm!.members.map((m) => [m.email, m.role])).toEqual([
      [alice.email, "ADMIN"],
      [bob.email, "MEMBER"],
    ]);
    const plain = await createUser("plain");
    await expect(addFirmColleague({ caller: { userId: alice.id }, input: { email: plain.email } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { email: "accountant.errors.notAnAccountant" },
    });
    await expect(addFirmColleague({ caller: { userId: alice.id }, input: { email: "nobody@test.drempel.nl" } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await expect(addFirmColleague({ caller: { userId: bob.id }, input: { email: stranger.email } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(addFirmColleague({ caller: { userId: stranger.id }, input: { email: bob.email } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await createFirm({ caller: { userId: stranger.id }, input: { name: "Ander Kantoor" } });
    await expect(addFirmColleague({ caller: { userId: stranger.id }, input: { email: bob.email } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(createFirm({ caller: { userId: bob.id }, input: { name: "Tweede" } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(createFirm({ caller: { userId: plain.id }, input: { name: "  " } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { name: "validation.required" },
    });
  });

  it("a leaving administrator hands the firm on; the last one to leave ends it; access to clients stays per person", async () => {
    await shareClient({ caller: { userId: alice.id }, businessId: business.id, input: { colleagueId: bob.id, access: "READ_ONLY" } });
    await leaveFirm({ caller: { userId: alice.id } });
    expect(await getMyFirm({ caller: { userId: alice.id } })).toBeNull();
    const firm = await getMyFirm({ caller: { userId: bob.id } });
    expect(firm!.members.map((m) => [m.email, m.role])).toEqual([[bob.email, "ADMIN"]]);
    expect((await getBusiness({ caller: { userId: bob.id }, businessId: business.id })).id).toBe(business.id);
    await leaveFirm({ caller: { userId: bob.id } });
    expect(await db().firm.count({ where: { id: firm!.id } })).toBe(0);
    await expect(leaveFirm({ caller: { userId: bob.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("sharing a client with a colleague", () => {
  it("creates the colleague's membership, audit-logged under the sharer; the owner sees it with the firm and can revoke it", async () => {
    await expect(getBusiness({ caller: { userId: bob.id }, businessId: business.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listShareableClients({ caller: { userId: alice.id } })).toEqual([{ businessId: business.id, name: "Klant Gedeeld" }]);
    expect(await listShareableClients({ caller: { userId: bob.id } })).toEqual([]);
    await shareClient({ caller: { userId: alice.id }, businessId: business.id, input: { colleagueId: bob.id, access: "READ_ONLY" } });
    expect((await getBusiness({ caller: { userId: bob.id }, businessId: business.id })).name).toBe("Klant Gedeeld");
    await expect(createInvoice({ caller: { userId: bob.id }, businessId: business.id, input: validInvoice() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const audit = await db().auditLog.findFirstOrThrow({ where: { businessId: business.id, action: "accountant.share" } });
    expect(audit).toMatchObject({ actorId: alice.id, after: { email: bob.email, access: "READ_ONLY", firm: "Kantoor De Telling" } });

    const { accountants } = await listBusinessAccountants({ caller: { userId: owner.id }, businessId: business.id });
    expect(accountants.map((a) => [a.email, a.firm, a.access])).toEqual([
      [alice.email, "Kantoor De Telling", "READ_WRITE"],
      [bob.email, "Kantoor De Telling", "READ_ONLY"],
    ]);
    const bobs = accountants.find((a) => a.email === bob.email)!;
    await revokeAccountant({ caller: { userId: owner.id }, businessId: business.id, membershipId: bobs.membershipId });
    await expect(getBusiness({ caller: { userId: bob.id }, businessId: business.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("read-write can be shared by a read-write accountant; a read-only one cannot hand out more than it has", async () => {
    await shareClient({ caller: { userId: alice.id }, businessId: business.id, input: { colleagueId: bob.id, access: "READ_WRITE" } });
    expect((await createInvoice({ caller: { userId: bob.id }, businessId: business.id, input: validInvoice() })).id).toBeTruthy();
    const other = await createOwnedBusiness(owner.id, "Alleen Lezen");
    await db().membership.create({ data: { businessId: other.id, userId: alice.id, role: "ACCOUNTANT", access: "READ_ONLY" } });
    await expect(
      shareClient({ caller: { userId: alice.id }, businessId: other.id, input: { colleagueId: bob.id, access: "READ_WRITE" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().membership.count({ where: { businessId: other.id, userId: bob.id } })).toBe(0);
  });

  it("not granted, revoked or not a colleague: refused, nothing created", async () => {
    // The colleague has no access to this client, so cannot share it onward: 404.
    await expect(
      shareClient({ caller: { userId: bob.id }, businessId: business.id, input: { colleagueId: alice.id, access: "READ_ONLY" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      shareClient({ caller: { userId: alice.id }, businessId: business.id, input: { colleagueId: stranger.id, access: "READ_ONLY" } }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { colleagueId: "accountant.errors.notAColleague" } });
    await expect(
      shareClient({ caller: { userId: owner.id }, businessId: business.id, input: { colleagueId: bob.id, access: "READ_ONLY" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const mine = await db().membership.findFirstOrThrow({ where: { businessId: business.id, userId: alice.id } });
    await revokeAccountant({ caller: { userId: owner.id }, businessId: business.id, membershipId: mine.id });
    await expect(
      shareClient({ caller: { userId: alice.id }, businessId: business.id, input: { colleagueId: bob.id, access: "READ_ONLY" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().membership.count({ where: { businessId: business.id, userId: { in: [bob.id, stranger.id] } } })).toBe(0);
  });
});
