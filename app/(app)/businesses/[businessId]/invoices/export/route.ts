// CSV download of the invoice list with the list's filters. Outsiders get a plain 404.
import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { appErrorStatus, isAppError } from "@/lib/errors";
import { exportInvoicesCsv } from "@/lib/invoices/export-invoices-csv";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ businessId: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Not signed in", { status: appErrorStatus.UNAUTHENTICATED });
  const { businessId } = await params;
  const url = new URL(request.url);
  const query = Object.fromEntries([...url.searchParams.entries()].filter(([key]) => key !== "page" && key !== "pageSize"));
  try {
    const csv = await exportInvoicesCsv({ caller: { userId: user.id }, businessId, query, language: (await getLocale()) === "en" ? "en" : "nl" });
    const name = `facturen-${query.year ?? "alle"}.csv`.replace(/[^\w.-]/g, "");
    // A byte-order mark so spreadsheet programs read the UTF-8 (€, ë) correctly.
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(error.code === "NOT_FOUND" ? "Not found" : error.message, { status: error.status });
    throw error;
  }
}
