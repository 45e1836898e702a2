// The generic "done" mark of a deadline (issue #16) through the API and the service:
// an outsider gets 404 and changes nothing, a read-only accountant and a READ token are
// refused, a bad body or an unknown key is a 400 with the field named; the owner marks the
// first VAT return after a crossing as filed (audited, the dashboard shows it done, not
// late), and takes it back.
import { beforeEach, describe, expect, it } from "vitest";
import * as doneRoute from "@/app/api/v1/businesses/[businessId]/deadlines/[deadlineKey]/done/route";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { getDashboard } from "@/lib/features/dashboard/get-dashboard";
import { markDeadlineDone } from "@/lib/features/deadlines/deadline-done";
import { db } from "@/lib/platform/db/client";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { loadClientRows } from "@/lib/features/accountant/load-client-rows";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, snapshot, tokenFor, validInvoice } from "@/test/api/helpers";

const KEY = "VAT_RETURN_DUE:2026-Q4";
let business: BusinessDto;
let owner: { id: string };
let tokens: { owner: string; ownerRead: string; outsider: string; readOnlyAccountant: string };

beforeEach(async () => {
  owner = await createUser("owner");
  const outsider = await createUser("outsider");
  const accountant = await createUser("accountant");
  business = await createOwnedBusiness(owner.id, "Drempel Q4");
  await db().membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_ONLY" } });
  const caller = { userId: owner.id };
  await createInvoice({
    caller,
    businessId: business.id,
    input: validInvoice({ number: "2026-001", date: "2026-03-02", netCents: 1_950_000, vatCents: 0 }),
  });
  await createInvoice({
    caller,
    businessId: business.id,
    input: validInvoice({ number: "2026-002", date: "2026-11-20", netCents: 100_000, vatCents: 0 }),
  });
  tokens = {
    owner: await tokenFor(owner.id),
    ownerRead: await tokenFor(owner.id, "read"),
    outsider: await tokenFor(outsider.id),
    readOnlyAccountant: await tokenFor(accountant.id),
  };
});

const path = (key = KEY) => `/api/v1/businesses/${business.id}/deadlines/${encodeURIComponent(key)}/done`;
const put = (token: string, body: unknown, key = KEY) =>
  doneRoute.PUT(apiRequest("PUT", path(key), { token, body }), ctx({ businessId: business.id, deadlineKey: encodeURIComponent(key) }));
const del = (token: string, key = KEY) =>
  doneRoute.DELETE(apiRequest("DELETE", path(key), { token }), ctx({ businessId: business.id, deadlineKey: key }));

describe("PUT/DELETE /api/v1/businesses/{id}/deadlines/{key}/done", () => {
  it("an outsider gets 404 and changes nothing; a read-only accountant and a READ token get 403", async () => {
    const before = await snapshot(business.id);
    expect((await put(tokens.outsider, { doneOn: "2026-12-01" })).status).toBe(404);
    expect((await put(tokens.outsider, "not an object")).status).toBe(404);
    expect((await del(tokens.outsider)).status).toBe(404);
    expect((await put(tokens.readOnlyAccountant, { doneOn: "2026-12-01" })).status).toBe(403);
    expect((await put(tokens.ownerRead, { doneOn: "2026-12-01" })).status).toBe(403);
    expect((await del(tokens.readOnlyAccountant)).status).toBe(403);
    expect(await snapshot(business.id)).toBe(before);
    expect(await db().deadlineDone.count({ where: { businessId: business.id } })).toBe(0);
  });

  it("names the field of a bad body, an unknown key and a deadline the business does not have; nothing is stored", async () => {
    expect((await readJson(await put(tokens.owner, { doneOn: "2026-02-30", extra: 1 }))).error.fields).toEqual({
      doneOn: "Enter a valid date (YYYY-MM-DD).",
      extra: expect.any(String),
    });
    expect((await readJson(await put(tokens.owner, { doneOn: "2099-01-01" }))).error.fields).toEqual({ doneOn: expect.any(String) });
    expect((await readJson(await put(tokens.owner, { doneOn: "2026-12-01" }, "FILED:whatever"))).error.fields).toEqual({
      key: expect.any(String),
    });
    // A well-formed key of a period without a crossing: not this business's deadline.
    const other = await put(tokens.owner, { doneOn: "2026-12-01" }, "VAT_RETURN_DUE:2026-Q2");
    expect(other.status).toBe(400);
    expect((await readJson(other)).error.fields).toEqual({ key: expect.any(String) });
    expect(await db().deadlineDone.count({ where: { businessId: business.id } })).toBe(0);
  });

  it("the owner marks the first VAT return as filed: audited, shown as done on the dashboard and not the accountant's next deadline; undo takes it back", async () => {
    const caller = { userId: owner.id };
    const open = await getDashboard({ caller, businessId: business.id, year: 2026 });
    expect(open.actions.find((a) => a.kind === "vatReturn")).toMatchObject({ deadlineKey: KEY, doneOn: null, deadline: "2027-01-31" });

    const response = await put(tokens.owner, { doneOn: "2026-12-01" });
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({ data: { key: KEY, doneOn: "2026-12-01" } });
    const row = await db().deadlineDone.findFirstOrThrow({ where: { businessId: business.id } });
    expect(row).toMatchObject({ key: KEY, markedById: owner.id });
    const audit = await db().auditLog.findFirstOrThrow({ where: { businessId: business.id, action: "deadline.done.mark" } });
    expect(audit).toMatchObject({ actorId: owner.id, entityType: "DeadlineDone", after: { key: KEY, doneOn: "2026-12-01" } });

    const marked = await getDashboard({ caller, businessId: business.id, year: 2026 });
    expect(marked.actions.find((a) => a.kind === "vatReturn")).toMatchObject({ doneOn: "2026-12-01", level: "info", daysLate: null });
    expect(marked.deadlines.find((d) => d.key === KEY)).toMatchObject({ doneOn: "2026-12-01" });

    // Changing the day is a second PUT.
    expect((await readJson(await put(tokens.owner, { doneOn: "2026-12-02" }))).data.doneOn).toBe("2026-12-02");

    expect((await del(tokens.owner)).status).toBe(204);
    expect(await db().deadlineDone.count({ where: { businessId: business.id } })).toBe(0);
    expect(await db().auditLog.count({ where: { businessId: business.id, action: "deadline.done.undo" } })).toBe(1);
    expect(
      (await getDashboard({ caller, businessId: business.id, year: 2026 })).actions.find((a) => a.kind === "vatReturn")?.doneOn,
    ).toBeNull();
    expect((await del(tokens.owner)).status).toBe(404);
  });

  it("the accountant's next deadline skips a deadline marked done", async () => {
    const accountant = await createUser("acc2");
    await db().membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_WRITE" } });
    const next = async () =>
      (await loadClientRows({ accountantId: accountant.id, asOf: "2026-12-07" })).find((r) => r.businessId === business.id)?.nextDeadline;
    expect(await next()).toEqual({ kind: "VAT_RETURN_DUE", date: "2027-01-31" });
    await markDeadlineDone({
      caller: { userId: accountant.id },
      businessId: business.id,
      key: KEY,
      input: { doneOn: "2026-12-03" },
      today: "2026-12-07",
    });
    expect(await next()).not.toEqual({ kind: "VAT_RETURN_DUE", date: "2027-01-31" });
  });

  it("other methods answer 405", async () => {
    const response = await doneRoute.GET();
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("PUT, DELETE");
  });
});
