// CSV download of the client overview with the page's filter, search and sort.
import { getCurrentUser } from "@/lib/auth/current-user";
import { appErrorStatus } from "@/lib/errors";
import { listAccountantClients } from "@/lib/accountant/get-accountant-overview";
import { overviewCsv } from "@/lib/accountant/overview-csv";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Not signed in", { status: appErrorStatus.UNAUTHENTICATED });
  const query = Object.fromEntries(new URL(request.url).searchParams.entries());
  const rows = await listAccountantClients({ caller: { userId: user.id }, query });
  // A byte-order mark so spreadsheet programs read the UTF-8 (€, ë) correctly.
  return new Response(`\uFEFF${overviewCsv(rows)}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="klanten.csv"',
      "cache-control": "no-store",
    },
  });
}
