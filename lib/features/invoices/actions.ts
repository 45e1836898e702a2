"use server";
// Server actions for invoices: parse, resolve the caller, call lib/features/invoices, revalidate.
// Delete and restore are form actions, so they work without JavaScript too.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, runFormAction, type ActionResult } from "@/lib/platform/action-result";
import { requireCaller } from "@/lib/platform/auth/current-user";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { deleteInvoice, restoreInvoice } from "@/lib/features/invoices/delete-invoice";
import { updateInvoice } from "@/lib/features/invoices/update-invoice";
import { getVatAdvice, type VatAdviceDto } from "@/lib/features/invoices/vat-advice";

function revalidate(businessId: string) {
  revalidatePath(`/businesses/${businessId}`, "layout");
}

export async function createInvoiceAction(
  businessId: string,
  input: unknown,
): Promise<ActionResult<{ id: string; number: string; date: string }>> {
  return runAction(async () => {
    const invoice = await createInvoice({ caller: await requireCaller(), businessId, input });
    revalidate(businessId);
    return { id: invoice.id, number: invoice.number, date: invoice.date };
  });
}

export async function updateInvoiceAction(
  businessId: string,
  invoiceId: string,
  patch: unknown,
): Promise<ActionResult<{ id: string; number: string; date: string }>> {
  return runAction(async () => {
    const invoice = await updateInvoice({ caller: await requireCaller(), businessId, invoiceId, patch });
    revalidate(businessId);
    return { id: invoice.id, number: invoice.number, date: invoice.date };
  });
}

/** The form's question while the user types: must this invoice carry VAT, and why. Changes nothing. */
export async function vatAdviceAction(businessId: string, request: unknown): Promise<ActionResult<VatAdviceDto>> {
  return runAction(async () => getVatAdvice({ caller: await requireCaller(), businessId, request }));
}

const STATUS_PARAMS = ["status", "number", "undo"];

/** Back to the list the user came from (same filters), with a status message. */
function listUrl(businessId: string, returnTo: FormDataEntryValue | null, status: Record<string, string>): string {
  const base = `/businesses/${businessId}/invoices`;
  const raw = typeof returnTo === "string" ? returnTo : "";
  // Only this business's list: a form field must never send the user elsewhere.
  const [path, search = ""] = raw.split("?", 2);
  const params = new URLSearchParams(path === base ? search : "");
  for (const key of STATUS_PARAMS) params.delete(key);
  for (const [key, value] of Object.entries(status)) params.set(key, value);
  return `${base}?${params.toString()}`;
}

async function setDeleted(formData: FormData, deleted: boolean): Promise<{ businessId: string; number: string; id: string }> {
  const businessId = String(formData.get("businessId") ?? "");
  const invoiceId = String(formData.get("invoiceId") ?? "");
  // A read-only accountant's delete is FORBIDDEN: the 403 page, not a 500.
  return runFormAction(async () => {
    const options = { caller: await requireCaller(), businessId, invoiceId };
    const invoice = deleted ? await deleteInvoice(options) : await restoreInvoice(options);
    revalidate(businessId);
    return { businessId, number: invoice.number, id: invoice.id };
  });
}

export async function deleteInvoiceFormAction(formData: FormData): Promise<void> {
  const { businessId, number, id } = await setDeleted(formData, true);
  redirect(listUrl(businessId, formData.get("returnTo"), { status: "deleted", number, undo: id }));
}

export async function restoreInvoiceFormAction(formData: FormData): Promise<void> {
  const { businessId, number } = await setDeleted(formData, false);
  redirect(listUrl(businessId, formData.get("returnTo"), { status: "restored", number }));
}
