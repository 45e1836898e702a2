// CSV download of the client overview with the page's filter, search and sort.
import { listAccountantClients } from "@/lib/features/accountant/get-accountant-overview";
import { overviewCsv } from "@/lib/features/accountant/overview-csv";
import { csvDownload } from "@/lib/platform/http/csv-download";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const query = Object.fromEntries(new URL(request.url).searchParams.entries());
  return csvDownload("klanten.csv", async (caller) => overviewCsv(await listAccountantClients({ caller, query })));
}
