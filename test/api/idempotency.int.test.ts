// Idempotency-Key on POST: a retry replays the first answer without a second row; the
// same key with another body is refused; concurrent duplicates create one invoice;
// concurrent distinct invoices all land.
import { beforeEach, describe, expect, it } from "vitest";
import * as businessesRoute from "@/app/api/v1/businesses/route";
import * as invoicesRoute from "@/app/api/v1/businesses/[businessId]/invoices/route";
import { db } from "@/lib/platform/db/client";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, tokenFor, validInvoice } from "@/test/api/helpers";

let business: BusinessDto;
let token: string;
let ownerId: string;

beforeEach(async () => {
  const owner = await createUser("idem");
  ownerId = owner.id;
  business = await createOwnedBusiness(owner.id, "Idem BV");
  token = await tokenFor(owner.id);
});

const postInvoice = (body: unknown, headers: Record<string, string> = {}, withToken = token) =>
  invoicesRoute.POST(
    apiRequest("POST", `/api/v1/businesses/${business.id}/invoices`, { token: withToken, body, headers }),
    ctx({ businessId: business.id }),
  );
const invoiceCount = () => db().invoice.count({ where: { businessId: business.id } });

describe("Idempotency-Key on POST invoices", () => {
  it("replays the first answer for the same key and body, with one row", async () => {
    const invoice = validInvoice({ number: "IDEM-1" });
    const first = await postInvoice(invoice, { "idempotency-key": "key-1" });
    const firstBody = await readJson(first);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    // The same JSON with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(invoice).reverse());
    const second = await postInvoice(reordered, { "idempotency-key": "key-1" });
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await readJson(second)).toEqual(firstBody);
    expect(await invoiceCount()).toBe(1);
    expect(await db().auditLog.count({ where: { businessId: business.id, action: "invoice.create" } })).toBe(1);
  });

  it("refuses the same key with another body (422) and creates nothing", async () => {
    await postInvoice(validInvoice({ number: "IDEM-2" }), { "idempotency-key": "key-2" });
    const other = await postInvoice(validInvoice({ number: "IDEM-3" }), { "idempotency-key": "key-2" });
    expect(other.status).toBe(422);
    expect(await readJson(other)).toMatchObject({ error: { code: "IDEMPOTENCY_KEY_REUSED" } });
    expect(await invoiceCount()).toBe(1);
  });

  it("refuses the same key on another path", async () => {
    await postInvoice(validInvoice({ number: "IDEM-4" }), { "idempotency-key": "key-3" });
    const response = await businessesRoute.POST(
      apiRequest("POST", "/api/v1/businesses", { token, body: { name: "Ander" }, headers: { "idempotency-key": "key-3" } }),
      ctx({}),
    );
    expect(response.status).toBe(422);
  });

  it("keys are per user: another user's key does not replay their answer", async () => {
    const other = await createUser("idem-other");
    const otherBusiness = await createOwnedBusiness(other.id, "Ander BV");
    const otherToken = await tokenFor(other.id);
    const invoice = validInvoice({ number: "IDEM-5" });
    await postInvoice(invoice, { "idempotency-key": "shared" });
    const response = await invoicesRoute.POST(
      apiRequest("POST", `/api/v1/businesses/${business.id}/invoices`, {
        token: otherToken,
        body: invoice,
        headers: { "idempotency-key": "shared" },
      }),
      ctx({ businessId: business.id }),
    );
    expect(response.status).toBe(404);
    expect(await db().invoice.count({ where: { businessId: otherBusiness.id } })).toBe(0);
    expect(await db().idempotencyRecord.count({ where: { userId: other.id } })).toBe(0);
  });

  it("does not store a refused request: the corrected body may reuse the key", async () => {
    const bad = await postInvoice({ ...validInvoice({ number: "IDEM-6" }), netCents: 1.5 }, { "idempotency-key": "key-6" });
    expect(bad.status).toBe(400);
    expect(await db().idempotencyRecord.count({ where: { userId: ownerId } })).toBe(0);
    const good = await postInvoice(validInvoice({ number: "IDEM-6" }), { "idempotency-key": "key-6" });
    expect(good.status).toBe(201);
  });

  it("answers 400 for an unusable key", async () => {
    const response = await postInvoice(validInvoice(), { "idempotency-key": "x".repeat(300) });
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.fields).toHaveProperty("Idempotency-Key");
    expect(await invoiceCount()).toBe(0);
  });

  it("10 concurrent requests with one key create one invoice and all get its answer", async () => {
    const invoice = validInvoice({ number: "IDEM-RACE" });
    const responses = await Promise.all(Array.from({ length: 10 }, () => postInvoice(invoice, { "idempotency-key": "race" })));
    const bodies = await Promise.all(responses.map(readJson));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(bodies.map((body) => body.data.id)).size).toBe(1);
    expect(await invoiceCount()).toBe(1);
    expect(await db().idempotencyRecord.count({ where: { userId: ownerId, key: "race" } })).toBe(1);
  });
});

