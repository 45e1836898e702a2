// Issue #15's finding: an owner invited x@example.test as accountant; whoever registered
// that address (nobody verified it) and accepted from /accountant could read the books.
// An invitation is now accepted only through the single-use token in its mail, by the
// holder of the invited address who verified it; row-level security shows an unverified
// account no invited business. Access requests need a verified accountant too.
import crypto from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { decideAccessRequest } from "@/lib/features/accountant/decide-access-request";
import { inviteAccountant } from "@/lib/features/accountant/invite-accountant";
import { listBusinessAccessRequests } from "@/lib/features/accountant/list-access-requests";
import { hasAccountantView, listMyInvitations } from "@/lib/features/accountant/list-my-invitations";
import { requestAccess } from "@/lib/features/accountant/request-access";
import { findInvitationByToken, respondToInvitation } from "@/lib/features/accountant/respond-to-invitation";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { getBusiness } from "@/lib/features/businesses/get-business";
import { db } from "@/lib/platform/db/client";
import { runAsUser, runWithoutContext } from "@/lib/platform/db/db-context";
import { registerUser as registerUserAsWeb } from "@/lib/features/users/register-user";
import { verifyEmail as verifyEmailAsWeb } from "@/lib/features/users/email-verification/verify-email";
import { createOwnedBusiness, createUser, mailedInvitationToken, mailedVerificationToken } from "@/test/integration/factories";

// As the web runs them: with nobody logged in (system mode is the worker's role's alone).
const registerUser = (options: Parameters<typeof registerUserAsWeb>[0]) => runWithoutContext(() => registerUserAsWeb(options));
const verifyEmail = (options: Parameters<typeof verifyEmailAsWeb>[0]) => runWithoutContext(() => verifyEmailAsWeb(options));

type User = Awaited<ReturnType<typeof createUser>>;
let owner: User;
let business: BusinessDto;
const PASSWORD = "een-lang-wachtwoord";
const uniqueAddress = (label: string) => `${label}-${crypto.randomBytes(4).toString("hex")}@example.test`;
const uniqueIp = () => `198.51.100.${crypto.randomInt(1, 250)}-${crypto.randomBytes(3).toString("hex")}`;

async function registerUnverified(email: string) {
  await registerUser({ input: { name: "Aanvaller", email, password: PASSWORD }, ip: uniqueIp() });
  return db().user.findUniqueOrThrow({ where: { email } });
}

beforeEach(async () => {
  owner = await createUser("owner");
  business = await createOwnedBusiness(owner.id, "Studio Uitnodiging");
});

