"use server";
import { headers } from "next/headers";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { clientIp } from "@/lib/auth/options";
import { registerUser } from "@/lib/users/register-user";
import { getLocale } from "next-intl/server";

export async function registerAction(input: { name: string; email: string; password: string }): Promise<ActionResult<{ email: string }>> {
  const ip = clientIp(await headers());
  const locale = await getLocale();
  return runAction(async () => {
    const user = await registerUser({ input: { ...input, locale }, ip });
    return { email: user.email };
  });
}
