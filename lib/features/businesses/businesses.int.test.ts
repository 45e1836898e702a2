// Every business and member helper, paired: refused for an outsider, allowed for a member.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { requireBusinessAccess } from "@/lib/features/businesses/access";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { getBusiness } from "@/lib/features/businesses/get-business";
import { listBusinesses } from "@/lib/features/businesses/list-businesses";
import { updateBusiness } from "@/lib/features/businesses/update-business";
import { addMember } from "@/lib/features/members/add-member";
import { changeMemberRole } from "@/lib/features/members/change-member-role";
import { listMembers } from "@/lib/features/members/list-members";
import { removeMember } from "@/lib/features/members/remove-member";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { getTurnover } from "@/lib/features/turnover/get-turnover";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

const notFound = { code: "NOT_FOUND" };
let owner: { id: string; email: string };
let outsider: { id: string; email: string };
let member: { id: string; email: string };
let business: BusinessDto;

beforeEach(async () => {
  owner = await createUser("owner");
  outsider = await createUser("outsider");
  member = await createUser("member");
  business = await createOwnedBusiness(owner.id, "Studio Test");
  await addMember({ caller: { userId: owner.id }, businessId: business.id, input: { email: member.email } });
});

const asCaller = (user: { id: string }) => ({ userId: user.id });

describe("startedOn, the first day of business (issue #16)", () => {
  it("is set on creation and changed by the owner, and the projection counts a starter's pace from it", async () => {
    const caller = asCaller(owner);
    const starter = await createBusiness({
      caller,
      input: { name: "Starter BV", startedOn: "2026-09-01", korParticipations: [{ from: "2026-09-01" }] },
    });
    expect(starter.startedOn).toBe("2026-09-01");
    await createInvoice({
      caller,
      businessId: starter.id,
      input: { number: "1", date: "2026-09-15", customer: { name: "Klant" }, category: "NL_STANDARD", netCents: 200_000 },
    });
    const turnover = await getTurnover({ caller, businessId: starter.id, year: 2026 });
    expect(turnover.projection.kor.observedFrom).toBe("2026-09-01");

    const moved = await updateBusiness({
      caller,
      businessId: starter.id,
      input: { name: "Starter BV", startedOn: "2026-08-01", korParticipations: [{ from: "2026-09-01" }] },
    });
    expect(moved.startedOn).toBe("2026-08-01");
    expect((await getTurnover({ caller, businessId: starter.id, year: 2026 })).projection.kor.observedFrom).toBe("2026-08-01");
  });

  it("refuses an impossible date with a field message", async () => {
    await expect(createBusiness({ caller: asCaller(owner), input: { name: "Starter BV", startedOn: "2026-02-30" } })).rejects.toMatchObject(
      { fields: { startedOn: "validation.date" } },
    );
  });
});

