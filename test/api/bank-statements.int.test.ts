// The bank-statement routes: the import (file as body), the candidate list and the review
// actions; paired isolation, access before the body is read, field-level refusals.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import * as statements from "@/app/api/v1/businesses/[businessId]/bank-statements/route";
import * as lines from "@/app/api/v1/businesses/[businessId]/bank-lines/route";
import * as accept from "@/app/api/v1/businesses/[businessId]/bank-lines/[lineId]/accept/route";
import * as reject from "@/app/api/v1/businesses/[businessId]/bank-lines/[lineId]/reject/route";
import { db } from "@/lib/platform/db/client";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { camtStatement, type CamtEntry } from "@/test/support/camt";
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
    expect(page).toEqual({ page: 1, pageSize: 100, total: 2, pages: 1 });
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

  it("pages each status filter (to review, accepted, rejected, left out) with its total and every filter's count", async () => {
    // Seven payments on seven days, and one private deposit that is left out.
    const entries: CamtEntry[] = Array.from({ length: 7 }, (_, i) => ({
      ref: `P-${i}`,
      cents: 10_000 + i,
      date: `2026-03-0${i + 1}`,
      name: `Klant ${i}`,
      iban: "NL20INGB0001234567",
      text: `Opdracht ${i}`,
    }));
    entries.push({ ref: "P-7", cents: 50_000, date: "2026-03-08", name: "Eigen", iban: "NL63TRIO0212345678", text: "Storting privé" });
    await upload(ownerToken, camtStatement({ id: "PAGES", account: "NL91ABNA0417164300", entries }));
    const list = async (query: string) => {
      const response = await lines.GET(
        apiRequest("GET", `/api/v1/businesses/${businessId}/bank-lines?${query}`, { token: ownerToken }),
        ctx({ businessId }),
      );
      expect(response.status).toBe(200);
      return (await readJson(response)) as {
        data: { id: string; amountCents: number; status: string }[];
        page: { page: number; pageSize: number; total: number; pages: number };
        counts: Record<string, number>;
      };
    };
    const first = await list("status=candidates&pageSize=3");
    expect(first.data.map((line) => line.amountCents)).toEqual([10_000, 10_001, 10_002]);
    expect(first.page).toEqual({ page: 1, pageSize: 3, total: 7, pages: 3 });
    const third = await list("status=candidates&pageSize=3&page=3");
    expect(third.data.map((line) => line.amountCents)).toEqual([10_006]);
    expect((await list("status=candidates&pageSize=3&page=4")).data).toEqual([]);

    await decide(accept, ownerToken, first.data[0]!.id, { category: "NL_STANDARD" });
    await decide(accept, ownerToken, first.data[1]!.id, { category: "NL_STANDARD" });
    await decide(reject, ownerToken, first.data[2]!.id, {});
    const accepted = await list("status=accepted&pageSize=1");
    expect(accepted.page).toEqual({ page: 1, pageSize: 1, total: 2, pages: 2 });
    // Decided and left-out lines are read newest payment first.
    expect(accepted.data.map((line) => [line.amountCents, line.status])).toEqual([[10_001, "accepted"]]);
    expect((await list("status=accepted&pageSize=1&page=2")).data.map((line) => line.amountCents)).toEqual([10_000]);
    expect((await list("status=rejected")).data.map((line) => line.amountCents)).toEqual([10_002]);
    const leftOut = await list("status=left_out");
    expect(leftOut.data.map((line) => [line.amountCents, line.status])).toEqual([[50_000, "excluded"]]);
    expect(leftOut.counts).toEqual({ candidates: 4, accepted: 2, rejected: 1, left_out: 1, incoming: 8 });
    expect((await list("status=incoming&pageSize=200")).page).toEqual({ page: 1, pageSize: 200, total: 8, pages: 1 });
  });

  it("refuses a page or page size that is not a whole number in range, field by field", async () => {
    for (const query of ["page=0", "page=1.5", "page=x", "pageSize=0", "pageSize=201", "page=-2&pageSize=abc"]) {
      const response = await lines.GET(
        apiRequest("GET", `/api/v1/businesses/${businessId}/bank-lines?${query}`, { token: ownerToken }),
        ctx({ businessId }),
      );
      expect(response.status, query).toBe(400);
      const { error } = await readJson(response);
      const expected = Object.fromEntries(query.split("&").map((pair) => [pair.split("=")[0], `validation.${pair.split("=")[0]}`]));
      expect(error.fieldKeys, query).toEqual(expected);
    }
  });

  it("answers 404 to another user for every filter and page of the list", async () => {
    await upload(ownerToken, fixture("plain.xml"));
    for (const query of ["", "status=accepted&page=2", "status=left_out&pageSize=1", "status=rejected"]) {
      const response = await lines.GET(
        apiRequest("GET", `/api/v1/businesses/${businessId}/bank-lines?${query}`, { token: outsiderToken }),
        ctx({ businessId }),
      );
      expect(response.status, query).toBe(404);
    }
  });

  describe("a line of an account in another currency", () => {
    const usdStatement = camtStatement({
      id: "USD-1",
      account: "NL91ABNA0417164300",
      currency: "USD",
      entries: [
        { ref: "U-1", cents: 10_000, date: "2026-04-01", name: "Acme Inc.", iban: "NL20INGB0001234567", text: "Illustration" },
        { ref: "U-2", cents: 20_000, date: "2026-04-02", name: "Bolt LLC", iban: "NL69INGB0123456789", text: "Logo" },
      ],
    });
    const usdLines = async () => {
      const { data } = await readJson(await upload(ownerToken, usdStatement));
      expect(data.candidates.map((line: { currency: string }) => line.currency)).toEqual(["USD", "USD"]);
      return data.candidates as { id: string }[];
    };

    it("needs the euro amount or the rate, not both, and says so with every other field's problem at once", async () => {
      const [line] = await usdLines();
      const before = await bankRows();
      const missing = await decide(accept, ownerToken, line!.id, { category: "NL_STANDARD" });
      expect(missing.status).toBe(400);
      expect((await readJson(missing)).error.fieldKeys).toEqual({
        euroCents: "validation.euroAmountOrRate",
        exchangeRate: "validation.euroAmountOrRate",
      });
      const both = await decide(accept, ownerToken, line!.id, { category: "NL_STANDARD", euroCents: 9_000, exchangeRate: 0.9 });
      expect((await readJson(both)).error.fieldKeys).toEqual({ exchangeRate: "validation.euroAmountOrRateNotBoth" });
      const together = await decide(accept, ownerToken, line!.id, { category: "X", vatCents: 20_000, date: "2026-02-30" });
      expect((await readJson(together)).error.fieldKeys).toEqual({
        category: "validation.category",
        date: "validation.date",
        vatCents: "validation.amountRange",
        euroCents: "validation.euroAmountOrRate",
        exchangeRate: "validation.euroAmountOrRate",
      });
      const invalid = await decide(accept, ownerToken, line!.id, { category: "NL_STANDARD", euroCents: 12.5, exchangeRate: 0 });
      expect((await readJson(invalid)).error.fieldKeys).toEqual({
        euroCents: "validation.integerCents",
        exchangeRate: "validation.exchangeRate",
      });
      expect(await bankRows()).toEqual(before);
    });

    it("books the euro amount given, with the rate it implies", async () => {
      const [line] = await usdLines();
      const accepted = await decide(accept, ownerToken, line!.id, { category: "NL_STANDARD", euroCents: 9_251, vatCents: 1_000 });
      expect(accepted.status).toBe(201);
      const { invoice } = await readJson(accepted);
      // USD 100.00 received as € 92.51: the rate 0.9251; the VAT USD 10.00 is € 9.25, the net the rest.
      expect(invoice).toMatchObject({ currency: "USD", foreignCents: 9_000, exchangeRate: 0.9251, vatCents: 925, netCents: 8_326 });
    });

    it("books at the rate given", async () => {
      const [, line] = await usdLines();
      const accepted = await decide(accept, ownerToken, line!.id, { category: "NL_STANDARD", exchangeRate: 0.92 });
      expect(accepted.status).toBe(201);
      expect((await readJson(accepted)).invoice).toMatchObject({
        currency: "USD",
        foreignCents: 20_000,
        exchangeRate: 0.92,
        netCents: 18_400,
      });
    });

    it("refuses a euro amount or a rate for a euro line", async () => {
      const { data } = await readJson(await upload(ownerToken, fixture("plain.xml")));
      const refused = await decide(accept, ownerToken, data.candidates[0].id, { category: "NL_STANDARD", euroCents: 100, exchangeRate: 1 });
      expect(refused.status).toBe(400);
      expect((await readJson(refused)).error.fieldKeys).toEqual({
        euroCents: "validation.onlyForeignCurrency",
        exchangeRate: "validation.onlyForeignCurrency",
      });
    });
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
