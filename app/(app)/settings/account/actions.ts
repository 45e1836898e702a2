"use server";
// Changing the password: every other session ends, this browser's session is re-issued.
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { requireCaller } from "@/lib/auth/current-user";
import { reissueSession } from "@/lib/auth/reissue-session";
import { changePassword } from "@/lib/users/change-password";

export async function changePasswordAction(input: { currentPassword: string; newPassword: string }): Promise<ActionResult<null>> {
  return runAction(async () => {
    const caller = await requireCaller();
    const { passwordVersion } = await changePassword({ caller, input });
    await reissueSession({ userId: caller.userId, passwordVersion });
    return null;
  });
}
