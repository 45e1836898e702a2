// POST /api/v1/businesses/{id}/purchases/e-invoices: UBL documents the business received,
// previewed and imported as purchases; another user gets 404 and the body is never read.
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/v1/businesses/[businessId]/purchases/e-invoices/route";
import { eInvoiceUploads, ndjsonLines } from "./e-invoice-upload";
import { readJson, snapshot } from "./helpers";

const uploads = eInvoiceUploads({
  route: POST,
  kind: "purchases",
  fixtures: "ubl-purchases",
  label: "api-ubl-buy",
  businessName: "Inkoop UBL BV",
});
const { fixture, upload, post } = uploads;

describe("POST /purchases/e-invoices", () => {
  it("answers 404 to another user without reading a byte of the upload, and changes nothing", async () => {
    await uploads.expectOutsiderRefusedUnread("purchases.zip");
  });

  it("previews a zip, refuses it while the reverse charge waits for its rate, then imports it with the rate chosen", async () => {
    const before = await snapshot(uploads.businessId);
    const dry = await post(upload(uploads.ownerToken, fixture("purchases.zip"), "?dryRun=true"));
    expect(dry.status).toBe(200);
    const preview = (await readJson(dry)).data;
    expect(preview.summary).toMatchObject({ total: 3, new: 2, review: 1, errors: 0 });
    expect(preview.rows[1]).toMatchObject({ source: "inkoop/purchase-reverse-charge-ae.xml", status: "review", reviewGroup: "AE|DE" });
    expect(await snapshot(uploads.businessId)).toBe(before);

    const refused = await post(upload(uploads.ownerToken, fixture("purchases.zip")));
    expect(refused.status).toBe(400);
    expect((await readJson(refused)).error).toMatchObject({
      code: "VALIDATION_FAILED",
      fieldKeys: { "rows.2.vatTreatment": "validation.categoryNeedsReview" },
    });
    expect(await snapshot(uploads.businessId)).toBe(before);

    const categories = encodeURIComponent(JSON.stringify({ groupCategories: { "AE|DE": "EU_REVERSE_CHARGE_9" } }));
    const done = await post(upload(uploads.ownerToken, fixture("purchases.zip"), `?categories=${categories}`));
    expect(done.status).toBe(201);
    expect((await readJson(done)).data).toEqual({ created: 3, skipped: 0, total: 3 });
    const again = await post(upload(uploads.ownerToken, fixture("purchases.zip"), `?categories=${categories}`));
    expect(again.status).toBe(200);
    expect((await readJson(again)).data).toEqual({ created: 0, skipped: 3, total: 3 });
  });

  it("takes one XML document, streams progress on request, and refuses other media types and unknown choices", async () => {
    const streamed = await post(
      upload(uploads.ownerToken, fixture("purchase-s21.xml"), "?fileName=INK.xml", "application/xml", "application/x-ndjson"),
    );
    const lines = await ndjsonLines(streamed);
    expect(lines.at(-1)).toMatchObject({ type: "result", status: 201, data: { created: 1 } });
    expect((await post(upload(uploads.ownerToken, fixture("purchase-s21.xml"), "", "text/csv"))).status).toBe(415);
    const badChoice = await post(
      upload(
        uploads.ownerToken,
        fixture("purchase-s21.xml"),
        `?dryRun=true&categories=${encodeURIComponent('{"rowCategories":{"1":"NL_STANDARD"}}')}`,
        "application/xml",
      ),
    );
    expect(badChoice.status).toBe(400);
    expect((await post(upload(null, fixture("purchases.zip")))).status).toBe(401);
    expect((await GET()).status).toBe(405);
  });
});
