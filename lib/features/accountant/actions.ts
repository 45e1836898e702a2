"use server";
// Server actions of the accountant's view: answering invitations, asking for access,
// firms and sharing clients (the accountant); inviting, withdrawing, changing and revoking
// accountants and answering access requests (the owner). Parse, resolve the caller, call
// lib/features/accountant.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/platform/action-result";
import { requireCaller } from "@/lib/platform/auth/current-user";
import { changeAccountantAccess } from "@/lib/features/accountant/change-accountant-access";
import { inviteAccountant } from "@/lib/features/accountant/invite-accountant";
import { respondToInvitation } from "@/lib/features/accountant/respond-to-invitation";
import { revokeAccountant } from "@/lib/features/accountant/revoke-accountant";
import { withdrawInvitation } from "@/lib/features/accountant/withdraw-invitation";
import { decideAccessRequest } from "@/lib/features/accountant/decide-access-request";
import { addFirmColleague, createFirm, leaveFirm } from "@/lib/features/accountant/firms";
import { requestAccess } from "@/lib/features/accountant/request-access";
import { shareClient } from "@/lib/features/accountant/share-client";
import { withdrawAccessRequest } from "@/lib/features/accountant/withdraw-access-request";

// From the invitation page (app/(auth)/invitation): no revalidation, which would render
// that page again with its token used up; the answer links on with a full page load.
export async function respondToInvitationAction(token: string, accept: boolean): Promise<ActionResult<{ businessId: string }>> {
  return runAction(async () => respondToInvitation({ caller: await requireCaller(), token: String(token), accept: accept === true }));
}

export async function inviteAccountantAction(businessId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    await inviteAccountant({ caller: await requireCaller(), businessId: String(businessId), input });
    revalidatePath(`/businesses/${businessId}/settings`);
    return null;
  });
}

export async function withdrawInvitationAction(businessId: string, invitationId: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await withdrawInvitation({ caller: await requireCaller(), businessId: String(businessId), invitationId: String(invitationId) });
    revalidatePath(`/businesses/${businessId}/settings`);
    return null;
  });
}

export async function changeAccountantAccessAction(businessId: string, membershipId: string, access: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await changeAccountantAccess({
      caller: await requireCaller(),
      businessId: String(businessId),
      membershipId: String(membershipId),
      input: { access },
    });
    revalidatePath(`/businesses/${businessId}/settings`);
    return null;
  });
}

export async function revokeAccountantAction(businessId: string, membershipId: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await revokeAccountant({ caller: await requireCaller(), businessId: String(businessId), membershipId: String(membershipId) });
    revalidatePath(`/businesses/${businessId}/settings`);
    return null;
  });
}

export async function requestAccessAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    await requestAccess({ caller: await requireCaller(), input });
    revalidatePath("/accountant");
    return null;
  });
}

export async function withdrawAccessRequestAction(requestId: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await withdrawAccessRequest({ caller: await requireCaller(), requestId: String(requestId) });
    revalidatePath("/accountant");
    return null;
  });
}

export async function decideAccessRequestAction(businessId: string, requestId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    await decideAccessRequest({ caller: await requireCaller(), businessId: String(businessId), requestId: String(requestId), input });
    revalidatePath(`/businesses/${businessId}/settings`);
    return null;
  });
}

export async function createFirmAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    await createFirm({ caller: await requireCaller(), input });
    revalidatePath("/accountant");
    return null;
  });
}

export async function addFirmColleagueAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    await addFirmColleague({ caller: await requireCaller(), input });
    revalidatePath("/accountant");
    return null;
  });
}

export async function leaveFirmAction(): Promise<ActionResult<null>> {
  return runAction(async () => {
    await leaveFirm({ caller: await requireCaller() });
    revalidatePath("/accountant");
    return null;
  });
}

export async function shareClientAction(businessId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    await shareClient({ caller: await requireCaller(), businessId: String(businessId), input });
    revalidatePath("/accountant");
    return null;
  });
}
