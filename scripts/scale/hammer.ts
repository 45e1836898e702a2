// The load of a scale run: two tenants' users at once, through both web nodes in turn — the
// dashboard page (session cookie, the page cache), the business list, the invoice list and
// the turnover (API token) on CONCURRENCY lanes, and one lane per tenant importing small CSV
// files — for a fixed time. Every answer is checked in full: the expected status, none of
// the other tenant's ids, names or invoice numbers, and the tenant's own data present (an
// RLS context lost between statements shows as an empty or short answer, not as a leak).
import { percentile } from "@/bench/http-helpers";
import { SEEDED_INVOICES, SEEDED_NET_CENTS, YEAR, type Tenant } from "@/scripts/scale/seed";

const IMPORT_ROW_CENTS = 100;

export const KINDS = ["dashboard", "businesses", "invoices", "turnover", "import"] as const;
export type Kind = (typeof KINDS)[number];

export type HammerFigures = {
  seconds: number;
  requests: number;
  /** Answers per kind and node: `invoices@1` → count. */
  perKindAndNode: Record<string, number>;
  statuses: Record<string, number>;
  errors: number;
  /** Answers with a row, id or name of the other tenant. */
  leaks: number;
  /** Answers where the tenant's own data was missing or short. */
  missing: number;
  importedRows: number;
  p50Ms: number;
  p95Ms: number;
  p95MsPerKind: Record<string, number>;
  problems: string[];
};

type InvoiceList = { data: { businessId: string }[]; page: { totalItems: number } };
type BusinessList = { data: { id: string }[] };

