"use server";
// "Wachtwoord vergeten?" and the reset link's form: parse, call lib, answer.
import { headers } from "next/headers";
import { runAction, type ActionResult } from "@/lib/platform/action-result";
import { clientIp } from "@/lib/platform/auth/options";
import { requestPasswordReset } from "@/lib/platform/auth/password-reset/request-password-reset";
import { resetPassword } from "@/lib/platform/auth/password-reset/reset-password";

/** The same answer whether or not the address has an account. */
export async function requestPasswordResetAction(input: { email: string }): Promise<ActionResult<null>> {
  const ip = clientIp(await headers());
  return runAction(async () => {
    await requestPasswordReset({ input, ip });
    return null;
  });
}

export async function resetPasswordAction(input: { token: string; password: string }): Promise<ActionResult<null>> {
  return runAction(async () => {
    await resetPassword({ input });
    return null;
  });
}
