// The bank-statement routes: the import (file as body), the candidate list and the review
// actions; paired isolation, access before the body is read, field-level refusals.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import * as statements from "@/app/api/v1/businesses/[businessId]/bank-statements/route";
import * as lines from "@/app/api/v1/businesses/[businessId]/bank-lines/route";
import * as accept from "@/app/api/v1/businesses/[businessId]/bank-lines/[lineId]/accept/route";
import * as reject from "@/app/api/v1/businesses/[businessId]/bank-lines/[lineId]/reject/route";
import { db } from "@/lib/db/client";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, tokenFor } from "./helpers";

const fixture = (name: string) => fs.readFileSync(path.join(process.cwd(), "test/fixtures/bank/camt053", name), "utf8");
let businessId: string;
let ownerToken: string;
let outsiderToken: string;
const upload = (token: string | null, body: string, contentType = "application/xml") =>
  statements.POST(
    apiRequest("POST", `/api/v1/businesses/${businessId}/bank-statements`, {
      token,
      rawBody: body,
      headers: { "content-type": contentType },
    }),
    ctx({ businessId }),
  );
const decide = (route: typeof accept, token: string, lineId: string, body: unknown) =>
  route.POST(apiRequest("POST", `/api/v1/businesses/${businessId}/bank-lines/${lineId}/x`, { token, body }), ctx({ businessId, lineId }));
const bankRows = async () => ({
  imports: await db().bankStatementImport.count({ where: { businessId } }),
  lines: await db().bankStatementLine.findMany({ where: { businessId }, orderBy: { id: "asc" } }),
  invoices: await db().invoice.count({ where: { businessId } }),
  rules: await db().bankCounterpartyRule.count({ where: { businessId } }),
});

beforeEach(async () => {
  const owner = await createUser("api-bank");
  const outsider = await createUser("api-bank-outsider");
  businessId = (await createOwnedBusiness(owner.id, "Bank API BV")).id;
  ownerToken = await tokenFor(owner.id);
  outsiderToken = await tokenFor(outsider.id);
});

describe("POST /bank-statements", () => {
  it("imports a CAMT.053 file (201), then answers 200 with nothing new for the same file", async () => {
    const first = await upload(ownerToken, fixture("plain.xml"));
    expect(first.status).toBe(201);
    const body = await readJson(first);
    expect(body.data.statement).toMatchObject({ format: "camt053", lines: 3, newLines: 3, candidates: 2, outgoing: 1 });
    expect(body.data.candidates.map((c: { amountCents: number }) => c.amountCents)).toEqual([60_500, 25_000]);
    const again = await upload(ownerToken, fixture("plain.xml"), "text/plain");
    expect(again.status).toBe(200);
    expect((await readJson(again)).data.statement).toMatchObject({ newLines: 0, candidates: 0 });
  });

  it("refuses another user's 24 MB upload with 404 before reading a byte of it", async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode("<Ntry>".repeat(170_000));
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled++;
          if (pulled > 24) controller.close();
          else controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request(`http://localhost:3000/api/v1/businesses/${businessId}/bank-statements`, {
      method: "POST",
      headers: { authorization: `Bearer ${outsiderToken}`, "content-type": "application/xml" },
      body,
      duplex: "half",
    } as RequestInit);
    const response = await statements.POST(request, ctx({ businessId }));
    expect(response.status).toBe(404);
    expect(await readJson(response)).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    expect(pulled).toBe(0);
  });

  it("says why a file cannot be read, in English with the i18n key, and stores nothing", async () => {
    const before = await bankRows();
    const broken = await upload(ownerToken, fixture("plain.xml").replace("</Stmt>", ""));
    expect(broken.status).toBe(400);
    expect((await readJson(broken)).error).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { file: expect.stringMatching(/XML file is incomplete/) },
      fieldKeys: { file: "bank.errors.invalidXml" },
    });
    const unknown = await upload(ownerToken, "Datum;Bedrag\n1;2\n", "text/csv");
    expect((await readJson(unknown)).error.fieldKeys).toEqual({ file: "bank.errors.unknownFormat" });
    expect((await upload(ownerToken, "", "application/xml")).status).toBe(400);
    expect((await upload(ownerToken, fixture("plain.xml"), "application/json")).status).toBe(415);
    const tooLarge = statements.POST(
      apiRequest("POST", `/api/v1/businesses/${businessId}/bank-statements`, {
        token: ownerToken,
        rawBody: "x",
        headers: { "content-type": "application/xml", "content-length": String(26 * 1024 * 1024) },
      }),
      ctx({ businessId }),
    );
    expect((await tooLarge).status).toBe(413);
    expect((await statements.GET()).status).toBe(405);
    expect(await bankRows()).toEqual(before);
  });
});

