// Page glue: a business the signed-in user may see, or Next's 404 page.
import { cache } from "react";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/platform/auth/current-user";
import { getBusiness } from "@/lib/features/businesses/get-business";
import { isAppError } from "@/lib/platform/errors";

export const getBusinessForPage = cache(async (businessId: string) => {
  const user = await requireUser();
  try {
    return { user, business: await getBusiness({ caller: { userId: user.id }, businessId }) };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});
