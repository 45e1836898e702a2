// CSV download of the year's counted-turnover statement. Outsiders get a plain 404.
import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { appErrorStatus, isAppError } from "@/lib/errors";
import { amsterdamToday } from "@/lib/dates/amsterdam-today";
import { exportTurnoverStatement } from "@/lib/turnover/export-turnover-statement";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ businessId: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Not signed in", { status: appErrorStatus.UNAUTHENTICATED });
  const { businessId } = await params;
  const year = new URL(request.url).searchParams.get("year") ?? amsterdamToday().slice(0, 4);
  try {
    const csv = await exportTurnoverStatement({ caller: { userId: user.id }, businessId, year, language: (await getLocale()) === "en" ? "en" : "nl" });
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="omzetoverzicht-${year.replace(/\D/g, "")}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(error.code === "NOT_FOUND" ? "Not found" : error.message, { status: error.status });
    throw error;
  }
}