describe("an invitation and an unverified account (the finding)", () => {
  it("whoever registers the invited address without verifying it cannot accept, see the business or its invitation", async () => {
    const email = uniqueAddress("x");
    const invitation = await inviteAccountant({
      caller: { userId: owner.id },
      businessId: business.id,
      input: { email, access: "READ_ONLY" },
    });
    const attacker = await registerUnverified(email);
    expect(attacker.emailVerifiedAt).toBeNull();
    // Even holding the mailed token (the worst case) does not help an unverified account.
    const token = await mailedInvitationToken(invitation.id);
    await expect(
      runAsUser(attacker.id, () => respondToInvitation({ caller: { userId: attacker.id }, token, accept: true })),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      fields: { token: "accountant.errors.verifyFirst" },
    });
    expect(await db().membership.count({ where: { businessId: business.id, userId: attacker.id } })).toBe(0);
    await expect(getBusiness({ caller: { userId: attacker.id }, businessId: business.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The database itself shows the unverified account neither the invitation nor the business.
    expect(await runAsUser(attacker.id, () => listMyInvitations({ caller: { userId: attacker.id } }))).toEqual([]);
    expect(await runAsUser(attacker.id, () => db().accountantInvitation.count({ where: { id: invitation.id } }))).toBe(0);
    expect(await runAsUser(attacker.id, () => db().business.count({ where: { id: business.id } }))).toBe(0);
    expect(await runAsUser(attacker.id, () => hasAccountantView({ isAccountant: false, email, emailVerified: false }))).toBe(false);
    // Nor can it add the membership itself, bypassing the application.
    await expect(
      runAsUser(attacker.id, () =>
        db().membership.create({ data: { businessId: business.id, userId: attacker.id, role: "ACCOUNTANT", access: "READ_ONLY" } }),
      ),
    ).rejects.toThrow();
    expect((await db().accountantInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).toBeNull();
  });

  it("once the holder verified the address, the mailed token accepts the invitation, once", async () => {
    const email = uniqueAddress("boekhouder");
    const invitation = await inviteAccountant({
      caller: { userId: owner.id },
      businessId: business.id,
      input: { email, access: "READ_WRITE" },
    });
    const accountant = await registerUnverified(email);
    await verifyEmail({ token: await mailedVerificationToken(email) });
    const token = await mailedInvitationToken(invitation.id);
    const found = await runAsUser(accountant.id, () => findInvitationByToken({ caller: { userId: accountant.id }, token }));
    expect(found).toMatchObject({
      status: "open",
      invitation: { id: invitation.id, businessName: "Studio Uitnodiging", access: "READ_WRITE" },
    });
    await expect(
      runAsUser(accountant.id, () => respondToInvitation({ caller: { userId: accountant.id }, token, accept: true })),
    ).resolves.toEqual({ businessId: business.id });
    expect(await db().membership.findFirstOrThrow({ where: { businessId: business.id, userId: accountant.id } })).toMatchObject({
      role: "ACCOUNTANT",
      access: "READ_WRITE",
    });
    // The token works once.
    await expect(
      runAsUser(accountant.id, () => respondToInvitation({ caller: { userId: accountant.id }, token, accept: true })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await runAsUser(accountant.id, () => findInvitationByToken({ caller: { userId: accountant.id }, token }))).toEqual({
      status: "invalid",
    });
  });
});

describe("accepting needs the invitation's own token", () => {
  let accountant: User;
  let invitationId: string;
  beforeEach(async () => {
    accountant = await createUser("accountant");
    invitationId = (await inviteAccountant({ caller: { userId: owner.id }, businessId: business.id, input: { email: accountant.email } }))
      .id;
  });

  it("without a token, with a malformed or a wrong one: NOT_FOUND, and nothing changes", async () => {
    const other = await createOwnedBusiness(owner.id, "Ander BV");
    const otherToken = await mailedInvitationToken(
      (await inviteAccountant({ caller: { userId: owner.id }, businessId: other.id, input: { email: uniqueAddress("iemand") } })).id,
    );
    for (const token of [undefined, "", "kort", crypto.randomBytes(32).toString("base64url"), otherToken, invitationId]) {
      await expect(respondToInvitation({ caller: { userId: accountant.id }, token: token as string, accept: true })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    expect(await db().membership.count({ where: { userId: accountant.id } })).toBe(0);
    expect((await db().accountantInvitation.findUniqueOrThrow({ where: { id: invitationId } })).acceptedAt).toBeNull();
  });

  it("the right token in another verified account's hands: NOT_FOUND", async () => {
    const stranger = await createUser("stranger");
    const token = await mailedInvitationToken(invitationId);
    await expect(
      runAsUser(stranger.id, () => respondToInvitation({ caller: { userId: stranger.id }, token, accept: true })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().membership.count({ where: { businessId: business.id } })).toBe(1);
  });

  it("a used token (declined) cannot accept afterwards", async () => {
    const token = await mailedInvitationToken(invitationId);
    await runAsUser(accountant.id, () => respondToInvitation({ caller: { userId: accountant.id }, token, accept: false }));
    await expect(
      runAsUser(accountant.id, () => respondToInvitation({ caller: { userId: accountant.id }, token, accept: true })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().membership.count({ where: { businessId: business.id, userId: accountant.id } })).toBe(0);
  });

  it("stores only the token's hash; the mail's link carries the token", async () => {
    const token = await mailedInvitationToken(invitationId);
    const row = await db().accountantInvitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    const mail = await db().outboxJob.findFirstOrThrow({ where: { kind: "INVITATION_EMAIL", toAddress: accountant.email } });
    expect(mail.textBody).toContain(`/invitation?token=${token}`);
  });
});

describe("access requests need a verified accountant", () => {
  it("an unverified account cannot ask; a request it made before cannot be approved", async () => {
    const kvk = String(10_000_000 + crypto.randomInt(89_999_999));
    const asked = await createBusiness({
      caller: { userId: owner.id },
      input: { name: "Studio Verzoek", kvkNumber: kvk, korParticipations: [{ from: "2025-01-01" }] },
    });
    const impostor = await registerUnverified(uniqueAddress("accountant"));
    await expect(
      runAsUser(impostor.id, () => requestAccess({ caller: { userId: impostor.id }, input: { kvkNumber: kvk } })),
    ).rejects.toMatchObject({ code: "FORBIDDEN", fields: { kvkNumber: "accountant.errors.verifyFirst" } });
    expect(await db().accountantAccessRequest.count({ where: { accountantId: impostor.id } })).toBe(0);
    expect(await db().outboxJob.count({ where: { businessId: asked.id, kind: "ACCESS_EMAIL" } })).toBe(0);

    // A request stored while the account was verified, whose address then went unverified
    // (as a change of address would), is neither listed to the owner nor approvable.
    const accountant = await createUser("accountant");
    await runAsUser(accountant.id, () => requestAccess({ caller: { userId: accountant.id }, input: { kvkNumber: kvk } }));
    const [request] = await listBusinessAccessRequests({ caller: { userId: owner.id }, businessId: asked.id });
    await db().user.update({ where: { id: accountant.id }, data: { emailVerifiedAt: null } });
    expect(await listBusinessAccessRequests({ caller: { userId: owner.id }, businessId: asked.id })).toEqual([]);
    await expect(
      decideAccessRequest({
        caller: { userId: owner.id },
        businessId: asked.id,
        requestId: request!.id,
        input: { approve: true, access: "READ_ONLY" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().membership.count({ where: { businessId: asked.id, userId: accountant.id } })).toBe(0);
  });

  it("an unverified owner neither receives a request nor approves one", async () => {
    const kvk = String(10_000_000 + crypto.randomInt(89_999_999));
    const squatter = await registerUnverified(uniqueAddress("eigenaar"));
    const squatted = await createBusiness({
      caller: { userId: squatter.id },
      input: { name: "Studio Kaper", kvkNumber: kvk, korParticipations: [{ from: "2025-01-01" }] },
    });
    const accountant = await createUser("accountant");
    await expect(
      runAsUser(accountant.id, () => requestAccess({ caller: { userId: accountant.id }, input: { kvkNumber: kvk } })),
    ).resolves.toEqual({ sent: true });
    expect(await db().accountantAccessRequest.count({ where: { businessId: squatted.id } })).toBe(0);
    expect(await db().outboxJob.count({ where: { kind: "ACCESS_EMAIL", userId: squatter.id } })).toBe(0);
    // A request that reached the business while its owner was verified cannot be approved once it is not.
    await db().user.update({ where: { id: squatter.id }, data: { emailVerifiedAt: new Date() } });
    await requestAccess({ caller: { userId: (await createUser("accountant")).id }, input: { kvkNumber: kvk } });
    const [request] = await listBusinessAccessRequests({ caller: { userId: squatter.id }, businessId: squatted.id });
    await db().user.update({ where: { id: squatter.id }, data: { emailVerifiedAt: null } });
    await expect(
      decideAccessRequest({
        caller: { userId: squatter.id },
        businessId: squatted.id,
        requestId: request!.id,
        input: { approve: true, access: "READ_ONLY" },
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      fields: { access: "accountant.errors.verifyFirst" },
    });
    expect(await db().membership.count({ where: { businessId: squatted.id, role: "ACCOUNTANT" } })).toBe(0);
  });
});
