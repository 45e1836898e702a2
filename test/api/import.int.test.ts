// POST /api/v1/businesses/{id}/invoices/import: paired isolation, dry run, all or nothing.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { POST, GET } from "@/app/api/v1/businesses/[businessId]/invoices/import/route";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { apiRequest, ctx, readJson, snapshot, tokenFor } from "./helpers";

const fixture = (name: string) => fs.readFileSync(path.join(process.cwd(), "e2e/fixtures", name), "utf8");
let businessId: string;
let ownerToken: string;
let outsiderToken: string;
const url = () => `/api/v1/businesses/${businessId}/invoices/import`;
const csvRequest = (token: string | null, csv: string, query = "", contentType = "text/csv") =>
  apiRequest("POST", `${url()}${query}`, { token, rawBody: csv, headers: { "content-type": contentType } });

beforeEach(async () => {
  const owner = await createUser("api-import");
  const outsider = await createUser("api-outsider");
  businessId = (await createOwnedBusiness(owner.id, "Import API BV")).id;
  ownerToken = await tokenFor(owner.id);
  outsiderToken = await tokenFor(outsider.id);
});

describe("POST /invoices/import", () => {
  it("answers 404 to another user and changes nothing", async () => {
    const before = await snapshot(businessId);
    const response = await POST(csvRequest(outsiderToken, fixture("invoices-basic.csv")), ctx({ businessId }));
    expect(response.status).toBe(404);
    expect(await snapshot(businessId)).toBe(before);
  });

  it("refuses another user's 24 MB upload before reading a byte of it, dry run or not (issue #17)", async () => {
    for (const query of ["", "?dryRun=true"]) {
      let pulled = 0;
      const chunk = new TextEncoder().encode(`X,2026-01-01,K,1\n`.repeat(65_536));
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
      const request = new Request(`http://localhost:3000${url()}${query}`, {
        method: "POST",
        headers: { authorization: `Bearer ${outsiderToken}`, "content-type": "text/csv" },
        body,
        duplex: "half",
      } as RequestInit);
      const response = await POST(request, ctx({ businessId }));
      expect(response.status).toBe(404);
      expect(pulled).toBe(0);
    }
  });

  it("answers a second concurrent import of the same business with 409, in the caller's words (issue #17)", async () => {
    const big = `number,date,customer,net\n${Array.from({ length: 30_000 }, (_, i) => `P-${i},2026-01-01,K,1`).join("\n")}`;
    const [a, b] = await Promise.all([
      POST(csvRequest(ownerToken, big), ctx({ businessId })),
      POST(csvRequest(ownerToken, big), ctx({ businessId })),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = await readJson(a.status === 409 ? a : b);
    expect(refused.error).toMatchObject({
      code: "CONFLICT",
      fields: { file: "An import of this business is already running. Wait until it has finished and try again." },
      fieldKeys: { file: "validation.importRunning" },
    });
  });

  it("answers 401 without credentials", async () => {
    expect((await POST(csvRequest(null, fixture("invoices-basic.csv")), ctx({ businessId }))).status).toBe(401);
  });

  it("previews with dryRun, then imports once for the owner", async () => {
    const before = await snapshot(businessId);
    const dry = await POST(csvRequest(ownerToken, fixture("moneybird-verkoopfacturen.csv"), "?dryRun=true"), ctx({ businessId }));
    expect(dry.status).toBe(200);
    expect((await readJson(dry)).data.summary).toMatchObject({ total: 4, new: 4, errors: 0 });
    expect(await snapshot(businessId)).toBe(before);

    const first = await POST(csvRequest(ownerToken, fixture("moneybird-verkoopfacturen.csv")), ctx({ businessId }));
    expect(first.status).toBe(201);
    expect((await readJson(first)).data).toMatchObject({ created: 4, skipped: 0, total: 4 });
    const second = await POST(csvRequest(ownerToken, fixture("moneybird-verkoopfacturen.csv")), ctx({ businessId }));
    expect(second.status).toBe(200);
    expect((await readJson(second)).data).toMatchObject({ created: 0, skipped: 4 });
  });

  it("refuses a broken file with 400 naming rows and fields, and commits nothing", async () => {
    const before = await snapshot(businessId);
    const response = await POST(csvRequest(ownerToken, fixture("broken-rows.csv")), ctx({ businessId }));
    expect(response.status).toBe(400);
    const body = await readJson(response);
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(body.error.fields)).toEqual(expect.arrayContaining(["rows.3.date", "rows.4.category", "rows.8.number"]));
    expect(await snapshot(businessId)).toBe(before);
  });

  it("refuses JSON (415), a bad mapping (400) and other methods (405)", async () => {
    expect((await POST(csvRequest(ownerToken, "{}", "", "application/json"), ctx({ businessId }))).status).toBe(415);
    expect((await POST(csvRequest(ownerToken, fixture("invoices-basic.csv"), "?mapping=%7Bnope"), ctx({ businessId }))).status).toBe(400);
    expect((await GET()).status).toBe(405);
  });
});

describe("POST /invoices/import with a progress stream (Accept: application/x-ndjson)", () => {
  const streamRequest = (token: string | null, csv: string) =>
    apiRequest("POST", url(), { token, rawBody: csv, headers: { "content-type": "text/csv", accept: "application/x-ndjson" } });
  const lines = async (response: Response) =>
    (await response.text())
      .split("\n")
      .filter(Boolean)
      .map(
        (line) =>
          JSON.parse(line) as { type: string; phase?: string; done?: number; total?: number; status?: number; data?: any; error?: any },
      );

  it("answers a plain 404 to another user before any stream, and changes nothing", async () => {
    const before = await snapshot(businessId);
    const response = await POST(streamRequest(outsiderToken, fixture("invoices-basic.csv")), ctx({ businessId }));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await snapshot(businessId)).toBe(before);
  });

  it("streams checking, saving and committing, then the result, for a file of 12,000 rows", async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `S-${String(i).padStart(5, "0")};15-03-2026;Klant ${i};12,50`);
    const csv = ["Factuurnummer;Datum;Klant;Bedrag excl. btw", ...rows].join("\n");
    const response = await POST(streamRequest(ownerToken, csv), ctx({ businessId }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const received = await lines(response);
    const phases = received
      .filter((line) => line.type === "progress")
      .map((line) => (line.phase === "saving" ? `saving:${line.done}` : line.phase));
    // Saved in chunks of 1,000 rows (each chunk's work short enough to keep the server answering).
    expect(phases).toEqual(["checking", ...Array.from({ length: 13 }, (_, i) => `saving:${i * 1000}`), "committing"]);
    expect(received.at(-1)).toMatchObject({ type: "result", status: 201, data: { created: 12_000, skipped: 0, total: 12_000 } });
    const list = await readJson(await GET_LIST(ownerToken));
    expect(list.page.totalItems).toBe(12_000);
  });

  it("ends with an error line naming rows and fields when the file is broken, and commits nothing", async () => {
    const before = await snapshot(businessId);
    const response = await POST(streamRequest(ownerToken, fixture("broken-rows.csv")), ctx({ businessId }));
    expect(response.status).toBe(200);
    const last = (await lines(response)).at(-1)!;
    expect(last).toMatchObject({ type: "error", status: 400, error: { code: "VALIDATION_FAILED" } });
    expect(Object.keys(last.error.fields).some((key) => key.startsWith("rows."))).toBe(true);
    expect(await snapshot(businessId)).toBe(before);
  });
});

async function GET_LIST(token: string): Promise<Response> {
  const { GET: list } = await import("@/app/api/v1/businesses/[businessId]/invoices/route");
  return list(apiRequest("GET", `/api/v1/businesses/${businessId}/invoices?pageSize=1`, { token }), ctx({ businessId }));
}
