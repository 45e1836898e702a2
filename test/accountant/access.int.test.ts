// Paired isolation tests for an accountant's access: every API route and the lib
// functions behind the accountant's pages answer 404 to an accountant who was not
// granted the business (or whose access was revoked, from the next request on), allow
// a granted one, and refuse writes to a read-only one. Invitations: only the invitee can
// answer them, only the owner can send, withdraw or revoke.
import { beforeEach, describe, expect, it } from "vitest";
import * as businessesRoute from "@/app/api/v1/businesses/route";
import * as invoicesRoute from "@/app/api/v1/businesses/[businessId]/invoices/route";
import * as invoiceRoute from "@/app/api/v1/businesses/[businessId]/invoices/[invoiceId]/route";
import * as turnoverRoute from "@/app/api/v1/businesses/[businessId]/turnover/route";
import { changeAccountantAccess } from "@/lib/features/accountant/change-accountant-access";
import { getAccountantOverview, listAccountantClients } from "@/lib/features/accountant/get-accountant-overview";
import { inviteAccountant } from "@/lib/features/accountant/invite-accountant";
import { listBusinessAccountants } from "@/lib/features/accountant/list-business-accountants";
import { hasAccountantView, listMyInvitations } from "@/lib/features/accountant/list-my-invitations";
import { respondToInvitation } from "@/lib/features/accountant/respond-to-invitation";
import { revokeAccountant } from "@/lib/features/accountant/revoke-accountant";
import { withdrawInvitation } from "@/lib/features/accountant/withdraw-invitation";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { getBusiness } from "@/lib/features/businesses/get-business";
import { getDashboard } from "@/lib/features/dashboard/get-dashboard";
import { db } from "@/lib/platform/db/client";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { listInvoiceHistory } from "@/lib/features/invoices/list-invoice-history";
import { listInvoices } from "@/lib/features/invoices/list-invoices";
import { apiRequest, ctx, readJson, snapshot, tokenFor, validInvoice } from "@/test/api/helpers";
import { createOwnedBusiness, createUser, mailedInvitationToken } from "@/test/integration/factories";

type User = Awaited<ReturnType<typeof createUser>>;
let owner: User;
let accountant: User;
let business: BusinessDto;
let invoiceId: string;
let accountantToken: string;

async function grant(access: "READ_ONLY" | "READ_WRITE", who: User = accountant, to: BusinessDto = business) {
  const invitation = await inviteAccountant({ caller: { userId: owner.id }, businessId: to.id, input: { email: who.email, access } });
  await respondToInvitation({ caller: { userId: who.id }, token: await mailedInvitationToken(invitation.id), accept: true });
}

async function membershipId(): Promise<string> {
  return (await db().membership.findFirstOrThrow({ where: { businessId: business.id, userId: accountant.id } })).id;
}

beforeEach(async () => {
  owner = await createUser("owner");
  accountant = await createUser("accountant");
  business = await createOwnedBusiness(owner.id, "Studio Klant");
  invoiceId = (await createInvoice({ caller: { userId: owner.id }, businessId: business.id, input: validInvoice({ number: "2026-001" }) }))
    .id;
  accountantToken = await tokenFor(accountant.id);
});

