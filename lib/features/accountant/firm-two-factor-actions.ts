"use server";
// The firm administrator's two-factor requirement for every member.
import { runAction, type ActionResult } from "@/lib/platform/action-result";
import { setFirmTwoFactorRequirement } from "@/lib/features/accountant/firm-two-factor";
import { requireCaller } from "@/lib/platform/auth/current-user";

export async function setFirmTwoFactorAction(input: { required: boolean }): Promise<ActionResult<null>> {
  return runAction(async () => {
    await setFirmTwoFactorRequirement({ caller: await requireCaller(), input });
    return null;
  });
}
