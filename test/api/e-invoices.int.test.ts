// POST /api/v1/businesses/{id}/invoices/e-invoices: the UBL upload gives the CSV import's
// preview and commit; another user gets 404 and the body is never read.
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/v1/businesses/[businessId]/invoices/e-invoices/route";
import { eInvoiceUploads, ndjsonLines } from "./e-invoice-upload";
import { readJson, snapshot } from "./helpers";

const uploads = eInvoiceUploads({ route: POST, kind: "invoices", fixtures: "ubl", label: "api-ubl", businessName: "UBL API BV" });
const { fixture, upload, post } = uploads;

describe("POST /invoices/e-invoices", () => {
  it("answers 404 to another user without reading a byte of the upload, and changes nothing", async () => {
    await uploads.expectOutsiderRefusedUnread("invoices.zip");
  });

  it("previews a zip like a CSV file, then imports it with the review row's category given", async () => {
    const before = await snapshot(uploads.businessId);
    const dry = await post(upload(uploads.ownerToken, fixture("invoices.zip"), "?dryRun=true"));
    expect(dry.status).toBe(200);
    const preview = (await readJson(dry)).data;
    expect(preview.summary).toMatchObject({ total: 6, new: 5, review: 1, errors: 0 });
    expect(preview.rows[4]).toMatchObject({ source: "facturen/exempt-e.xml", status: "review", reviewGroup: "NL|business|E" });
    expect(await snapshot(uploads.businessId)).toBe(before);

    const refused = await post(upload(uploads.ownerToken, fixture("invoices.zip")));
    expect(refused.status).toBe(400);
    expect((await readJson(refused)).error).toMatchObject({
      code: "VALIDATION_FAILED",
      fieldKeys: { "rows.5.category": "validation.categoryNeedsReview" },
    });
    expect(await snapshot(uploads.businessId)).toBe(before);

    const categories = encodeURIComponent(JSON.stringify({ rowCategories: { "5": "EXEMPT_OTHER" } }));
    const done = await post(upload(uploads.ownerToken, fixture("invoices.zip"), `?categories=${categories}`));
    expect(done.status).toBe(201);
    expect((await readJson(done)).data).toEqual({ created: 6, skipped: 0, total: 6 });
  });

  it("takes one XML document, streams progress on request, and refuses other media types, bad choices and oversized bodies", async () => {
    const streamed = await post(
      upload(uploads.ownerToken, fixture("domestic-s21.xml"), "?fileName=F2026-001.xml", "application/xml", "application/x-ndjson"),
    );
    const lines = await ndjsonLines(streamed);
    expect(lines.at(-1)).toMatchObject({ type: "result", status: 201, data: { created: 1 } });
    expect(lines.map((line) => line.type)).toContain("progress");
    expect((await post(upload(uploads.ownerToken, fixture("domestic-s21.xml"), "", "text/csv"))).status).toBe(415);
    const badChoice = await post(
      upload(
        uploads.ownerToken,
        fixture("domestic-s21.xml"),
        `?dryRun=true&categories=${encodeURIComponent('{"columns":{}}')}`,
        "application/xml",
      ),
    );
    expect(badChoice.status).toBe(400);
    const notJson = await post(upload(uploads.ownerToken, fixture("domestic-s21.xml"), "?dryRun=true&categories=nope", "application/xml"));
    expect((await readJson(notJson)).error).toMatchObject({ fieldKeys: { categories: "validation.invalid" } });
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= 26) controller.close();
        else controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const big = new Request(`http://localhost:3000/api/v1/businesses/${uploads.businessId}/invoices/e-invoices`, {
      method: "POST",
      headers: { authorization: `Bearer ${uploads.ownerToken}`, "content-type": "application/zip" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await post(big)).status).toBe(413);
    expect((await post(upload(uploads.ownerToken, fixture("not-ubl.xml"), "?dryRun=true", "text/xml"))).status).toBe(200);
  });

  it("answers 401 without credentials and 405 to GET", async () => {
    expect((await post(upload(null, fixture("invoices.zip")))).status).toBe(401);
    expect((await GET()).status).toBe(405);
  });
});