type Call = { name: string; write: boolean; ok: number; send: () => Promise<Response> };
const calls: Call[] = [
  {
    name: "GET /businesses/{id}/invoices",
    write: false,
    ok: 200,
    send: () =>
      invoicesRoute.GET(
        apiRequest("GET", `/api/v1/businesses/${business.id}/invoices?year=2026`, { token: accountantToken }),
        ctx({ businessId: business.id }),
      ),
  },
  {
    name: "POST /businesses/{id}/invoices",
    write: true,
    ok: 201,
    send: () =>
      invoicesRoute.POST(
        apiRequest("POST", `/api/v1/businesses/${business.id}/invoices`, {
          token: accountantToken,
          body: validInvoice({ number: "2026-002" }),
        }),
        ctx({ businessId: business.id }),
      ),
  },
  {
    name: "GET /businesses/{id}/invoices/{invoiceId}",
    write: false,
    ok: 200,
    send: () =>
      invoiceRoute.GET(
        apiRequest("GET", `/api/v1/businesses/${business.id}/invoices/${invoiceId}`, { token: accountantToken }),
        ctx({ businessId: business.id, invoiceId }),
      ),
  },
  {
    name: "PATCH /businesses/{id}/invoices/{invoiceId}",
    write: true,
    ok: 200,
    send: () =>
      invoiceRoute.PATCH(
        apiRequest("PATCH", `/api/v1/businesses/${business.id}/invoices/${invoiceId}`, {
          token: accountantToken,
          body: { netCents: 5_000, vatCents: 1_050 },
        }),
        ctx({ businessId: business.id, invoiceId }),
      ),
  },
  {
    name: "DELETE /businesses/{id}/invoices/{invoiceId}",
    write: true,
    ok: 200,
    send: () =>
      invoiceRoute.DELETE(
        apiRequest("DELETE", `/api/v1/businesses/${business.id}/invoices/${invoiceId}`, { token: accountantToken }),
        ctx({ businessId: business.id, invoiceId }),
      ),
  },
  {
    name: "GET /businesses/{id}/turnover",
    write: false,
    ok: 200,
    send: () =>
      turnoverRoute.GET(
        apiRequest("GET", `/api/v1/businesses/${business.id}/turnover?year=2026`, { token: accountantToken }),
        ctx({ businessId: business.id }),
      ),
  },
];

describe.each(calls)("API $name as an accountant", (call) => {
  it("answers 404 when the business did not grant access, and changes nothing", async () => {
    const before = await snapshot(business.id);
    const response = await call.send();
    expect(response.status).toBe(404);
    expect((await readJson(response)).error.code).toBe("NOT_FOUND");
    expect(await snapshot(business.id)).toBe(before);
  });

  it("is allowed once the owner granted read-and-register access", async () => {
    await grant("READ_WRITE");
    const response = await call.send();
    expect(response.status).toBe(call.ok);
  });

  it("answers 404 from the next request on after the owner revoked access", async () => {
    await grant("READ_WRITE");
    await revokeAccountant({ caller: { userId: owner.id }, businessId: business.id, membershipId: await membershipId() });
    const before = await snapshot(business.id);
    const response = await call.send();
    expect(response.status).toBe(404);
    expect(await snapshot(business.id)).toBe(before);
  });

  it(call.write ? "refuses a read-only accountant with 403 and changes nothing" : "allows a read-only accountant", async () => {
    await grant("READ_ONLY");
    const before = await snapshot(business.id);
    const response = await call.send();
    if (call.write) {
      expect(response.status).toBe(403);
      expect((await readJson(response)).error.code).toBe("FORBIDDEN");
      expect(await snapshot(business.id)).toBe(before);
    } else {
      expect(response.status).toBe(200);
    }
  });
});

describe("GET /businesses as an accountant", () => {
  it("lists no client before access is granted", async () => {
    const response = await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { token: accountantToken }), ctx({}));
    expect((await readJson(response)).data).toEqual([]);
  });

  it("lists the client with the accountant's role and level once granted", async () => {
    await grant("READ_ONLY");
    const response = await businessesRoute.GET(apiRequest("GET", "/api/v1/businesses", { token: accountantToken }), ctx({}));
    expect((await readJson(response)).data).toEqual([
      expect.objectContaining({ id: business.id, role: "ACCOUNTANT", access: "READ_ONLY" }),
    ]);
  });
});

