"use server";
// Form actions of a business's dashboard (they work without JavaScript too): ticking off
// the KOR deregistration after a crossing, and taking it back. Parse, resolve the caller,
// call lib, back to the dashboard.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireCaller } from "@/lib/auth/current-user";
import { recordKorDeregistration, undoKorDeregistration } from "@/lib/businesses/kor-deregistration";
import { isAppError } from "@/lib/errors";

function dashboardUrl(businessId: string, year: FormDataEntryValue | null, status?: string): string {
  const params = new URLSearchParams();
  if (typeof year === "string" && /^\d{4}$/.test(year)) params.set("year", year);
  if (status) params.set("deregistration", status);
  const query = params.toString();
  return `/businesses/${businessId}${query ? `?${query}` : ""}`;
}

async function run(formData: FormData, work: (businessId: string) => Promise<unknown>): Promise<string | null> {
  const businessId = String(formData.get("businessId") ?? "");
  try {
    await work(businessId);
    revalidatePath(`/businesses/${businessId}`, "layout");
    return null;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "VALIDATION_FAILED") return "invalid";
    throw error;
  }
}

export async function recordDeregistrationFormAction(formData: FormData): Promise<void> {
  const caller = await requireCaller();
  const failed = await run(formData, (businessId) =>
    recordKorDeregistration({ caller, businessId, input: { endDate: String(formData.get("endDate") ?? ""), sentOn: String(formData.get("sentOn") ?? "") } }),
  );
  redirect(dashboardUrl(String(formData.get("businessId") ?? ""), formData.get("year"), failed ?? undefined));
}

export async function undoDeregistrationFormAction(formData: FormData): Promise<void> {
  const caller = await requireCaller();
  const failed = await run(formData, (businessId) => undoKorDeregistration({ caller, businessId, endDate: String(formData.get("endDate") ?? "") }));
  redirect(dashboardUrl(String(formData.get("businessId") ?? ""), formData.get("year"), failed ?? undefined));
}
