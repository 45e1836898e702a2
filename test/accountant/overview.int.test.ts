// The client overview on a fixed data set: status per client, the default risk order,
// sorting by a column, filter, search, paging, summary and CSV — all on 20 December 2026.
import { beforeAll, describe, expect, it } from "vitest";
import { getAccountantOverview, listAccountantClients } from "@/lib/features/accountant/get-accountant-overview";
import { inviteAccountant } from "@/lib/features/accountant/invite-accountant";
import { respondToInvitation } from "@/lib/features/accountant/respond-to-invitation";
import { overviewCsv } from "@/lib/features/accountant/overview-csv";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { deleteInvoice } from "@/lib/features/invoices/delete-invoice";
import { validInvoice } from "@/test/api/helpers";
import { createUser, mailedInvitationToken } from "@/test/integration/factories";

const TODAY = "2026-12-20";
type User = Awaited<ReturnType<typeof createUser>>;
let owner: User;
let accountant: User;
const ids: Record<string, string> = {};

async function client(name: string, kvkNumber: string, options: { kor: boolean; euKor?: boolean; invoices: [string, number][] }) {
  const business = await createBusiness({
    caller: { userId: owner.id },
    input: {
      name,
      kvkNumber,
      korParticipations: options.kor ? [{ from: "2025-01-01" }] : [],
      ...(options.euKor ? { euKor: { memberStates: ["NL"] } } : {}),
    },
  });
  let n = 0;
  for (const [date, euros] of options.invoices) {
    await createInvoice({
      caller: { userId: owner.id },
      businessId: business.id,
      input: validInvoice({ number: `${name}-${++n}`, date, netCents: euros * 100, vatCents: 0 }),
    });
  }
  const invitation = await inviteAccountant({
    caller: { userId: owner.id },
    businessId: business.id,
    input: { email: accountant.email, access: "READ_ONLY" },
  });
  await respondToInvitation({ caller: { userId: accountant.id }, token: await mailedInvitationToken(invitation.id), accept: true });
  ids[name] = business.id;
}

const monthly = (euros: number, months: number): [string, number][] =>
  Array.from({ length: months }, (_, i) => [`2026-${String(i + 1).padStart(2, "0")}-10`, euros]);