export async function hammer(options: {
  bases: string[];
  tenants: [Tenant, Tenant];
  seconds: number;
  concurrency: number;
}): Promise<HammerFigures> {
  const { bases, tenants, seconds, concurrency } = options;
  const statuses = new Map<string, number>();
  const perKindAndNode = new Map<string, number>();
  const durations = new Map<Kind, number[]>(KINDS.map((kind) => [kind, []]));
  const problems: string[] = [];
  let leaks = 0;
  let missing = 0;
  let requests = 0;
  // Rows each tenant's imports have committed (their answers came back): any later list must count them.
  const imported = [0, 0];
  const importsStarted = [0, 0];

  const record = (kind: Kind, node: number, status: number, ms: number) => {
    requests++;
    statuses.set(`${kind} ${status}`, (statuses.get(`${kind} ${status}`) ?? 0) + 1);
    perKindAndNode.set(`${kind}@${node + 1}`, (perKindAndNode.get(`${kind}@${node + 1}`) ?? 0) + 1);
    durations.get(kind)!.push(ms);
  };
  const problem = (text: string) => {
    if (problems.length < 20) problems.push(text);
  };

  function checkForeign(tenantIndex: number, kind: Kind, node: number, body: string): void {
    const other = tenants[1 - tenantIndex]!;
    const markers = [other.businessId, other.businessName, `Klant ${other.name}`, `${other.name}-`, ...other.invoiceIds];
    const seen = markers.filter((marker) => body.includes(marker));
    if (seen.length) {
      leaks++;
      problem(`${tenants[tenantIndex]!.name} saw ${seen.slice(0, 3).join(", ")} in ${kind} on node ${node + 1}`);
    }
  }

  async function read(tenantIndex: number, kind: Exclude<Kind, "import">, node: number): Promise<void> {
    const tenant = tenants[tenantIndex]!;
    const base = bases[node]!;
    const api = `${base}/api/v1/businesses`;
    const auth = { authorization: `Bearer ${tenant.token}` };
    const [url, headers] =
      kind === "dashboard"
        ? [`${base}/businesses/${tenant.businessId}`, { cookie: tenant.cookies[node]! }]
        : kind === "businesses"
          ? [api, auth]
          : kind === "invoices"
            ? [`${api}/${tenant.businessId}/invoices?pageSize=50`, auth]
            : [`${api}/${tenant.businessId}/turnover?year=${YEAR}`, auth];
    const importedBefore = imported[tenantIndex]!;
    const t0 = performance.now();
    const response = await fetch(url, { headers, redirect: "manual" });
    const body = await response.text();
    record(kind, node, response.status, performance.now() - t0);
    if (response.status !== 200) return problem(`${tenant.name} ${kind} on node ${node + 1}: ${response.status} ${body.slice(0, 200)}`);
    checkForeign(tenantIndex, kind, node, body);
    let own = true;
    if (kind === "dashboard") own = body.includes(tenant.businessName);
    else if (kind === "businesses") {
      const list = JSON.parse(body) as BusinessList;
      own = list.data.length === 1 && list.data[0]!.id === tenant.businessId;
    } else if (kind === "invoices") {
      const list = JSON.parse(body) as InvoiceList;
      own =
        list.data.length > 0 &&
        list.data.every((row) => row.businessId === tenant.businessId) &&
        list.page.totalItems >= SEEDED_INVOICES + importedBefore;
    } else {
      // Every seeded invoice (€400) and every committed import row (€1) is counted turnover.
      const counted = (JSON.parse(body) as { data: { korTurnoverCents: number } }).data.korTurnoverCents;
      own = counted >= SEEDED_INVOICES * SEEDED_NET_CENTS + importedBefore * IMPORT_ROW_CENTS;
    }
    if (!own) {
      missing++;
      problem(`${tenant.name}'s own data missing or short in ${kind} on node ${node + 1}: ${body.slice(0, 200)}`);
    }
  }

  async function importRows(tenantIndex: number, node: number): Promise<void> {
    const tenant = tenants[tenantIndex]!;
    const n = ++importsStarted[tenantIndex]!;
    const rows = [1, 2, 3].map(
      (k) => `${tenant.name}-IMP-${n}-${k};15-01-${YEAR};Klant ${tenant.name} import;${IMPORT_ROW_CENTS / 100},00`,
    );
    const csv = ["Factuurnummer;Datum;Klant;Bedrag excl. btw", ...rows].join("\n");
    const t0 = performance.now();
    const response = await fetch(`${bases[node]}/api/v1/businesses/${tenant.businessId}/invoices/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${tenant.token}`, "content-type": "text/csv" },
      body: csv,
    });
    const body = await response.text();
    record("import", node, response.status, performance.now() - t0);
    if (response.status !== 201) return problem(`${tenant.name} import on node ${node + 1}: ${response.status} ${body.slice(0, 300)}`);
    checkForeign(tenantIndex, "import", node, body);
    const created = (JSON.parse(body) as { data: { created: number } }).data.created;
    if (created !== rows.length) {
      missing++;
      problem(`${tenant.name}'s import on node ${node + 1} created ${created} of ${rows.length} rows`);
    }
    imported[tenantIndex]! += created;
  }

  const reads = ["dashboard", "businesses", "invoices", "turnover"] as const;
  const until = Date.now() + seconds * 1_000;
  const started = Date.now();
  const guard = (work: () => Promise<void>) =>
    work().catch((error: unknown) => {
      // No answer (a refused connection) or one that is not what its kind answers: an error.
      statuses.set("failed", (statuses.get("failed") ?? 0) + 1);
      problem(`request failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  await Promise.all([
    ...Array.from({ length: concurrency }, async (_, lane) => {
      // Lane by lane the tenant alternates; request by request the kind and the node turn.
      for (let i = 0; Date.now() < until; i++)
        await guard(() => read(lane % 2, reads[(i + lane) % reads.length]!, (i + Math.floor(lane / 2)) % 2));
    }),
    ...[0, 1].map(async (tenantIndex) => {
      for (let i = 0; Date.now() < until; i++) await guard(() => importRows(tenantIndex, i % 2));
    }),
  ]);
  const elapsed = (Date.now() - started) / 1_000;
  const all = [...durations.values()].flat().sort((a, b) => a - b);
  const p95MsPerKind = Object.fromEntries(
    [...durations].map(([kind, values]) => [
      kind,
      Math.round(
        percentile(
          [...values].sort((a, b) => a - b),
          95,
        ),
      ),
    ]),
  );
  const errors = [...statuses]
    .filter(([key]) => !/ 20[01]$/.test(key) || (key.startsWith("import") ? !key.endsWith(" 201") : !key.endsWith(" 200")))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    seconds: elapsed,
    requests,
    perKindAndNode: Object.fromEntries([...perKindAndNode].sort()),
    statuses: Object.fromEntries(statuses),
    errors,
    leaks,
    missing,
    importedRows: imported[0]! + imported[1]!,
    p50Ms: Math.round(percentile(all, 50)),
    p95Ms: Math.round(percentile(all, 95)),
    p95MsPerKind,
    problems,
  };
}
