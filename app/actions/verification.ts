"use server";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { requireCaller } from "@/lib/auth/current-user";
import { resendVerificationMail } from "@/lib/users/email-verification/resend-verification-mail";

export async function resendVerificationAction(): Promise<ActionResult<null>> {
  return runAction(async () => {
    await resendVerificationMail({ caller: await requireCaller() });
    return null;
  });
}