describe("GET /bank-lines and the review actions", () => {
  it("lists the candidates, accepts one as a cash sale on the payment date, rejects the other and remembers it", async () => {
    await upload(ownerToken, fixture("plain.xml"));
    const list = await lines.GET(
      apiRequest("GET", `/api/v1/businesses/${businessId}/bank-lines`, { token: ownerToken }),
      ctx({ businessId }),
    );
    const { data, page } = await readJson(list);
    expect(page).toEqual({ page: 1, pageSize: 100, total: 2 });
    const accepted = await decide(accept, ownerToken, data[0].id, { category: "NL_STANDARD" });
    expect(accepted.status).toBe(201);
    const answer = await readJson(accepted);
    expect(answer.data).toMatchObject({ status: "accepted", invoice: { id: answer.invoice.id } });
    expect(answer.invoice).toMatchObject({ kind: "cash_sale", date: "2026-11-05", netCents: 60_500 });
    expect(answer.vatAdvice).toMatchObject({ mustChargeVat: false });
    const rejected = await decide(reject, ownerToken, data[1].id, { remember: true });
    expect((await readJson(rejected)).data).toMatchObject({ status: "rejected", rule: { decision: "not_turnover" } });
    const twice = await decide(reject, ownerToken, data[1].id, {});
    expect(twice.status).toBe(409);
    expect((await readJson(twice)).error.fieldKeys).toEqual({ line: "bank.errors.notCandidate" });
    const incoming = await lines.GET(
      apiRequest("GET", `/api/v1/businesses/${businessId}/bank-lines?status=incoming`, { token: ownerToken }),
      ctx({ businessId }),
    );
    expect((await readJson(incoming)).data.map((l: { status: string }) => l.status)).toEqual(["accepted", "rejected"]);
  });

  it("answers every invalid field at once with its key, and a bad filter with 400; changes nothing", async () => {
    const { data } = await readJson(await upload(ownerToken, fixture("plain.xml")));
    const before = await bankRows();
    const refused = await decide(accept, ownerToken, data.candidates[0].id, { category: "X", date: "2026-02-30", vatCents: -1, extra: 1 });
    expect(refused.status).toBe(400);
    expect(Object.keys((await readJson(refused)).error.fieldKeys).sort()).toEqual(["category", "date", "extra", "vatCents"]);
    const badFilter = await lines.GET(
      apiRequest("GET", `/api/v1/businesses/${businessId}/bank-lines?status=everything&pageSize=1000`, { token: ownerToken }),
      ctx({ businessId }),
    );
    expect(badFilter.status).toBe(400);
    expect(Object.keys((await readJson(badFilter)).error.fields).sort()).toEqual(["pageSize", "status"]);
    expect((await decide(accept, ownerToken, "not-a-uuid", { category: "NL_STANDARD" })).status).toBe(404);
    expect(await bankRows()).toEqual(before);
  });

  it("answers 404 to another user for the list and both actions, and changes nothing", async () => {
    const { data } = await readJson(await upload(ownerToken, fixture("plain.xml")));
    const before = await bankRows();
    expect(
      (await lines.GET(apiRequest("GET", `/api/v1/businesses/${businessId}/bank-lines`, { token: outsiderToken }), ctx({ businessId })))
        .status,
    ).toBe(404);
    expect((await decide(accept, outsiderToken, data.candidates[0].id, { category: "NL_STANDARD" })).status).toBe(404);
    expect((await decide(reject, outsiderToken, data.candidates[1].id, { remember: true })).status).toBe(404);
    expect(await bankRows()).toEqual(before);
  });
});