describe("createBusiness", () => {
  it("makes the caller its owner and writes the audit log", async () => {
    expect(business).toMatchObject({
      name: "Studio Test",
      role: "OWNER",
      kvkNumber: "12345678",
      korParticipations: [{ from: "2025-01-01", to: null }],
    });
    const audit = await db().auditLog.findMany({ where: { businessId: business.id, action: "business.create" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(owner.id);
  });

  it("changes nothing when the input is invalid", async () => {
    const before = await db().business.count();
    await expect(createBusiness({ caller: asCaller(owner), input: { name: "", kvkNumber: "12" } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { name: "validation.required", kvkNumber: "validation.kvkNumber" },
    });
    expect(await db().business.count()).toBe(before);
  });
});

describe("requireBusinessAccess", () => {
  it("refuses an outsider with not found", async () => {
    await expect(requireBusinessAccess({ caller: asCaller(outsider), businessId: business.id, need: "read" })).rejects.toMatchObject(
      notFound,
    );
  });
  it("allows a member", async () => {
    await expect(requireBusinessAccess({ caller: asCaller(member), businessId: business.id, need: "write" })).resolves.toMatchObject({
      role: "MEMBER",
    });
  });
  it("answers not found for a malformed id instead of a database error", async () => {
    await expect(requireBusinessAccess({ caller: asCaller(owner), businessId: "1; DROP TABLE", need: "read" })).rejects.toMatchObject(
      notFound,
    );
  });
  it("refuses a member what only an owner may do", async () => {
    await expect(requireBusinessAccess({ caller: asCaller(member), businessId: business.id, need: "manage" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
  it("refuses writes to a read-only accountant", async () => {
    const accountant = await createUser("accountant");
    await db().membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_ONLY" } });
    await expect(requireBusinessAccess({ caller: asCaller(accountant), businessId: business.id, need: "read" })).resolves.toBeTruthy();
    await expect(requireBusinessAccess({ caller: asCaller(accountant), businessId: business.id, need: "write" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("getBusiness", () => {
  it("refuses an outsider", async () => {
    await expect(getBusiness({ caller: asCaller(outsider), businessId: business.id })).rejects.toMatchObject(notFound);
  });
  it("allows a member", async () => {
    await expect(getBusiness({ caller: asCaller(member), businessId: business.id })).resolves.toMatchObject({
      id: business.id,
      role: "MEMBER",
    });
  });
});

describe("listBusinesses", () => {
  it("lists nothing of another user's", async () => {
    expect((await listBusinesses({ caller: asCaller(outsider) })).map((b) => b.id)).not.toContain(business.id);
  });
  it("lists the businesses a user belongs to", async () => {
    expect((await listBusinesses({ caller: asCaller(member) })).map((b) => b.id)).toContain(business.id);
  });
});

describe("updateBusiness", () => {
  const input = {
    name: "Studio Nieuw",
    vatNumber: "NL000099998B57",
    filingPeriod: "month",
    korParticipations: [{ from: "2025-01-01", to: "2025-12-31" }],
  };
  it("refuses an outsider and changes nothing", async () => {
    await expect(updateBusiness({ caller: asCaller(outsider), businessId: business.id, input })).rejects.toMatchObject(notFound);
    expect((await db().business.findUniqueOrThrow({ where: { id: business.id } })).name).toBe("Studio Test");
  });
  it("refuses a member (owners only)", async () => {
    await expect(updateBusiness({ caller: asCaller(member), businessId: business.id, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
  it("allows the owner, replaces the KOR periods and audits before and after", async () => {
    const updated = await updateBusiness({ caller: asCaller(owner), businessId: business.id, input });
    expect(updated).toMatchObject({
      name: "Studio Nieuw",
      filingPeriod: "month",
      korParticipations: [{ from: "2025-01-01", to: "2025-12-31" }],
    });
    const audit = await db().auditLog.findFirstOrThrow({ where: { businessId: business.id, action: "business.update" } });
    expect(audit.before).toMatchObject({ name: "Studio Test" });
    expect(audit.after).toMatchObject({ name: "Studio Nieuw" });
  });
});

describe("members", () => {
  it("listMembers refuses an outsider", async () => {
    await expect(listMembers({ caller: asCaller(outsider), businessId: business.id })).rejects.toMatchObject(notFound);
  });
  it("listMembers allows a member", async () => {
    const members = await listMembers({ caller: asCaller(member), businessId: business.id });
    expect(members.map((m) => [m.email, m.role])).toEqual([
      [owner.email, "OWNER"],
      [member.email, "MEMBER"],
    ]);
  });
  it("addMember refuses an outsider", async () => {
    await expect(
      addMember({ caller: asCaller(outsider), businessId: business.id, input: { email: outsider.email } }),
    ).rejects.toMatchObject(notFound);
  });
  it("addMember refuses a member (owners manage members)", async () => {
    const other = await createUser("other");
    await expect(addMember({ caller: asCaller(member), businessId: business.id, input: { email: other.email } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
  it("addMember says which field is wrong for an unknown or existing user", async () => {
    await expect(
      addMember({ caller: asCaller(owner), businessId: business.id, input: { email: "nobody@test.drempel.nl" } }),
    ).rejects.toMatchObject({
      fields: { email: "validation.unknownUser" },
    });
    await expect(
      addMember({ caller: asCaller(owner), businessId: business.id, input: { email: member.email.toUpperCase() } }),
    ).rejects.toMatchObject({
      fields: { email: "validation.alreadyMember" },
    });
  });
  it("addMember treats an account whose address is not verified as unknown (issue #15: whoever registered it first gets nothing)", async () => {
    const squatter = await createUser("unverified", { verified: false });
    await expect(addMember({ caller: asCaller(owner), businessId: business.id, input: { email: squatter.email } })).rejects.toMatchObject({
      fields: { email: "validation.unknownUser" },
    });
    expect(await db().membership.count({ where: { businessId: business.id, userId: squatter.id } })).toBe(0);
  });
  it("changeMemberRole refuses an outsider and allows the owner", async () => {
    const membership = await db().membership.findFirstOrThrow({ where: { businessId: business.id, userId: member.id } });
    await expect(
      changeMemberRole({ caller: asCaller(outsider), businessId: business.id, membershipId: membership.id, input: { role: "OWNER" } }),
    ).rejects.toMatchObject(notFound);
    await changeMemberRole({ caller: asCaller(owner), businessId: business.id, membershipId: membership.id, input: { role: "OWNER" } });
    expect((await db().membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("OWNER");
  });
  it("keeps at least one owner", async () => {
    const ownership = await db().membership.findFirstOrThrow({ where: { businessId: business.id, userId: owner.id } });
    await expect(removeMember({ caller: asCaller(owner), businessId: business.id, membershipId: ownership.id })).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { role: "validation.lastOwner" },
    });
  });
  it("a membership id of another business is not found", async () => {
    const otherBusiness = await createOwnedBusiness(outsider.id, "Elders");
    const foreign = await db().membership.findFirstOrThrow({ where: { businessId: otherBusiness.id } });
    await expect(removeMember({ caller: asCaller(owner), businessId: business.id, membershipId: foreign.id })).rejects.toMatchObject(
      notFound,
    );
    expect(await db().membership.count({ where: { id: foreign.id } })).toBe(1);
  });
  it("removeMember refuses an outsider and revokes access from the next request", async () => {
    const membership = await db().membership.findFirstOrThrow({ where: { businessId: business.id, userId: member.id } });
    await expect(removeMember({ caller: asCaller(outsider), businessId: business.id, membershipId: membership.id })).rejects.toMatchObject(
      notFound,
    );
    await removeMember({ caller: asCaller(owner), businessId: business.id, membershipId: membership.id });
    await expect(getBusiness({ caller: asCaller(member), businessId: business.id })).rejects.toMatchObject(notFound);
  });
});
