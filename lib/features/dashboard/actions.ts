"use server";
// Form actions of a business's dashboard (they work without JavaScript too): ticking off
// the KOR deregistration after a crossing, and taking it back; marking any other deadline
// done (a VAT return filed, an EU-KOR report filed) and taking that back, from the
// dashboard or the EU-KOR quarterly page. Parse, resolve the caller, call lib, back.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireCaller } from "@/lib/platform/auth/current-user";
import { recordKorDeregistration, undoKorDeregistration } from "@/lib/features/businesses/kor-deregistration";
import { markDeadlineDone, undoDeadlineDone } from "@/lib/features/deadlines/deadline-done";
import { isAppError } from "@/lib/platform/errors";

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
    recordKorDeregistration({
      caller,
      businessId,
      input: { endDate: String(formData.get("endDate") ?? ""), sentOn: String(formData.get("sentOn") ?? "") },
    }),
  );
  redirect(dashboardUrl(String(formData.get("businessId") ?? ""), formData.get("year"), failed ?? undefined));
}

export async function undoDeregistrationFormAction(formData: FormData): Promise<void> {
  const caller = await requireCaller();
  const failed = await run(formData, (businessId) =>
    undoKorDeregistration({ caller, businessId, endDate: String(formData.get("endDate") ?? "") }),
  );
  redirect(dashboardUrl(String(formData.get("businessId") ?? ""), formData.get("year"), failed ?? undefined));
}

/** Back to the page the form was on: the dashboard, or the EU-KOR quarterly page (never a URL from the form). */
function backUrl(formData: FormData, failed: string | null): string {
  const businessId = String(formData.get("businessId") ?? "");
  const year = formData.get("year");
  const params = new URLSearchParams();
  if (typeof year === "string" && /^\d{4}$/.test(year)) params.set("year", year);
  // Which form was refused, so only that one shows the error (a panel has several open).
  if (failed) {
    params.set("deadline", failed);
    params.set("key", String(formData.get("key") ?? ""));
  }
  const query = params.toString() ? `?${params}` : "";
  return formData.get("returnTo") === "euKor" ? `/businesses/${businessId}/invoices/eu-kor${query}` : `/businesses/${businessId}${query}`;
}

export async function markDeadlineDoneFormAction(formData: FormData): Promise<void> {
  const caller = await requireCaller();
  const failed = await run(formData, (businessId) =>
    markDeadlineDone({
      caller,
      businessId,
      key: String(formData.get("key") ?? ""),
      input: { doneOn: String(formData.get("doneOn") ?? "") },
    }),
  );
  redirect(backUrl(formData, failed));
}

export async function undoDeadlineDoneFormAction(formData: FormData): Promise<void> {
  const caller = await requireCaller();
  const failed = await run(formData, (businessId) => undoDeadlineDone({ caller, businessId, key: String(formData.get("key") ?? "") }));
  redirect(backUrl(formData, failed));
}