describe("Idempotency-Key on POST businesses", () => {
  it("replays the first answer and creates one business", async () => {
    const send = () =>
      businessesRoute.POST(
        apiRequest("POST", "/api/v1/businesses", { token, body: { name: "Eenmaal BV" }, headers: { "idempotency-key": "biz-1" } }),
        ctx({}),
      );
    const first = await send();
    const second = await send();
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect((await readJson(second)).data.id).toBe((await readJson(first)).data.id);
    expect(await db().membership.count({ where: { userId: ownerId, business: { name: "Eenmaal BV" } } })).toBe(1);
  });

  it("concurrent duplicates create one business; the others are replayed or told to retry", async () => {
    const send = () =>
      businessesRoute.POST(
        apiRequest("POST", "/api/v1/businesses", { token, body: { name: "Race BV" }, headers: { "idempotency-key": "biz-race" } }),
        ctx({}),
      );
    const responses = await Promise.all(Array.from({ length: 6 }, send));
    for (const response of responses) expect([201, 409]).toContain(response.status);
    expect(responses.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(await db().membership.count({ where: { userId: ownerId, business: { name: "Race BV" } } })).toBe(1);
    // Once settled, a retry is replayed.
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
  });
});

describe("concurrency without keys", () => {
  it("20 concurrent POSTs of different invoices all land", async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => postInvoice(validInvoice({ number: `CONC-${i}` }))));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const ids = (await Promise.all(responses.map(readJson))).map((body) => body.data.id);
    expect(new Set(ids).size).toBe(20);
    expect(await invoiceCount()).toBe(20);
  });

  it("20 concurrent POSTs with distinct keys all land", async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => postInvoice(validInvoice({ number: `KEYED-${i}` }), { "idempotency-key": `k-${i}` })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(await invoiceCount()).toBe(20);
  });

  it("two concurrent POSTs of one invoice number: one lands, the other is a 409 on `number`", async () => {
    const responses = await Promise.all([postInvoice(validInvoice({ number: "SAME" })), postInvoice(validInvoice({ number: "SAME" }))]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    const conflict = await readJson(responses.find((r) => r.status === 409)!);
    expect(conflict.error.code).toBe("CONFLICT");
    expect(conflict.error.fields).toHaveProperty("number");
    expect(await invoiceCount()).toBe(1);
  });
});

describe("replays only after the access check (issue #15)", () => {
  it("a member who lost access gets 404 for a replayed invoice POST, not the stored invoice", async () => {
    const member = await createUser("idem-member");
    const membership = await db().membership.create({ data: { businessId: business.id, userId: member.id, role: "MEMBER" } });
    const memberToken = await tokenFor(member.id);
    const invoice = validInvoice({ number: "IDEM-LOST" });
    const send = () =>
      invoicesRoute.POST(
        apiRequest("POST", `/api/v1/businesses/${business.id}/invoices`, {
          token: memberToken,
          body: invoice,
          headers: { "idempotency-key": "lost" },
        }),
        ctx({ businessId: business.id }),
      );
    const first = await send();
    expect(first.status).toBe(201);
    const created = (await readJson(first)).data;
    await db().membership.delete({ where: { id: membership.id } });
    const replay = await send();
    expect(replay.status).toBe(404);
    expect(replay.headers.get("idempotent-replayed")).toBeNull();
    const body = JSON.stringify(await readJson(replay));
    expect(body).not.toContain(created.id);
    expect(body).not.toContain("IDEM-LOST");
  });

  it("a replayed business POST is refused once the caller no longer belongs to the business", async () => {
    const send = () =>
      businessesRoute.POST(
        apiRequest("POST", "/api/v1/businesses", { token, body: { name: "Weg BV" }, headers: { "idempotency-key": "biz-lost" } }),
        ctx({}),
      );
    const first = await send();
    const created = (await readJson(first)).data;
    await db().membership.deleteMany({ where: { businessId: created.id, userId: ownerId } });
    const replay = await send();
    expect(replay.status).toBe(404);
    expect(JSON.stringify(await readJson(replay))).not.toContain(created.id);
  });
});

describe("row-level security on IdempotencyRecord", () => {
  it("a user reads and writes only their own records", async () => {
    const { runAsUser } = await import("@/lib/platform/db/db-context");
    const other = await createUser("idem-rls");
    await postInvoice(validInvoice({ number: "IDEM-RLS" }), { "idempotency-key": "rls" });
    expect(await db().idempotencyRecord.count({ where: { userId: ownerId } })).toBe(1);
    expect(await runAsUser(other.id, () => db().idempotencyRecord.count({ where: { userId: ownerId } }))).toBe(0);
    expect(await runAsUser(ownerId, () => db().idempotencyRecord.count({ where: { userId: ownerId } }))).toBe(1);
    await expect(
      runAsUser(other.id, () =>
        db().idempotencyRecord.createMany({ data: { userId: ownerId, key: "forged", requestHash: "x", statusCode: 201, response: {} } }),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await runAsUser(other.id, () => db().idempotencyRecord.deleteMany({ where: { userId: ownerId } }))).toEqual({ count: 0 });
    expect(await db().idempotencyRecord.count({ where: { userId: ownerId } })).toBe(1);
  });
});