describe("the pages' lib functions as an accountant", () => {
  const caller = () => ({ userId: accountant.id });
  const pageReads = [
    { name: "business (layout, settings)", read: () => getBusiness({ caller: caller(), businessId: business.id }) },
    { name: "dashboard", read: () => getDashboard({ caller: caller(), businessId: business.id, year: 2026 }) },
    { name: "invoice list", read: () => listInvoices({ caller: caller(), businessId: business.id, query: {} }) },
    { name: "invoice history", read: () => listInvoiceHistory({ caller: caller(), businessId: business.id, invoiceId }) },
  ];

  it.each(pageReads)("$name: NOT_FOUND when not granted, allowed when granted, NOT_FOUND again after revocation", async ({ read }) => {
    await expect(read()).rejects.toMatchObject({ code: "NOT_FOUND" });
    await grant("READ_ONLY");
    await expect(read()).resolves.toBeTruthy();
    await revokeAccountant({ caller: { userId: owner.id }, businessId: business.id, membershipId: await membershipId() });
    await expect(read()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("overview and CSV: only granted clients, gone after revocation", async () => {
    const other = await createOwnedBusiness(owner.id, "Niet Gedeeld");
    expect((await getAccountantOverview({ caller: caller() })).rows).toEqual([]);
    await grant("READ_ONLY");
    const rows = (await getAccountantOverview({ caller: caller() })).rows;
    expect(rows.map((r) => r.businessId)).toEqual([business.id]);
    expect((await listAccountantClients({ caller: caller() })).map((r) => r.name)).toEqual(["Studio Klant"]);
    expect(rows.some((r) => r.businessId === other.id)).toBe(false);
    await revokeAccountant({ caller: { userId: owner.id }, businessId: business.id, membershipId: await membershipId() });
    expect((await getAccountantOverview({ caller: caller() })).rows).toEqual([]);
  });

  it("an owner or member sees no business of theirs in the accountant overview", async () => {
    expect((await getAccountantOverview({ caller: { userId: owner.id } })).summary.clients).toBe(0);
  });

  it("an invoice registered by a read-write accountant is audited under the accountant's name", async () => {
    await grant("READ_WRITE");
    const created = await createInvoice({ caller: caller(), businessId: business.id, input: validInvoice({ number: "2026-050" }) });
    const history = await listInvoiceHistory({ caller: { userId: owner.id }, businessId: business.id, invoiceId: created.id });
    expect(history[0]).toMatchObject({ action: "invoice.create", actorName: accountant.name });
  });

  it("read-only: writes through lib are FORBIDDEN; the owner's level change takes effect at once", async () => {
    await grant("READ_ONLY");
    await expect(createInvoice({ caller: caller(), businessId: business.id, input: validInvoice() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await changeAccountantAccess({
      caller: { userId: owner.id },
      businessId: business.id,
      membershipId: await membershipId(),
      input: { access: "READ_WRITE" },
    });
    await expect(createInvoice({ caller: caller(), businessId: business.id, input: validInvoice() })).resolves.toBeTruthy();
    await changeAccountantAccess({
      caller: { userId: owner.id },
      businessId: business.id,
      membershipId: await membershipId(),
      input: { access: "READ_ONLY" },
    });
    await expect(createInvoice({ caller: caller(), businessId: business.id, input: validInvoice() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("invitations", () => {
  it("owner invites, the invitee sees it and accepts: ACCOUNTANT membership with the chosen level, user marked accountant", async () => {
    expect(await hasAccountantView({ isAccountant: false, email: accountant.email, emailVerified: true })).toBe(false);
    await inviteAccountant({
      caller: { userId: owner.id },
      businessId: business.id,
      input: { email: accountant.email.toUpperCase(), access: "READ_WRITE" },
    });
    expect(await hasAccountantView({ isAccountant: false, email: accountant.email, emailVerified: true })).toBe(true);
    const mine = await listMyInvitations({ caller: { userId: accountant.id } });
    expect(mine).toEqual([
      expect.objectContaining({ businessId: business.id, businessName: "Studio Klant", access: "READ_WRITE", invitedBy: owner.name }),
    ]);
    await respondToInvitation({ caller: { userId: accountant.id }, token: await mailedInvitationToken(mine[0]!.id), accept: true });
    const membership = await db().membership.findFirstOrThrow({ where: { businessId: business.id, userId: accountant.id } });
    expect(membership).toMatchObject({ role: "ACCOUNTANT", access: "READ_WRITE" });
    expect((await db().user.findUniqueOrThrow({ where: { id: accountant.id } })).isAccountant).toBe(true);
    expect(await listMyInvitations({ caller: { userId: accountant.id } })).toEqual([]);
    // Accepting twice finds nothing.
    await expect(
      respondToInvitation({ caller: { userId: accountant.id }, token: await mailedInvitationToken(mine[0]!.id), accept: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const listed = await listBusinessAccountants({ caller: { userId: owner.id }, businessId: business.id });
    expect(listed.accountants).toEqual([expect.objectContaining({ userId: accountant.id, access: "READ_WRITE" })]);
    expect(listed.invitations).toEqual([]);
    const actions = (
      await db().auditLog.findMany({
        where: { businessId: business.id, action: { startsWith: "accountant." } },
        orderBy: { createdAt: "asc" },
      })
    ).map((a) => [a.action, a.actorId]);
    expect(actions).toEqual([
      ["accountant.invite", owner.id],
      ["accountant.accept", accountant.id],
    ]);
  });

  it("declining closes the invitation without access", async () => {
    const invitation = await inviteAccountant({
      caller: { userId: owner.id },
      businessId: business.id,
      input: { email: accountant.email },
    });
    await respondToInvitation({ caller: { userId: accountant.id }, token: await mailedInvitationToken(invitation.id), accept: false });
    expect(await db().membership.count({ where: { businessId: business.id, userId: accountant.id } })).toBe(0);
    await expect(getBusiness({ caller: { userId: accountant.id }, businessId: business.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("someone else cannot answer the invitation", async () => {
    const stranger = await createUser("stranger");
    const invitation = await inviteAccountant({
      caller: { userId: owner.id },
      businessId: business.id,
      input: { email: accountant.email },
    });
    await expect(
      respondToInvitation({ caller: { userId: stranger.id }, token: await mailedInvitationToken(invitation.id), accept: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().membership.count({ where: { businessId: business.id, userId: stranger.id } })).toBe(0);
  });

  it("a withdrawn or expired invitation can no longer be accepted", async () => {
    const invitation = await inviteAccountant({
      caller: { userId: owner.id },
      businessId: business.id,
      input: { email: accountant.email },
    });
    await withdrawInvitation({ caller: { userId: owner.id }, businessId: business.id, invitationId: invitation.id });
    await expect(
      respondToInvitation({ caller: { userId: accountant.id }, token: await mailedInvitationToken(invitation.id), accept: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const later = await inviteAccountant({ caller: { userId: owner.id }, businessId: business.id, input: { email: accountant.email } });
    const afterExpiry = new Date(Date.parse(later.expiresAt) + 1000);
    await expect(
      respondToInvitation({
        caller: { userId: accountant.id },
        token: await mailedInvitationToken(later.id),
        accept: true,
        now: afterExpiry,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listMyInvitations({ caller: { userId: accountant.id }, now: afterExpiry })).toEqual([]);
  });

  it("an invitation lasts 14 days and cannot be sent twice while pending", async () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const invitation = await inviteAccountant({
      caller: { userId: owner.id },
      businessId: business.id,
      input: { email: accountant.email },
      now,
    });
    expect(invitation.expiresAt).toBe("2026-03-15T10:00:00.000Z");
    await expect(
      inviteAccountant({ caller: { userId: owner.id }, businessId: business.id, input: { email: accountant.email }, now }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("only an owner invites, withdraws, lists, changes or revokes: others get NOT_FOUND (outsiders) or FORBIDDEN (accountants)", async () => {
    const outsider = await createUser("outsider");
    await expect(
      inviteAccountant({ caller: { userId: outsider.id }, businessId: business.id, input: { email: outsider.email } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listBusinessAccountants({ caller: { userId: outsider.id }, businessId: business.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await grant("READ_WRITE");
    const id = await membershipId();
    await expect(
      inviteAccountant({ caller: { userId: accountant.id }, businessId: business.id, input: { email: outsider.email } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeAccountant({ caller: { userId: accountant.id }, businessId: business.id, membershipId: id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      changeAccountantAccess({
        caller: { userId: outsider.id },
        businessId: business.id,
        membershipId: id,
        input: { access: "READ_ONLY" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeAccountant({ caller: { userId: outsider.id }, businessId: business.id, membershipId: id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // An owner of another business cannot reach this membership through their own business.
    const otherOwner = await createUser("other-owner");
    const theirs = await createOwnedBusiness(otherOwner.id, "Ander BV");
    await expect(revokeAccountant({ caller: { userId: otherOwner.id }, businessId: theirs.id, membershipId: id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db().membership.count({ where: { id } })).toBe(1);
  });

  it("inviting someone who already has access is a conflict", async () => {
    await expect(
      inviteAccountant({ caller: { userId: owner.id }, businessId: business.id, input: { email: owner.email } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
