"use server";
// Server actions for personal API tokens: resolve the signed-in user, call lib.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/platform/action-result";
import { requireCaller } from "@/lib/platform/auth/current-user";
import type { ApiTokenDto } from "@/lib/features/api-tokens/api-token.types";
import { createApiToken } from "@/lib/features/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/features/api-tokens/revoke-api-token";

/** The clear token is in this answer only; it is never stored or shown again. */
export async function createApiTokenAction(input: unknown): Promise<ActionResult<{ token: ApiTokenDto; secret: string }>> {
  return runAction(async () => {
    const created = await createApiToken({ caller: await requireCaller(), input });
    revalidatePath("/settings/tokens");
    return created;
  });
}

export async function revokeApiTokenAction(tokenId: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await revokeApiToken({ caller: await requireCaller(), tokenId: String(tokenId) });
    revalidatePath("/settings/tokens");
    return null;
  });
}
