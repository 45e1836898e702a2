"use server";
// Server actions for businesses and their members: parse, resolve the caller, call lib.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/platform/action-result";
import { requireCaller } from "@/lib/platform/auth/current-user";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { updateBusiness } from "@/lib/features/businesses/update-business";
import { addMember } from "@/lib/features/members/add-member";
import { changeMemberRole } from "@/lib/features/members/change-member-role";
import { removeMember } from "@/lib/features/members/remove-member";

export async function createBusinessAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const business = await createBusiness({ caller: await requireCaller(), input });
    revalidatePath("/businesses");
    return { id: business.id };
  });
}

export async function updateBusinessAction(businessId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const business = await updateBusiness({ caller: await requireCaller(), businessId, input });
    revalidatePath(`/businesses/${businessId}`, "layout");
    return { id: business.id };
  });
}

export async function addMemberAction(businessId: string, input: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    await addMember({ caller: await requireCaller(), businessId, input });
    revalidatePath(`/businesses/${businessId}/settings`);
    return null;
  });
}

export async function changeMemberRoleAction(businessId: string, membershipId: string, role: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await changeMemberRole({ caller: await requireCaller(), businessId, membershipId, input: { role } });
    revalidatePath(`/businesses/${businessId}/settings`);
    return null;
  });
}

export async function removeMemberAction(businessId: string, membershipId: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await removeMember({ caller: await requireCaller(), businessId, membershipId });
    revalidatePath(`/businesses/${businessId}/settings`);
    return null;
  });
}
