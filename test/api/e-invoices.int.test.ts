// POST /api/v1/businesses/{id}/invoices/e-invoices: the UBL upload gives the CSV import's
// preview and commit; another user gets 404 and the body is never read.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { POST, GET } from "@/app/api/v1/businesses/[businessId]/invoices/e-invoices/route";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { ctx, readJson, snapshot, tokenFor } from "./helpers";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(process.cwd(), "test/fixtures/ubl", name)));
let businessId: string;
let ownerToken: string;
let outsiderToken: string;
const upload = (token: string | null, body: BodyInit, query = "", contentType = "application/zip", accept = "application/json") =>
  new Request(`http://localhost:3000/api/v1/businesses/${businessId}/invoices/e-invoices${query}`, {
    method: "POST",
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": contentType, accept },
    body,
  });

beforeEach(async () => {
  const owner = await createUser("api-ubl");
  const outsider = await createUser("api-ubl-outsider");
  businessId = (await createOwnedBusiness(owner.id, "UBL API BV")).id;
  ownerToken = await tokenFor(owner.id);
  outsiderToken = await tokenFor(outsider.id);
});

describe("POST /invoices/e-invoices", () => {
  it("answers 404 to another user without reading a byte of the upload, and changes nothing", async () => {
    const before = await snapshot(businessId);
    for (const query of ["", "?dryRun=true"]) {
      let pulled = 0;
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            pulled++;
            if (pulled > 4) controller.close();
            else controller.enqueue(fixture("invoices.zip"));
          },
        },
        { highWaterMark: 0 },
      );
      const request = new Request(`http://localhost:3000/api/v1/businesses/${businessId}/invoices/e-invoices${query}`, {
        method: "POST",
        headers: { authorization: `Bearer ${outsiderToken}`, "content-type": "application/zip" },
        body,
        duplex: "half",
      } as RequestInit);
      expect((await POST(request, ctx({ businessId }))).status).toBe(404);
      expect(pulled).toBe(0);
    }
    expect(await snapshot(businessId)).toBe(before);
  });

  it("previews a zip like a CSV file, then imports it with the review row's category given", async () => {
    const before = await snapshot(businessId);
    const dry = await POST(upload(ownerToken, fixture("invoices.zip"), "?dryRun=true"), ctx({ businessId }));
    expect(dry.status).toBe(200);
    const preview = (await readJson(dry)).data;
    expect(preview.summary).toMatchObject({ total: 6, new: 5, review: 1, errors: 0 });
    expect(preview.rows[4]).toMatchObject({ source: "facturen/exempt-e.xml", status: "review", reviewGroup: "NL|business|E" });
    expect(await snapshot(businessId)).toBe(before);

    const refused = await POST(upload(ownerToken, fixture("invoices.zip")), ctx({ businessId }));
    expect(refused.status).toBe(400);
    expect((await readJson(refused)).error).toMatchObject({
      code: "VALIDATION_FAILED",
      fieldKeys: { "rows.5.category": "validation.categoryNeedsReview" },
    });
    expect(await snapshot(businessId)).toBe(before);

    const categories = encodeURIComponent(JSON.stringify({ rowCategories: { "5": "EXEMPT_OTHER" } }));
    const done = await POST(upload(ownerToken, fixture("invoices.zip"), `?categories=${categories}`), ctx({ businessId }));
    expect(done.status).toBe(201);
    expect((await readJson(done)).data).toEqual({ created: 6, skipped: 0, total: 6 });
  });

  it("takes one XML document, streams progress on request, and refuses other media types, bad choices and oversized bodies", async () => {
    const streamed = await POST(
      upload(ownerToken, fixture("domestic-s21.xml"), "?fileName=F2026-001.xml", "application/xml", "application/x-ndjson"),
      ctx({ businessId }),
    );
    const lines = (await streamed.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.at(-1)).toMatchObject({ type: "result", status: 201, data: { created: 1 } });
    expect(lines.map((line) => line.type)).toContain("progress");
    expect((await POST(upload(ownerToken, fixture("domestic-s21.xml"), "", "text/csv"), ctx({ businessId }))).status).toBe(415);
    const badChoice = await POST(
      upload(ownerToken, fixture("domestic-s21.xml"), `?dryRun=true&categories=${encodeURIComponent('{"columns":{}}')}`, "application/xml"),
      ctx({ businessId }),
    );
    expect(badChoice.status).toBe(400);
    const notJson = await POST(
      upload(ownerToken, fixture("domestic-s21.xml"), "?dryRun=true&categories=nope", "application/xml"),
      ctx({ businessId }),
    );
    expect((await readJson(notJson)).error).toMatchObject({ fieldKeys: { categories: "validation.invalid" } });
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= 26) controller.close();
        else controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const big = new Request(`http://localhost:3000/api/v1/businesses/${businessId}/invoices/e-invoices`, {
      method: "POST",
      headers: { authorization: `Bearer ${ownerToken}`, "content-type": "application/zip" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await POST(big, ctx({ businessId }))).status).toBe(413);
    expect((await POST(upload(ownerToken, fixture("not-ubl.xml"), "?dryRun=true", "text/xml"), ctx({ businessId }))).status).toBe(200);
  });

  it("answers 401 without credentials and 405 to GET", async () => {
    expect((await POST(upload(null, fixture("invoices.zip")), ctx({ businessId }))).status).toBe(401);
    expect((await GET()).status).toBe(405);
  });
});
