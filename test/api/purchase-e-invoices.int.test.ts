// POST /api/v1/businesses/{id}/purchases/e-invoices: UBL documents the business received,
// previewed and imported as purchases; another user gets 404 and the body is never read.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/v1/businesses/[businessId]/purchases/e-invoices/route";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { ctx, readJson, snapshot, tokenFor } from "./helpers";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(process.cwd(), "test/fixtures/ubl-purchases", name)));
let businessId: string;
let ownerToken: string;
let outsiderToken: string;
const upload = (token: string | null, body: BodyInit, query = "", contentType = "application/zip", accept = "application/json") =>
  new Request(`http://localhost:3000/api/v1/businesses/${businessId}/purchases/e-invoices${query}`, {
    method: "POST",
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": contentType, accept },
    body,
  });

beforeEach(async () => {
  const owner = await createUser("api-ubl-buy");
  const outsider = await createUser("api-ubl-buy-outsider");
  businessId = (await createOwnedBusiness(owner.id, "Inkoop UBL BV")).id;
  ownerToken = await tokenFor(owner.id);
  outsiderToken = await tokenFor(outsider.id);
});

describe("POST /purchases/e-invoices", () => {
  it("answers 404 to another user without reading a byte of the upload, and changes nothing", async () => {
    const before = await snapshot(businessId);
    for (const query of ["", "?dryRun=true"]) {
      let pulled = 0;
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            pulled++;
            if (pulled > 4) controller.close();
            else controller.enqueue(fixture("purchases.zip"));
          },
        },
        { highWaterMark: 0 },
      );
      const request = new Request(`http://localhost:3000/api/v1/businesses/${businessId}/purchases/e-invoices${query}`, {
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

  it("previews a zip, refuses it while the reverse charge waits for its rate, then imports it with the rate chosen", async () => {
    const before = await snapshot(businessId);
    const dry = await POST(upload(ownerToken, fixture("purchases.zip"), "?dryRun=true"), ctx({ businessId }));
    expect(dry.status).toBe(200);
    const preview = (await readJson(dry)).data;
    expect(preview.summary).toMatchObject({ total: 3, new: 2, review: 1, errors: 0 });
    expect(preview.rows[1]).toMatchObject({ source: "inkoop/purchase-reverse-charge-ae.xml", status: "review", reviewGroup: "AE|DE" });
    expect(await snapshot(businessId)).toBe(before);

    const refused = await POST(upload(ownerToken, fixture("purchases.zip")), ctx({ businessId }));
    expect(refused.status).toBe(400);
    expect((await readJson(refused)).error).toMatchObject({
      code: "VALIDATION_FAILED",
      fieldKeys: { "rows.2.vatTreatment": "validation.categoryNeedsReview" },
    });
    expect(await snapshot(businessId)).toBe(before);

    const categories = encodeURIComponent(JSON.stringify({ groupCategories: { "AE|DE": "EU_REVERSE_CHARGE_9" } }));
    const done = await POST(upload(ownerToken, fixture("purchases.zip"), `?categories=${categories}`), ctx({ businessId }));
    expect(done.status).toBe(201);
    expect((await readJson(done)).data).toEqual({ created: 3, skipped: 0, total: 3 });
    const again = await POST(upload(ownerToken, fixture("purchases.zip"), `?categories=${categories}`), ctx({ businessId }));
    expect(again.status).toBe(200);
    expect((await readJson(again)).data).toEqual({ created: 0, skipped: 3, total: 3 });
  });

  it("takes one XML document, streams progress on request, and refuses other media types and unknown choices", async () => {
    const streamed = await POST(
      upload(ownerToken, fixture("purchase-s21.xml"), "?fileName=INK.xml", "application/xml", "application/x-ndjson"),
      ctx({ businessId }),
    );
    const lines = (await streamed.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.at(-1)).toMatchObject({ type: "result", status: 201, data: { created: 1 } });
    expect((await POST(upload(ownerToken, fixture("purchase-s21.xml"), "", "text/csv"), ctx({ businessId }))).status).toBe(415);
    const badChoice = await POST(
      upload(
        ownerToken,
        fixture("purchase-s21.xml"),
        `?dryRun=true&categories=${encodeURIComponent('{"rowCategories":{"1":"NL_STANDARD"}}')}`,
        "application/xml",
      ),
      ctx({ businessId }),
    );
    expect(badChoice.status).toBe(400);
    expect((await POST(upload(null, fixture("purchases.zip")), ctx({ businessId }))).status).toBe(401);
    expect((await GET()).status).toBe(405);
  });
});