beforeAll(async () => {
  owner = await createUser("owner");
  accountant = await createUser("accountant");
  await client("Bakkerij Crossed", "11111111", {
    kor: true,
    invoices: [
      ["2026-02-01", 12_000],
      ["2026-04-15", 9_000],
    ],
  });
  await client("Atelier Later Crossed", "22222222", { kor: true, invoices: [["2026-09-01", 20_500]] });
  await client("Coach Projected", "33333333", { kor: true, invoices: monthly(1_800, 12).slice(0, 11) });
  await client("Dierenarts Approaching", "44444444", { kor: true, invoices: [["2026-01-05", 16_500]] });
  await client("Eetcafe Safe", "55555555", { kor: true, invoices: [["2026-03-01", 2_000]] });
  await client("Fotograaf Buiten KOR", "66666666", { kor: false, invoices: [["2026-05-01", 30_000]] });
  await client("Grafisch Leeg", "77777777", { kor: true, invoices: [] });
});

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe("the accountant overview on a fixed data set", () => {
  it("gives each client its status, counted turnover and crossing date", async () => {
    const { rows } = await getAccountantOverview({ caller: { userId: accountant.id }, today: TODAY });
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName["Bakkerij Crossed"]).toMatchObject({
      status: "crossed",
      countedCents: 2_100_000,
      percent: 105,
      crossingDate: "2026-04-15",
      lastInvoiceDate: "2026-04-15",
      kvkNumber: "11111111",
    });
    expect(byName["Atelier Later Crossed"]).toMatchObject({ status: "crossed", crossingDate: "2026-09-01" });
    expect(byName["Coach Projected"]).toMatchObject({ status: "projected", countedCents: 1_980_000, percent: 99 });
    expect(byName["Coach Projected"]!.crossingDate! >= TODAY).toBe(true);
    expect(byName["Dierenarts Approaching"]).toMatchObject({
      status: "approaching",
      countedCents: 1_650_000,
      percent: 82.5,
      crossingDate: null,
    });
    expect(byName["Eetcafe Safe"]).toMatchObject({ status: "safe", countedCents: 200_000, percent: 10, crossingDate: null });
    expect(byName["Fotograaf Buiten KOR"]).toMatchObject({ status: "notInKor", countedCents: 3_000_000, crossingDate: null });
    expect(byName["Grafisch Leeg"]).toMatchObject({ status: "safe", countedCents: 0, lastInvoiceDate: null, openAlerts: 0 });
    expect(byName["Bakkerij Crossed"]!.openAlerts).toBeGreaterThan(0);
    // Safe inside the KOR nothing is due: leaving voluntarily is an option, not a deadline (issue #16).
    expect(byName["Eetcafe Safe"]!.nextDeadline).toBeNull();
    // After the April crossing (its VAT return due in July, past): the earliest rejoin is next.
    expect(byName["Bakkerij Crossed"]!.nextDeadline).toEqual({ kind: "KOR_EARLIEST_REJOIN", date: "2028-01-01" });
  });

  it("ranks by risk by default: crossed (earliest first), projected, approaching, safe by share, outside the KOR last", async () => {
    const { rows } = await getAccountantOverview({ caller: { userId: accountant.id }, today: TODAY });
    expect(names(rows)).toEqual([
      "Bakkerij Crossed",
      "Atelier Later Crossed",
      "Coach Projected",
      "Dierenarts Approaching",
      "Eetcafe Safe",
      "Grafisch Leeg",
      "Fotograaf Buiten KOR",
    ]);
  });

  it("sorts by any column in either direction", async () => {
    const byCounted = await getAccountantOverview({
      caller: { userId: accountant.id },
      today: TODAY,
      query: { sort: "counted", dir: "desc" },
    });
    expect(names(byCounted.rows).slice(0, 3)).toEqual(["Fotograaf Buiten KOR", "Bakkerij Crossed", "Atelier Later Crossed"]);
    const byName = await getAccountantOverview({ caller: { userId: accountant.id }, today: TODAY, query: { sort: "name", dir: "asc" } });
    expect(names(byName.rows)[0]).toBe("Atelier Later Crossed");
    const byLast = await getAccountantOverview({
      caller: { userId: accountant.id },
      today: TODAY,
      query: { sort: "lastInvoice", dir: "desc" },
    });
    expect(names(byLast.rows)[0]).toBe("Coach Projected");
    // No invoice at all sorts last in both directions.
    expect(names(byLast.rows).at(-1)).toBe("Grafisch Leeg");
  });

  it("filters by status, searches name and KVK, and pages", async () => {
    const crossed = await getAccountantOverview({ caller: { userId: accountant.id }, today: TODAY, query: { status: "crossed" } });
    expect(names(crossed.rows)).toEqual(["Bakkerij Crossed", "Atelier Later Crossed"]);
    expect(crossed.matching).toBe(2);
    expect(crossed.summary.clients).toBe(7);
    expect(names((await getAccountantOverview({ caller: { userId: accountant.id }, today: TODAY, query: { q: "eetcafe" } })).rows)).toEqual(
      ["Eetcafe Safe"],
    );
    expect(
      names((await getAccountantOverview({ caller: { userId: accountant.id }, today: TODAY, query: { q: "4444 4444" } })).rows),
    ).toEqual(["Dierenarts Approaching"]);
    const beyond = await getAccountantOverview({ caller: { userId: accountant.id }, today: TODAY, query: { page: "9" } });
    expect(beyond).toMatchObject({ page: 1, pageCount: 1 });
  });

  it("summarises clients per status and per band of the limit", async () => {
    const { summary } = await getAccountantOverview({ caller: { userId: accountant.id }, today: TODAY });
    expect(summary.byStatus).toEqual({ crossed: 2, projected: 1, approaching: 1, safe: 2, notInKor: 1 });
    expect(summary.distribution.map((b) => b.clients)).toEqual([2, 0, 0, 0, 2, 3]);
  });

  it("exports the same rows as CSV, in the order shown", async () => {
    const csv = overviewCsv(await listAccountantClients({ caller: { userId: accountant.id }, today: TODAY, query: { status: "crossed" } }));
    const lines = csv.split("\r\n");
    expect(lines[0]).toMatch(/^business_id,name,kvk_number,access,counted_turnover_eur/);
    expect(lines[1]).toContain(`${ids["Bakkerij Crossed"]},Bakkerij Crossed,11111111,READ_ONLY,21000.00,20000.00,105.0,crossed,2026-04-15`);
    expect(lines).toHaveLength(3);
  });

  it("shows a change to the books on the next call (no stale row)", async () => {
    const before = await getAccountantOverview({ caller: { userId: accountant.id }, today: TODAY, query: { q: "Eetcafe" } });
    expect(before.rows[0]!.countedCents).toBe(200_000);
    const added = await createInvoice({
      caller: { userId: owner.id },
      businessId: ids["Eetcafe Safe"]!,
      input: validInvoice({ number: "extra", date: "2026-06-01", netCents: 15_000_00, vatCents: 0 }),
    });
    const after = await getAccountantOverview({ caller: { userId: accountant.id }, today: TODAY, query: { q: "Eetcafe" } });
    expect(after.rows[0]).toMatchObject({ countedCents: 1_700_000, status: "approaching", lastInvoiceDate: "2026-06-01" });
    await deleteInvoice({ caller: { userId: owner.id }, businessId: ids["Eetcafe Safe"]!, invoiceId: added.id });
    const deleted = await getAccountantOverview({ caller: { userId: accountant.id }, today: TODAY, query: { q: "Eetcafe" } });
    expect(deleted.rows[0]).toMatchObject({ countedCents: 200_000, status: "safe", lastInvoiceDate: "2026-03-01" });
  });
});
